import type { ResourceContext } from '../core/call.ts';
import { call, mapResult } from '../core/call.ts';
import type { OperationId } from '../core/operations.ts';
import type { PortalCredentials, PortalSession, RequestOptions } from '../core/options.ts';
import type { RequestBody } from '../core/types.ts';
import { validateAccountConsolidation } from '../rules/index.ts';
import type { SessionApi, SessionStatus } from '../session.ts';

/**
 * The operation behind each method of `portal.session`.
 *
 * @example
 * SESSION_OPERATIONS.me; // 'getCurrentUser'
 */
export const SESSION_OPERATIONS = {
  signIn: 'signIn',
  verifyMfaCode: 'verifyMfaCode',
  signOut: 'signOut',
  refresh: 'refreshSession',
  me: 'getCurrentUser',
  recoverUsername: 'recoverUsername',
  requestPasswordReset: 'requestPasswordReset',
  consolidateAccounts: 'consolidateAccounts',
} as const satisfies Record<string, OperationId>;

/**
 * The raw session operations the sign-in flow uses (bound to the client's transport).
 *
 * @example
 * session.bind(createSessionApi(ctx));
 */
export function createSessionApi(ctx: ResourceContext): SessionApi {
  return {
    signIn: (body) => call(ctx, 'signIn', {}, ({ init }) => ctx.raw.POST('/session', { body, ...init })),
    verifyMfaCode: (body) =>
      call(ctx, 'verifyMfaCode', {}, ({ init }) => ctx.raw.POST('/session/mfa', { body, ...init })),
    refresh: () => call(ctx, 'refreshSession', {}, ({ init }) => ctx.raw.POST('/session/refresh', init)),
  };
}

/**
 * `portal.session`: sign-in (with the emailed-code step), sign-out, refresh, who am I, forgotten
 * credentials, and the client-side idle timer (`check()`, `expiresAt`).
 *
 * @example
 * await portal.session.signIn();
 * const me = await portal.session.me();
 * if (portal.session.check() === 'warning') await portal.session.refresh();
 */
export function createSessionResource(ctx: ResourceContext) {
  const manager = ctx.session;
  return {
    /**
     * Signs in with the client's credentials (or these), answering the emailed-code challenge with
     * `credentials.mfaCode` when the portal asks. Use it again after a `SessionExpiredError`: the SDK
     * never signs in again on its own.
     */
    signIn: (credentials?: PortalCredentials): Promise<PortalSession> => manager.signIn(credentials),
    /** Answers an emailed-code challenge by hand (`verifyMfaCode`) and keeps the session it starts. */
    verifyMfaCode: (body: RequestBody<'verifyMfaCode'>, options: RequestOptions = {}) =>
      mapResult(
        call(ctx, 'verifyMfaCode', options, ({ init }) => ctx.raw.POST('/session/mfa', { body, ...init })),
        (session) => manager.install(session),
      ),
    /** Signs out (`signOut`); the token is no longer accepted and the idle timer stops. */
    signOut: (options: RequestOptions = {}) =>
      mapResult(
        call(ctx, 'signOut', options, ({ init }) => ctx.raw.DELETE('/session', init)),
        (): void => manager.clear(),
      ),
    /** Keeps the session (`refreshSession`): resets the idle timer, takes the rotated token. */
    refresh: (options: RequestOptions = {}) =>
      mapResult(
        call(ctx, 'refreshSession', options, ({ init }) => ctx.raw.POST('/session/refresh', init)),
        (session) => manager.install(session),
      ),
    /** Who am I (`getCurrentUser`): the user, each Tax ID with its one role, linked accounts. */
    me: (options: RequestOptions = {}) =>
      call(ctx, 'getCurrentUser', options, ({ init }) => ctx.raw.GET('/me', init)),
    /** Emails a forgotten username (`recoverUsername`); the same answer whether or not it exists. */
    recoverUsername: (body: RequestBody<'recoverUsername'>, options: RequestOptions = {}) =>
      call(ctx, 'recoverUsername', options, ({ init }) =>
        ctx.raw.POST('/account/username-recovery', { body, ...init }),
      ),
    /** Emails password reset instructions (`requestPasswordReset`); the same answer either way. */
    requestPasswordReset: (body: RequestBody<'requestPasswordReset'>, options: RequestOptions = {}) =>
      call(ctx, 'requestPasswordReset', options, ({ init }) =>
        ctx.raw.POST('/account/password-reset', { body, ...init }),
      ),
    /**
     * Consolidates your EmblemHealth and ConnectiCare accounts (`consolidateAccounts`): name your
     * account of the other plan by its username and password; the signed-in account then works for
     * both plans and the other no longer signs in. Checked before sending (both fields given).
     */
    consolidateAccounts: (body: RequestBody<'consolidateAccounts'>, options: RequestOptions = {}) =>
      call(ctx, 'consolidateAccounts', options, (s) =>
        ctx.raw.POST('/me/consolidation', {
          body: s.validate(body, validateAccountConsolidation(body)),
          ...s.init,
        }),
      ),
    /**
     * Reads the clock and updates the idle timer: calls `onSessionWarning` once in the last 30
     * seconds, ends the session at 15 idle minutes. Answers where the session stands.
     */
    check: (): SessionStatus => manager.check(),
    /** When the session ends if nothing is sent before; undefined without an active session. */
    get expiresAt(): Date | undefined {
      return manager.expiresAt;
    },
    /** The active session's token (undefined when there is none). */
    get token(): string | undefined {
      return manager.token;
    },
    /** The session as the portal last answered it. */
    get current(): PortalSession | undefined {
      return manager.current;
    },
  };
}

/**
 * The type of `portal.session`.
 *
 * @example
 * const session: SessionResource = portal.session;
 */
export type SessionResource = ReturnType<typeof createSessionResource>;
