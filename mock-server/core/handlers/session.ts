/**
 * Mock portal operations of the session domain (tag Session): sign-in with the emailed-code step,
 * refresh, sign-out, who am I, and the account recovery requests that answer the same whether or not
 * an account matches.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { accountLockStatus, mfaRequired } from '../../../sdk/rules/index.ts';
import { allGrantsBlocked, signedInUser, siteVerificationOf } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { maskEmail, sendEmail } from '../mailbox.ts';
import { PERSONA_MFA_CODE } from '../personas.ts';
import { ProblemError } from '../problem.ts';
import { collection, findUserByUsername, recordAudit } from '../sandbox.ts';
import { UPPER_ALPHANUMERIC, uniqueSecret } from '../secrets.ts';
import { openSession, sessionBody } from '../sessions.ts';
import { assertNotLocked, recordFailure, recordSuccess } from '../sign-in-throttle.ts';
import type { DomainHandlers, HandlerContext, PortalUser } from '../types.ts';
import { LINKED_ACCOUNTS, type LinkedAccountRecord } from './registration.ts';

type Schemas = components['schemas'];

/** The sandbox collection of MFA challenges, by challengeId. */
export const MFA_CHALLENGES = 'mfa-challenges';
/** How long an emailed code stays valid. */
export const MFA_CHALLENGE_TTL_MS = 10 * 60_000;
/** Wrong codes allowed on one challenge before it is spent. */
export const MFA_MAX_ATTEMPTS = 5;

/** The most MFA challenges a sandbox keeps (expired ones are swept first, then the oldest). */
export const MAX_MFA_CHALLENGES = 20_000;

interface MfaChallengeRecord {
  challengeId: string;
  userId: string;
  deviceId: string | undefined;
  expiresAt: number;
  attempts: number;
  used: boolean;
}

/** Forgets expired challenges, and the oldest ones past {@link MAX_MFA_CHALLENGES}. */
function sweepChallenges(challenges: Map<string, MfaChallengeRecord>, now: number): void {
  // Amortised: a full pass every 256 challenges, or when full.
  if (challenges.size % 256 !== 255 && challenges.size < MAX_MFA_CHALLENGES) return;
  for (const [id, challenge] of challenges) if (challenge.expiresAt <= now) challenges.delete(id);
  while (challenges.size >= MAX_MFA_CHALLENGES) {
    const oldest = challenges.keys().next().value;
    if (oldest === undefined) break;
    challenges.delete(oldest);
  }
}

/**
 * Refuses a sign-in of an account that may not use the portal: revoked (403 ACCOUNT_REVOKED), locked,
 * also for 30 days without use on the sandbox clock (sdk/rules accountLockStatus → 403 ACCOUNT_LOCKED:
 * "If an account remains inactive for 30 days, it will be locked, and can only be restored by
 * contacting the … IT Service Desk", seed 000), or blocked on every Tax ID by an overdue site
 * verification unless a site manager (403 SITE_VERIFICATION_OVERDUE).
 */
function assertMaySignIn(context: HandlerContext, user: PortalUser): void {
  if (user.consolidatedInto !== undefined) {
    // "Access will be through one account, and you will no longer need to switch back and forth." (seed 003)
    const remaining = context.sandbox.users.get(user.consolidatedInto);
    throw new ProblemError(
      'ACCOUNT_CONSOLIDATED',
      `This account was consolidated into ${remaining?.username ?? 'another account'}: sign in with that one, ` +
        'which now works for EmblemHealth and ConnectiCare.',
    );
  }
  if (user.status === 'revoked') {
    throw new ProblemError(
      'ACCOUNT_REVOKED',
      'A site manager revoked this account: ask the Portal Administrator of your office to invite you again.',
    );
  }
  if (user.status === 'locked') {
    throw new ProblemError(
      'ACCOUNT_LOCKED',
      'This account is locked after 30 days without use: only the IT Service Desk can restore it.',
    );
  }
  if (user.status === 'invited') {
    throw new ProblemError(
      'TAX_ID_NOT_AUTHORIZED',
      'Your registration waits for the approval of a site manager of your Tax ID: ask your Portal Administrator.',
    );
  }
  const lock = accountLockStatus(user.lastActiveOn, { clock: context.sandbox.clock });
  if (lock.locked) {
    user.status = 'locked';
    throw new ProblemError('ACCOUNT_LOCKED', lock.violation.message);
  }
  const siteManager = user.grants.some(
    (grant) => grant.role === 'administrator' && siteVerificationOf(context.sandbox, grant.taxId).overdue,
  );
  if (!siteManager && allGrantsBlocked(context.sandbox, user)) {
    const [first] = user.grants;
    const status = first === undefined ? undefined : siteVerificationOf(context.sandbox, first.taxId);
    throw new ProblemError(
      'SITE_VERIFICATION_OVERDUE',
      status?.overdue === true
        ? status.violation.message
        : 'The monthly site verification is overdue: your access is blocked until a site manager completes it.',
    );
  }
}

function signedIn(context: HandlerContext, user: PortalUser): Schemas['SignInResult'] {
  const session = openSession(context.sandbox, user);
  recordAudit({ sandbox: context.sandbox, user }, 'session.sign_in', user.userId);
  return { status: 'authenticated', session: sessionBody(session, user) } as Schemas['SignInResult'];
}

export const sessionHandlers: DomainHandlers = {
  signIn: {
    handle(context) {
      const body = context.body as Schemas['SignInRequest'];
      // Locked usernames are refused before the password is even looked at (core/sign-in-throttle.ts).
      assertNotLocked(context.sandbox, body.username);
      const user = findUserByUsername(context.sandbox, body.username);
      if (user === undefined || user.password === '' || user.password !== body.password) {
        recordFailure(context.sandbox, body.username, 'password');
        throw new ProblemError(
          'INVALID_CREDENTIALS',
          'The username or the password is not correct. Use "Forgot Username?" or "Forgot Password?" if needed.',
        );
      }
      assertMaySignIn(context, user);
      recordSuccess(context.sandbox, user.username, 'password');
      const now = context.sandbox.clock.now();
      const deviceKnown = body.deviceId !== undefined && user.knownDevices.includes(body.deviceId);
      const mfa = mfaRequired({ deviceKnown, lastVerifiedAt: user.mfaVerifiedAt }, now);
      if (!mfa.required) return { status: 200, body: signedIn(context, user) };
      const challenges = collection<MfaChallengeRecord>(context.sandbox, MFA_CHALLENGES);
      sweepChallenges(challenges, now.getTime());
      // A secret from the cryptographic source, never from the seed (core/secrets.ts).
      const challengeId = uniqueSecret('MFA-', 8, challenges, UPPER_ALPHANUMERIC);
      const challenge: MfaChallengeRecord = {
        challengeId,
        userId: user.userId,
        deviceId: body.deviceId,
        expiresAt: now.getTime() + MFA_CHALLENGE_TTL_MS,
        attempts: 0,
        used: false,
      };
      challenges.set(challengeId, challenge);
      sendEmail(context.sandbox, {
        to: user.email,
        subject: 'Your Provider Portal verification code',
        text: `Enter the code ${PERSONA_MFA_CODE} to finish signing in. It expires at ${isoTimestamp(challenge.expiresAt)}.`,
        code: PERSONA_MFA_CODE,
      });
      const answer: Schemas['MfaChallenge'] = {
        status: 'mfa_required',
        challengeId,
        deliveredTo: maskEmail(user.email),
        expiresAt: isoTimestamp(challenge.expiresAt),
        reason: mfa.reason,
      };
      return { status: 200, body: answer };
    },
  },

  verifyMfaCode: {
    handle(context) {
      const body = context.body as Schemas['MfaVerificationRequest'];
      const challenges = collection<MfaChallengeRecord>(context.sandbox, MFA_CHALLENGES);
      const challenge = challenges.get(body.challengeId);
      const now = context.sandbox.clock.now().getTime();
      const invalid = (why: string): never => {
        throw new ProblemError('MFA_CODE_INVALID', `${why} Sign in again for a new code.`);
      };
      if (challenge === undefined) return invalid(`There is no challenge ${body.challengeId}.`);
      if (challenge.used) return invalid('This challenge was already answered.');
      if (now >= challenge.expiresAt)
        return invalid(`The code expired at ${isoTimestamp(challenge.expiresAt)}.`);
      const owner = context.sandbox.users.get(challenge.userId);
      if (owner !== undefined) assertNotLocked(context.sandbox, owner.username);
      if (body.code !== PERSONA_MFA_CODE) {
        // Counted per account too, so that new challenges do not give new tries without end.
        if (owner !== undefined) recordFailure(context.sandbox, owner.username, 'mfa');
        challenge.attempts += 1;
        if (challenge.attempts >= MFA_MAX_ATTEMPTS) challenge.used = true;
        throw new ProblemError(
          'MFA_CODE_INVALID',
          challenge.used
            ? 'The code is not correct and too many codes were tried: sign in again for a new code.'
            : 'The code is not correct: enter the 6-digit code from the email.',
        );
      }
      const user = context.sandbox.users.get(challenge.userId);
      if (user === undefined) return invalid('The account no longer exists.');
      assertMaySignIn(context, user);
      challenge.used = true;
      recordSuccess(context.sandbox, user.username, 'mfa');
      user.mfaVerifiedAt = new Date(now).toISOString();
      if (
        body.rememberDevice === true &&
        challenge.deviceId !== undefined &&
        !user.knownDevices.includes(challenge.deviceId)
      ) {
        user.knownDevices.push(challenge.deviceId);
      }
      const session = openSession(context.sandbox, user);
      recordAudit({ sandbox: context.sandbox, user }, 'session.sign_in', user.userId, { mfa: true });
      return { status: 200, body: sessionBody(session, user) };
    },
  },

  refreshSession: {
    handle(context) {
      // The pipeline has already reset the idle time of the session (every authenticated call does).
      const user = signedInUser(context);
      if (context.session === undefined) throw new ProblemError('UNAUTHENTICATED', 'Sign in first.');
      return { status: 200, body: sessionBody(context.session, user) };
    },
  },

  signOut: {
    handle(context) {
      if (context.session !== undefined) context.sandbox.sessions.delete(context.session.token);
      return { status: 204 };
    },
  },

  getCurrentUser: {
    handle(context) {
      const user = signedInUser(context);
      const linked = [...collection<LinkedAccountRecord>(context.sandbox, LINKED_ACCOUNTS).values()]
        .filter((record) => record.userId === user.userId)
        .map((record) => record.account);
      const body: Schemas['CurrentUser'] = {
        userId: user.userId,
        username: user.username,
        firstName: user.firstName,
        lastName: user.lastName,
        email: user.email,
        healthPlans: [...user.healthPlans],
        grants: user.grants.map((grant) => ({
          taxId: grant.taxId,
          organizationName: grant.organizationName,
          role: grant.role,
          permissions: [...grant.permissions] as Schemas['UserPermission'][],
          accessBlocked: siteVerificationOf(context.sandbox, grant.taxId).overdue,
        })),
        linkedAccounts: linked,
      };
      return { status: 200, body };
    },
  },

  recoverUsername: {
    handle() {
      const body: Schemas['AccountRecoveryAccepted'] = {
        message: 'If an account uses this email address, we have emailed its username.',
      };
      return { status: 202, body };
    },
  },

  requestPasswordReset: {
    handle() {
      const body: Schemas['AccountRecoveryAccepted'] = {
        message: 'If an account matches, we have emailed instructions to reset its password.',
      };
      return { status: 202, body };
    },
  },
};
