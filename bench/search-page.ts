/**
 * The cost of one page (25 rows) of every stored list of the mock — preauthorizations, referrals,
 * admission notifications, messages, documents — through the core in-process, with 100 and with
 * 100,000 records of that list stored in the sandbox. Lists read through indexes (core/record-index.ts),
 * so the two should match; the ratio 100,000 / 100 is the figure to watch (the baseline is the same
 * list at 100 records, in the same run). The stored records are copies of one made through the API
 * (making 100,000 through the API would measure the creates). Writes docs/bench/search-page.md.
 *
 * Run: npx tsx bench/search-page.ts [--iterations 300] [--rounds 5] [--no-write]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPortalCore } from '../mock-server/core/portal.ts';
import { LISTS, type Listed, type ListPortal, storeCopies } from '../test/support/stored-lists.ts';
import { describeMachine, loadAverage, median, option } from './support.ts';

const iterations = option('iterations', 300);
const rounds = option('rounds', 5);
const write = !process.argv.includes('--no-write');
const ORIGIN = 'http://portal.bench';
const SIZES = [100, 100_000] as const;

async function pageReader(listed: Listed, stored: number): Promise<() => Promise<Response>> {
  const core = createPortalCore({ seed: 42, members: 1000, clock: '2026-11-23T14:00:00Z' });
  const call: ListPortal['call'] = (method, path, init = {}) =>
    core.handle(
      new Request(`${ORIGIN}${path}`, {
        method,
        headers: {
          ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
          ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      }),
    );
  const portal: ListPortal = { call, core: { sandbox: () => core.sandbox() } };
  const signIn = await call('POST', '/__admin/sessions', { json: { username: listed.persona } });
  const { token } = (await signIn.json()) as { token: string };
  await (await call('GET', listed.read, { token })).arrayBuffer();
  const created = await listed.create(portal, token);
  if (created.status >= 300) throw new Error(`${listed.list}: create answered ${created.status}`);
  storeCopies(portal, listed, stored - 1);
  const read = () => call('GET', listed.read, { token });
  const check = (await (await read()).json()) as { page: { totalItems: number }; data: unknown[] };
  if (check.page.totalItems < stored || check.data.length !== 25) {
    throw new Error(
      `${listed.list}: expected ${stored} records, 25 on the page: ${JSON.stringify(check.page)}`,
    );
  }
  return read;
}

interface Row {
  list: string;
  read: string;
  micros: Record<(typeof SIZES)[number], number>;
}

const rows: Row[] = [];
const machine = describeMachine();
process.stdout.write(`${machine}\n`);
for (const listed of LISTS) {
  const micros = {} as Row['micros'];
  for (const stored of SIZES) {
    const read = await pageReader(listed, stored);
    for (let i = 0; i < 50; i++) await (await read()).arrayBuffer();
    const perRound: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      for (let i = 0; i < iterations; i++) await (await read()).arrayBuffer();
      perRound.push(((performance.now() - start) / iterations) * 1000);
    }
    micros[stored] = median(perRound);
    process.stdout.write(
      `${listed.list}, page of 25, ${stored.toLocaleString('en-US')} stored: median ${micros[stored].toFixed(0)} µs (rounds: ${perRound.map((us) => us.toFixed(0)).join(', ')})\n`,
    );
  }
  rows.push({ list: listed.list, read: listed.read, micros });
}
const load = loadAverage();
process.stdout.write(`${load}\n`);

if (write) {
  const table = rows.map(
    (row) =>
      `| ${row.list} | \`GET ${row.read}\` | ${row.micros[100].toFixed(0)} | ${row.micros[100_000].toFixed(0)} | ${(row.micros[100_000] / row.micros[100]).toFixed(2)}× |`,
  );
  const text = [
    '# One page of every stored list at 100 and at 100,000 records',
    '',
    'Written by `npx tsx bench/search-page.ts` (part of `npm run bench`): the median time of one page of',
    `25 rows through the core in-process (${iterations} pages per round, ${rounds} rounds), with 100 and with`,
    '100,000 records of the list stored in one sandbox. Lists read through indexes (core/record-index.ts);',
    'a date range is a binary search on them, so the ratio stays near 1.',
    '',
    `Measured on ${machine}; ${load}.`,
    '',
    '| List | Request | µs at 100 | µs at 100,000 | Ratio |',
    '| --- | --- | --- | --- | --- |',
    ...table,
    '',
  ].join('\n');
  const out = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/bench/search-page.md');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out}\n`);
}
