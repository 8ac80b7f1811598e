import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = createRandom(42, 'tokens');
    const b = createRandom(42, 'tokens');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('differs between seeds and between streams', () => {
    const first = createRandom(42, 'tokens').string(16);
    expect(createRandom(43, 'tokens').string(16)).not.toBe(first);
    expect(createRandom(42, 'challenges').string(16)).not.toBe(first);
  });

  it('draws integers within bounds and picks from lists', () => {
    const random = createRandom(1, 'x');
    for (let i = 0; i < 1000; i++) {
      const n = random.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
    expect(() => random.pick([])).toThrow(RangeError);
  });
});
