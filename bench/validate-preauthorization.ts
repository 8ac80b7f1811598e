/**
 * Benchmark of `validatePreauthorizationCreate` on a typical 10-line preauthorization request, against
 * two baselines measured in the same run: the bare zod `safeParse` of the same input with the same
 * schema (what the rules add on top of zod), and `JSON.parse(JSON.stringify(input))` (the cost of
 * merely copying the request). Writes docs/bench/validate-preauthorization.md.
 *
 * Run: npx tsx bench/validate-preauthorization.ts [--iterations 20000] [--rounds 5] [--no-write]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../sdk/rules/clock.ts';
import { PreauthorizationCreateSchema, validatePreauthorizationCreate } from '../sdk/rules/service-window.ts';
import { describeMachine, loadAverage, median, option } from './support.ts';

const TARGET_MICROSECONDS = 50;

const iterations = option('iterations', 20_000);
const rounds = option('rounds', 5);
const write = !process.argv.includes('--no-write');

const address = { line1: '80 Seymour St', line2: 'Suite 200', city: 'Hartford', state: 'CT', zip: '06102' };
const codes = ['97110', '97112', '97140', '97530', '97161', '97162', '97535', 'G0283', '97010', '0001F'];
const input = {
  memberId: 'K5500648801',
  urgency: 'standard',
  serviceType: 'physical_therapy',
  requestingProvider: { npi: '1407819535', taxId: '06-0646668', name: 'Adamski, John', address },
  servicingProvider: { npi: '1234567893', taxId: '113456782', name: 'Riverside Physical Therapy', address },
  diagnoses: [{ code: 'M54.50', primary: true }, { code: 'M62.81' }, { code: 'Z96.651' }],
  serviceStartDate: '2026-11-30',
  serviceEndDate: '2027-03-31',
  serviceLines: codes.map((procedureCode, i) => ({
    procedureCode,
    units: 4 + i,
    serviceStartDate: '2026-11-30',
    serviceEndDate: i % 2 === 0 ? '2027-02-28' : '2027-03-31',
    modifiers: ['GP'],
  })),
  notes: 'Low back pain after lifting injury; 6 weeks of home exercise without improvement.',
};
const ctx = {
  clock: fixedClock('2026-11-23T15:00:00Z'),
  coverage: { startDate: '2020-08-01', endDate: '9999-12-31' },
  providerDirectory: () => true,
};

let sink = 0;
function measure(run: () => unknown): { median: number; rounds: number[] } {
  for (let i = 0; i < Math.min(iterations, 5_000); i++) if (run()) sink++;
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) if (run()) sink++;
    const elapsed = Number(process.hrtime.bigint() - start) / 1_000; // µs
    perRound.push(elapsed / iterations);
  }
  return { median: median(perRound), rounds: perRound };
}

const check = validatePreauthorizationCreate(input, ctx);
if (!check.success) throw new Error(`The benchmark input must be valid: ${JSON.stringify(check.violations)}`);

const cases = [
  { name: 'validatePreauthorizationCreate', run: () => validatePreauthorizationCreate(input, ctx).success },
  {
    name: 'baseline: PreauthorizationCreateSchema.safeParse',
    run: () => PreauthorizationCreateSchema.safeParse(input).success,
  },
  {
    name: 'baseline: JSON.parse(JSON.stringify(input))',
    run: () => JSON.parse(JSON.stringify(input)) !== null,
  },
];
const results = cases.map((c) => ({ name: c.name, ...measure(c.run) }));
const [validate, zodOnly] = results;
if (validate === undefined || zodOnly === undefined) throw new Error('unreachable');

const machine = describeMachine();
const load = loadAverage();
const command = `npx tsx bench/validate-preauthorization.ts --iterations ${iterations} --rounds ${rounds}`;
const fmt = (us: number) => us.toFixed(2);
const lines = results.map((r) => `| ${r.name} | ${fmt(r.median)} | ${r.rounds.map(fmt).join(', ')} |`);
const verdict = validate.median < TARGET_MICROSECONDS ? 'meets' : 'MISSES';

console.log(`${machine}; ${load}\n${iterations} iterations x ${rounds} rounds (median of rounds, µs/op):`);
for (const r of results) console.log(`  ${r.name.padEnd(52)} ${fmt(r.median).padStart(8)} µs/op`);
console.log(
  `validatePreauthorizationCreate ${verdict} the ${TARGET_MICROSECONDS} µs target; ` +
    `${fmt(validate.median / zodOnly.median)}x the bare zod parse. (sink ${sink})`,
);

if (write) {
  const markdown = `# Benchmark: validatePreauthorizationCreate

A typical preauthorization request (10 service lines with modifiers, 3 diagnoses, two providers, Tax
ID to normalise) validated with the full rules (coverage and a provider directory given), against two
baselines measured in the same run: the bare zod \`safeParse\` with the same schema (what the rules add
on top of zod) and \`JSON.parse(JSON.stringify(input))\` (the cost of copying the request).

Target: under ${TARGET_MICROSECONDS} µs per validation. Result: **${fmt(validate.median)} µs** (${verdict} the target),
${fmt(validate.median / zodOnly.median)}× the bare zod parse and ${fmt(validate.median / (results[2]?.median ?? 1))}× copying the request through JSON.

| case | median µs/op | rounds (µs/op) |
|---|---|---|
${lines.join('\n')}

- Machine: ${machine}; ${load}.
- Method: ${Math.min(iterations, 5_000)} warm-up calls, then ${rounds} rounds of ${iterations} calls; the median of the rounds.
- Command: \`${command}\`
- The rules are written with \`zod/mini\` to keep the SDK's bundle small (docs/bundle-size.md). Mini
  parses objects without classic zod's compiled (\`new Function\`) fast path, which also keeps it usable
  under a strict Content-Security-Policy; the bare-parse row above is that cost.
`;
  const target = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../docs/bench/validate-preauthorization.md',
  );
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, markdown);
  console.log(`Wrote ${target}`);
}
