/**
 * The mock in a real browser (issue 16): headless Chromium opens a page bundled by esbuild from the
 * built package (`dist`, as after `npm i`) with MSW's service worker (`npx msw init` into a temporary
 * directory), runs the SDK against the mock (sign-in with MFA, a search, a create, a refusal before
 * sending), checks that the page's own JSON, lazy chunk and image still load, and does it once more
 * under `Content-Security-Policy: script-src 'self'`. Records the page's size and the time to the
 * first answer.
 *
 * Needs /usr/bin/chromium (Debian's `chromium`; `.ci/run` installs it with scripts/ensure-chromium.sh)
 * and a build (`npm test` builds before the suite). Skipped, with a message, only when Chromium is
 * absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPackage, isBuilt } from '../../scripts/bundle-size.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';

const hasChromium = chromiumAvailable('the Chromium test');

const root = fileURLToPath(new URL('../..', import.meta.url));
/** A 1×1 transparent PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
};

let dir: string;
let server: Server;
let origin: string;
let browser: Browser;
let pageGzipBytes = 0;
let pageMinifiedBytes = 0;

/** The app's static server; pages under /csp/ are sent with `script-src 'self'`. */
function serve(csp: boolean): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const name = url.pathname === '/' || url.pathname === '/csp/' ? 'index.html' : url.pathname.slice(1);
    const file = join(dir, name);
    if (name.includes('..') || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    };
    if (csp && url.pathname.startsWith('/csp/')) headers['content-security-policy'] = "script-src 'self'";
    response.writeHead(200, headers);
    response.end(readFileSync(file));
  });
}

beforeAll(async () => {
  if (!hasChromium) return;
  if (!isBuilt())
    throw new Error('dist/ has no build: run `npm run build` (npm test does) before this test.');
  dir = mkdtempSync(join(tmpdir(), 'portal-msw-page-'));
  // MSW's worker script, as its docs say to get it: `npx msw init <public dir>`.
  execFileSync(process.execPath, [join(root, 'node_modules/msw/cli/index.js'), 'init', dir, '--no-save'], {
    cwd: root,
    stdio: 'pipe',
  });
  const result = await build({
    entryPoints: [join(root, 'test/browser/page/app.ts')],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    entryNames: 'app',
    chunkNames: 'chunk-[hash]',
    plugins: [installedPackage],
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  for (const file of readdirSync(dir).filter(
    (name) => name.endsWith('.js') && name !== 'mockServiceWorker.js',
  )) {
    const code = readFileSync(join(dir, file));
    pageMinifiedBytes += code.byteLength;
    pageGzipBytes += gzipSync(code, { level: 9 }).byteLength;
  }
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>QA page</title>' +
      '<script type="module" src="/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'static.json'), JSON.stringify({ servedBy: 'the app' }));
  writeFileSync(join(dir, 'pixel.png'), PIXEL);
  server = serve(true);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPage(path: string) {
  // A fresh context: no service worker or cache left by the other run (a cold load).
  const context = await browser.newContext();
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
  await page.goto(`${origin}${path}`);
  // The page leaves its outcome on window.__result (test/browser/page/app.ts); these functions run in
  // the page, so they name it themselves.
  await page.waitForFunction(
    () => (window as unknown as { __result?: unknown }).__result !== undefined,
    undefined,
    {
      timeout: 60_000,
    },
  );
  const result = (await page.evaluate(
    () => (window as unknown as { __result?: unknown }).__result,
  )) as Record<string, unknown>;
  await context.close();
  return { result, console };
}

function expectTheScenarioPassed(result: Record<string, unknown>, console: string[]) {
  expect(result.error, String(result.error)).toBeUndefined();
  expect(result).toMatchObject({
    mfaAsked: true,
    signedIn: true,
    username: 'clinical.a',
    searchCount: 1,
    refusal: ['SERVICE_END_BEYOND_180_DAYS'],
    sentForRefusal: 0,
    staticJson: { servedBy: 'the app' },
    lazy: 'lazy chunk loaded',
    imageWidth: 1,
    violations: [],
  });
  expect(typeof result.createdStatus).toBe('string');
  // The worker saw the portal's calls only; the app's own files went to its server.
  const sent = result.sent as string[];
  expect(sent.some((line) => line === 'POST /api/v1/session')).toBe(true);
  // Quiet worker: nothing of the sign-in (password, MFA code) reaches the console.
  expect(console.filter((line) => line.includes('Portal-Test-2026!') || line.includes('246810'))).toEqual([]);
}

describe.skipIf(!hasChromium)('the mock portal in headless Chromium (MSW service worker)', () => {
  it('runs sign-in with MFA, a search, a create and a refusal, and leaves the page its own files', async () => {
    const { result, console } = await openPage('/');
    expectTheScenarioPassed(result, console);
    expect(result.evalBlocked).toBe(false);
    const firstAnswerMs = Math.round(result.firstAnswerMs as number);
    // Recorded for docs/mock-server.md (issue 16's figures); the target is 300 ms on this machine.
    process.stdout.write(
      `Chromium page: ${(pageMinifiedBytes / 1024).toFixed(1)} kB minified, ${(pageGzipBytes / 1024).toFixed(1)} kB gzipped (app + SDK + mock + msw); ` +
        `script evaluated at ${Math.round(result.scriptStartMs as number)} ms, worker started at ${Math.round(result.workerStartedMs as number)} ms, first answer at ${firstAnswerMs} ms after navigation\n`,
    );
    expect(firstAnswerMs).toBeGreaterThan(0);
    expect(firstAnswerMs).toBeLessThan(10_000);
  }, 90_000);

  it("runs the same under Content-Security-Policy: script-src 'self' (no code generated at run time)", async () => {
    const { result, console } = await openPage('/csp/');
    expect(result.evalBlocked, 'the policy is in force').toBe(true);
    expectTheScenarioPassed(result, console);
  }, 90_000);
});
