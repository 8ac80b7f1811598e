import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE_URL, fakeFetch, json, problem, session } from '../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from './client.ts';
import { AuthenticationError, SessionExpiredError } from './errors.ts';
import type { Clock } from './rules/index.ts';

const member = { memberId: 'K5500648801' };
const MINUTE = 60_000;

const credentials = (mfaCode = vi.fn(async () => '246810')) => ({
  username: 'admin.a',
  password: 'Portal-Test-2026!',
  deviceId: 'laptop-7',
  mfaCode,
});

describe('the idle timer (fake timers, system clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-23T14:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns at 14:30 of idleness and ends the session at 15:00', async () => {
    const onSessionWarning = vi.fn();
    const onSessionExpired = vi.fn();
    const fetch = fakeFetch(json(200, member));
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
      onSessionWarning,
      onSessionExpired,
    });
    expect(portal.session.expiresAt?.toISOString()).toBe('2026-11-23T14:15:00.000Z');

    await vi.advanceTimersByTimeAsync(14 * MINUTE + 29_999);
    expect(onSessionWarning).not.toHaveBeenCalled();
    expect(portal.session.check()).toBe('active');
    await vi.advanceTimersByTimeAsync(1);
    expect(onSessionWarning).toHaveBeenCalledTimes(1);
    expect(onSessionWarning.mock.calls[0]?.[0]).toMatchObject({ remainingMs: 30_000 });
    expect(onSessionWarning.mock.calls[0]?.[0].expiresAt.toISOString()).toBe('2026-11-23T14:15:00.000Z');
    expect(portal.session.check()).toBe('warning');

    await vi.advanceTimersByTimeAsync(29_999);
    expect(onSessionExpired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onSessionExpired).toHaveBeenCalledWith(new Date('2026-11-23T14:15:00Z'));
    expect(onSessionWarning).toHaveBeenCalledTimes(1);
    expect(portal.session.check()).toBe('expired');
    expect(portal.session.token).toBeUndefined();

    // Thrown before sending: fetch is never called.
    await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('every authenticated call resets the idle timer', async () => {
    const onSessionWarning = vi.fn();
    const fetch = fakeFetch(json(200, member));
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
      onSessionWarning,
    });
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    await portal.members.get('K5500648801');
    await vi.advanceTimersByTimeAsync(14 * MINUTE + 29_000);
    expect(onSessionWarning).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onSessionWarning).toHaveBeenCalledTimes(1);
    expect(portal.session.expiresAt?.toISOString()).toBe('2026-11-23T14:25:00.000Z');
  });

  it('the warning can keep the session with refresh(), which takes the rotated token', async () => {
    const fetch = fakeFetch(json(200, session('pps_rotated_token_00000002')), json(200, member));
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
      onSessionWarning: ({ refresh }) => void refresh(),
    });
    await vi.advanceTimersByTimeAsync(14 * MINUTE + 30_000);
    expect(fetch.requests[0]?.url.pathname).toBe('/api/v1/session/refresh');
    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    expect(portal.session.check()).toBe('active');
    await portal.members.get('K5500648801');
    expect(fetch.requests[1]?.headers.get('authorization')).toBe('Bearer pps_rotated_token_00000002');
  });
});

describe('the idle timer with an injected clock', () => {
  it('check() reads the clock: warning from 14:30, SessionExpiredError from 15:00', async () => {
    let now = new Date('2026-11-23T14:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const onSessionWarning = vi.fn();
    const fetch = fakeFetch(json(200, member));
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
      clock,
      onSessionWarning,
    });
    now = new Date('2026-11-23T14:14:29.999Z');
    expect(portal.session.check()).toBe('active');
    now = new Date('2026-11-23T14:14:30Z');
    expect(portal.session.check()).toBe('warning');
    expect(onSessionWarning).toHaveBeenCalledTimes(1);
    now = new Date('2026-11-23T14:15:00Z');
    const error = await portal.members.get('K5500648801').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect((error as SessionExpiredError).message).toContain('2026-11-23T14:15:00.000Z');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('the idle timer when the clock goes back', () => {
  it('counts idle time from the new now (a portal clock learning a mock months behind the machine)', async () => {
    let now = new Date('2027-06-01T14:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      sessionToken: 'pps_unit_token_0000000001',
      fetch: fakeFetch(json(200, member)),
      clock,
    });
    now = new Date('2026-11-23T14:00:00Z');
    expect(portal.session.check()).toBe('active');
    expect(portal.session.expiresAt?.toISOString()).toBe('2026-11-23T14:15:00.000Z');
    now = new Date('2026-11-23T14:15:00Z');
    expect(portal.session.check()).toBe('expired');
  });
});

describe('sign-in', () => {
  it('answers the emailed-code challenge through mfaCode, then sends the token', async () => {
    const challenge = {
      status: 'mfa_required',
      challengeId: 'MFA-7K2P9Q4X',
      deliveredTo: 'a*****n@example.com',
      expiresAt: '2026-11-23T14:15:00Z',
      reason: 'new_device',
    };
    const fetch = fakeFetch(json(200, challenge), json(200, session()), json(200, member));
    const mfaCode = vi.fn(async () => '246810');
    const portal = createPortalClient({ baseUrl: BASE_URL, credentials: credentials(mfaCode), fetch });
    await expect(portal.members.get('K5500648801')).resolves.toEqual(member);
    expect(mfaCode).toHaveBeenCalledWith(challenge);
    expect(fetch.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /api/v1/session',
      'POST /api/v1/session/mfa',
      'GET /api/v1/members/K5500648801',
    ]);
    expect(JSON.parse(fetch.requests[0]!.body)).toEqual({
      username: 'admin.a',
      password: 'Portal-Test-2026!',
      deviceId: 'laptop-7',
    });
    expect(JSON.parse(fetch.requests[1]!.body)).toEqual({
      challengeId: 'MFA-7K2P9Q4X',
      code: '246810',
      rememberDevice: false,
    });
    expect(fetch.requests[0]?.headers.has('authorization')).toBe(false);
    expect(fetch.requests[2]?.headers.get('authorization')).toBe('Bearer pps_test_token_000000000001');
  });

  it('signs in once for concurrent first calls', async () => {
    const fetch = fakeFetch((request) =>
      new URL(request.url).pathname === '/api/v1/session'
        ? json(200, { status: 'authenticated', session: session() })
        : json(200, member),
    );
    const portal = createPortalClient({ baseUrl: BASE_URL, credentials: credentials(), fetch });
    await Promise.all([portal.members.get('K5500648801'), portal.members.get('K5500648801')]);
    expect(fetch.requests.filter((r) => r.url.pathname === '/api/v1/session')).toHaveLength(1);
  });

  it('never signs in again on its own after the session ended; an explicit signIn() does', async () => {
    let now = new Date('2026-11-23T14:00:00Z');
    const clock: Clock = { now: () => new Date(now) };
    const fetch = fakeFetch((request) =>
      new URL(request.url).pathname === '/api/v1/session'
        ? json(200, { status: 'authenticated', session: session() })
        : json(200, member),
    );
    const portal = createPortalClient({ baseUrl: BASE_URL, credentials: credentials(), fetch, clock });
    await portal.members.get('K5500648801');
    expect(fetch).toHaveBeenCalledTimes(2);
    now = new Date('2026-11-23T14:20:00Z');
    await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(fetch).toHaveBeenCalledTimes(2);
    await portal.session.signIn();
    await expect(portal.members.get('K5500648801')).resolves.toEqual(member);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('a wrong password is an AuthenticationError', async () => {
    const fetch = fakeFetch(json(401, problem(401, 'INVALID_CREDENTIALS')));
    const portal = createPortalClient({ baseUrl: BASE_URL, credentials: credentials(), fetch });
    const error = await portal.members.get('K5500648801').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('the portal’s 401 SESSION_EXPIRED ends the session on the client too', async () => {
    const fetch = fakeFetch(json(401, problem(401, 'SESSION_EXPIRED')));
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
    });
    await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(portal.session.check()).toBe('expired');
    await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('signOut() forgets the token', async () => {
    const fetch = fakeFetch(json(204, null), json(401, problem(401, 'UNAUTHENTICATED')));
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      sessionToken: 'pps_unit_token_0000000001',
      fetch,
    });
    await portal.session.signOut();
    expect(portal.session.check()).toBe('signed_out');
    await expect(portal.members.get('K5500648801')).rejects.toBeInstanceOf(AuthenticationError);
    expect(fetch.requests[1]?.headers.has('authorization')).toBe(false);
  });
});
