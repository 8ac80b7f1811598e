import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomId } from './ids.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('randomId', () => {
  it('is crypto.randomUUID where there is one', () => {
    vi.stubGlobal('crypto', { randomUUID: () => 'from-randomUUID' });
    expect(randomId()).toBe('from-randomUUID');
  });

  it('without randomUUID, a version-4 UUID from getRandomValues', () => {
    vi.stubGlobal('crypto', {
      getRandomValues: (bytes: Uint8Array) => {
        bytes.fill(0xff);
        return bytes;
      },
    });
    expect(randomId()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('without crypto at all, a version-4 UUID from Math.random, every byte drawn', () => {
    vi.stubGlobal('crypto', undefined);
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(randomId()).toBe('80808080-8080-4080-8080-808080808080');
    expect(random).toHaveBeenCalledTimes(16);
    random.mockRestore();
    expect(randomId()).toMatch(UUID_V4);
  });
});
