/**
 * Lead and Secondary Site Managers and the sponsor (seed 000): "It is recommended that two (2) Site
 * Managers be assigned for all groups" (a notice, never a refusal); "The designated Sponsor
 * Representative must be a CCP Participating Provider/Physician" (SPONSOR_NOT_PARTICIPATING).
 */
import { describe, expect, it } from 'vitest';
import { TAX_ID_A, TAX_ID_B } from '../../mock-server/data/fixtures.ts';
import { createTestPortal, type TestPortal } from './helpers.ts';

const SITE = `/api/v1/tax-ids/${TAX_ID_A}`;

async function json(response: Response): Promise<any> {
  return await response.json();
}

async function siteManagers(portal: TestPortal, token: string) {
  const response = await portal.call('GET', `${SITE}/site-verification`, { token });
  expect(response.status).toBe(200);
  return (await json(response)).siteManagers;
}

function designate(portal: TestPortal, token: string, userId: string, title = 'medical_director') {
  return portal.call('POST', `${SITE}/site-managers/secondary`, { token, json: { userId, title } });
}

async function roleOn(portal: TestPortal, token: string, userId: string): Promise<string> {
  const users = await json(await portal.call('GET', `${SITE}/users?pageSize=100`, { token }));
  return users.data.find((row: { userId: string }) => row.userId === userId)?.role;
}

async function audit(portal: TestPortal, action: string) {
  return (await json(await portal.admin('GET', `/audit?action=${action}`))).entries;
}

describe('secondary site manager', () => {
  it('recommends a second site manager while only the Lead is designated, without refusing anything', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    const managers = await siteManagers(portal, admin);
    expect(managers.lead).toMatchObject({ userId: 'USR-000001', designation: 'lead' });
    expect(managers.secondary).toBeUndefined();
    expect(managers.notices.map((notice: { code: string }) => notice.code)).toEqual([
      'SECONDARY_SITE_MANAGER_RECOMMENDED',
    ]);
  });

  it('designating grants the administrator role, shows in the site details, clears the notice and is audited', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    const answer = await designate(portal, admin, 'USR-000002');
    expect(answer.status).toBe(200);
    const body = await json(answer);
    expect(body.secondary).toMatchObject({
      userId: 'USR-000002',
      designation: 'secondary',
      title: 'medical_director',
      designatedAt: '2026-11-23T14:00:00Z',
    });
    expect(body.notices).toEqual([]);
    expect(await siteManagers(portal, admin)).toEqual(body);
    expect(await roleOn(portal, admin, 'USR-000002')).toBe('administrator');
    // The secondary now does site manager work: the site verification opens to them.
    const secondary = await portal.tokenFor('clinical.a');
    expect((await portal.call('GET', `${SITE}/site-verification`, { token: secondary })).status).toBe(200);
    const [entry] = await audit(portal, 'site.designate_secondary_manager');
    expect(entry).toMatchObject({ userId: 'USR-000001', subject: 'USR-000002', detail: { taxId: TAX_ID_A } });
  });

  it('replacing gives the former secondary back the role they had', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    expect((await designate(portal, admin, 'USR-000002')).status).toBe(200);
    const replaced = await designate(portal, admin, 'USR-000003', 'office_administrator');
    expect((await json(replaced)).secondary).toMatchObject({ userId: 'USR-000003' });
    expect(await roleOn(portal, admin, 'USR-000002')).toBe('clinical_staff');
    expect(await roleOn(portal, admin, 'USR-000003')).toBe('administrator');
    const former = await portal.tokenFor('clinical.a');
    expect((await portal.call('GET', `${SITE}/site-verification`, { token: former })).status).toBe(403);
    const entries = await audit(portal, 'site.designate_secondary_manager');
    expect(entries.at(-1)).toMatchObject({ subject: 'USR-000003', detail: { replaced: 'USR-000002' } });
  });

  it('a revoked secondary is no longer designated: the recommendation comes back', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    await designate(portal, admin, 'USR-000002');
    expect((await portal.call('DELETE', `${SITE}/users/USR-000002`, { token: admin })).status).toBe(200);
    const managers = await siteManagers(portal, admin);
    expect(managers.secondary).toBeUndefined();
    expect(managers.notices).toHaveLength(1);
  });

  it('refuses a title that is not a site manager’s, the Lead, and callers who are not site managers', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    const title = await designate(portal, admin, 'USR-000002', 'nurse');
    expect(title.status).toBe(422);
    expect((await json(title)).violations.map((v: { code: string }) => v.code)).toEqual([
      'LEAD_SITE_MANAGER_TITLE',
    ]);
    expect((await designate(portal, admin, 'USR-000001')).status).toBe(409);
    const clinical = await portal.tokenFor('clinical.a');
    const refused = await designate(portal, clinical, 'USR-000003');
    expect(refused.status).toBe(403);
    expect((await json(refused)).code).toBe('ADMIN_ROLE_REQUIRED');
    expect(await audit(portal, 'site.designate_secondary_manager')).toEqual([]);
  });
});

describe('the sponsor is a participating provider', () => {
  const organization = (npi: string) => ({
    organization: { name: 'Wethersfield Family Practice', taxId: '271234567', groupNpi: '1234567893' },
    leadSiteManager: {
      firstName: 'Nadia',
      lastName: 'Kowalski',
      title: 'office_administrator',
      email: 'nkowalski@wethersfieldfp.example',
      phone: '(860) 555-0142',
      pin: '4821',
    },
    sponsor: { name: 'Sponsor', npi },
    providerAgreementAccepted: true,
    securityPolicyAcknowledged: true,
  });
  const register = (portal: TestPortal, npi: string) =>
    portal.call('POST', '/api/v1/registrations/organizations', { json: organization(npi) });

  it('registers with a participating sponsor (Adamski) and recommends a Secondary Site Manager', async () => {
    const portal = createTestPortal();
    const answer = await register(portal, '1407819535');
    expect(answer.status).toBe(201);
    expect((await json(answer)).notices.map((n: { code: string }) => n.code)).toEqual([
      'SECONDARY_SITE_MANAGER_RECOMMENDED',
    ]);
    expect(await audit(portal, 'organization.register')).toHaveLength(1);
  });

  it('refuses a sponsor NPI the directory does not know, and one in network nowhere', async () => {
    const portal = createTestPortal();
    const data = portal.core.sandbox()?.data;
    // A generated specialist of Tax ID A or B who is in network at no address (seed 42).
    const outOfNetwork = [TAX_ID_A, TAX_ID_B]
      .flatMap((taxId) => data?.providersOfTaxId(taxId) ?? [])
      .find((p) => p.profile.networkStatus === 'out_of_network');
    expect(outOfNetwork).toBeDefined();
    for (const npi of ['1999999992', outOfNetwork?.profile.npi ?? '']) {
      const answer = await register(portal, npi);
      expect(answer.status).toBe(422);
      const problem = await json(answer);
      expect(problem.violations).toEqual([
        expect.objectContaining({ code: 'SPONSOR_NOT_PARTICIPATING', path: '$.sponsor.npi' }),
      ]);
    }
    expect(await audit(portal, 'organization.register')).toEqual([]);
  });
});
