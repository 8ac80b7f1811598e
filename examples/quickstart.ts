/**
 * Quick start: sign in (with the emailed code), find a member, submit a preauthorization, and see the
 * SDK refuse a request that breaks a portal rule before it is sent.
 *
 *   npm start                                  # the mock portal on http://127.0.0.1:4010
 *   npx tsx examples/quickstart.ts             # or PORTAL_URL=http://host:port/api/v1 npx tsx …
 *
 * In your project, import from 'provider-portal-sdk' instead of '../sdk/index.ts'.
 */
import { addDays, createPortalClient, PortalValidationError, today } from '../sdk/index.ts';

/** What the quick start did, for whoever runs it. */
export interface QuickstartResult {
  signedInAs: string;
  member: { memberId: string; name: string; status: string };
  preauthorization: { referenceId: string; status: string };
  refused: string[];
}

/**
 * Runs the quick start against a portal (the mock portal's test user admin.a).
 *
 * @example
 * const result = await main('http://127.0.0.1:4010/api/v1');
 */
export async function main(baseUrl: string): Promise<QuickstartResult> {
  const portal = createPortalClient({
    baseUrl,
    credentials: {
      username: 'admin.a',
      password: 'Portal-Test-2026!',
      deviceId: 'quickstart-laptop', // a new device: the portal emails a code
      mfaCode: async (challenge) => {
        console.log(`A sign-in code was emailed to ${challenge.deliveredTo}.`);
        return '246810'; // the mock portal's code; a real app asks the user
      },
    },
    requireMockPortal: true, // this example never talks to a real portal
    clock: 'portal', // "today" is the portal's: the mock's clock may be pinned (--clock) or moved
    onSessionWarning: ({ refresh }) => void refresh(),
  });

  const me = await portal.session.me();
  console.log(
    `Signed in as ${me.firstName} ${me.lastName} (${me.grants.map((g) => `${g.taxId}: ${g.role}`).join(', ')})`,
  );

  const { data: members } = await portal.members.search({ memberId: 'K5500648801' });
  const member = members[0];
  if (member === undefined) throw new Error('Member K5500648801 was not found.');
  console.log(`Member ${member.memberId}: ${member.firstName} ${member.lastName}, ${member.status}`);

  // Service dates relative to the portal's today (the plan's time zone), as its 180-day rule is.
  const start = addDays(today(portal.clock), 7);
  const provider = {
    npi: '1234567893',
    taxId: '060646668',
    name: 'Lopez, Maria',
    address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
  };
  const request = {
    memberId: member.memberId,
    urgency: 'standard' as const,
    serviceType: 'physical_therapy' as const,
    requestingProvider: provider,
    servicingProvider: provider,
    diagnoses: [{ code: 'M54.50', primary: true }],
    serviceStartDate: start,
    serviceEndDate: addDays(start, 83),
    serviceLines: [
      { procedureCode: '97110', units: 24, serviceStartDate: start, serviceEndDate: addDays(start, 83) },
    ],
  };
  const receipt = await portal.preauthorizations.create(request);
  console.log(`Preauthorization ${receipt.referenceId}: ${receipt.status}`);

  let refused: string[] = [];
  try {
    const tooLate = addDays(today(portal.clock), 181);
    await portal.preauthorizations.create({
      ...request,
      serviceEndDate: tooLate,
      serviceLines: [{ procedureCode: '97110', units: 24, serviceStartDate: start, serviceEndDate: tooLate }],
    });
  } catch (error) {
    if (!(error instanceof PortalValidationError)) throw error;
    refused = error.violations.map((v) => v.code);
    for (const v of error.violations) console.log(`Not sent: ${v.path}: ${v.message}`);
  }

  await portal.session.signOut();
  return {
    signedInAs: me.username,
    member: {
      memberId: member.memberId,
      name: `${member.firstName} ${member.lastName}`,
      status: member.status,
    },
    preauthorization: { referenceId: receipt.referenceId, status: receipt.status },
    refused,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.env.PORTAL_URL ?? 'http://127.0.0.1:4010/api/v1');
}
