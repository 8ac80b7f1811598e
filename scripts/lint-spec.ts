/**
 * `npm run lint:spec`: Redocly's recommended ruleset (redocly.yaml) over the shipped spec, where a
 * warning fails the run as an error does. Redocly itself exits 0 on warnings.
 */
import { spawnSync } from 'node:child_process';

const file = process.argv[2] ?? 'openapi/portal.yaml';
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const run = spawnSync('npx', ['redocly', 'lint', '--max-problems', '500', file], { env, encoding: 'utf8' });
const output = `${run.stdout}${run.stderr}`;
const clean = /Your API description is valid\./.test(output) && !/You have \d+ warnings?/.test(output);
process.stdout.write(
  output
    .split('\n')
    .filter((line) => !/npm warn|Node\.js|╔|║|╚/.test(line))
    .join('\n'),
);
if (run.status !== 0 || !clean) {
  console.error(`\nspec lint failed for ${file}: fix every error and warning above.`);
  process.exit(1);
}
