/**
 * The cost of one page of preauthorization search (`GET /api/v1/preauthorizations?pageSize=25`,
 * through the core in-process) with 100 and with 100,000 preauthorizations stored in the sandbox:
 * lists read through the Tax ID and member indexes (core/record-index.ts), so the two should match.
 * The stored records are copies of one created through the API (creating 100,000 through the API
 * would measure the creates).
 *
 * Run: npx tsx bench/search-page.ts [--iterations 500] [--rounds 5]
 */
import { createPortalCore } from '../mock-server/core/portal.ts';
import { indexRecord } from '../mock-server/core/record-index.ts';
import { collection } from '../mock-server/core/sandbox.ts';
import type { PreauthorizationRecord } from '../mock-server/core/transactions/preauthorization-records.ts';
import { preauthorizationRequest } from '../test/sdk/support/targets.ts';
import { describeMachine, median, option } from './support.ts';

const iterations = option('iterations', 500);
const rounds = option('rounds', 5);
const ORIGIN = 'http://portal.bench';

async function portalWith(stored: number) {
  const core = createPortalCore({ seed: 42, members: 1000, clock: '2026-11-23T14:00:00Z' });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    core.handle(
      new Request(`${ORIGIN}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  const { token } = (await (await post('/__admin/sessions', { username: 'clinical.a' })).json()) as {
    token: string;
  };
  const created = await post('/api/v1/preauthorizations', preauthorizationRequest(), {
    authorization: `Bearer ${token}`,
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
  const sandbox = core.sandbox()?.state;
  if (sandbox === undefined) throw new Error('no default sandbox');
  const records = collection<PreauthorizationRecord>(sandbox, 'preauthorizations');
  const [template] = [...records.values()];
  if (template === undefined) throw new Error('nothing created');
  for (let i = records.size; i < stored; i++) {
    const referenceId = `PA-B${String(i).padStart(7, '0')}`;
    const copy: PreauthorizationRecord = { ...template, referenceId, submittedAt: template.submittedAt + i };
    records.set(referenceId, copy);
    indexRecord(sandbox, 'preauthorizations', copy);
  }
  const search = () =>
    core.handle(
      new Request(`${ORIGIN}/api/v1/preauthorizations?pageSize=25`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
  const check = (await (await search()).json()) as { page: { totalItems: number }; data: unknown[] };
  if (check.page.totalItems !== stored || check.data.length !== 25) {
    throw new Error(`expected ${stored} records, 25 on the page: ${JSON.stringify(check.page)}`);
  }
  return search;
}

process.stdout.write(`${describeMachine()}\n`);
for (const stored of [100, 100_000]) {
  const search = await portalWith(stored);
  for (let i = 0; i < 50; i++) await (await search()).arrayBuffer();
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await (await search()).arrayBuffer();
    perRound.push(((performance.now() - start) / iterations) * 1000);
  }
  process.stdout.write(
    `searchPreauthorizations, page of 25, ${stored.toLocaleString('en-US')} stored: median ${median(perRound).toFixed(0)} us per page (rounds: ${perRound.map((us) => us.toFixed(0)).join(', ')})\n`,
  );
}
