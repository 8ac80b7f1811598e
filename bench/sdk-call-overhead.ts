/**
 * What the SDK adds to a call: the same requests answered by the mock portal's core in-process (no
 * network, so the SDK's share is not hidden behind a socket), once through the SDK (options, rules,
 * URL parameter checks, openapi-fetch, the transport with its session, request id and retry logic,
 * error factory) and once as a bare `fetch`-shaped call with the same headers, measured in the same
 * run. Writes docs/bench/sdk-call-overhead.md.
 *
 * Run: npx tsx bench/sdk-call-overhead.ts [--iterations 2000] [--rounds 5] [--no-write]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPortalCore } from '../mock-server/core/portal.ts';
import { createPortalClient } from '../sdk/index.ts';
import { today as planToday } from '../sdk/rules/clock.ts';
import { addDays } from '../sdk/rules/dates.ts';
import { describeMachine, loadAverage, median, option } from './support.ts';

const iterations = option('iterations', 2_000);
const rounds = option('rounds', 5);
const write = !process.argv.includes('--no-write');

const ORIGIN = 'http://portal.bench';
const core = createPortalCore({ seed: 42, members: 1000 });
const session = await core.handle(
  new Request(`${ORIGIN}/__admin/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'billing.a' }),
  }),
);
const { token } = (await session.json()) as { token: string };
const portal = createPortalClient({
  baseUrl: `${ORIGIN}/api/v1`,
  sessionToken: token,
  fetch: (request) => core.handle(request),
  maxRetries: 0,
});

async function bare(path: string): Promise<unknown> {
  const response = await core.handle(
    new Request(`${ORIGIN}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } }),
  );
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

// The plan's day (New York), as the SDK's rules see it: a UTC date is tomorrow in the evening there.
const today = planToday();
const from = addDays(today, -59);
const claimsQuery = `from=${from}&to=${today}&pageSize=25`;

const cases = [
  { name: 'getMember through the SDK', run: () => portal.members.get('K5500648801') },
  { name: 'getMember, bare call', run: () => bare('/members/K5500648801') },
  {
    name: 'searchMembers (rules checked) through the SDK',
    run: () => portal.members.search({ memberId: 'K5500648801' }),
  },
  { name: 'searchMembers, bare call', run: () => bare('/members?memberId=K5500648801') },
  {
    name: 'searchClaims (25 per page) through the SDK',
    run: () => portal.claims.search({ from, to: today, pageSize: 25 }),
  },
  { name: 'searchClaims (25 per page), bare call', run: () => bare(`/claims?${claimsQuery}`) },
];

async function measure(run: () => PromiseLike<unknown>) {
  for (let i = 0; i < Math.min(iterations, 500); i++) await run();
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await run();
    perRound.push(Number(process.hrtime.bigint() - start) / 1_000 / iterations);
  }
  return { median: median(perRound), rounds: perRound };
}

const results: { name: string; median: number; rounds: number[] }[] = [];
for (const c of cases) results.push({ name: c.name, ...(await measure(c.run)) });

const fmt = (n: number) => n.toFixed(1);
const machine = describeMachine();
const load = loadAverage();
const pairs = [0, 2, 4].map((i) => {
  const sdk = results[i];
  const base = results[i + 1];
  if (sdk === undefined || base === undefined) throw new Error('unreachable');
  return { what: sdk.name.replace(' through the SDK', ''), sdk: sdk.median, bare: base.median };
});

console.log(`${machine}; ${load}`);
console.log(`${iterations} calls x ${rounds} rounds (median of rounds, µs/call):`);
for (const r of results) console.log(`  ${r.name.padEnd(48)} ${fmt(r.median).padStart(8)} µs`);
for (const p of pairs) console.log(`  ${p.what}: the SDK adds ${fmt(p.sdk - p.bare)} µs per call`);

if (write) {
  const command = `npx tsx bench/sdk-call-overhead.ts --iterations ${iterations} --rounds ${rounds}`;
  const markdown = `# Benchmark: what the SDK adds to a call

The same requests answered by the mock portal's core in-process (no network, so the SDK's share is
not hidden behind a socket): through the SDK (options, rules, URL parameter checks, openapi-fetch,
the transport with its session, request id and retry logic, the error factory), and as a bare call
of the core with the same token, measured in the same run. The difference is what the SDK costs;
the rest is the mock portal's own work.

| request | through the SDK (µs) | bare call (µs) | the SDK adds (µs) |
|---|---|---|---|
${pairs.map((p) => `| ${p.what} | ${fmt(p.sdk)} | ${fmt(p.bare)} | **${fmt(p.sdk - p.bare)}** |`).join('\n')}

| case | median µs/call | rounds (µs/call) |
|---|---|---|
${results.map((r) => `| ${r.name} | ${fmt(r.median)} | ${r.rounds.map(fmt).join(', ')} |`).join('\n')}

- Machine: ${machine}; ${load}.
- Method: ${Math.min(iterations, 500)} warm-up calls, then ${rounds} rounds of ${iterations} sequential calls; the median of the rounds.
- Command: \`${command}\`
`;
  const target = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/bench/sdk-call-overhead.md');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, markdown);
  console.log(`Wrote ${target}`);
}
