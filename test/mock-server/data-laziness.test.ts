/**
 * Laziness: nothing is generated per member when a data set is created, so a million members start
 * as fast as a hundred, and lookups (by ID, by name, by PCP, claims by window) never scan the members.
 */
import { describe, expect, it } from 'vitest';
import { createPortalData } from '../../mock-server/data/index.ts';
import { LruCache } from '../../mock-server/data/lru.ts';

const ANCHOR = '2026-11-23';

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('createPortalData', () => {
  it('creates a million members in well under 50 ms, like a hundred', () => {
    createPortalData({ seed: 1, memberCount: 10, anchorDate: ANCHOR }); // warm the modules
    const small = timed(() => createPortalData({ seed: 42, memberCount: 100, anchorDate: ANCHOR }));
    const large = timed(() => createPortalData({ seed: 42, memberCount: 1_000_000, anchorDate: ANCHOR }));
    expect(large.ms).toBeLessThan(50);
    expect(small.ms).toBeLessThan(50);
    expect(large.value.memberCount).toBe(1_000_000);
  });

  it('generates the last of a million members on demand', () => {
    const data = createPortalData({ seed: 42, memberCount: 1_000_000, anchorDate: ANCHOR });
    const lastId = data.memberIdAt(999_999);
    expect(lastId).toBe('K6000999999');
    const { value: member, ms } = timed(() => data.member(lastId));
    expect(member?.details.memberId).toBe(lastId);
    expect(ms).toBeLessThan(1000);
    expect(data.member('K6001000000')).toBeUndefined();
  });

  it('finds a member among a million by partial name and date of birth, generating a handful', () => {
    const data = createPortalData({ seed: 42, memberCount: 1_000_000, anchorDate: ANCHOR });
    const target = data.member(data.memberIdAt(765_432));
    if (target === undefined) throw new Error('no member');
    const { value: found, ms } = timed(() =>
      data.membersByName({
        firstName: target.details.firstName.slice(0, 2),
        lastName: target.details.lastName.slice(0, 3),
        dateOfBirth: target.details.dateOfBirth,
      }),
    );
    expect(found.map((m) => m.details.memberId)).toContain(target.details.memberId);
    expect(found.length).toBeLessThan(20);
    expect(ms).toBeLessThan(2000);
  });

  it('enumerates a PCP panel up to a limit without a scan', () => {
    const data = createPortalData({ seed: 42, memberCount: 1_000_000, anchorDate: ANCHOR });
    const panel = data.pcpPanel('1407819535', '060646668', 50);
    expect(panel.members).toHaveLength(50);
    expect(panel.truncated).toBe(true);
    for (const member of panel.members) expect(member.details.pcp?.npi).toBe('1407819535');
  });

  it('bounds the memoised members', () => {
    const cache = new LruCache<number, number>(3);
    for (let i = 0; i < 10; i++) cache.getOrCreate(i, (k) => k * 2);
    expect(cache.size).toBe(3);
    expect(cache.get(0)).toBeUndefined();
    expect(cache.get(9)).toBe(18);
    const data = createPortalData({ seed: 42, memberCount: 100_000, anchorDate: ANCHOR, cacheSize: 10 });
    const first = data.member(data.memberIdAt(1));
    for (let i = 2; i < 30; i++) data.member(data.memberIdAt(i));
    // Evicted and generated again: equal, not the same object.
    const again = data.member(data.memberIdAt(1));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('rejects a member count or an anchor date it cannot honour', () => {
    expect(() => createPortalData({ seed: 1, memberCount: -1, anchorDate: ANCHOR })).toThrow(RangeError);
    expect(() => createPortalData({ seed: 1, memberCount: 10, anchorDate: '23/11/2026' })).toThrow(
      RangeError,
    );
  });
});
