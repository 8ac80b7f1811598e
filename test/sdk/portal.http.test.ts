/**
 * The SDK against the real mock portal over HTTP on 127.0.0.1 (startMockServer on port 0), plus what
 * only a real network shows: a refused connection, and an answer without the mock portal's marker.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { APIConnectionError, createPortalClient, MockPortalRequiredError } from '../../sdk/index.ts';
import { describePortal } from './support/portal-suite.ts';
import { httpTarget } from './support/targets.ts';

describePortal('HTTP on 127.0.0.1', httpTarget);

describe('the network', () => {
  it('a refused connection is an APIConnectionError after the retries', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const portal = createPortalClient({
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      sessionToken: 'pps_x_0000000000000',
      maxRetries: 1,
    });
    await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(APIConnectionError);
  });

  it('requireMockPortal refuses a server that is not the mock portal', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ memberId: 'K5500648801' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const baseUrl = `http://127.0.0.1:${port}/api/v1`;
      const guarded = createPortalClient({
        baseUrl,
        sessionToken: 'pps_x_0000000000000',
        requireMockPortal: true,
      });
      await expect(guarded.members.get('K5500648801')).rejects.toBeInstanceOf(MockPortalRequiredError);
      const unguarded = createPortalClient({ baseUrl, sessionToken: 'pps_x_0000000000000' });
      await expect(unguarded.members.get('K5500648801')).resolves.toEqual({ memberId: 'K5500648801' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
