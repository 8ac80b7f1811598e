import { describe, expect, it } from 'vitest';
import { createTestPortal } from './helpers.ts';

/**
 * Secrets are random, data is seeded (ARCHITECTURE.md principle 13): session tokens and MFA challenge
 * IDs are masked in the transcript; everything else must match byte for byte.
 */
function maskSecrets(text: string): string {
  return text.replace(/pps_[A-Za-z0-9]{32}/g, 'pps_<secret>').replace(/MFA-[A-Z0-9]{8}/g, 'MFA-<secret>');
}

/** A fixed script of requests; the transcript is every answer's status, marker headers and bytes. */
async function transcript(seed: number): Promise<string> {
  const portal = createTestPortal({ seed, members: 5000 });
  const lines: string[] = [];
  const record = async (response: Response) => {
    const headers = ['content-type', 'x-request-id', 'x-mock-portal', 'retry-after', 'location']
      .map((name) => `${name}=${response.headers.get(name) ?? ''}`)
      .join(' ');
    lines.push(`${response.status} ${headers} ${maskSecrets(await response.text())}`);
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
  });

  it('never answers the same session token or MFA challenge twice, whatever the seed (a token computed offline opens nothing)', async () => {
    const first = createTestPortal({ seed: 42 });
    const second = createTestPortal({ seed: 42 });
    const token = async (portal: ReturnType<typeof createTestPortal>) =>
      ((await (await portal.signIn('admin.a')).json()) as { session: { token: string } }).session.token;
    const challenge = async (portal: ReturnType<typeof createTestPortal>) =>
      ((await (await portal.signIn('clinical.a', 'dev_new_device_1')).json()) as { challengeId: string })
        .challengeId;
    const [a, b] = [await token(first), await token(second)];
    expect(a).toMatch(/^pps_[A-Za-z0-9]{32}$/);
    expect(a).not.toBe(b);
    // The first server's token opens nothing on the second, though both have seed 42.
    expect((await second.call('GET', '/api/v1/me', { token: a })).status).toBe(401);
    const [c, d] = [await challenge(first), await challenge(second)];
    expect(c).toMatch(/^MFA-[A-Z0-9]{8}$/);
    expect(c).not.toBe(d);
  });
});
