import type { components } from '../generated/portal.ts';
import type { Clock, Violation } from '../rules/index.ts';
import type { Logger } from './logger.ts';

/**
 * The emailed-code challenge of a sign-in (`MFA_REQUIRED`), as given to the `mfaCode` callback.
 *
 * @example
 * mfaCode: async (challenge: MfaChallenge) => prompt(`Code sent to ${challenge.deliveredTo}`) ?? '',
 */
export type MfaChallenge = components['schemas']['MfaChallenge'];

/**
 * A signed-in session, as the portal answers it.
 *
 * @example
 * const session: PortalSession = await portal.session.signIn();
 */
export type PortalSession = components['schemas']['Session'];

/**
 * Username and password, with a callback that returns the emailed code when the portal asks for it
 * (a new device, or every three months).
 *
 * @example
 * const credentials: PortalCredentials = {
 *   username: 'admin.a',
 *   password: 'Portal-Test-2026!',
 *   deviceId: 'front-desk-pc-3',
 *   mfaCode: async (challenge) => prompt(`Code sent to ${challenge.deliveredTo}`) ?? '',
 * };
 */
export interface PortalCredentials {
  username: string;
  password: string;
  /** A stable id of this device, kept between sign-ins, so that the portal recognises it. */
  deviceId?: string;
  /** Returns the 6-digit code emailed for the challenge. */
  mfaCode: (challenge: MfaChallenge) => Promise<string>;
  /** Ask the portal to remember the device after a successful code (default false). */
  rememberDevice?: boolean;
}

/**
 * What `onSessionWarning` receives, 30 seconds before an idle session ends.
 *
 * @example
 * onSessionWarning: ({ expiresAt, refresh }) => confirm(`Stay signed in past ${expiresAt}?`) && refresh(),
 */
export interface SessionWarning {
  /** When the session ends if nothing is sent before. */
  expiresAt: Date;
  /** Milliseconds left. */
  remainingMs: number;
  /** Keeps the session (`refreshSession`); resolves with the renewed session. */
  refresh: () => Promise<PortalSession>;
}

/**
 * Options of one call: cancel it, give it its own timeout, retries, headers (e.g. the mock portal's
 * `Prefer`) or Idempotency-Key.
 *
 * @example
 * await portal.members.get('K5500648801', { timeoutMs: 5_000, headers: { Prefer: 'latency=250' } });
 */
export interface RequestOptions {
  /** Cancels the call; an aborted call is not retried (APIUserAbortError). */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds (default: the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Retries after the first attempt, where safe (default: the client's `maxRetries`). */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** The Idempotency-Key of a create (default: a new random key, kept across retries). */
  idempotencyKey?: string;
}

/**
 * Options of {@link createPortalClient}.
 *
 * @example
 * const options: PortalClientOptions = {
 *   baseUrl: 'http://127.0.0.1:4010/api/v1',
 *   credentials: { username: 'admin.a', password: 'Portal-Test-2026!', mfaCode: async () => '246810' },
 *   maxRetries: 3,
 * };
 */
export interface PortalClientOptions {
  /** The portal's API root, e.g. `http://127.0.0.1:4010/api/v1`. */
  baseUrl: string;
  /**
   * The FHIR base URL of `portal.fhir` (Da Vinci PAS), e.g. `http://127.0.0.1:4010/fhir/r4`
   * (default: `baseUrl` without its `/api/v1`, then `/fhir/r4`).
   */
  fhirBaseUrl?: string;
  /** Sign in with these on the first call (and on `portal.session.signIn()`). */
  credentials?: PortalCredentials;
  /** Or use an existing session token. */
  sessionToken?: string;
  /** The fetch to use (default `globalThis.fetch`, looked up at each call). */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * The clock of the rules ("today") and of the session idle timer (default the system clock).
   * `'portal'` follows the portal's own time, learned from its answers (the mock portal's
   * `X-Mock-Clock`, else `Date`): use it against a mock whose clock is pinned or moved, so the SDK
   * refuses exactly what the mock refuses. A `PortalClock` from `createPortalClock()` does the
   * same and can be shared (e.g. with the code that moves the mock's clock).
   */
  clock?: Clock | 'portal';
  /** Per-attempt timeout in milliseconds (default 60 000). */
  timeoutMs?: number;
  /** Retries after the first attempt, where safe (default 2). */
  maxRetries?: number;
  /** Receives redacted log lines. */
  logger?: Logger;
  /** Called 30 seconds before the idle session ends. */
  onSessionWarning?: (warning: SessionWarning) => void;
  /** Called when the idle session has ended. */
  onSessionExpired?: (expiredAt: Date) => void;
  /** Called with the rules' warnings (e.g. `REFERRAL_NOT_REQUIRED`) of a call that was sent anyway. */
  onWarning?: (warnings: Violation[], operationId: string) => void;
  /** Refuse any answer without the mock portal's `X-Mock-Portal: 1` header (MockPortalRequiredError). */
  requireMockPortal?: boolean;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
}

/**
 * The client's defaults for the robustness options.
 *
 * @example
 * DEFAULT_TIMEOUT_MS; // 60000
 */
export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Retries after the first attempt.
 *
 * @example
 * DEFAULT_MAX_RETRIES; // 2
 */
export const DEFAULT_MAX_RETRIES = 2;
