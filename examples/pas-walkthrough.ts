/**
 * The Da Vinci PAS walkthrough (docs/fhir.md): an EHR submits a prior authorization through the
 * FHIR face of the mock portal (`Claim/$submit`), gets it pended, the portal's clock moves past the
 * 7-day decision, and an inquiry (`Claim/$inquire`) finds it certified. The same record is the
 * portal API's preauthorization all along.
 *
 *   npm start                                       # the mock portal on http://127.0.0.1:4010
 *   npx tsx examples/pas-walkthrough.ts             # or PORTAL_ORIGIN=http://host:port npx tsx …
 *
 * In your project, import from 'provider-portal-sdk' and 'provider-portal-sdk/fhir' instead of the paths
 * below.
 */
import { toPasRequestBundle } from '../sdk/fhir/index.ts';
import { addDays, createPortalClient, type PasDecision, today } from '../sdk/index.ts';

/** What the walkthrough saw at each step. */
export interface WalkthroughResult {
  referenceId: string;
  /** `$submit`'s answer: the portal status and each line's X12 306 review action. */
  submitted: { status: string; reviewActions: (string | undefined)[] };
  /** `$inquire`'s answer after the clock moved 7 days. */
  inquired: {
    status: string;
    reviewActions: (string | undefined)[];
    authorizedUnits: (number | undefined)[];
  };
  /** The same request through the portal API. */
  portalStatus: string;
}

function summary(decision: PasDecision) {
  return {
    status: decision.status,
    reviewActions: decision.serviceLines.map((line) => line.reviewAction),
  };
}

/**
 * Runs the walkthrough in a sandbox of its own (its own records and clock) on a mock portal.
 *
 * @example
 * const result = await main('http://127.0.0.1:4010');
 */
export async function main(origin: string): Promise<WalkthroughResult> {
  // A sandbox: moving its clock moves no one else's.
  const admin = async (method: string, path: string, sandboxId?: string, body?: unknown) => {
    const response = await fetch(`${origin}/__admin${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(sandboxId ? { 'X-Mock-Sandbox': sandboxId } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} /__admin${path}: ${response.status}`);
    return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
  };
  const { sandboxId } = (await admin('POST', '/sandboxes')) as { sandboxId: string };
  try {
    const portal = createPortalClient({
      baseUrl: `${origin}/api/v1`, // portal.fhir talks to `${origin}/fhir/r4`
      credentials: {
        username: 'clinical.a',
        password: 'Portal-Test-2026!',
        deviceId: 'qa-device', // a device the persona signed in from before: no emailed code
        mfaCode: async () => '246810',
      },
      headers: { 'X-Mock-Sandbox': sandboxId },
      requireMockPortal: true,
      clock: 'portal', // the SDK's 180-day check follows the portal's clock
    });
    const member = await portal.members.get('K5500648801');

    // 1. The EHR's form, as for portal.preauthorizations.create, built into a PAS request Bundle.
    const lopez = {
      npi: '1234567893',
      taxId: '060646668',
      name: 'Lopez, Maria',
      address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
    };
    const start = addDays(today(portal.clock), 7);
    const end = addDays(start, 83);
    const request = {
      memberId: member.memberId,
      urgency: 'standard' as const,
      serviceType: 'physical_therapy' as const,
      requestingProvider: lopez,
      servicingProvider: lopez,
      diagnoses: [{ code: 'M54.50', primary: true }],
      serviceStartDate: start,
      serviceEndDate: end,
      serviceLines: [{ procedureCode: '97110', units: 24, serviceStartDate: start, serviceEndDate: end }],
    };
    const bundle = toPasRequestBundle(request, {
      transactionId: 'EHR-PT-0001',
      timestamp: portal.clock.now(),
      healthPlan: member.healthPlan,
    });

    // 2. $submit: the portal pends it (a QA scenario: pended now, approved when the 7 days are up).
    const submitted = await portal.fhir.submitPriorAuthorization(bundle, {
      headers: { Prefer: 'outcome=pended, decision=approved' },
    });
    const referenceId = submitted.claimResponse.preAuthRef;
    if (referenceId === undefined) throw new Error('$submit answered no preAuthRef.');
    console.log(
      `$submit: ${referenceId} ${submitted.decision.status} (${submitted.claimResponse.disposition})`,
    );

    // 3. Seven days pass on the portal's clock; the idle session ended with them: sign in again.
    await admin('POST', '/clock/advance', sandboxId, { days: 7 });
    await portal.session.signIn();

    // 4. $inquire: the request is certified (X12 306 A1).
    const inquiry = await portal.fhir.inquire({
      memberId: member.memberId,
      healthPlan: member.healthPlan,
      requestingProvider: lopez,
      referenceId,
    });
    const found = inquiry.decisions[0];
    if (found === undefined) throw new Error(`$inquire did not find ${referenceId}.`);
    console.log(
      `$inquire: ${referenceId} ${found.status}, lines ${found.serviceLines.map((l) => l.reviewAction)}`,
    );

    // 5. One set of records: the portal API shows the same decision.
    const details = await portal.preauthorizations.get(referenceId);
    return {
      referenceId,
      submitted: summary(submitted.decision),
      inquired: {
        ...summary(found),
        authorizedUnits: found.serviceLines.map((line) => line.approvedUnits),
      },
      portalStatus: details.status,
    };
  } finally {
    await admin('DELETE', `/sandboxes/${sandboxId}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.env.PORTAL_ORIGIN ?? 'http://127.0.0.1:4010');
}
