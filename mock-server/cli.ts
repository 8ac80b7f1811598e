/**
 * `provider-portal-mock`: runs the mock portal over HTTP.
 *
 *   provider-portal-mock --port 4010 --seed 42 --members 100000
 *
 * Prints a banner with the URLs, the test personas (password and MFA code) and the documented member
 * IDs, then serves until SIGINT or SIGTERM, when it closes the server and exits 0.
 */
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import type { RunningMockServer } from './server.ts';

/**
 * Where a guide of the package is on this machine: the docs ship in the package (`files`), beside
 * `dist/` as beside `mock-server/` in a clone, so the path printed is one the user has. Relative to
 * the working directory when shorter (`node_modules/provider-portal-sdk/docs/…`).
 */
function guidePath(file: string): string {
  const absolute = fileURLToPath(new URL(`../${file}`, import.meta.url));
  if (!existsSync(absolute)) return `${pkg.homepage} (${file})`;
  const near = relative(process.cwd(), absolute);
  return near.length < absolute.length && !near.startsWith('../../..') ? near : absolute;
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, '')}…`;
}

const HELP = `provider-portal-mock ${pkg.version}: a deterministic, spec-validated mock health-plan provider portal.

Usage: provider-portal-mock [options]

Options:
  --port <n>            Port to listen on (default 4010; 0 picks a free port)
  --host <address>      Interface to listen on (default 127.0.0.1; 0.0.0.0 for every interface,
                        which needs --admin-token)
  --seed <n>            Data seed: the same seed always gives the same data (default 42)
  --members <n>         Number of members in the data set, generated lazily (default 100000)
  --latency <ms>        Latency added to every API answer, in milliseconds (default 0)
  --failure-rate <0-1>  Share of API requests answered 503 SERVICE_UNAVAILABLE, seeded (default 0)
  --clock <ISO>         Start instant of the mock clock, e.g. 2026-11-23T14:00:00Z (default: now,
                        to the second). Fix it to make runs byte-for-byte identical.
  --admin-token <secret>
                        Token /__admin then requires (Authorization: Bearer <secret>); at least
                        16 characters. Default: $MOCK_PORTAL_ADMIN_TOKEN; none: open admin API
                        (loopback only)
  --admin-origin <url>  An origin whose pages may call /__admin (repeatable; default none)
  --cors-origin <url>   An origin whose pages may call /api/v1 (repeatable; default every origin)
  --allowed-host <name> A name clients use to reach the server, accepted in Host (repeatable;
                        the listening address and localhost always are)
  --rate-limit <n>      Requests per second per client address, then 429 with Retry-After
                        (default 0: no limit)
  --max-sandboxes <n>   Sandboxes open at once besides the default one (default 100)
  --sandbox-idle-minutes <n>
                        Close opened sandboxes unused for n minutes of real time (default 60;
                        0: never)
  --quiet               Print only the URL line instead of the whole banner
  -h, --help            Show this help
  -v, --version         Show the version

Every answer carries X-Mock-Portal: 1. Admin API: /__admin (clock, sessions, sandboxes, scenarios).
API reference: /docs in a browser (Swagger UI, served by the mock, no CDN; "Try it out" calls it).
Docs: ${guidePath('docs/mock-server.md')}
      ${pkg.homepage}`;

function fail(message: string): never {
  process.stderr.write(
    `provider-portal-mock: ${message}\nRun provider-portal-mock --help for the options.\n`,
  );
  process.exit(2);
}

function numberOption(
  value: string | undefined,
  name: string,
  fallback: number,
  check: (n: number) => boolean,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || !check(number))
    fail(`--${name} ${value} is not valid.`);
  return number;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// The server and its data load only once the flags are read, so --help and --version answer at once.
async function banner(server: RunningMockServer, startupMs: number): Promise<string> {
  const { PERSONA_DEVICE_ID, PERSONA_MFA_CODE, PERSONA_PASSWORD, PERSONAS, scenarioEntries } = await import(
    './cli-support.ts'
  );
  const { options } = server.core;
  const lines: string[] = [];
  lines.push(`Provider portal mock ${pkg.version} listening on ${server.url}`);
  lines.push('');
  lines.push(`  API         ${server.url}/api/v1`);
  lines.push(
    `  FHIR        ${server.url}/fhir/r4   (Da Vinci PAS 2.2.1: Claim/$submit, Claim/$inquire, metadata)`,
  );
  lines.push(`  Spec        ${server.url}/openapi.yaml   ${server.url}/openapi.json`);
  lines.push(`  Reference   ${server.url}/docs   (in a browser; "Try it out" calls this mock)`);
  lines.push(`  Admin       ${server.url}/__admin   (scenarios: ${server.url}/__admin/scenarios)`);
  lines.push(
    `  Data        seed ${options.seed}, ${options.members.toLocaleString('en-US')} members, clock ${options.clock}`,
  );
  lines.push(`  Behaviour   latency ${options.latency} ms, failure rate ${options.failureRate}`);
  lines.push(
    `  Protection  admin API ${options.adminProtected ? 'needs its token' : 'open (loopback only)'}; rate limit ${options.rateLimit > 0 ? `${options.rateLimit}/s per client` : 'off'}; CORS /api/v1 ${options.apiOrigins === '*' ? 'any origin' : options.apiOrigins.join(' ')}`,
  );
  lines.push(`  Marker      every answer carries X-Mock-Portal: 1`);
  lines.push('');
  lines.push(
    `Personas (password ${PERSONA_PASSWORD}, MFA code ${PERSONA_MFA_CODE}, known device "${PERSONA_DEVICE_ID}"):`,
  );
  const width = Math.max(...PERSONAS.map((persona) => persona.username.length));
  const grantsOf = (persona: (typeof PERSONAS)[number]) =>
    persona.grants.map((grant) => `${grant.role}@${grant.taxId}`).join(', ');
  const grantsWidth = Math.max(...PERSONAS.map((persona) => grantsOf(persona).length));
  for (const persona of PERSONAS) {
    lines.push(
      `  ${persona.username.padEnd(width)}  ${grantsOf(persona).padEnd(grantsWidth)}  ${persona.description}`,
    );
  }
  // The documented members, once each, by what they are (their label); what each operation answers
  // for them is in the scenario catalog (/__admin/scenarios) and docs/mock-server.md.
  const members = new Map<string, string>();
  for (const entry of scenarioEntries) {
    if (entry.kind === 'member' && 'label' in entry && !members.has(entry.id))
      members.set(entry.id, entry.label);
  }
  if (members.size > 0) {
    lines.push('');
    lines.push(`Documented members (what each operation answers for them: ${server.url}/__admin/scenarios):`);
    for (const [id, label] of members) lines.push(`  ${id.padEnd(12)} ${shorten(label, 100)}`);
  }
  lines.push('');
  lines.push(`Try it: the SDK quick start of ${guidePath('README.md')} (baseUrl ${server.url}/api/v1),`);
  lines.push(`  or raw HTTP, step by step: ${guidePath('docs/mock-server.md')} ("Raw HTTP")`);
  lines.push('');
  lines.push(
    `Started in ${Math.round(startupMs)} ms; memory ${megabytes(process.memoryUsage().rss)} RSS. Ctrl+C to stop.`,
  );
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        members: { type: 'string' },
        latency: { type: 'string' },
        'failure-rate': { type: 'string' },
        clock: { type: 'string' },
        'admin-token': { type: 'string' },
        'admin-origin': { type: 'string', multiple: true },
        'cors-origin': { type: 'string', multiple: true },
        'allowed-host': { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        'max-sandboxes': { type: 'string' },
        'sandbox-idle-minutes': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
      allowPositionals: false,
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help === true) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (values.version === true) {
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  const port = numberOption(values.port, 'port', 4010, (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
  const seed = numberOption(values.seed, 'seed', 42, Number.isInteger);
  const members = numberOption(values.members, 'members', 100_000, (n) => Number.isInteger(n) && n >= 1);
  const latency = numberOption(values.latency, 'latency', 0, (n) => n >= 0);
  const failureRate = numberOption(values['failure-rate'], 'failure-rate', 0, (n) => n >= 0 && n <= 1);
  const clock = values.clock;
  if (clock !== undefined && Number.isNaN(Date.parse(clock))) {
    fail(`--clock ${clock} is not an ISO timestamp (e.g. 2026-11-23T14:00:00Z).`);
  }

  const rateLimit = numberOption(values['rate-limit'], 'rate-limit', 0, (n) => Number.isInteger(n) && n >= 0);
  const maxSandboxes = numberOption(
    values['max-sandboxes'],
    'max-sandboxes',
    100,
    (n) => Number.isInteger(n) && n >= 0,
  );
  const idleMinutes = numberOption(values['sandbox-idle-minutes'], 'sandbox-idle-minutes', 60, (n) => n >= 0);
  const adminToken = values['admin-token'] ?? (process.env.MOCK_PORTAL_ADMIN_TOKEN || undefined);
  if (adminToken !== undefined && adminToken.length < 16) {
    fail(
      '--admin-token (or MOCK_PORTAL_ADMIN_TOKEN) must have at least 16 characters, e.g. "$(openssl rand -hex 32)".',
    );
  }
  const host = values.host ?? '127.0.0.1';
  const { isLoopbackHost } = await import('./cli-support.ts');
  if (!isLoopbackHost(host) && adminToken === undefined) {
    fail(
      `--host ${host} would open the admin API (/__admin: the personas' passwords, sessions, the clock) to the network.\n` +
        'Add --admin-token <secret> (or set MOCK_PORTAL_ADMIN_TOKEN), e.g. --admin-token "$(openssl rand -hex 32)",\n' +
        'and --allowed-host <name> for each name clients use to reach it.',
    );
  }
  const corsOrigins = values['cors-origin'];

  let server: RunningMockServer;
  try {
    const { startMockServer } = await import('./cli-support.ts');
    server = await startMockServer({
      port,
      host,
      seed,
      members,
      latency,
      failureRate,
      rateLimit,
      maxSandboxes,
      sandboxIdleMs: idleMinutes * 60_000,
      adminOrigins: values['admin-origin'] ?? [],
      apiOrigins: corsOrigins === undefined || corsOrigins.includes('*') ? '*' : corsOrigins,
      hostNames: values['allowed-host'] ?? [],
      ...(adminToken === undefined ? {} : { adminToken }),
      ...(clock === undefined ? {} : { clock }),
    });
  } catch (error) {
    fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  // performance.now() counts from the start of the process: this is the whole start-up.
  const startupMs = performance.now();
  process.stdout.write(
    values.quiet === true
      ? `Provider portal mock listening on ${server.url}\n`
      : await banner(server, startupMs),
  );

  // Written now rather than at exit: a server stopped by SIGKILL (a test runner, a container) never exits.
  (nodeModule as { flushCompileCache?: () => void }).flushCompileCache?.();

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`\n${signal}: closing the mock portal…\n`);
    server.close().then(
      () => {
        process.stdout.write('Closed.\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`Failed to close: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Node 22.1 and later keep V8's compiled code of the modules `main` loads (2 MB of JavaScript, most
// of the start-up time) on disk, so every start after the first skips compiling them; Node 20 has no
// such cache and goes on as before. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await main();
