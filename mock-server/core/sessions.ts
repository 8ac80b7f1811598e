/**
 * Bearer sessions of the mock portal, on the sandbox's clock: issued by sign-in (or by
 * `POST /__admin/sessions` without the sign-in dance), ended after 15 idle minutes
 * (sdk/rules checkSession → 401 SESSION_EXPIRED: "User default timeout after inactivity is 15
 * minutes", seed 003), each authenticated call resetting the idle time, and in any case
 * {@link SESSION_ABSOLUTE_LIFETIME_MS} after sign-in, however often it is refreshed.
 *
 * Tokens are secrets: they come from the cryptographic source (core/secrets.ts), never from the seed.
 * Expired sessions are swept as new ones open, and a sandbox holds at most {@link MAX_SESSIONS}.
 */

import { OPERATION_PERMISSIONS } from '../../sdk/generated/permissions.ts';
import type { components } from '../../sdk/generated/portal.ts';
import {
  calendarDayAt,
  checkSession,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_WARNING_BEFORE_MS,
  sessionExpiresAt,
} from '../../sdk/rules/index.ts';
import { allGrantsBlocked } from './access.ts';
import { isoTimestamp } from './clock.ts';
import { ProblemError } from './problem.ts';
import { nextCounter } from './sandbox.ts';
import { uniqueSecret } from './secrets.ts';
import type { OperationId, PortalSession, PortalUser, SandboxState } from './types.ts';

type Schemas = components['schemas'];

/**
 * The longest a session lives, however often it is used or refreshed: 12 hours of mock time after
 * sign-in (a working day and then some). The portal's seed documents name only the idle timeout; an
 * absolute lifetime is what a shared service needs so that a leaked token stops working.
 */
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000;
/** The most open sessions a sandbox keeps; past it, the oldest is ended. */
export const MAX_SESSIONS = 20_000;
/** Every this many sign-ins, the sandbox's expired sessions are swept. */
const SWEEP_EVERY = 256;

/**
 * When a session ends at the latest: 15 idle minutes after its last use, or its absolute lifetime
 * after sign-in, whichever comes first.
 *
 * @example
 * sessionEndsAt(session); // epoch milliseconds
 */
export function sessionEndsAt(session: PortalSession): number {
  return Math.min(
    sessionExpiresAt(session.lastActivityAt).getTime(),
    session.issuedAt + SESSION_ABSOLUTE_LIFETIME_MS,
  );
}

/**
 * Ends every session of the sandbox that has expired (idle or past its lifetime) by `now`.
 *
 * @example
 * sweepSessions(sandbox, sandbox.clock.now().getTime());
 */
export function sweepSessions(sandbox: SandboxState, now: number): void {
  for (const [token, session] of sandbox.sessions)
    if (sessionEndsAt(session) <= now) sandbox.sessions.delete(token);
}

/**
 * Opens a session for a user on the sandbox's clock, with a token from the cryptographic source
 * (`pps_` + 32 letters and digits, about 190 bits).
 *
 * @example
 * const session = openSession(sandbox, user);
 * session.token; // 'pps_…'
 */
export function openSession(sandbox: SandboxState, user: PortalUser): PortalSession {
  const now = sandbox.clock.now().getTime();
  if (nextCounter(sandbox, '__session-opens') % SWEEP_EVERY === 0 || sandbox.sessions.size >= MAX_SESSIONS) {
    sweepSessions(sandbox, now);
  }
  // Still full of live sessions: the oldest one (Maps keep insertion order) makes room.
  while (sandbox.sessions.size >= MAX_SESSIONS) {
    const oldest = sandbox.sessions.keys().next().value;
    if (oldest === undefined) break;
    sandbox.sessions.delete(oldest);
  }
  const token = uniqueSecret('pps_', 32, sandbox.sessions);
  const session: PortalSession = { token, userId: user.userId, issuedAt: now, lastActivityAt: now };
  sandbox.sessions.set(token, session);
  user.lastActiveOn = calendarDayAt(new Date(now));
  return session;
}

/** The `UserSummary` of a user. */
export function userSummary(user: PortalUser): Schemas['UserSummary'] {
  return {
    userId: user.userId,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
  };
}

/**
 * The spec's `Session` of an open session.
 *
 * @example
 * const body: components['schemas']['Session'] = sessionBody(session, user);
 */
export function sessionBody(session: PortalSession, user: PortalUser): Schemas['Session'] {
  return {
    token: session.token,
    tokenType: 'Bearer',
    issuedAt: isoTimestamp(session.issuedAt),
    expiresAt: isoTimestamp(sessionEndsAt(session)),
    idleTimeoutSeconds: SESSION_IDLE_TIMEOUT_MS / 1000,
    warningBeforeSeconds: SESSION_WARNING_BEFORE_MS / 1000,
    user: userSummary(user),
  } as Schemas['Session'];
}

/** Ends every session of a user (revoked users, signed-out sessions) but `exceptToken`; answers how many ended. */
export function endSessionsOf(sandbox: SandboxState, userId: string, exceptToken?: string): number {
  let ended = 0;
  for (const [token, session] of sandbox.sessions) {
    if (session.userId === userId && token !== exceptToken) {
      sandbox.sessions.delete(token);
      ended += 1;
    }
  }
  return ended;
}

/**
 * Authenticates a request to a secured operation: the bearer token names an open session of the
 * sandbox (401 UNAUTHENTICATED otherwise), idle less than 15 minutes (401 SESSION_EXPIRED, and the
 * session is ended), of a user not revoked (403 ACCOUNT_REVOKED) and not blocked on every Tax ID by
 * an overdue site verification (403 SITE_VERIFICATION_OVERDUE). The call resets the idle time.
 *
 * @example
 * const { user, session } = authenticate(sandbox, request.headers.get('authorization'), 'getMember');
 */
export function authenticate(
  sandbox: SandboxState,
  authorization: string | null,
  operationId: OperationId,
): { user: PortalUser; session: PortalSession } {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (match === null) {
    throw new ProblemError(
      'UNAUTHENTICATED',
      'This operation needs a session: sign in (POST /api/v1/session) and send Authorization: Bearer <token>.',
    );
  }
  const token = match[1] ?? '';
  const session = sandbox.sessions.get(token);
  if (session === undefined) {
    throw new ProblemError(
      'UNAUTHENTICATED',
      'The bearer token is not an open session of this portal (signed out, never issued, or issued in another sandbox): sign in again.',
    );
  }
  const now = sandbox.clock.now();
  const [expired] = checkSession(session.lastActivityAt, now);
  if (expired !== undefined) {
    sandbox.sessions.delete(token);
    throw new ProblemError('SESSION_EXPIRED', expired.message);
  }
  if (now.getTime() >= session.issuedAt + SESSION_ABSOLUTE_LIFETIME_MS) {
    sandbox.sessions.delete(token);
    throw new ProblemError(
      'SESSION_EXPIRED',
      `Sessions of the mock portal end ${SESSION_ABSOLUTE_LIFETIME_MS / 3_600_000} hours after sign-in, however often they are used: sign in again.`,
    );
  }
  const user = sandbox.users.get(session.userId);
  if (user === undefined || user.status === 'revoked') {
    sandbox.sessions.delete(token);
    throw new ProblemError(
      'ACCOUNT_REVOKED',
      'This account was revoked by a site manager: its sessions have ended.',
    );
  }
  // The operations that stay open then are the contract's (`x-portal-while-blocked`).
  if (!OPERATION_PERMISSIONS[operationId].whileBlocked && allGrantsBlocked(sandbox, user)) {
    throw new ProblemError(
      'SITE_VERIFICATION_OVERDUE',
      'The monthly site verification of every Tax ID you act for is overdue, so your access is blocked until a site manager completes it (submitSiteVerification).',
    );
  }
  session.lastActivityAt = now.getTime();
  user.lastActiveOn = calendarDayAt(now);
  return { user, session };
}
