/**
 * A soak of the built CLI (`dist/cli.js`) on 127.0.0.1: a mixed workload (sign-ins, reads, searches,
 * creates, uploads, sandboxes opened and closed) from several concurrent clients for a while, each
 * working as a QA test worker does (a sandbox of its own, closed after 200 operations),
 * printing every 10 seconds the requests answered, the errors (5xx and failed connections), the 4xx
 * answers and the server's resident memory (RSS, read from /proc). Not part of `npm test`.
 *
 * Run: npm run soak            (builds first; 60 s)
 *      npx tsx bench/soak.ts --seconds 60 --clients 8
 *
 * "Flat": after the first 10 s (warm-up: JIT, the lazily generated data of the members touched), the
 * RSS at the end is at most 25% above the RSS at 10 s (the garbage collector's sawtooth alone moves it
 * by tens of MB); the script says whether it was, and the range it saw.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF, preauthorizationRequest } from '../test/sdk/support/targets.ts';
import { option } from './support.ts';

const seconds = option('seconds', 60);
const clients = option('clients', 8);
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = resolve(ROOT, 'dist/cli.js');
const CLOCK = '2026-11-23T14:00:00Z';
const PASSWORD = 'Portal-Test-2026!';
const DEVICE = 'qa-device';

if (!existsSync(CLI)) {
  process.stderr.write('dist/cli.js is missing: run npm run build first (npm run soak does).\n');
  process.exit(2);
}

function rssMegabytes(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
  return kilobytes / 1024;
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', '--clock', CLOCK], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`the CLI exited ${code} before listening: ${output}`)));
  });
  return { child, url };
}

const { child, url } = await startServer();
const counts = { requests: 0, errors: 0, clientErrors: 0 };
const byKind = new Map<string, number>();

async function call(kind: string, path: string, init: RequestInit = {}): Promise<Response | undefined> {
  counts.requests += 1;
  byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  try {
    const response = await fetch(`${url}${path}`, init);
    if (response.status >= 500) counts.errors += 1;
    else if (response.status >= 400) counts.clientErrors += 1;
    return response;
  } catch {
    counts.errors += 1;
    return undefined;
  }
}

const json = (body: unknown, token?: string, extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    ...extra,
  },
  body: JSON.stringify(body),
});

async function signIn(sandboxId: string): Promise<string | undefined> {
  const response = await call(
    'sign-in',
    '/api/v1/session',
    json({ username: 'clinical.a', password: PASSWORD, deviceId: DEVICE }, undefined, {
      'x-mock-sandbox': sandboxId,
    }),
  );
  if (response?.status !== 200) return undefined;
  return ((await response.json()) as { session: { token: string } }).session.token;
}

let stopAt = 0;
/** Operations of a worker in one sandbox before it closes it and opens another. */
const OPERATIONS_PER_SANDBOX = 200;

/**
 * One test worker, as QA suites use the mock: open a sandbox, sign in, read, search, create and
 * upload in it, close it, start again.
 */
async function client(index: number): Promise<void> {
  while (Date.now() < stopAt) {
    const opened = await call('sandbox', '/__admin/sandboxes', json({}));
    if (opened?.status !== 201) continue;
    const { sandboxId } = (await opened.json()) as { sandboxId: string };
    const sandbox = { 'x-mock-sandbox': sandboxId };
    let token = await signIn(sandboxId);
    const created: string[] = [];
    for (let n = 1; n <= OPERATIONS_PER_SANDBOX && Date.now() < stopAt; n++) {
      if (token === undefined || n % 50 === 0) token = await signIn(sandboxId);
      if (token === undefined) continue;
      const auth = { ...sandbox, authorization: `Bearer ${token}` };
      const step = (n + index) % 10;
      let response: Response | undefined;
      if (step <= 2) response = await call('read', '/api/v1/members/K5500648801', { headers: auth });
      else if (step === 3) response = await call('read', '/api/v1/me', { headers: auth });
      else if (step <= 5) {
        response = await call('search', '/api/v1/preauthorizations?pageSize=25', { headers: auth });
      } else if (step <= 7) {
        response = await call(
          'create',
          '/api/v1/preauthorizations',
          json(preauthorizationRequest(), token, { ...sandbox, 'idempotency-key': `soak-${index}-${n}` }),
        );
        if (response?.status === 201) {
          const { referenceId } = (await response.json()) as { referenceId: string };
          created.push(referenceId);
          response = undefined;
        }
      } else if (created.length > 0) {
        const form = new FormData();
        form.append('files', new File([PDF], `notes-${n}.pdf`, { type: 'application/pdf' }));
        response = await call('upload', `/api/v1/preauthorizations/${created.at(-1)}/attachments`, {
          method: 'POST',
          headers: auth,
          body: form,
        });
      }
      await response?.arrayBuffer().catch(() => undefined);
    }
    const closed = await call('sandbox', `/__admin/sandboxes/${sandboxId}`, { method: 'DELETE' });
    await closed?.arrayBuffer().catch(() => undefined);
  }
}

const started = Date.now();
stopAt = started + seconds * 1000;
const rows: { at: number; requests: number; errors: number; clientErrors: number; rss: number }[] = [];
process.stdout.write(
  `Soak of ${CLI} at ${url}: ${clients} clients for ${seconds} s (sign-ins, reads, searches, creates, uploads, sandboxes)\n`,
);
process.stdout.write(`  start: RSS ${rssMegabytes(child).toFixed(1)} MB\n`);
const report = () => {
  const at = Math.round((Date.now() - started) / 1000);
  const row = { at, ...counts, rss: rssMegabytes(child) };
  rows.push(row);
  process.stdout.write(
    `  ${String(at).padStart(3)} s: ${row.requests} requests, ${row.errors} errors, ${row.clientErrors} 4xx, RSS ${row.rss.toFixed(1)} MB\n`,
  );
};
const ticker = setInterval(report, 10_000);
await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
clearInterval(ticker);
if ((rows.at(-1)?.at ?? 0) < seconds) report();
const first = rows[0];
const last = rows.at(-1);
if (first !== undefined && last !== undefined) {
  const later = rows.slice(1).map((row) => row.rss);
  const growth = (last.rss - first.rss) / first.rss;
  process.stdout.write(
    `  by kind: ${[...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ')}\n` +
      `  RSS ${first.rss.toFixed(1)} MB at ${first.at} s → ${last.rss.toFixed(1)} MB at ${last.at} s (${(growth * 100).toFixed(1)}%), ` +
      `${Math.min(...later).toFixed(1)}–${Math.max(...later).toFixed(1)} MB after warm-up: ` +
      `${growth <= 0.25 ? 'flat' : 'NOT flat'} (flat: at most 25% above the RSS at 10 s, room for the garbage collector's sawtooth)\n`,
  );
}
child.kill('SIGTERM');
