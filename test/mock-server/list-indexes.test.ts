/**
 * Every list of stored records reads through an index (core/record-index.ts): a page touches the
 * records it shows, not every stored one, so it costs the same at 5,000 records as at 50; and the
 * index answers exactly what sorting every record would (newest first, ties by id), filters and day
 * ranges included.
 */
import { describe, expect, it } from 'vitest';
import type { IndexSpec } from '../../mock-server/core/record-index.ts';
import { type AnyRecord, LISTS, MESSAGE, storeCopies } from '../support/stored-lists.ts';
import { createTestPortal } from './helpers.ts';

describe.each(LISTS)('the $list list', (listed) => {
  it('reads the records of one page only, the same at 5,000 stored as at 50 (a date range: a binary search)', async () => {
    const touchedAt = async (stored: number) => {
      const portal = createTestPortal();
      const token = await portal.tokenFor(listed.persona);
      // Referral history is put on file at the first search: load it before counting.
      expect((await portal.call('GET', listed.read, { token })).status).toBe(200);
      expect((await listed.create(portal, token)).status).toBeLessThan(300);
      const touched = new Set<string>();
      let probes = 0;
      let timeField = '';
      timeField = storeCopies(
        portal,
        listed,
        stored,
        (copy, id) =>
          new Proxy(copy, {
            get(target, key, receiver) {
              // Reading only the time is a step of a binary search; anything else reads the record.
              if (key === timeField) probes += 1;
              else touched.add(id);
              return Reflect.get(target, key, receiver);
            },
          }),
      );
      touched.clear();
      probes = 0;
      const answer = await portal.call('GET', listed.read, { token });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { data: AnyRecord[]; page: { totalItems: number } };
      expect(body.page.totalItems).toBeGreaterThanOrEqual(stored + 1);
      expect(body.data).toHaveLength(25);
      // Newest first: the last copy heads the page.
      expect(listed.rowId(body.data[0] as AnyRecord)).toMatch(
        new RegExp(`-X${String(stored).padStart(7, '0')}$`),
      );
      // Two binary searches per direction list at most (from, to), each of log2(n) steps, plus
      // the comparisons of the page's own records.
      expect(probes).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(stored + 2)) + 4 * 25);
      return touched.size;
    };
    const small = await touchedAt(50);
    const large = await touchedAt(5_000);
    expect(small).toBeLessThanOrEqual(25);
    expect(large).toBe(small);
  });

  it('pages through the records as sorting all of them would, ties at one instant by id', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor(listed.persona);
    expect((await portal.call('GET', listed.read, { token })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await listed.create(portal, token)).status).toBeLessThan(300);
    await portal.advance({ minutes: 2 });
    for (let i = 0; i < 3; i++) expect((await listed.create(portal, token)).status).toBeLessThan(300);
    const stored = portal.core.sandbox()?.state.records.get(listed.collection) as Map<string, AnyRecord>;
    const spec = listed.specs[0] as IndexSpec<AnyRecord>;
    const all = [...stored.values()];
    const first = await portal.call('GET', listed.read.replace('pageSize=25', 'pageSize=100'), { token });
    const total = ((await first.json()) as { page: { totalItems: number } }).page.totalItems;
    const expected = all
      .sort((a, b) => spec.timeOf(b) - spec.timeOf(a) || spec.idOf(b).localeCompare(spec.idOf(a)))
      .map((record) => spec.idOf(record))
      .slice(0, total);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 4) + 1; page++) {
      const answer = await portal.call('GET', listed.read.replace('pageSize=25', `pageSize=4&page=${page}`), {
        token,
      });
      const body = (await answer.json()) as { data: AnyRecord[] };
      seen.push(...body.data.map(listed.rowId));
    }
    expect(seen).toEqual(expected);
    expect(seen.length).toBeGreaterThanOrEqual(6);
  });
});

describe('day ranges on an index', () => {
  it('take a message sent at midnight in New York into that day and not the day before', async () => {
    const portal = createTestPortal({ clock: '2026-11-23T05:00:00Z' }); // 00:00 in New York
    const token = await portal.tokenFor('admin.a');
    expect((await portal.call('POST', '/api/v1/messages', { token, json: MESSAGE })).status).toBe(201);
    await portal.admin('PUT', '/clock', { now: '2026-11-23T04:59:59.999Z' }); // 23:59:59.999 the day before
    expect((await portal.call('POST', '/api/v1/messages', { token, json: MESSAGE })).status).toBe(201);
    const count = async (query: string) => {
      const answer = await portal.call('GET', `/api/v1/messages?${query}`, { token });
      return ((await answer.json()) as { page: { totalItems: number } }).page.totalItems;
    };
    expect(await count('from=2026-11-23&to=2026-11-23')).toBe(1);
    expect(await count('from=2026-11-22&to=2026-11-22')).toBe(1);
    expect(await count('from=2026-11-22&to=2026-11-23')).toBe(2);
    expect(await count('from=2026-11-24')).toBe(0);
    expect(await count('to=2026-11-21')).toBe(0);
  });
});
