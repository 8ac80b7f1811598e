/**
 * The API reference at `/docs` in a real browser (issue 12): headless Chromium opens the page the
 * mock serves (Swagger UI from `swagger-ui-dist`, mock-server/api-reference.ts), finds every tag and
 * every operation of the spec, signs in with "Try it out", authorizes with the token the mock
 * answered, reads a member the same way, and sees each answer of the mock in the page and in the
 * mock's request log. Nothing the page loads or calls leaves the mock's origin, and its
 * Content-Security-Policy is never broken. Saves the top of the page as docs/api-reference.png.
 *
 * The browser reaches the mock as http://portal.mock.test (Chromium maps that name to the port the
 * test's server got), so the servers list in the screenshot does not change with the port.
 *
 * Needs /usr/bin/chromium (Debian's `chromium`; `.ci/run` installs it with scripts/ensure-chromium.sh).
 * Skipped, with a message, only when Chromium is absent. Runs from the sources: no build needed.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_DEVICE_ID, PERSONA_PASSWORD } from '../../mock-server/core/personas.ts';
import { type RunningMockServer, startMockServer } from '../../mock-server/server.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';

const hasChromium = chromiumAvailable('the API reference test in Chromium');

const SCREENSHOT = fileURLToPath(new URL('../../docs/api-reference.png', import.meta.url));
const HOST = 'portal.mock.test';
const ORIGIN = `http://${HOST}`;
const MEMBER_ID = 'K5500648801';

interface SpecOperation {
  operationId: string;
  tags?: string[];
}
interface Spec {
  tags: { name: string }[];
  paths: Record<string, Record<string, SpecOperation | unknown>>;
}

let server: RunningMockServer;
let spec: Spec;
let browser: Browser;
let page: Page;
const requested: string[] = [];
const consoleLines: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    clock: '2026-11-23T14:00:00Z',
    hostNames: [HOST],
  });
  spec = (await (await fetch(`${server.url}/openapi.json`)).json()) as Spec;
  browser = await launchChromium([`--host-resolver-rules=MAP ${HOST}:80 127.0.0.1:${server.port}`]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(`${ORIGIN}/docs`);
  await page.locator('.opblock-tag-section').first().waitFor({ timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every operation of the spec with the tag it is listed under (its first). */
function operationsOf(document: Spec): { tag: string; operationId: string }[] {
  const operations: { tag: string; operationId: string }[] = [];
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const op = operation as SpecOperation;
      if (typeof op !== 'object' || op === null || typeof op.operationId !== 'string') continue;
      operations.push({ tag: op.tags?.[0] ?? 'default', operationId: op.operationId });
    }
  }
  return operations;
}

/** Opens an operation, presses "Try it out", lets `fill` set its inputs, executes it, and returns its answer block. */
async function tryOut(
  tag: string,
  operationId: string,
  fill: (op: Locator) => Promise<void>,
): Promise<Locator> {
  const op = page.locator(`#operations-${tag}-${operationId}`);
  await op.locator('.opblock-summary-control').click();
  await op.getByRole('button', { name: 'Try it out' }).click();
  await fill(op);
  await op.getByRole('button', { name: 'Execute' }).click();
  const live = op.locator('.live-responses-table');
  await live.locator('tr.response td.response-col_status').first().waitFor({ timeout: 30_000 });
  return live;
}

describe.skipIf(!hasChromium)('the API reference at /docs in headless Chromium', () => {
  it('renders every tag of the spec, in order, with every operation under its tag, and servers on this mock', async () => {
    const tags = await page
      .locator('.opblock-tag')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-tag')));
    expect(tags).toEqual(spec.tags.map((tag) => tag.name));
    const operations = operationsOf(spec);
    expect(operations.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const { tag, operationId } of operations) {
      if ((await page.locator(`#operations-${tag}-${operationId}`).count()) !== 1)
        missing.push(`${tag}/${operationId}`);
    }
    expect(missing).toEqual([]);
    // The spec says http://127.0.0.1:4010; the page sends to the server it came from.
    await expect
      .poll(() => page.locator('.servers select option').allTextContents())
      .toEqual([`${ORIGIN}/api/v1 - This mock portal (the server of this page)`]);
    await page.screenshot({ path: SCREENSHOT });
  }, 60_000);

  it("signs in with Try it out and shows the mock's answer, then reads a member with the token it answered", async () => {
    const signIn = await tryOut('Session', 'signIn', async (op) => {
      await op
        .locator('textarea.body-param__text')
        .fill(
          JSON.stringify({ username: 'clinical.a', password: PERSONA_PASSWORD, deviceId: PERSONA_DEVICE_ID }),
        );
    });
    await expect
      .poll(() => signIn.locator('tr.response td.response-col_status').first().textContent())
      .toBe('200');
    const answered = (await signIn.textContent()) ?? '';
    expect(answered).toContain('"status": "authenticated"');
    expect(answered).toMatch(/x-mock-portal: 1/i);
    const token = answered.match(/"token": "([^"]+)"/)?.[1];
    expect(token, answered).toBeDefined();

    await page.locator('.auth-wrapper button.authorize').click();
    await page
      .locator('.modal-ux input')
      .first()
      .fill(token ?? '');
    await page.locator('.modal-ux button.authorize').click();
    await page.locator('.modal-ux button.btn-done').click();

    const read = await tryOut('Members', 'getMember', async (op) => {
      await op.locator('input[placeholder="memberId"]').fill(MEMBER_ID);
    });
    await expect
      .poll(() => read.locator('tr.response td.response-col_status').first().textContent())
      .toBe('200');
    expect(await read.textContent()).toContain(`"memberId": "${MEMBER_ID}"`);

    // The mock itself saw both calls, the read as the signed-in user.
    const log = server.core.sandbox()?.state.requests ?? [];
    expect(log.filter((entry) => entry.operationId === 'signIn').map((entry) => entry.status)).toEqual([200]);
    const reads = log.filter((entry) => entry.operationId === 'getMember');
    expect(reads.map((entry) => [entry.path, entry.status])).toEqual([[`/api/v1/members/${MEMBER_ID}`, 200]]);
    expect(reads[0]?.userId).toEqual(expect.any(String));
  }, 90_000);

  it('loaded and called nothing outside the mock, and broke no rule of its Content-Security-Policy', () => {
    expect(requested.length).toBeGreaterThan(5);
    expect(requested.filter((url) => !url.startsWith(`${ORIGIN}/`) && !url.startsWith('data:'))).toEqual([]);
    for (const path of ['/docs', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/openapi.json'])
      expect(requested).toContain(`${ORIGIN}${path}`);
    expect(requested).toContain(`${ORIGIN}/api/v1/session`);
    expect(consoleLines.filter((line) => /Content.Security.Policy|pageerror|Refused to/i.test(line))).toEqual(
      [],
    );
  });
});
