import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendBounded, newestEntries } from './bounded-log.ts';

describe('a bounded log', () => {
  it('shows the newest `limit` entries, oldest first, and never holds twice the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 400 }), (limit, appends) => {
        const log: number[] = [];
        for (let n = 1; n <= appends; n++) {
          appendBounded(log, n, limit);
          expect(log.length).toBeLessThan(2 * limit);
        }
        const newest = newestEntries(log, limit);
        const expected = Array.from(
          { length: Math.min(appends, limit) },
          (_, i) => appends - Math.min(appends, limit) + 1 + i,
        );
        expect(newest).toEqual(expected);
      }),
    );
  });

  it('keeps exactly the limit at the limit, and drops the oldest one past it', () => {
    const log: string[] = [];
    for (const entry of ['a', 'b', 'c']) appendBounded(log, entry, 3);
    expect(newestEntries(log, 3)).toEqual(['a', 'b', 'c']);
    appendBounded(log, 'd', 3);
    expect(newestEntries(log, 3)).toEqual(['b', 'c', 'd']);
  });

  it('answers a copy: a reader cannot change the log', () => {
    const log = [1, 2];
    newestEntries(log, 5).push(3);
    expect(log).toEqual([1, 2]);
  });
});
