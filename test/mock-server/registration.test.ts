import { describe, expect, it } from 'vitest';
import { PERSONA_MFA_CODE } from '../../mock-server/core/personas.ts';
import { TAX_ID_A } from '../../mock-server/data/fixtures.ts';
import { createTestPortal } from './helpers.ts';

const registration = (extra: Record<string, unknown>) => ({
  taxId: TAX_ID_A,
  firstName: 'Karen',
  lastName: 'Chen',
  email: 'kchen@example.com',
  username: 'kchen.hfm',
  password: 'Correct-Horse-Battery-42',
  pin: '2468',
  securityPolicyAcknowledged: true,
  providerAgreementAccepted: true,
  ...extra,
});

async function signInWithCode(
  portal: ReturnType<typeof createTestPortal>,
  username: string,
  password: string,
) {
  const challenge = (await (await portal.signIn(username, 'dev_kchen_laptop', password)).json()) as {
    status: string;
    challengeId: string;
  };
  expect(challenge.status).toBe('mfa_required');
  const session = await portal.call('POST', '/api/v1/session/mfa', {
    json: { challengeId: challenge.challengeId, code: PERSONA_MFA_CODE },
  });
  expect(session.status).toBe(200);
  return ((await session.json()) as { token: string }).token;
}

describe('registration', () => {
  it('turns an invitation into an account: invite, register with the group key, sign in with the code', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    await portal.call('POST', `/api/v1/tax-ids/${TAX_ID_A}/invitations`, {
      token: admin,
      json: {
        invitations: [
          { firstName: 'Karen', lastName: 'Chen', email: 'kchen@example.com', role: 'billing_staff' },
        ],
      },
    });
    const registered = await portal.call('POST', '/api/v1/registrations/users', {
      json: registration({ applicationKey: 'AK-HFMG-0606-4666' }),
    });
    expect(await registered.json()).toEqual({
      userId: 'USR-000101',
      username: 'kchen.hfm',
      status: 'active',
    });
    const token = await signInWithCode(portal, 'kchen.hfm', 'Correct-Horse-Battery-42');
    const me = (await (await portal.call('GET', '/api/v1/me', { token })).json()) as {
      grants: { role: string }[];
    };
    expect(me.grants.map((grant) => grant.role)).toEqual(['billing_staff']);
  });

  it('keeps a self-registered user pending until an administrator approves them', async () => {
    const portal = createTestPortal();
    const registered = await portal.call('POST', '/api/v1/registrations/users', {
      json: registration({ applicationKey: 'AK-HFMG-0606-4666' }),
    });
    expect(await registered.json()).toMatchObject({ status: 'pending_approval' });
    const refused = await portal.signIn('kchen.hfm', 'dev_kchen_laptop', 'Correct-Horse-Battery-42');
    expect(refused.status).toBe(403);
    const admin = await portal.tokenFor('admin.a');
    const approved = await portal.call('PATCH', `/api/v1/tax-ids/${TAX_ID_A}/users/USR-000101`, {
      token: admin,
      json: { role: 'clinical_staff', permissions: ['view_eligibility'] },
    });
    expect(await approved.json()).toMatchObject({ status: 'active', role: 'clinical_staff' });
    await signInWithCode(portal, 'kchen.hfm', 'Correct-Horse-Battery-42');
  });

  it("makes the holder of the Tax ID's registration code its administrator at once", async () => {
    const portal = createTestPortal();
    const registered = await portal.call('POST', '/api/v1/registrations/users', {
      json: registration({ registrationCode: 'RC-06064-6668' }),
    });
    expect(await registered.json()).toMatchObject({ status: 'active' });
    const token = await signInWithCode(portal, 'kchen.hfm', 'Correct-Horse-Battery-42');
    expect((await portal.call('GET', `/api/v1/tax-ids/${TAX_ID_A}/users`, { token })).status).toBe(200);
  });

  it('registers an organisation whose Lead Site Manager then registers with the application key', async () => {
    const portal = createTestPortal();
    const organization = await portal.call('POST', '/api/v1/registrations/organizations', {
      json: {
        organization: { name: 'Wethersfield Family Practice', taxId: '271234567', groupNpi: '1234567893' },
        leadSiteManager: {
          firstName: 'Nadia',
          lastName: 'Kowalski',
          title: 'medical_director',
          email: 'nkowalski@wethersfieldfp.example',
          phone: '(860) 555-0142',
          pin: '4821',
        },
        sponsor: { name: 'Adamski, John', npi: '1407819535' },
        providerAgreementAccepted: true,
        securityPolicyAcknowledged: true,
      },
    });
    const body = (await organization.json()) as { applicationKey: string; leadSiteManagerUserId: string };
    expect(organization.status, JSON.stringify(body)).toBe(201);
    expect(body.applicationKey).toMatch(/^AK-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const lead = await portal.call('POST', '/api/v1/registrations/users', {
      json: registration({
        applicationKey: body.applicationKey,
        taxId: '271234567',
        email: 'nkowalski@wethersfieldfp.example',
        username: 'nkowalski',
        firstName: 'Nadia',
        lastName: 'Kowalski',
      }),
    });
    expect(await lead.json()).toEqual({
      userId: body.leadSiteManagerUserId,
      username: 'nkowalski',
      status: 'active',
    });
  });
});
