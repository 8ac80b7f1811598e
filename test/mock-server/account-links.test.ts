/**
 * Associating and linking provider accounts (seed 002): the Provider ID / billing number, names, Tax
 * ID and "any ZIP code listed" are checked against the directory; "Confirm the Provider Agreement";
 * "If an Administrator for the Provider ID exists, contact them and request access"; and "When you
 * register as a Group, you will have access to all information for all providers listed under the
 * Group Tax ID".
 */
import { describe, expect, it } from 'vitest';
import { NETWORK_TAX_IDS, PROVIDER_NPIS } from '../../mock-server/data/provider-directory.ts';
import { TAX_ID_A } from '../support/documented-providers.ts';
import { createTestPortal, type TestPortal } from './helpers.ts';

const ORTHOPAEDICS = NETWORK_TAX_IDS.connecticutOrthopaedics;
const GROUP = {
  providerType: 'group',
  groupName: 'Connecticut Orthopaedic Specialists',
  taxId: ORTHOPAEDICS,
  providerId: 'CCA0071150',
  zip: '06519',
  providerAgreementAccepted: true,
};
const ADAMSKI = {
  providerType: 'practitioner',
  practitionerFirstName: 'John',
  practitionerLastName: 'Adamski',
  taxId: TAX_ID_A,
  providerId: 'CCA0051877',
  zip: '06102',
  providerAgreementAccepted: true,
};

async function link(portal: TestPortal, username: string, json: unknown, path = '/api/v1/accounts/links') {
  const response = await portal.call('POST', path, { token: await portal.tokenFor(username), json });
  return { status: response.status, body: (await response.json()) as any };
}

const codes = (body: { violations?: { code: string }[] }) => (body.violations ?? []).map((v) => v.code);

describe('provider account links', () => {
  it('a Group link opens every provider under the Group Tax ID to the user, and is audited', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    const before = await portal.call('GET', `/api/v1/providers?taxId=${ORTHOPAEDICS}`, { token });
    expect(before.status).toBe(403);
    const linked = await link(portal, 'clinical.a', GROUP, '/api/v1/accounts/associations');
    expect(linked.status).toBe(201);
    const after = await portal.call('GET', `/api/v1/providers?taxId=${ORTHOPAEDICS}`, {
      token: await portal.tokenFor('clinical.a'),
    });
    expect(after.status).toBe(200);
    const npis = ((await after.json()) as any).data.map((row: { npi: string }) => row.npi);
    expect(npis).toEqual(
      expect.arrayContaining([PROVIDER_NPIS.patel, PROVIDER_NPIS.connecticutOrthopaedicsGroup]),
    );
    const me = (await (
      await portal.call('GET', '/api/v1/me', { token: await portal.tokenFor('clinical.a') })
    ).json()) as any;
    expect(JSON.stringify(me)).toContain(ORTHOPAEDICS);
    const audit = (await (await portal.admin('GET', '/audit?action=account.link')).json()) as any;
    expect(audit.entries).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ grantedTaxId: ORTHOPAEDICS }) }),
    ]);
  });

  it('then the group has an administrator: another user is told to ask them', async () => {
    const portal = createTestPortal();
    expect((await link(portal, 'clinical.a', GROUP)).status).toBe(201);
    const second = await link(portal, 'billing.a', GROUP);
    expect(second.status).toBe(403);
    expect(second.body.code).toBe('ADMIN_ROLE_REQUIRED');
  });

  it('checks the Provider ID and accepts any ZIP code of the provider under that Tax ID', async () => {
    const portal = createTestPortal();
    // Farmington is one of Adamski's Tax ID A addresses; Middletown is his Tax ID B address.
    expect((await link(portal, 'clinical.a', { ...ADAMSKI, zip: '06032' })).status).toBe(201);
    const middletown = await link(portal, 'billing.a', { ...ADAMSKI, zip: '06457' });
    expect([middletown.status, codes(middletown.body)]).toEqual([422, ['PROVIDER_IDENTITY_MISMATCH']]);
    const lopezId = await link(portal, 'billing.a', { ...ADAMSKI, providerId: 'CCA0051902' });
    expect([lopezId.status, codes(lopezId.body)]).toEqual([422, ['PROVIDER_IDENTITY_MISMATCH']]);
  });

  it('refuses without the Provider Agreement, false or missing, with PROVIDER_AGREEMENT_REQUIRED', async () => {
    const portal = createTestPortal();
    const refused = await link(portal, 'clinical.a', { ...ADAMSKI, providerAgreementAccepted: false });
    expect([refused.status, codes(refused.body)]).toEqual([422, ['PROVIDER_AGREEMENT_REQUIRED']]);
    const { providerAgreementAccepted: _accepted, ...missing } = ADAMSKI;
    const absent = await link(portal, 'clinical.a', missing, '/api/v1/accounts/associations');
    expect([absent.status, codes(absent.body)]).toEqual([422, ['PROVIDER_AGREEMENT_REQUIRED']]);
    const audit = (await (await portal.admin('GET', '/audit?action=account.link')).json()) as any;
    expect(audit.entries).toEqual([]);
  });
});
