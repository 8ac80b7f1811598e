import { describe, expect, it } from 'vitest';
import { PERSONA_MFA_CODE } from '../../mock-server/core/personas.ts';
import { createTestPortal } from './helpers.ts';

interface Challenge {
  status: 'mfa_required';
  challengeId: string;
  reason: string;
  deliveredTo: string;
  expiresAt: string;
}

describe('sign-in with the emailed code (MFA_REQUIRED)', () => {
  it('needs no code from the known device qa-device', async () => {
    const portal = createTestPortal();
    const response = await portal.signIn('clinical.a');
    expect(await response.json()).toMatchObject({
      status: 'authenticated',
      session: { tokenType: 'Bearer' },
    });
  });

  it('asks a code from a new device, opens a session with it, and remembers the device', async () => {
    const portal = createTestPortal();
    const first = (await (await portal.signIn('clinical.a', 'dev_laptop_0001')).json()) as Challenge;
    expect(first).toMatchObject({
      status: 'mfa_required',
      reason: 'new_device',
      expiresAt: '2026-11-23T14:10:00Z',
    });
    expect(first.deliveredTo).toMatch(/^c\*{5}a@hartfordfamilymed\.example$/);

    const verified = await portal.call('POST', '/api/v1/session/mfa', {
      json: { challengeId: first.challengeId, code: PERSONA_MFA_CODE, rememberDevice: true },
    });
    expect(verified.status).toBe(200);
    const session = (await verified.json()) as { token: string };
    expect((await portal.call('GET', '/api/v1/me', { token: session.token })).status).toBe(200);

    // A challenge is answered once.
    const reused = await portal.call('POST', '/api/v1/session/mfa', {
      json: { challengeId: first.challengeId, code: PERSONA_MFA_CODE },
    });
    expect(await reused.json()).toMatchObject({ status: 401, code: 'MFA_CODE_INVALID' });

    const second = await portal.signIn('clinical.a', 'dev_laptop_0001');
    expect(await second.json()).toMatchObject({ status: 'authenticated' });
  });

  it('refuses a wrong code and an expired challenge with 401 MFA_CODE_INVALID', async () => {
    const portal = createTestPortal();
    const { challengeId } = (await (await portal.signIn('admin.a', 'dev_phone_00001')).json()) as Challenge;
    const wrong = await portal.call('POST', '/api/v1/session/mfa', { json: { challengeId, code: '135790' } });
    expect(await wrong.json()).toMatchObject({ status: 401, code: 'MFA_CODE_INVALID' });
    await portal.advance({ minutes: 10 });
    const late = await portal.call('POST', '/api/v1/session/mfa', {
      json: { challengeId, code: PERSONA_MFA_CODE },
    });
    expect(await late.json()).toMatchObject({ status: 401, code: 'MFA_CODE_INVALID' });
  });

  it('asks mfa.due for a code even from the known device (last verification over three months ago)', async () => {
    const portal = createTestPortal();
    const challenge = (await (await portal.signIn('mfa.due')).json()) as Challenge;
    expect(challenge).toMatchObject({ status: 'mfa_required', reason: 'verification_due' });
    const verified = await portal.call('POST', '/api/v1/session/mfa', {
      json: { challengeId: challenge.challengeId, code: PERSONA_MFA_CODE },
    });
    expect(verified.status).toBe(200);
    expect(await (await portal.signIn('mfa.due')).json()).toMatchObject({ status: 'authenticated' });
  });

  it('asks every persona again once three months have passed on the clock', async () => {
    const portal = createTestPortal();
    // admin.a was verified 10 days before the start; keep the account active meanwhile.
    for (let i = 0; i < 5; i++) {
      await portal.advance({ days: 20 });
      await portal.tokenFor('admin.a');
      // Verify the site so that users are not blocked while time passes.
      const token = await portal.tokenFor('admin.a');
      const path = '/api/v1/tax-ids/060646668/site-verification';
      const current = (await (await portal.call('GET', path, { token })).json()) as {
        users: { userId: string }[];
        providers: { npi: string }[];
      };
      await portal.call('POST', path, {
        token,
        json: {
          users: current.users.map(({ userId }) => ({ userId, stillBelongs: true })),
          providers: current.providers.map(({ npi }) => ({ npi, stillBelongs: true })),
        },
      });
    }
    expect(await (await portal.signIn('admin.a')).json()).toMatchObject({
      status: 'mfa_required',
      reason: 'verification_due',
    });
  });
});
