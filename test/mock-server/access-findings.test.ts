/**
 * The eleven findings of issue 10, each reproduced against the mock portal in-process: what the portal
 * refuses, the mock must refuse too (same status and code), and never with another Tax ID's data.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIO_MEMBERS } from '../../mock-server/data/scenario-members.ts';
import { admissionBody, messageBody, referralBody } from '../contract/cases/transaction-fixtures.ts';
import { openPortal, preauthorizationBody, TAX_ID_A, TAX_ID_B } from './transactions-support.ts';

const MEMBER_OF_B = SCENARIO_MEMBERS.taxIdBOnly;
const UNKNOWN_MEMBER = 'K5500649999';

function writesFor(memberId: string): [string, string, unknown][] {
  return [
    ['POST', '/api/v1/preauthorizations', preauthorizationBody(memberId)],
    ['POST', '/api/v1/referrals', referralBody({ memberId })],
    ['POST', '/api/v1/admission-notifications', admissionBody({ memberId })],
    [
      'POST',
      '/api/v1/messages',
      messageBody({
        memberId,
        topic: 'transaction',
        transaction: { type: 'member', id: memberId },
        category: 'eligibility_and_benefits',
        subcategory: 'eligibility_question',
      }),
    ],
    [
      'POST',
      '/api/v1/preauthorization-checks',
      { memberId, procedureCode: '97110', serviceStartDate: '2026-12-01' },
    ],
  ];
}

describe('1. role permissions, on every operation', () => {
  it('refuses billing staff the clinical writes (403 PERMISSION_REQUIRED)', async () => {
    const portal = openPortal();
    const token = await portal.token('billing.a');
    for (const [method, path, json] of writesFor(SCENARIO_MEMBERS.activeCommercial).slice(0, 3)) {
      const answer = await portal.call(method, path, { token, json });
      expect([path, answer.status, answer.body?.code]).toEqual([path, 403, 'PERMISSION_REQUIRED']);
    }
  });

  it('follows permissions an administrator removes', async () => {
    const portal = openPortal();
    const admin = await portal.token('admin.a');
    const cut = await portal.call('PATCH', `/api/v1/tax-ids/${TAX_ID_A}/users/USR-000002`, {
      token: admin,
      json: { role: 'clinical_staff', permissions: ['view_eligibility'] },
    });
    expect(cut.status).toBe(200);
    const token = await portal.token('clinical.a');
    for (const [method, path] of [
      ['GET', '/api/v1/preauthorizations'],
      ['GET', '/api/v1/referrals'],
      ['GET', '/api/v1/admission-notifications'],
      ['GET', '/api/v1/messages'],
    ] as const) {
      const answer = await portal.call(method, path, { token });
      expect([path, answer.status, answer.body?.code]).toEqual([path, 403, 'PERMISSION_REQUIRED']);
    }
    const message = await portal.call('POST', '/api/v1/messages', { token, json: messageBody() });
    expect(message.body?.code).toBe('PERMISSION_REQUIRED');
  });
});

describe('2 and 3. one member visibility rule for reads and writes', () => {
  it('answers a member of another Tax ID exactly as an unknown one, on every write', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const unknown = writesFor(UNKNOWN_MEMBER);
    const other = writesFor(MEMBER_OF_B);
    for (const [index, [method, path, json]] of other.entries()) {
      const foreign = await portal.call(method, path, { token, json });
      const [, , unknownJson] = unknown[index] ?? [];
      const missing = await portal.call(method, path, { token, json: unknownJson });
      expect([path, foreign.status, foreign.body?.code]).toEqual([path, 404, 'MEMBER_NOT_FOUND']);
      expect([path, missing.status, missing.body?.code]).toEqual([path, 404, 'MEMBER_NOT_FOUND']);
      expect(foreign.body.detail).toBe(missing.body.detail?.replace(UNKNOWN_MEMBER, MEMBER_OF_B));
      expect(JSON.stringify(foreign.body)).not.toMatch(/coverage|\d{4}-\d{2}-\d{2}/i);
    }
  });

  it('answers the same on reads', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const foreign = await portal.call('GET', `/api/v1/members/${MEMBER_OF_B}`, { token });
    const missing = await portal.call('GET', `/api/v1/members/${UNKNOWN_MEMBER}`, { token });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    expect([missing.status, missing.body.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
  });
});

describe('4. the last administrator of a Tax ID', () => {
  it('cannot be revoked, demoted or remove themselves (409 LAST_ADMINISTRATOR)', async () => {
    const portal = openPortal();
    const adminB = await portal.token('admin.b');
    const multi = await portal.call('DELETE', `/api/v1/tax-ids/${TAX_ID_B}/users/USR-000005`, {
      token: adminB,
    });
    expect(multi.status).toBe(200);
    const self = await portal.call('DELETE', `/api/v1/tax-ids/${TAX_ID_B}/users/USR-000004`, {
      token: adminB,
    });
    expect([self.status, self.body.code]).toEqual([409, 'LAST_ADMINISTRATOR']);
    const demoted = await portal.call('PATCH', `/api/v1/tax-ids/${TAX_ID_B}/users/USR-000004`, {
      token: adminB,
      json: { role: 'clinical_staff', permissions: ['view_eligibility'] },
    });
    expect([demoted.status, demoted.body.code]).toEqual([409, 'LAST_ADMINISTRATOR']);
  });
});

describe('4. the last administrator, through the site verification', () => {
  it('refuses answers that remove every administrator, and changes nothing', async () => {
    const portal = openPortal();
    const adminB = await portal.token('admin.b');
    const path = `/api/v1/tax-ids/${TAX_ID_B}/site-verification`;
    const current = await portal.call('GET', path, { token: adminB });
    const answer = await portal.call('POST', path, {
      token: adminB,
      json: {
        users: current.body.users.map((user: any) => ({ userId: user.userId, stillBelongs: false })),
        providers: current.body.providers.map((provider: any) => ({ npi: provider.npi, stillBelongs: true })),
      },
    });
    expect([answer.status, answer.body.code]).toEqual([409, 'LAST_ADMINISTRATOR']);
    const users = await portal.call('GET', `/api/v1/tax-ids/${TAX_ID_B}/users`, { token: adminB });
    expect(users.body.data.filter((user: any) => user.status === 'revoked')).toEqual([]);
  });
});

describe('5. one email, one account', () => {
  it('refuses an organisation whose Lead Site Manager uses the email of another account', async () => {
    const portal = openPortal();
    const answer = await portal.call('POST', '/api/v1/registrations/organizations', {
      json: {
        organization: { name: 'Wethersfield Family Practice', taxId: '271234567', groupNpi: '1234567893' },
        leadSiteManager: {
          firstName: 'Olivia',
          lastName: 'Miller',
          title: 'medical_director',
          email: 'admin.a@hartfordfamilymed.example',
          phone: '(860) 555-0142',
          pin: '4821',
        },
        sponsor: { name: 'Adamski, John', npi: '1407819535' },
        providerAgreementAccepted: true,
        securityPolicyAcknowledged: true,
      },
    });
    expect([answer.status, answer.body.code]).toEqual([409, 'EMAIL_IN_USE']);
  });

  it('refuses a registration with the email of another account (409 EMAIL_IN_USE)', async () => {
    const portal = openPortal();
    const answer = await portal.call('POST', '/api/v1/registrations/users', {
      json: {
        taxId: TAX_ID_B,
        firstName: 'Daniel',
        lastName: 'Reyes',
        email: 'Clinical.A@hartfordfamilymed.example',
        username: 'dreyes.b',
        password: 'Correct-Horse-Battery-42',
        pin: '2468',
        securityPolicyAcknowledged: true,
        providerAgreementAccepted: true,
        applicationKey: 'AK-SSPD-1334-5678',
      },
    });
    expect([answer.status, answer.body.code]).toEqual([409, 'EMAIL_IN_USE']);
  });
});

describe('6. a decided preauthorization', () => {
  it('refuses a modification of a denied request (409 PREAUTH_NOT_EDITABLE)', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(SCENARIO_MEMBERS.activeCommercial),
      headers: { prefer: 'outcome=denied' },
    });
    expect(created.body.status).toBe('denied');
    const answer = await portal.call(
      'POST',
      `/api/v1/preauthorizations/${created.body.referenceId}/modifications`,
      { token, json: { reason: 'More time.', serviceEndDate: '2027-03-26' } },
    );
    expect([answer.status, answer.body.code]).toEqual([409, 'PREAUTH_NOT_EDITABLE']);
  });
});

describe('7. coverage on every create that names a member', () => {
  it('refuses a referral and an admission notification for a termed member', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const memberId = SCENARIO_MEMBERS.termed;
    const referral = await portal.call('POST', '/api/v1/referrals', {
      token,
      json: referralBody({ memberId }),
    });
    expect([referral.status, referral.body.code]).toEqual([422, 'SERVICE_OUTSIDE_COVERAGE']);
    const admission = await portal.call('POST', '/api/v1/admission-notifications', {
      token,
      json: admissionBody({ memberId }),
    });
    expect([admission.status, admission.body.code]).toEqual([422, 'SERVICE_OUTSIDE_COVERAGE']);
  });
});

describe('8. hyphenated Tax IDs', () => {
  it('accepts 06-0646668 over HTTP and normalises it', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const body = preauthorizationBody(SCENARIO_MEMBERS.activeCommercial);
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: { ...body, requestingProvider: { ...body.requestingProvider, taxId: '06-0646668' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const details = await portal.call('GET', `/api/v1/preauthorizations/${created.body.referenceId}`, {
      token,
    });
    expect(details.body.requestingProvider.taxId).toBe(TAX_ID_A);
    const organization = await portal.call('POST', '/api/v1/registrations/organizations', {
      json: {
        organization: { name: 'Wethersfield Family Practice', taxId: '27-1234567', groupNpi: '1234567893' },
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
    expect(organization.status, JSON.stringify(organization.body)).toBe(201);
  });
});

describe('9. methods a path does not answer', () => {
  it('answer 405 METHOD_NOT_ALLOWED with Allow', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const answer = await portal.call('PATCH', '/api/v1/preauthorizations/PA-00000001', { token });
    expect([answer.status, answer.body.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    expect(answer.headers.get('allow')).toBe('GET');
  });
});

describe('10. site verification removes a provider', () => {
  it('takes a provider that no longer belongs out of the Tax ID directory', async () => {
    const portal = openPortal();
    const token = await portal.token('admin.a');
    const path = `/api/v1/tax-ids/${TAX_ID_A}/site-verification`;
    const current = await portal.call('GET', path, { token });
    expect(current.body.providers.map((p: any) => p.npi)).toContain('1365482904');
    const verified = await portal.call('POST', path, {
      token,
      json: {
        users: current.body.users.map((user: any) => ({ userId: user.userId, stillBelongs: true })),
        providers: current.body.providers.map((provider: any) => ({
          npi: provider.npi,
          stillBelongs: provider.npi !== '1365482904',
        })),
      },
    });
    expect(verified.status).toBe(200);
    const one = await portal.call('GET', '/api/v1/providers/1365482904', { token });
    expect(one.status).toBe(404);
    const all = await portal.call('GET', '/api/v1/providers?pageSize=100', { token });
    expect(all.body.data.map((p: any) => p.npi)).not.toContain('1365482904');
  });
});

describe('11. message categories and claim references', () => {
  it('refuses a care plan comment outside Care Management', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const answer = await portal.call('POST', '/api/v1/messages', {
      token,
      json: messageBody({
        topic: 'transaction',
        transaction: { type: 'care_plan', id: SCENARIO_MEMBERS.activeCommercial },
        category: 'claims',
        subcategory: 'claim_status',
      }),
    });
    expect([answer.status, answer.body.code]).toEqual([422, 'INVALID_MESSAGE_CATEGORY']);
  });

  it('checks the claim an appeal names: unknown and foreign claims answer the same 404', async () => {
    const portal = openPortal();
    const token = await portal.token('billing.a');
    const appeal = (id: string) =>
      messageBody({
        topic: 'transaction',
        transaction: { type: 'claim', id },
        category: 'grievances_and_appeals',
        subcategory: 'claim_denial_appeal',
      });
    const foreign = await portal.call('POST', '/api/v1/messages', { token, json: appeal('9999TINB0001') });
    const unknown = await portal.call('POST', '/api/v1/messages', { token, json: appeal('9999NOPE0001') });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const own = await portal.call('POST', '/api/v1/messages', { token, json: appeal('9999REMIT003') });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
  });

  it("checks the preauthorization a message names: another Tax ID's answers as an unknown one", async () => {
    const portal = openPortal();
    const adminB = await portal.token('admin.b');
    const created = await portal.call('POST', '/api/v1/preauthorizations', {
      token: adminB,
      json: preauthorizationBody(MEMBER_OF_B, {
        requestingProvider: {
          npi: '1617283944',
          taxId: TAX_ID_B,
          name: 'Rivera, Ana',
          address: { line1: '52 Seymour St', city: 'Middletown', state: 'CT', zip: '06457' },
        },
      }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = await portal.token('clinical.a');
    const about = (id: string) =>
      messageBody({
        topic: 'transaction',
        transaction: { type: 'preauthorization', id },
        category: 'preauthorizations',
        subcategory: 'preauthorization_status',
      });
    const foreign = await portal.call('POST', '/api/v1/messages', {
      token,
      json: about(created.body.referenceId),
    });
    const unknown = await portal.call('POST', '/api/v1/messages', { token, json: about('PA-99999999') });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(foreign.body.detail.replace(created.body.referenceId, 'PA-99999999')).toBe(unknown.body.detail);
  });
});
