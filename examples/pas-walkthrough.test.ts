/**
 * The PAS walkthrough of docs/fhir.md, run as its users run it: over HTTP against the mock server,
 * and inside the test process through MSW. The mock's clock is set months apart in the two, so the
 * walkthrough must follow the portal's clock, not the day the suite runs.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPortalHandlers } from '../mock-server/msw.ts';
import { type RunningMockServer, startMockServer } from '../mock-server/server.ts';
import { main, type WalkthroughResult } from './pas-walkthrough.ts';

function expectCertifiedAfterPended(result: WalkthroughResult): void {
  expect(result).toEqual({
    referenceId: expect.stringMatching(/^PA-\d{8}$/),
    submitted: { status: 'pended', reviewActions: ['A4'] },
    inquired: { status: 'approved', reviewActions: ['A1'], authorizedUnits: [24] },
    portalStatus: 'approved',
  });
}

async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return await run();
  } finally {
    log.mockRestore();
  }
}

describe('examples/pas-walkthrough.ts over HTTP', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, seed: 42, clock: '2027-03-02T14:00:00Z' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('$submit → pended → 7 days on the portal clock → $inquire → certified', async () => {
    expectCertifiedAfterPended(await quietly(() => main(server.url)));
  });
});

describe('examples/pas-walkthrough.ts through MSW', () => {
  const ORIGIN = 'http://portal.mock';
  const msw = setupServer(
    ...createPortalHandlers({ baseUrl: ORIGIN, seed: 42, clock: '2026-11-23T14:00:00Z' }),
  );
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => msw.close());

  it('$submit → pended → 7 days on the portal clock → $inquire → certified', async () => {
    expectCertifiedAfterPended(await quietly(() => main(ORIGIN)));
  });
});
