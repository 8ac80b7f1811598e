/**
 * For QA engineers: the mock portal inside a vitest run through MSW (no server, no port), one sandbox
 * per test, and the scenario controls a test needs: forced errors (`Prefer: status=…`), outcomes
 * (`Prefer: outcome=pended, decision=…`) and the portal's clock (`/__admin/clock/advance`).
 *
 * Copy this file into your suite. In your project, import from 'provider-portal-sdk',
 * 'provider-portal-sdk/msw' and 'provider-portal-sdk/rules' instead of the paths below.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPortalHandlers } from '../mock-server/msw.ts';
import {
  createPortalClient,
  createPortalClock,
  fixedClock,
  type PortalClient,
  type PortalClock,
  PortalValidationError,
  ServerError,
  SessionExpiredError,
} from '../sdk/index.ts';

const ORIGIN = 'http://portal.mock';
const START = '2026-11-23T14:00:00Z';
const server = setupServer(...createPortalHandlers({ baseUrl: ORIGIN, seed: 42, clock: START }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** The admin API of one sandbox: its own data, sessions and clock. */
async function admin(sandboxId: string | undefined, method: string, path: string, body?: unknown) {
  const response = await fetch(`${ORIGIN}/__admin${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(sandboxId ? { 'X-Mock-Sandbox': sandboxId } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  // Every answer carries the sandbox's instant (X-Mock-Clock): the client's clock learns a move at once.
  if (sandboxId) clock.observe(response.headers);
  return response.json() as Promise<Record<string, unknown>>;
}

let sandboxId: string;
let portal: PortalClient;
// The SDK checks its rules (180 days, 30-day backdate, the idle timer) against this clock: it follows
// the portal's, so the SDK refuses exactly what the mock refuses, on whatever day the suite runs.
let clock: PortalClock;

beforeEach(async () => {
  // A fresh sandbox per test: nothing one test creates is seen by another.
  clock = createPortalClock({ fallback: fixedClock(START) });
  ({ sandboxId } = (await admin(undefined, 'POST', '/sandboxes', { seed: 42, clock: START })) as {
    sandboxId: string;
  });
  portal = createPortalClient({
    baseUrl: `${ORIGIN}/api/v1`,
    credentials: {
      username: 'clinical.a',
      password: 'Portal-Test-2026!',
      deviceId: 'qa-device', // the personas' known device: no emailed code
      mfaCode: async () => '246810',
    },
    headers: { 'X-Mock-Sandbox': sandboxId },
    requireMockPortal: true, // a test suite must never reach a real portal
    clock,
  });
});

// Two of the mock portal's documented providers (docs/mock-server.md): the portal checks that the
// NPI, Tax ID and address are one known combination (PROVIDER_IDENTITY_MISMATCH otherwise).
const lopez = {
  npi: '1234567893',
  taxId: '060646668',
  name: 'Lopez, Maria',
  address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
};
const patel = {
  npi: '1273645899',
  taxId: '061555123',
  name: 'Patel, Raj',
  address: { line1: '2 Church St S', line2: 'Suite 300', city: 'New Haven', state: 'CT', zip: '06519' },
};

const preauthorization = {
  memberId: 'K5500648801',
  urgency: 'expedited' as const,
  serviceType: 'outpatient_procedure' as const,
  requestingProvider: lopez,
  servicingProvider: patel,
  diagnoses: [{ code: 'M17.11', primary: true }],
  serviceStartDate: '2026-12-01',
  serviceEndDate: '2027-02-26',
  serviceLines: [
    { procedureCode: '29881', units: 2, serviceStartDate: '2026-12-01', serviceEndDate: '2027-02-26' },
  ],
};

describe('QA scenarios against the mock portal through MSW', () => {
  it('a pended expedited request is decided 72 hours later on the portal clock', async () => {
    const created = await portal.preauthorizations.create(preauthorization, {
      headers: { Prefer: 'outcome=pended, decision=approved' },
    });
    expect(created.status).toBe('pended');

    await admin(sandboxId, 'POST', '/clock/advance', { hours: 72 });
    // 72 idle hours ended the session on the portal's clock: sign in again (never done silently).
    await portal.session.signIn();

    const decided = await portal.preauthorizations.get(created.referenceId);
    expect(decided.status).toBe('approved');
  });

  it('a portal outage surfaces as a ServerError with the request id to quote', async () => {
    const error = await portal.members
      .get('K5500648801', { headers: { Prefer: 'status=503' }, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) });
  });

  it("the SDK checks the 180-day rule against the portal's day, wherever its clock stands", async () => {
    await admin(sandboxId, 'PUT', '/clock', { now: '2026-03-02T14:00:00Z' });
    const endingOn = (serviceEndDate: string) => ({
      ...preauthorization,
      serviceStartDate: '2026-03-09',
      serviceEndDate,
      serviceLines: [{ procedureCode: '29881', units: 2, serviceStartDate: '2026-03-09', serviceEndDate }],
    });
    await portal.session.signIn();
    // 2026-08-29 is day 180 after 2026-03-02: accepted; 2026-08-30 (day 181) is refused before sending.
    await expect(portal.preauthorizations.create(endingOn('2026-08-29'))).resolves.toMatchObject({
      referenceId: expect.stringMatching(/^PA-/),
    });
    await expect(portal.preauthorizations.create(endingOn('2026-08-30'))).rejects.toBeInstanceOf(
      PortalValidationError,
    );
  });

  it('a session left idle 15 minutes on the portal clock has ended', async () => {
    await portal.session.signIn();
    await admin(sandboxId, 'POST', '/clock/advance', { minutes: 15 });
    await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(SessionExpiredError);
  });
});
