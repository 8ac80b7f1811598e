import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMockServer, startMockServer } from '../mock-server/server.ts';
import { main } from './quickstart.ts';

describe('examples/quickstart.ts', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    // A mock date months before any day this suite runs on: the example must follow the portal's clock.
    server = await startMockServer({ port: 0, seed: 42, clock: '2026-03-02T14:00:00Z' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('signs in with the emailed code, finds the member, submits a preauthorization, is refused a bad one', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await main(`${server.url}/api/v1`);
    log.mockRestore();
    expect(result).toMatchObject({
      signedInAs: 'admin.a',
      member: { memberId: 'K5500648801', status: 'active' },
      preauthorization: { referenceId: expect.stringMatching(/^PA-/) },
    });
    // The request's end date and its service line's end date both break the 180-day rule.
    expect(result.refused.length).toBeGreaterThan(0);
    expect(new Set(result.refused)).toEqual(new Set(['SERVICE_END_BEYOND_180_DAYS']));
  });
});
