/**
 * What the benchmark scripts share: their command-line options, the median of the rounds, and the
 * lines that say on what machine, under what load, a figure was measured.
 */
import { cpus, loadavg, platform, release } from 'node:os';

/**
 * A positive integer option of the command line (`--iterations 20000`), or its default.
 *
 * @example
 * const iterations = option('iterations', 20_000);
 */
export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer.`);
  return value;
}

/**
 * The median of the measured rounds (the mean of the two middle ones for an even count).
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * The machine a figure was measured on: CPU, cores, OS and Node.
 *
 * @example
 * describeMachine(); // 'AMD EPYC (2 cores), linux 6.18.44, Node v20.20.2'
 */
export function describeMachine(): string {
  return `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} cores), ${platform()} ${release()}, Node ${process.version}`;
}

/**
 * The load average at the end of a run. A busy machine slows every case alike: the ratios to the
 * baselines stay meaningful when the µs do not.
 *
 * @example
 * loadAverage(); // 'load average 1.24, 1.90, 2.13 at the end of the run'
 */
export function loadAverage(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')} at the end of the run`;
}
