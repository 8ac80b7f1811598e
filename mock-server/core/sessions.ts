/**
 * Bearer sessions of the mock portal, on the sandbox's clock: issued by sign-in (or by
 * `POST /__admin/sessions` without the sign-in dance), ended after 15 idle minutes
 * (sdk/rules checkSession → 401 SESSION_EXPIRED: "User default timeout after inactivity is 15
 * minutes", seed 003), each authenticated call resetting the idle time.
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
import type { OperationId, PortalSession, PortalUser, SandboxState } from './types.ts';

type Schemas = components['schemas'];

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Opens a session for a user on the sandbox's clock; the token comes from the sandbox's seeded
 * 'tokens' stream (same seed and requests → same tokens).
 *
 * @example
 * const session = openSession(sandbox, user);
 * session.token; // 'pps_…'
 */
export function openSession(sandbox: SandboxState, user: PortalUser): PortalSession {
  const now = sandbox.clock.now().getTime();
  let token: string;
  // The stream is per sandbox id, so that sandboxes of one seed never share a token.
  do token = `pps_${sandbox.random(`tokens:${sandbox.id}`).string(32, TOKEN_ALPHABET)}`;
  while (sandbox.sessions.has(token));
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
    expiresAt: isoTimestamp(sessionExpiresAt(session.lastActivityAt)),
    idleTimeoutSeconds: SESSION_IDLE_TIMEOUT_MS / 1000,
    warningBeforeSeconds: SESSION_WARNING_BEFORE_MS / 1000,
    user: userSummary(user),
  } as Schemas['Session'];
}

/** Ends every session of a user (revoked users, signed-out sessions). */
export function endSessionsOf(sandbox: SandboxState, userId: string): void {
  for (const [token, session] of sandbox.sessions)
    if (session.userId === userId) sandbox.sessions.delete(token);
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
