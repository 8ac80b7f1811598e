import { describe, expect, it } from 'vitest';
import { createTestPortal } from './helpers.ts';
import { activeMember, LOPEZ_A, openPortal, PATEL, preauthorizationBody } from './transactions-support.ts';

const organization = (name: string) => ({
  organization: { name, taxId: '271234567', groupNpi: '1234567893' },
  leadSiteManager: {
    firstName: 'Nadia',
    lastName: 'Kowalski',
    title: 'office_administrator',
    email: 'nkowalski@wethersfieldfp.example',
    phone: '(860) 555-0142',
    pin: '4821',
  },
  sponsor: { name: 'Adamski, John', npi: '1407819535' },
  providerAgreementAccepted: true,
  securityPolicyAcknowledged: true,
});

describe('Idempotency-Key', () => {
  it('answers the first result again for the same key and body, byte for byte', async () => {
    const portal = createTestPortal();
    const send = () =>
      portal.call('POST', '/api/v1/registrations/organizations', {
        json: organization('Wethersfield Family Practice'),
        headers: { 'Idempotency-Key': 'org-1' },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.text()).toBe(await first.text());
    // Without the key the same body is a new request: the Tax ID is now registered.
    const third = await portal.call('POST', '/api/v1/registrations/organizations', {
      json: organization('Wethersfield Family Practice'),
    });
    expect(third.status).toBe(409);
  });

  it('refuses the same key with another body: 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const portal = createTestPortal();
    const headers = { 'Idempotency-Key': 'org-2' };
    await portal.call('POST', '/api/v1/registrations/organizations', { json: organization('One'), headers });
    const reused = await portal.call('POST', '/api/v1/registrations/organizations', {
      json: organization('Two'),
      headers,
    });
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps keys apart per user', async () => {
    const portal = createTestPortal();
    const headers = { 'Idempotency-Key': 'invite' };
    const invite = (token: string, taxId: string, email: string) =>
      portal.call('POST', `/api/v1/tax-ids/${taxId}/invitations`, {
        token,
        headers,
        json: { invitations: [{ firstName: 'A', lastName: 'B', email, role: 'general_user' }] },
      });
    const a = await invite(await portal.tokenFor('admin.a'), '060646668', 'a@example.com');
    const b = await invite(await portal.tokenFor('admin.b'), '133456789', 'b@example.com');
    expect(a.headers.get('idempotent-replayed')).toBeNull();
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(await b.json()).toMatchObject({ results: [{ email: 'b@example.com', outcome: 'sent' }] });
  });

  // The repro of issue 17: one key and one body on two targets used to answer the first one's record.
  it('keeps a key apart per target: two modifications with one key and one body are two modifications', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const created = await portal.call('POST', '/api/v1/preauthorizations', {
        token,
        json: preauthorizationBody(member.details.memberId),
        headers: { prefer: 'outcome=approved' },
      });
      expect(created.status).toBe(201);
      ids.push(created.body.referenceId);
    }
    expect(ids).toEqual(['PA-00000001', 'PA-00000002']);
    const modify = (id: string) =>
      portal.call('POST', `/api/v1/preauthorizations/${id}/modifications`, {
        token,
        json: { reason: 'extend', serviceEndDate: '2027-03-31' },
        headers: { 'Idempotency-Key': 'same-key' },
      });
    const first = await modify('PA-00000001');
    const second = await modify('PA-00000002');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.body).toMatchObject({ referenceId: 'PA-00000001', modificationId: 'PAM-000001' });
    expect(second.body).toMatchObject({ referenceId: 'PA-00000002', modificationId: 'PAM-000002' });
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    const details = await portal.call('GET', '/api/v1/preauthorizations/PA-00000002', { token });
    expect(details.body.serviceEndDate).toBe('2027-03-31');
    expect(details.body.modifications).toHaveLength(1);
    // Within one target the key still replays, and still refuses another body.
    const again = await modify('PA-00000002');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(second.body);
    const other = await portal.call('POST', '/api/v1/preauthorizations/PA-00000002/modifications', {
      token,
      json: { reason: 'extend', serviceEndDate: '2027-03-30' },
      headers: { 'Idempotency-Key': 'same-key' },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps a key apart per operation: a preauthorization and a referral with one key are two records', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    const token = await portal.token('clinical.a');
    const headers = { 'Idempotency-Key': 'one-form-key' };
    const preauthorization = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId),
      headers,
    });
    const referral = await portal.call('POST', '/api/v1/referrals', {
      token,
      headers,
      json: {
        memberId: member.details.memberId,
        referringProvider: LOPEZ_A,
        specialist: PATEL,
        startDate: '2026-11-16',
        visits: 6,
        diagnoses: [{ code: 'M17.11', primary: true }],
        reason: 'Right knee osteoarthritis; evaluation for injection.',
      },
    });
    expect(preauthorization.status).toBe(201);
    expect(referral.status).toBe(201);
    expect(referral.headers.get('idempotent-replayed')).toBeNull();
    expect(referral.body.referenceId).toBeUndefined();
    expect(referral.body.trackingNumber).toEqual(expect.any(String));
    // And each one still replays on its own operation.
    const replayed = await portal.call('POST', '/api/v1/preauthorizations', {
      token,
      json: preauthorizationBody(member.details.memberId),
      headers,
    });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.referenceId).toBe(preauthorization.body.referenceId);
  });
});
