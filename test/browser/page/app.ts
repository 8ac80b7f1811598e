/**
 * The page of the Chromium test (test/browser/msw-chromium.test.ts), as a front-end QA engineer would
 * write it: the mock portal in MSW's service worker on the page's own origin, the SDK against it, and
 * the app's own files (JSON, a lazy chunk, an image) still served by its server. Bundled by esbuild
 * from the built package; it leaves what happened on `window.__result`.
 */
import { setupWorker } from 'msw/browser';
import { createPortalClient, PortalValidationError } from 'provider-portal-sdk';
import { createPortalHandlers } from 'provider-portal-sdk/msw';
import { LOPEZ_A, PATEL } from '../../support/documented-providers.ts';

declare global {
  interface Window {
    __result?: Record<string, unknown>;
  }
}

/** When the bundle (SDK, mock, msw, faker) was loaded and evaluated, after navigation. */
const scriptStartMs = performance.now();
const PASSWORD = 'Portal-Test-2026!';
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

function loadImage(src: string): Promise<{ width: number }> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth });
    image.onerror = () => reject(new Error(`${src} did not load`));
    image.src = src;
  });
}

async function run(): Promise<Record<string, unknown>> {
  // The recipe of docs/mock-server.md: the page's origin as base URL (only the mock's paths are
  // claimed), a pinned clock, and a quiet worker (MSW's request log would print sign-in bodies).
  const handlers = createPortalHandlers({
    baseUrl: location.origin,
    seed: 42,
    clock: '2026-11-23T14:00:00Z',
  });
  const worker = setupWorker(...handlers);
  const sent: string[] = [];
  worker.events.on('request:start', ({ request }) => {
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  const workerStartedMs = performance.now();

  let mfaAsked = false;
  const portal = createPortalClient({
    baseUrl: `${location.origin}/api/v1`,
    requireMockPortal: true,
    clock: 'portal',
    credentials: {
      username: 'clinical.a',
      password: PASSWORD,
      deviceId: 'qa-browser-1',
      mfaCode: async () => {
        mfaAsked = true;
        return '246810';
      },
    },
  });
  const session = await portal.session.signIn();
  const firstAnswerMs = performance.now();
  const me = await portal.session.me();
  const search = await portal.members.search({ memberId: 'K5500648801' });
  const request = {
    memberId: 'K5500648801',
    urgency: 'standard' as const,
    serviceType: 'outpatient_procedure' as const,
    requestingProvider: LOPEZ_A,
    servicingProvider: PATEL,
    diagnoses: [{ code: 'M17.11', primary: true }],
    serviceStartDate: '2026-12-01',
    serviceEndDate: '2027-02-26',
    serviceLines: [
      { procedureCode: '29881', units: 2, serviceStartDate: '2026-12-01', serviceEndDate: '2027-02-26' },
    ],
  };
  const created = await portal.preauthorizations.create(request);
  // More than 180 days of service: the SDK refuses before sending anything.
  const before = sent.length;
  let refusal: string[] = [];
  try {
    await portal.preauthorizations.create({ ...request, serviceEndDate: '2027-12-31' });
  } catch (error) {
    if (!(error instanceof PortalValidationError)) throw error;
    refusal = error.violations.map((violation) => violation.code);
  }
  const sentForRefusal = sent.length - before;

  // The app's own files still load with the mock on the same origin.
  const staticJson = (await (await fetch('/static.json')).json()) as unknown;
  const lazy = (await import('./lazy.ts')).LAZY;
  const image = await loadImage('/pixel.png');

  // Whether this page's policy forbids code generation (it does under script-src 'self'): proof that
  // the run above did not need it. Probed last, so that its own violation is not counted above.
  const seen = [...violations];
  let evalBlocked = false;
  try {
    new Function('return 1')();
  } catch {
    evalBlocked = true;
  }

  return {
    scriptStartMs,
    evalBlocked,
    workerStartedMs,
    firstAnswerMs,
    mfaAsked,
    signedIn: session !== undefined,
    username: me.username,
    searchCount: (search as { data?: unknown[] }).data?.length ?? -1,
    createdStatus: created.status,
    refusal,
    sentForRefusal,
    staticJson,
    lazy,
    imageWidth: image.width,
    violations: seen,
    sent,
  };
}

run().then(
  (result) => {
    window.__result = result;
  },
  (error: unknown) => {
    window.__result = {
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      violations,
    };
  },
);
