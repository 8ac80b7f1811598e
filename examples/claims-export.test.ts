import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningMockServer, startMockServer } from '../mock-server/server.ts';
import { main } from './claims-export.ts';

describe('examples/claims-export.ts', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    // A mock date months before any day this suite runs on: the example must follow the portal's clock.
    server = await startMockServer({ port: 0, seed: 42, clock: '2026-03-02T14:00:00Z' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('pages through 60 days of claims, then downloads the same claims as a CSV export', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await main(`${server.url}/api/v1`);
    log.mockRestore();
    expect(result.claims).toBeGreaterThan(0);
    expect(Object.values(result.byStatus).reduce((a, b) => a + b, 0)).toBe(result.claims);
    expect(result.export.mediaType).toBe('text/csv');
    expect(result.export.fileName).toMatch(/\.csv$/);
    // The export holds the claims the search paged through.
    expect(result.export.rows).toBe(result.claims);
    expect(result.export.receipt).toBe('preparing');
    expect(result.export.polls.at(-1)).toBe('ready');
  });
});
