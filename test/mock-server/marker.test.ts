import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalHandlers } from '../../mock-server/msw.ts';
import type { RunningMockServer } from '../../mock-server/server.ts';
import { startMockServer } from '../../mock-server/server.ts';
import { TEST_CLOCK } from './helpers.ts';

const REQUESTS: [string, string, string?][] = [
  ['GET', '/api/v1/me'],
  [
    'POST',
    '/api/v1/session',
    JSON.stringify({ username: 'admin.a', password: 'Portal-Test-2026!', deviceId: 'qa-device' }),
  ],
  ['POST', '/api/v1/session', '{not json'],
  ['GET', '/api/v1/no/such/path'],
  ['GET', '/not-even-the-api'],
  ['PUT', '/api/v1/me'],
  ['GET', '/__admin/personas'],
  ['GET', '/__admin/nothing-here'],
  ['GET', '/openapi.json'],
  ['OPTIONS', '/api/v1/me'],
];

// The MSW handlers claim only the mock's paths (the app's own are left to its server:
// msw-paths.test.ts); the Express server answers every path.
const MSW_REQUESTS = REQUESTS.filter(([, path]) => path !== '/not-even-the-api');

async function expectMarkers(baseUrl: string, requests = REQUESTS): Promise<void> {
  for (const [method, path, body] of requests) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
    });
    expect(response.headers.get('x-mock-portal'), `${method} ${path}`).toBe('1');
    expect(response.headers.get('x-request-id'), `${method} ${path}`).toMatch(/^req_/);
    await response.arrayBuffer();
  }
}

describe('X-Mock-Portal: 1 on every answer', () => {
  describe('Express over HTTP', () => {
    let server: RunningMockServer;
    beforeAll(async () => {
      server = await startMockServer({ port: 0, seed: 42, members: 1000, clock: TEST_CLOCK });
    });
    afterAll(async () => {
      await server.close();
    });

    it('marks successes, problems, unknown paths, admin and spec answers', async () => {
      await expectMarkers(server.url);
    });

    it('answers 404 NOT_FOUND problems for unknown paths and 405 METHOD_NOT_ALLOWED for a wrong method', async () => {
      const missing = await fetch(`${server.url}/api/v1/no/such/path`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(await missing.json()).toMatchObject({
        code: 'NOT_FOUND',
        status: 404,
        instance: '/api/v1/no/such/path',
      });
      const wrongMethod = await fetch(`${server.url}/api/v1/me`, { method: 'PUT' });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET');
      expect(await wrongMethod.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', status: 405 });
    });
  });

  describe('MSW in-process', () => {
    const server = setupServer(
      ...createPortalHandlers({
        baseUrl: 'http://mock.portal.test',
        seed: 42,
        members: 1000,
        clock: TEST_CLOCK,
      }),
    );
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => server.close());

    it('marks every answer too', async () => {
      await expectMarkers('http://mock.portal.test', MSW_REQUESTS);
    });
  });

  describe('MSW with a path prefix', () => {
    const server = setupServer(
      ...createPortalHandlers({ baseUrl: 'http://mock.portal.test/portal', clock: TEST_CLOCK }),
    );
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => server.close());

    it('strips the prefix before the core routes', async () => {
      const response = await fetch('http://mock.portal.test/portal/api/v1/account/password-reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'someone@example.com' }),
      });
      expect(response.status).toBe(202);
      expect(response.headers.get('x-mock-portal')).toBe('1');
    });
  });
});
