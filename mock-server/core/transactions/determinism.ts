/**
 * Deterministic choices of the transaction domains: a choice is a pure function of the sandbox's
 * seed and what is being decided (a code, a request's content), so the same seed and the same
 * request always decide the same way, whatever else happened before.
 */
import { hash128 } from '../random.ts';

/**
 * A number in [0, 1) for (seed, key): the same pair always gives the same number.
 *
 * @example
 * fraction(42, 'check:97110'); // e.g. 0.7311…, always the same
 */
export function fraction(seed: number, key: string): number {
  const [word] = hash128(`${seed}|${key}`);
  return word / 4294967296;
}

/**
 * One of `items` for (seed, key).
 *
 * @example
 * choose(42, 'denial:PA-00000001', ['not_medically_necessary', 'not_a_covered_benefit']);
 */
export function choose<T>(seed: number, key: string, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('Cannot choose from an empty list.');
  return items[Math.floor(fraction(seed, key) * items.length)] as T;
}

/**
 * An integer in [min, max] for (seed, key).
 *
 * @example
 * between(42, 'visits:RF-30000001', 1, 12); // e.g. 7
 */
export function between(seed: number, key: string, min: number, max: number): number {
  return min + Math.floor(fraction(seed, key) * (max - min + 1));
}
