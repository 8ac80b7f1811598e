import { describe, expect, it } from 'vitest';
import { createTestPortal } from './helpers.ts';

describe('locked and revoked accounts', () => {
  it('refuses locked.user with 403 ACCOUNT_LOCKED and revoked.user with 403 ACCOUNT_REVOKED', async () => {
    const portal = createTestPortal();
    expect(await (await portal.signIn('locked.user')).json()).toMatchObject({
      status: 403,
      code: 'ACCOUNT_LOCKED',
    });
    expect(await (await portal.signIn('revoked.user')).json()).toMatchObject({
      status: 403,
      code: 'ACCOUNT_REVOKED',
    });
    // No session without the sign-in dance either.
    expect((await portal.admin('POST', '/sessions', { username: 'locked.user' })).status).toBe(403);
    expect((await portal.admin('POST', '/sessions', { username: 'revoked.user' })).status).toBe(403);
  });

  it('says INVALID_CREDENTIALS for a wrong password or an unknown user, without saying which', async () => {
    const portal = createTestPortal();
    const wrong = (await (await portal.signIn('admin.a', 'qa-device', 'nope-nope')).json()) as {
      detail: string;
    };
    const unknown = (await (await portal.signIn('nobody.here')).json()) as { detail: string };
    expect(wrong).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(unknown).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(wrong.detail).toBe(unknown.detail);
  });

  it('locks an account unused for 30 days on the mock clock (day 30 passes, day 31 locks)', async () => {
    const portal = createTestPortal();
    // The personas were last active the day before the start (2026-11-22): day 30 is 2026-12-22.
    await portal.admin('PUT', '/clock', { now: '2026-12-22T15:00:00Z' });
    expect((await portal.signIn('billing.a')).status).toBe(200);
    await portal.admin('PUT', '/clock', { now: '2026-12-23T15:00:00Z' });
    expect(await (await portal.signIn('clinical.a')).json()).toMatchObject({
      status: 403,
      code: 'ACCOUNT_LOCKED',
    });
  });

  it('ends the sessions of a user revoked from their only Tax ID', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    const billing = await portal.tokenFor('billing.a');
    const revoked = await portal.call('DELETE', '/api/v1/tax-ids/060646668/users/USR-000003', {
      token: admin,
    });
    expect(await revoked.json()).toMatchObject({ userId: 'USR-000003', status: 'revoked' });
    expect((await portal.call('GET', '/api/v1/me', { token: billing })).status).toBe(401);
    expect(await (await portal.signIn('billing.a')).json()).toMatchObject({ code: 'ACCOUNT_REVOKED' });
  });
});
