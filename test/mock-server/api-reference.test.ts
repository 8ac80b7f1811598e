/**
 * The API reference at `/docs` over plain HTTP (issue 12): the page and every file it names answer
 * 200 with their content type and a policy that allows this origin only; nothing in the page or its
 * start script names another origin; the vendor files are swagger-ui-dist's own, read from
 * node_modules; the node:http server and the Express app answer alike; the MSW handlers leave /docs
 * alone; what is not a file of the page gets the core's typed problem, never a 500.
 * (test/browser/api-reference-chromium.test.ts opens the page in Chromium.)
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_REFERENCE_CSP, API_REFERENCE_FILES } from '../../mock-server/api-reference.ts';
import { createMockServer } from '../../mock-server/express.ts';
import { PORTAL_MOCK_PATHS } from '../../mock-server/msw.ts';
import { type RunningMockServer, startMockServer } from '../../mock-server/server.ts';

const TYPES: Record<string, string> = {
  '': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

function typeOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return TYPES[name.includes('.') ? name.slice(name.lastIndexOf('.')) : ''];
}

let server: RunningMockServer;
let express: Server;
let expressUrl: string;

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', clock: '2026-11-23T14:00:00Z' });
  express = createMockServer({ clock: '2026-11-23T14:00:00Z' }).listen(0, '127.0.0.1');
  await new Promise((resolve) => express.once('listening', resolve));
  expressUrl = `http://127.0.0.1:${(express.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await server?.close();
  if (express) await new Promise((resolve) => express.close(resolve));
});

describe('the API reference at /docs', () => {
  it('answers the page, which names only files of this server, each 200 with its content type and policy', async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(named.sort()).toEqual(API_REFERENCE_FILES.filter((path) => path !== '/docs').sort());
    for (const path of ['/docs', ...named]) {
      const answer = await fetch(`${server.url}${path}`);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-type'), path).toBe(typeOf(path));
      expect(answer.headers.get('content-security-policy'), path).toBe(API_REFERENCE_CSP);
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(answer.headers.get('x-mock-portal'), path).toBe('1');
      expect((await answer.arrayBuffer()).byteLength, path).toBeGreaterThan(0);
    }
  });

  it('names no other origin: not in the page, not in its start script, not in its policy', async () => {
    const html = await (await fetch(`${server.url}/docs`)).text();
    const script = await (await fetch(`${server.url}/docs/api-reference.js`)).text();
    expect(`${html}\n${script}`).not.toMatch(/\/\/|https?:/);
    expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>/);
    expect(script).toContain("fetch('/openapi.json'");
    for (const directive of API_REFERENCE_CSP.split('; ')) {
      const [, ...sources] = directive.split(' ');
      for (const source of sources) expect(["'self'", "'none'", 'data:'], directive).toContain(source);
    }
  });

  it("serves swagger-ui-dist's files as they are in node_modules", async () => {
    const require = createRequire(import.meta.url);
    for (const name of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
      const served = new Uint8Array(await (await fetch(`${server.url}/docs/${name}`)).arrayBuffer());
      expect(Buffer.from(served).equals(readFileSync(require.resolve(`swagger-ui-dist/${name}`))), name).toBe(
        true,
      );
    }
  });

  it('answers HEAD without a body, and sends /docs/ to /docs', async () => {
    const head = await fetch(`${server.url}/docs/swagger-ui.css`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await head.text()).toBe('');
    const slash = await fetch(`${server.url}/docs/?x=1`, { redirect: 'manual' });
    expect(slash.status).toBe(308);
    expect(slash.headers.get('location')).toBe('/docs');
  });

  it('leaves every other request to the core: another path or method gets its typed problem, never a 500', async () => {
    for (const [method, path] of [
      ['GET', '/docs/nope.js'],
      ['GET', '/docs/swagger-ui-bundle.js.map'],
      ['GET', '/docs/index.html'],
      ['GET', '/docsx'],
      ['POST', '/docs'],
      ['DELETE', '/docs/swagger-ui.css'],
    ] as const) {
      const answer = await fetch(`${server.url}${path}`, { method });
      expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      if (answer.status !== 200) {
        expect(answer.headers.get('content-type'), `${method} ${path}`).toBe('application/problem+json');
        expect(((await answer.json()) as { code: string }).code, `${method} ${path}`).toBe('NOT_FOUND');
      }
    }
    // The spec and the API are untouched.
    expect((await fetch(`${server.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/me`)).status).toBe(401);
  });

  it('is answered alike by the Express app', async () => {
    for (const path of API_REFERENCE_FILES) {
      const [fromNode, fromExpress] = await Promise.all([
        fetch(`${server.url}${path}`),
        fetch(`${expressUrl}${path}`),
      ]);
      expect(fromExpress.status, path).toBe(200);
      expect(fromExpress.headers.get('content-type'), path).toBe(fromNode.headers.get('content-type'));
      expect(fromExpress.headers.get('content-security-policy'), path).toBe(API_REFERENCE_CSP);
      expect((await fromExpress.arrayBuffer()).byteLength, path).toBe(
        (await fromNode.arrayBuffer()).byteLength,
      );
    }
  });

  it('is not claimed by the MSW handlers (an app keeps its own /docs)', () => {
    expect(PORTAL_MOCK_PATHS.filter((path) => path.startsWith('/docs'))).toEqual([]);
  });
});
