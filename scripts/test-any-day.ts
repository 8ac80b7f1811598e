/**
 * `npm run test:any-day`: the vitest suite again with the process clock moved (test/support/shift-clock.mjs)
 * to dates far from today, so a test that reads the machine's date instead of an injected clock fails
 * here, whatever day it is written on. Each run prints its totals; under CI (VITEST_JSON_REPORT set)
 * each run writes its JSON report beside the main one, named after its date, for .ci/run to add up.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Just after New Year (late evening of a federal holiday in New York), and a leap day years ahead. */
export const SHIFTED_DATES = ['2027-01-02T03:30:00Z', '2032-02-29T12:00:00Z'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const preload = join(root, 'test/support/shift-clock.mjs');
const mainReport = process.env.VITEST_JSON_REPORT;

let failed = false;
for (const date of SHIFTED_DATES) {
  console.log(`\n=== vitest with the clock at ${date} ===`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORTAL_TEST_NOW: date,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${JSON.stringify(preload)}`.trim(),
  };
  if (mainReport !== undefined) {
    env.VITEST_JSON_REPORT = join(dirname(mainReport), `vitest-${date.slice(0, 10)}.json`);
  }
  const run = spawnSync('npx', ['vitest', 'run', '--typecheck.enabled=false'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error(`The suite failed with the clock at ${date}: a test depends on the day it runs.`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
