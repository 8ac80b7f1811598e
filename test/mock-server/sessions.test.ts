import { describe, expect, it } from 'vitest';
import { createTestPortal } from './helpers.ts';

describe('bearer sessions end after 15 idle minutes', () => {
  it('accepts a call after 14:59 idle and refuses one after 15:00 with 401 SESSION_EXPIRED', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a');
    await portal.advance({ minutes: 14, seconds: 59 });
    expect((await portal.call('GET', '/api/v1/me', { token })).status).toBe(200);

    // That call reset the idle time: 14:59 more is still fine, 15:00 is not.
    await portal.advance({ minutes: 14, seconds: 59 });
    expect((await portal.call('GET', '/api/v1/me', { token })).status).toBe(200);
    await portal.advance({ minutes: 15 });
    const expired = await portal.call('GET', '/api/v1/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('content-type')).toBe('application/problem+json');
    expect(await expired.json()).toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });

    // The session is gone for good: the token is unknown now.
    const again = await portal.call('GET', '/api/v1/me', { token });
    expect(await again.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers expiresAt 15 minutes after the last call, moved by refreshSession', async () => {
    const portal = createTestPortal();
    const signIn = await portal.signIn('admin.a');
    const { session } = (await signIn.json()) as {
      session: { token: string; expiresAt: string; idleTimeoutSeconds: number };
    };
    expect(session.expiresAt).toBe('2026-11-23T14:15:00Z');
    expect(session.idleTimeoutSeconds).toBe(900);
    await portal.advance({ minutes: 10 });
    const refreshed = await portal.call('POST', '/api/v1/session/refresh', { token: session.token });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ token: session.token, expiresAt: '2026-11-23T14:25:00Z' });
  });

  it('signs out: the token is refused afterwards', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('billing.a');
    expect((await portal.call('DELETE', '/api/v1/session', { token })).status).toBe(204);
    const after = await portal.call('GET', '/api/v1/me', { token });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses secured operations without a token (401 UNAUTHENTICATED) and serves public ones', async () => {
    const portal = createTestPortal();
    expect(await (await portal.call('GET', '/api/v1/me')).json()).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    const recovery = await portal.call('POST', '/api/v1/account/username-recovery', {
      json: { email: 'a@b.example' },
    });
    expect(recovery.status).toBe(202);
  });
});
