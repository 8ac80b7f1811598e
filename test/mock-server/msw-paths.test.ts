/**
 * The MSW handlers claim only the mock portal's paths under their base URL: with the app's own origin
 * as base URL (the browser recipe), the app's files still come from its server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalHandlers } from '../../mock-server/msw.ts';

let app: Server;
let origin: string;

beforeAll(async () => {
  // The app's own server: answers every path with where it was asked, never X-Mock-Portal.
  app = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ servedByApp: request.url }));
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => app.close(resolve));
});

async function withHandlers<T>(baseUrl: string, run: () => Promise<T>): Promise<T> {
  const server = setupServer(...createPortalHandlers({ baseUrl, seed: 42, clock: '2026-11-23T14:00:00Z' }));
  server.listen({ onUnhandledRequest: 'bypass' });
  try {
    return await run();
  } finally {
    server.close();
  }
}

async function ask(path: string) {
  const response = await fetch(`${origin}${path}`);
  return {
    mock: response.headers.get('x-mock-portal'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('createPortalHandlers with the page origin as base URL', () => {
  it("leaves the app's own paths to its server", async () => {
    await withHandlers(origin, async () => {
      for (const path of [
        '/static.json',
        '/lazy.js',
        '/pixel.png',
        '/',
        '/api/v2/other',
        '/api/v1x',
        '/openapi.yml',
        '/fhir/r5/metadata',
        '/fhir/r4x',
      ]) {
        expect(await ask(path), path).toEqual({ mock: null, body: { servedByApp: path } });
      }
    });
  });

  it("answers the mock's paths: operations, the admin API, the spec and the FHIR face", async () => {
    await withHandlers(origin, async () => {
      for (const path of [
        '/api/v1',
        '/api/v1/members/K5500648801',
        '/__admin/sandboxes',
        '/openapi.json',
        '/fhir/r4/metadata',
        '/fhir/r4',
      ]) {
        expect((await ask(path)).mock, path).toBe('1');
      }
      const yaml = await fetch(`${origin}/openapi.yaml`);
      expect(yaml.headers.get('x-mock-portal')).toBe('1');
    });
  });

  it('under a prefix, claims only the paths below it', async () => {
    await withHandlers(`${origin}/mock-portal`, async () => {
      expect((await ask('/mock-portal/api/v1/members/K5500648801')).mock).toBe('1');
      expect((await ask('/mock-portal/openapi.json')).mock).toBe('1');
      expect(await ask('/api/v1/members/K5500648801')).toEqual({
        mock: null,
        body: { servedByApp: '/api/v1/members/K5500648801' },
      });
      expect((await ask('/mock-portal/static.json')).mock).toBeNull();
    });
  });
});
