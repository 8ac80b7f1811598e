/**
 * The SDK against the mock portal's MSW handlers (msw/node setupServer), in-process: the same suite as
 * over HTTP, plus the marker guard against an MSW handler that is not the mock portal.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createPortalClient, MockPortalRequiredError } from '../../sdk/index.ts';
import { describePortal } from './support/portal-suite.ts';
import { mswTarget } from './support/targets.ts';

describePortal('MSW handlers', mswTarget);

describe('the marker guard through MSW', () => {
  it('requireMockPortal refuses a handler that does not answer X-Mock-Portal', async () => {
    const server = setupServer(
      http.get('http://real.portal.test/api/v1/members/:id', () =>
        HttpResponse.json({ memberId: 'K5500648801' }),
      ),
    );
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const portal = createPortalClient({
        baseUrl: 'http://real.portal.test/api/v1',
        sessionToken: 'pps_x_0000000000000',
        requireMockPortal: true,
      });
      await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(MockPortalRequiredError);
    } finally {
      server.close();
    }
  });
});
