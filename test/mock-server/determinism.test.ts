import { describe, expect, it } from 'vitest';
import { createTestPortal } from './helpers.ts';

/** A fixed script of requests; the transcript is every answer's status, marker headers and bytes. */
async function transcript(seed: number): Promise<string> {
  const portal = createTestPortal({ seed, members: 5000 });
  const lines: string[] = [];
  const record = async (response: Response) => {
    const headers = ['content-type', 'x-request-id', 'x-mock-portal', 'retry-after', 'location']
      .map((name) => `${name}=${response.headers.get(name) ?? ''}`)
      .join(' ');
    const bytes = new Uint8Array(await response.arrayBuffer());
    lines.push(`${response.status} ${headers} ${Buffer.from(bytes).toString('base64')}`);
  };
  const signIn = await portal.signIn('admin.a');
  const text = await signIn.clone().text();
  await record(signIn);
  const token = (JSON.parse(text) as { session: { token: string } }).session.token;
  await record(await portal.signIn('clinical.a', 'dev_new_device_1'));
  for (const path of [
    '/api/v1/me',
    '/api/v1/tax-ids/060646668/users',
    '/api/v1/tax-ids/060646668/site-verification',
    '/api/v1/members/K5500648801',
    '/api/v1/members?memberId=K5500648801',
    '/api/v1/members/K5500649999',
    '/api/v1/providers?name=a',
    '/api/v1/claims?from=2026-10-01&to=2026-11-20',
    '/api/v1/message-categories',
  ]) {
    await record(await portal.call('GET', path, { token }));
  }
  await record(
    await portal.call('POST', '/api/v1/registrations/organizations', {
      json: {
        organization: { name: 'Wethersfield Family Practice', taxId: '271234567', groupNpi: '1234567893' },
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
      },
    }),
  );
  await portal.advance({ minutes: 20 });
  await record(await portal.call('GET', '/api/v1/me', { token }));
  return lines.join('\n');
}

describe('determinism', () => {
  it('answers the same requests byte for byte for the same seed and clock', async () => {
    expect(await transcript(42)).toBe(await transcript(42));
  });

  it('answers differently for another seed', async () => {
    const [a, b] = [await transcript(42), await transcript(43)];
    expect(a).not.toBe(b);
    const sessions = (text: string) => text.split('\n')[0];
    expect(sessions(a)).not.toBe(sessions(b));
  });
});
