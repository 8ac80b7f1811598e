/**
 * How fast the built mock portal serves, against baselines measured in the same run (issue 13):
 *
 * - a member read with a session: `provider-portal-mock` against bare Express 5 and bare `node:http`
 *   answering the same body as a constant, and Stoplight Prism 5 (`prism mock -d`) on our spec;
 * - a preauthorization create (valid, a new Idempotency-Key each) against bare Express answering the
 *   same 201 body as a constant;
 * - a page of 25 from a preauthorization search with 100,000 records stored in the sandbox;
 * - the first answer after spawning the CLI with `--members 1000000`, and its RSS after 10,000
 *   distinct member reads against the same with `--members 100`.
 *
 * Load comes from autocannon in this process; every server is a child process. The servers take
 * turns, round by round, so a machine that slows down slows all of them. Prism is installed on demand
 * into a cache folder (not a dependency of the project). Writes docs/benchmarks.md and
 * docs/benchmarks.json (the SDK's in-process overhead is bench/sdk-call-overhead.ts).
 *
 * Run: npm run build && npx tsx bench/serving.ts [--seconds 5] [--rounds 2] [--connections 50] [--no-write]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { preauthorizationRequest } from '../test/sdk/support/targets.ts';
import { describeMachine, loadAverage, option } from './support.ts';

const seconds = option('seconds', 5);
const rounds = option('rounds', 2);
const connections = option('connections', 50);
const write = !process.argv.includes('--no-write');

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'dist/cli.js');
const CLOCK = '2026-11-23T14:00:00Z';
const PRISM_VERSION = '5.14.2';
const READ_PATH = '/api/v1/members/K5500648801';
const SEARCH_RECORDS = option('records', 100_000);

if (!existsSync(CLI)) {
  process.stderr.write('dist/cli.js is missing: run npm run build first (npm run bench does).\n');
  process.exit(1);
}

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Spawns a server and waits for the line that gives its URL. */
function spawnServer(
  name: string,
  command: string,
  args: string[],
  listening: RegExp,
  env = {},
): Promise<Server> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((done, fail) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match?.[1] === undefined) return;
      // Listening: stop keeping its output (Prism logs every request), but keep draining it.
      child.stdout?.off('data', read).on('data', () => {});
      child.stderr?.off('data', read).on('data', () => {});
      done({ name, url: match[1].replace(/\/$/, ''), child });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) =>
      fail(new Error(`${name} exited (${code}) before listening:\n${output.slice(-2000)}`)),
    );
  });
}

function startMock(members: number, nodeFlags: readonly string[] = []): Promise<Server> {
  return spawnServer(
    `provider-portal-mock --members ${members}`,
    process.execPath,
    [...nodeFlags, CLI, '--port', '0', '--quiet', '--clock', CLOCK, '--members', String(members)],
    /listening on (http:\/\/\S+)/,
  );
}

/** A server that answers every request with one status and body, as cheaply as its framework can. */
const CONSTANT_SERVER = `
const { readFileSync } = await import('node:fs');
const body = readFileSync(process.env.BODY_FILE);
const status = Number(process.env.STATUS);
const type = process.env.CONTENT_TYPE;
const ready = (server) => console.log('listening on http://127.0.0.1:' + server.address().port);
if (process.env.KIND === 'express') {
  const { default: express } = await import('express');
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res) => { res.status(status).set('content-type', type).send(body); });
  const server = app.listen(0, '127.0.0.1', () => ready(server));
} else {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': type, 'content-length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => ready(server));
}
`;

function startConstant(
  kind: 'express' | 'node:http',
  status: number,
  type: string,
  body: Buffer,
): Promise<Server> {
  const file = join(mkdtempSync(join(tmpdir(), 'portal-bench-')), 'body');
  writeFileSync(file, body);
  return spawnServer(
    kind === 'express' ? 'bare Express 5, constant' : 'bare node:http, constant',
    process.execPath,
    ['--input-type=module', '-e', CONSTANT_SERVER],
    /listening on (http:\/\/\S+)/,
    { KIND: kind, STATUS: String(status), CONTENT_TYPE: type, BODY_FILE: file },
  );
}

/** Prism, installed into a cache folder on first use; undefined (with the reason) when it cannot be. */
async function startPrism(): Promise<Server | string> {
  const folder = join(homedir(), '.cache', 'provider-portal-sdk', `prism-${PRISM_VERSION}`);
  const bin = join(folder, 'node_modules', '.bin', 'prism');
  try {
    if (!existsSync(bin)) {
      mkdirSync(folder, { recursive: true });
      process.stdout.write(`installing @stoplight/prism-cli@${PRISM_VERSION} into ${folder}…\n`);
      execFileSync(
        'npm',
        [
          'install',
          '--prefix',
          folder,
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          `@stoplight/prism-cli@${PRISM_VERSION}`,
        ],
        { stdio: 'inherit' },
      );
    }
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    const server = await spawnServer(
      `Prism ${PRISM_VERSION} mock -d`,
      bin,
      ['mock', '-d', '-h', '127.0.0.1', '-p', String(port), join(ROOT, 'openapi/portal.yaml')],
      /Prism is listening on (http:\/\/\S+)/,
    );
    return server;
  } catch (error) {
    return `Prism could not run here: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, ...options });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

function summarize(runs: Load[]): Load {
  return {
    requestsPerSecond: mean(runs.map((run) => run.requestsPerSecond)),
    p50: mean(runs.map((run) => run.p50)),
    p99: mean(runs.map((run) => run.p99)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function tokenOf(server: Server, username: string, sandbox?: string): Promise<string> {
  const response = await post(
    `${server.url}/__admin/sessions`,
    { username },
    sandbox === undefined ? {} : { 'x-mock-sandbox': sandbox },
  );
  if (response.status !== 201) throw new Error(`no session for ${username}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb * 1024;
}

async function stop(server: Server): Promise<void> {
  await new Promise<void>((done) => {
    server.child.once('exit', () => done());
    server.child.kill('SIGKILL');
  });
}

// --- member read and create ---------------------------------------------------------------------
const mock = await startMock(1_000_000);
const token = await tokenOf(mock, 'clinical.a');
const auth = { authorization: `Bearer ${token}` };
const read = await fetch(`${mock.url}${READ_PATH}`, { headers: auth });
if (read.status !== 200) throw new Error(`the member read answered ${read.status}`);
const readBody = Buffer.from(await read.arrayBuffer());
const createBody = JSON.stringify(preauthorizationRequest());
const created = await fetch(`${mock.url}/api/v1/preauthorizations`, {
  method: 'POST',
  headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
  body: createBody,
});
if (created.status !== 201) throw new Error(`the create answered ${created.status}: ${await created.text()}`);
const createdBody = Buffer.from(await created.arrayBuffer());

const expressRead = await startConstant('express', 200, 'application/json', readBody);
const nodeRead = await startConstant('node:http', 200, 'application/json', readBody);
const expressCreate = await startConstant('express', 201, 'application/json', createdBody);
const prism = await startPrism();

const readCases: { name: string; url: string }[] = [
  { name: mock.name, url: `${mock.url}${READ_PATH}` },
  { name: expressRead.name, url: `${expressRead.url}${READ_PATH}` },
  { name: nodeRead.name, url: `${nodeRead.url}${READ_PATH}` },
  // Prism serves the spec's paths without the server's base path (/api/v1).
  ...(typeof prism === 'string'
    ? []
    : [{ name: prism.name, url: `${prism.url}${READ_PATH.replace('/api/v1', '')}` }]),
];
const createCases: { name: string; url: string }[] = [
  { name: mock.name, url: `${mock.url}/api/v1/preauthorizations` },
  { name: expressCreate.name, url: `${expressCreate.url}/api/v1/preauthorizations` },
];
const readRuns = new Map<string, Load[]>(readCases.map((c) => [c.name, []]));
const createRuns = new Map<string, Load[]>(createCases.map((c) => [c.name, []]));
const newKey: autocannon.Request['setupRequest'] = (request) => ({
  ...request,
  headers: { ...request.headers, 'idempotency-key': randomUUID() },
});

for (let round = 1; round <= rounds; round++) {
  for (const c of readCases) {
    process.stdout.write(`round ${round}: read, ${c.name}\n`);
    readRuns.get(c.name)?.push(await load(c.url, { headers: auth }));
  }
  for (const c of createCases) {
    process.stdout.write(`round ${round}: create, ${c.name}\n`);
    createRuns.get(c.name)?.push(
      await load(c.url, {
        requests: [
          {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: createBody,
            setupRequest: newKey,
          },
        ],
      }),
    );
  }
}
for (const server of [expressRead, nodeRead, expressCreate, ...(typeof prism === 'string' ? [] : [prism])]) {
  await stop(server);
}

// --- a page of search with 100k records ------------------------------------------------------------
const opened = await post(`${mock.url}/__admin/sandboxes`, {});
const { sandboxId } = (await opened.json()) as { sandboxId: string };
const sandboxToken = await tokenOf(mock, 'clinical.a', sandboxId);
const sandboxAuth = { authorization: `Bearer ${sandboxToken}`, 'x-mock-sandbox': sandboxId };
process.stdout.write(`storing ${SEARCH_RECORDS.toLocaleString('en-US')} preauthorizations in a sandbox…\n`);
const fill = await autocannon({
  url: `${mock.url}/api/v1/preauthorizations`,
  connections,
  amount: SEARCH_RECORDS,
  requests: [
    {
      method: 'POST',
      headers: { ...sandboxAuth, 'content-type': 'application/json' },
      body: createBody,
      setupRequest: newKey,
    },
  ],
});
const SEARCH_PATH = '/api/v1/preauthorizations?pageSize=25';
const searchRuns: Load[] = [];
for (let round = 1; round <= rounds; round++) {
  process.stdout.write(`round ${round}: search, a page of 25 of ${SEARCH_RECORDS.toLocaleString('en-US')}\n`);
  searchRuns.push(await load(`${mock.url}${SEARCH_PATH}`, { headers: sandboxAuth }));
}
const page = await fetch(`${mock.url}${SEARCH_PATH}`, { headers: sandboxAuth });
const pageStatus = page.status;
await stop(mock);

// --- first answer after spawn, and memory after distinct reads ----------------------------------------
async function firstAnswer(
  members: number,
  nodeFlags: readonly string[] = [],
): Promise<{ ms: number; server: Server }> {
  const started = performance.now();
  const server = await startMock(members, nodeFlags);
  for (;;) {
    try {
      const answer = await fetch(`${server.url}/api/v1/me`);
      await answer.arrayBuffer();
      return { ms: performance.now() - started, server };
    } catch {
      await new Promise((done) => setTimeout(done, 2));
    }
  }
}

async function rssAfterReads(server: Server, reads: number): Promise<number> {
  const token = await tokenOf(server, 'clinical.a');
  // Generated member K6 + index: indices ending 0–5 or 9 are visible to Tax ID A (member-index.ts).
  const ids: string[] = [];
  for (let index = 0; ids.length < reads; index++) {
    if (index % 10 <= 5 || index % 10 === 9) ids.push(`K6${String(index).padStart(9, '0')}`);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const answer = await fetch(`${server.url}/api/v1/members/${id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await answer.arrayBuffer();
      }
    }),
  );
  return rssOf(server.child);
}

const spawnTimes: number[] = [];
for (let n = 0; n < 3; n++) {
  const { ms, server } = await firstAnswer(1_000_000);
  spawnTimes.push(ms);
  await stop(server);
}
/** RSS after 10,000 distinct member reads of a fresh CLI with `members` members. */
async function rssOfFresh(members: number, nodeFlags: readonly string[] = []): Promise<number> {
  const { server } = await firstAnswer(members, nodeFlags);
  const rss = await rssAfterReads(server, 10_000);
  await stop(server);
  return rss;
}
const bigRss = await rssOfFresh(1_000_000);
const smallRss = await rssOfFresh(100);
// The same pair with V8's young generation capped: generating members allocates fast, so V8 grows its
// semi-spaces (up to 16 MB each by default) where the 100-member server answering 404s does not. The
// difference in RSS is that headroom for short-lived objects, not members kept.
const YOUNG_CAP = ['--max-semi-space-size=8'];
const bigCappedRss = await rssOfFresh(1_000_000, YOUNG_CAP);
const smallCappedRss = await rssOfFresh(100, YOUNG_CAP);

// --- report ------------------------------------------------------------------------------------------
const readOf = (name: string) => summarize(readRuns.get(name) ?? []);
const createOf = (name: string) => summarize(createRuns.get(name) ?? []);
const mockRead = readOf(mock.name);
const expressReadLoad = readOf(expressRead.name);
const nodeReadLoad = readOf(nodeRead.name);
const prismRead = typeof prism === 'string' ? undefined : readOf(prism.name);
const mockCreate = createOf(mock.name);
const expressCreateLoad = createOf(expressCreate.name);
const search = summarize(searchRuns);
const firstAnswerMs = [...spawnTimes].sort((a, b) => a - b)[1] ?? Number.NaN;

const ratio = (a: number, b: number) => a / b;
const targets = [
  {
    target: 'Member read with a session ≥ 1.5× bare Express 5 (constant)',
    measured: `${ratio(mockRead.requestsPerSecond, expressReadLoad.requestsPerSecond).toFixed(2)}×`,
    met: ratio(mockRead.requestsPerSecond, expressReadLoad.requestsPerSecond) >= 1.5,
  },
  {
    target: 'Member read p99 ≤ 10 ms at 50 connections',
    measured: `${mockRead.p99.toFixed(1)} ms`,
    met: mockRead.p99 <= 10,
  },
  {
    target: 'Preauthorization create ≥ 1.0× bare Express 5 (constant)',
    measured: `${ratio(mockCreate.requestsPerSecond, expressCreateLoad.requestsPerSecond).toFixed(2)}×`,
    met: ratio(mockCreate.requestsPerSecond, expressCreateLoad.requestsPerSecond) >= 1.0,
  },
  {
    target: '≥ 25× Prism 5 `mock -d` on the same read',
    measured:
      prismRead === undefined
        ? String(prism)
        : `${ratio(mockRead.requestsPerSecond, prismRead.requestsPerSecond).toFixed(1)}×`,
    met: prismRead !== undefined && ratio(mockRead.requestsPerSecond, prismRead.requestsPerSecond) >= 25,
  },
  {
    target: `A page of 25 from a search with ${SEARCH_RECORDS.toLocaleString('en-US')} records: p99 ≤ 5 ms`,
    measured: `${search.p99.toFixed(1)} ms at ${connections} connections (p50 ${search.p50.toFixed(1)} ms)`,
    met: search.p99 <= 5,
  },
  {
    target: 'Built CLI, --members 1000000: first answer ≤ 300 ms after spawn',
    measured: `${firstAnswerMs.toFixed(0)} ms (median of ${spawnTimes.map((ms) => ms.toFixed(0)).join(', ')})`,
    met: firstAnswerMs <= 300,
  },
  {
    target: 'RSS after 10,000 distinct member reads ≤ 1.2× the same with --members 100',
    measured: `${(bigRss / 2 ** 20).toFixed(0)} MB vs ${(smallRss / 2 ** 20).toFixed(0)} MB (${ratio(bigRss, smallRss).toFixed(2)}×)`,
    met: ratio(bigRss, smallRss) <= 1.2,
  },
];

const row = (name: string, l: Load, base: Load) =>
  `| ${name} | ${Math.round(l.requestsPerSecond).toLocaleString('en-US')} | ${(l.requestsPerSecond / base.requestsPerSecond).toFixed(2)}× | ${l.p50.toFixed(1)} | ${l.p99.toFixed(1)} | ${l.non2xx + l.errors} |`;
const command = `npm run build && npx tsx bench/serving.ts --seconds ${seconds} --rounds ${rounds} --connections ${connections}`;
const markdown = `# Benchmarks: serving

Written by \`npm run bench\` (bench/serving.ts). Every figure of one table comes from one run, the
servers taking turns round by round (${rounds} rounds of ${seconds} s each, autocannon with
${connections} connections, every server a child process on 127.0.0.1); ratios compare with the
baseline of the same run. The member read is \`GET ${READ_PATH}\` with a session token; the create is a
valid \`POST /api/v1/preauthorizations\` with a new \`Idempotency-Key\` each.

## Targets

| target | measured | |
|---|---|---|
${targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'met' : '**missed**'} |`).join('\n')}

## Member read

| server | req/s | vs bare Express | p50 ms | p99 ms | non-2xx or errors |
|---|---|---|---|---|---|
${[
  row(mock.name, mockRead, expressReadLoad),
  row(expressRead.name, expressReadLoad, expressReadLoad),
  row(nodeRead.name, nodeReadLoad, expressReadLoad),
  ...(prismRead === undefined || typeof prism === 'string'
    ? []
    : [row(prism.name, prismRead, expressReadLoad)]),
].join('\n')}
${typeof prism === 'string' ? `\n${prism}\n` : ''}
## Preauthorization create

| server | req/s | vs bare Express | p50 ms | p99 ms | non-2xx or errors |
|---|---|---|---|---|---|
${[row(mock.name, mockCreate, expressCreateLoad), row(expressCreate.name, expressCreateLoad, expressCreateLoad)].join('\n')}

## Search with ${SEARCH_RECORDS.toLocaleString('en-US')} records stored

${fill.non2xx === 0 ? SEARCH_RECORDS.toLocaleString('en-US') : `${(SEARCH_RECORDS - fill.non2xx).toLocaleString('en-US')} (${fill.non2xx} refused)`} preauthorizations created in a fresh sandbox, then \`GET ${SEARCH_PATH}\` (answer ${pageStatus}):
${Math.round(search.requestsPerSecond).toLocaleString('en-US')} req/s, p50 ${search.p50.toFixed(1)} ms, p99 ${search.p99.toFixed(1)} ms.

## Start and memory

- First answer after spawning \`node dist/cli.js --members 1000000\`: ${spawnTimes.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}.
- RSS after 10,000 distinct member reads (16 at a time): ${(bigRss / 2 ** 20).toFixed(1)} MB with \`--members 1000000\`,
  ${(smallRss / 2 ** 20).toFixed(1)} MB with \`--members 100\` (where most of those IDs answer 404).
- The same with V8's young generation capped (\`node --max-semi-space-size=8 dist/cli.js …\`):
  ${(bigCappedRss / 2 ** 20).toFixed(1)} MB vs ${(smallCappedRss / 2 ** 20).toFixed(1)} MB (${ratio(bigCappedRss, smallCappedRss).toFixed(2)}×): the default
  run's difference is mostly the semi-spaces V8 grows for the garbage of generating members, not members kept.

- Machine: ${describeMachine()}; ${loadAverage()}.
- Command: \`${command}\`
`;

const json = {
  machine: describeMachine(),
  load: loadAverage(),
  command,
  seconds,
  rounds,
  connections,
  targets,
  read: Object.fromEntries([...readRuns].map(([name, runs]) => [name, { summary: summarize(runs), runs }])),
  create: Object.fromEntries(
    [...createRuns].map(([name, runs]) => [name, { summary: summarize(runs), runs }]),
  ),
  search: { records: SEARCH_RECORDS, refused: fill.non2xx, summary: search, runs: searchRuns },
  firstAnswerMs: spawnTimes,
  rss: {
    members1000000: bigRss,
    members100: smallRss,
    youngGenerationCapped: { nodeFlags: YOUNG_CAP, members1000000: bigCappedRss, members100: smallCappedRss },
  },
};

process.stdout.write(`\n${markdown}`);
if (write) {
  writeFileSync(join(ROOT, 'docs/benchmarks.md'), markdown);
  writeFileSync(join(ROOT, 'docs/benchmarks.json'), `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write('wrote docs/benchmarks.md and docs/benchmarks.json\n');
}
process.exit(0);
