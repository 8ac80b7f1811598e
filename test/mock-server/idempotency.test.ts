import { describe, expect, it } from 'vitest';
import { createTestPortal } from './helpers.ts';

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
});
