/**
 * The client's session: sign-in with the emailed-code (MFA) step, the 15-minute idle timer tracked on
 * the client with the injectable clock, `onSessionWarning` 30 seconds before the end, and
 * `SessionExpiredError` after, thrown before anything is sent. The SDK never signs in again on its
 * own once a session has ended.
 */

import type { Log } from './core/logger.ts';
import type { MfaChallenge, PortalCredentials, PortalSession, SessionWarning } from './core/options.ts';
import type { RequestBody, ResponseBody } from './core/types.ts';
import { PortalError, PortalValidationError, SessionExpiredError } from './errors.ts';
import type { Clock, ValidationViolation } from './rules/index.ts';
import { SESSION_IDLE_TIMEOUT_MS, SESSION_WARNING_BEFORE_MS, sessionState } from './rules/index.ts';
import { asRecord } from './rules/zod-issues.ts';

/** The longest delay setTimeout keeps (2^31 - 1 ms); past it, Node and browsers fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Where the client's session stands: `none` (never signed in), `active`, `warning` (the last 30
 * seconds), `expired` (idle for 15 minutes) or `signed_out`.
 *
 * @example
 * if (portal.session.check() === 'warning') await portal.session.refresh();
 */
export type SessionStatus = 'none' | 'active' | 'warning' | 'expired' | 'signed_out';

/**
 * The portal operations the session needs; the client binds them to its transport.
 *
 * @example
 * session.bind({ signIn, verifyMfaCode, refresh });
 */
export interface SessionApi {
  signIn(body: RequestBody<'signIn'>): Promise<ResponseBody<'signIn'>>;
  verifyMfaCode(body: RequestBody<'verifyMfaCode'>): Promise<PortalSession>;
  refresh(): Promise<PortalSession>;
}

/**
 * Options of {@link SessionManager}.
 *
 * @example
 * new SessionManager({ clock: systemClock, log: createLog(console), sessionToken: 'pps_…' });
 */
export interface SessionManagerOptions {
  clock: Clock;
  log: Log;
  credentials?: PortalCredentials | undefined;
  sessionToken?: string | undefined;
  onSessionWarning?: ((warning: SessionWarning) => void) | undefined;
  onSessionExpired?: ((expiredAt: Date) => void) | undefined;
}

type Timer = ReturnType<typeof setTimeout>;

// What a sign-in needs before anything is sent (JavaScript callers are not held to the types).
function credentialViolations(credentials: unknown): ValidationViolation[] {
  const given = asRecord(credentials) ?? {};
  const out: ValidationViolation[] = [];
  const fail = (path: string, message: string) => out.push({ code: 'VALIDATION_FAILED', path, message });
  for (const key of ['username', 'password'] as const) {
    const value = given[key];
    if (typeof value !== 'string' || value === '') fail(`$.${key}`, `The ${key} is required, as text.`);
  }
  if (typeof given.mfaCode !== 'function') {
    fail(
      '$.mfaCode',
      'mfaCode must be a function answering the code the portal emails on a new device, e.g. ' +
        'async (challenge) => askTheUser(challenge.deliveredTo).',
    );
  }
  if (given.deviceId !== undefined && typeof given.deviceId !== 'string') {
    fail('$.deviceId', 'deviceId, when given, is the text the portal remembers this device by.');
  }
  if (given.rememberDevice !== undefined && typeof given.rememberDevice !== 'boolean') {
    fail('$.rememberDevice', 'rememberDevice, when given, is true or false.');
  }
  return out;
}

/**
 * Holds the token and the idle timer. Every authenticated call goes through {@link authorize}
 * (which throws {@link SessionExpiredError} once the session has ended) and {@link touch}.
 *
 * @example
 * const session = new SessionManager({ clock: systemClock, log: createLog(undefined), sessionToken: 'pps_…' });
 * session.check(); // 'active'
 */
export class SessionManager {
  readonly #options: SessionManagerOptions;
  #api: SessionApi | undefined;
  #token: string | undefined;
  #status: 'none' | 'active' | 'expired' | 'signed_out' = 'none';
  #lastActivity = 0;
  #idleMs = SESSION_IDLE_TIMEOUT_MS;
  #warnBeforeMs = SESSION_WARNING_BEFORE_MS;
  #warned = false;
  #timer: Timer | undefined;
  #pendingSignIn: Promise<PortalSession> | undefined;
  #session: PortalSession | undefined;

  constructor(options: SessionManagerOptions) {
    this.#options = options;
    if (options.sessionToken !== undefined) {
      this.#token = options.sessionToken;
      this.#status = 'active';
      this.touch();
    }
  }

  /** Connects the portal operations the sign-in flow and refresh use. */
  bind(api: SessionApi): void {
    this.#api = api;
  }

  /** The current bearer token, while the session is active. */
  get token(): string | undefined {
    return this.#status === 'active' ? this.#token : undefined;
  }

  /** The session as the portal last answered it (after a sign-in, MFA or refresh). */
  get current(): PortalSession | undefined {
    return this.#session;
  }

  /** When the session ends if nothing is sent before (undefined without a session). */
  get expiresAt(): Date | undefined {
    return this.#status === 'active' ? new Date(this.#lastActivity + this.#idleMs) : undefined;
  }

  /**
   * Reads the clock and brings the session up to date: calls `onSessionWarning` once when the last
   * 30 seconds begin, ends the session (and calls `onSessionExpired`) at 15 idle minutes.
   *
   * @example
   * portal.session.check(); // 'active' | 'warning' | 'expired' | 'none' | 'signed_out'
   */
  check(): SessionStatus {
    if (this.#status !== 'active') return this.#status;
    const now = this.#options.clock.now().getTime();
    // The clock went back (a portal clock learned the portal's time from its first answer, or a mock's
    // clock was moved back): idle time counts from now, as it does on the portal.
    if (now < this.#lastActivity) this.#lastActivity = now;
    const state = this.#stateAt(now);
    if (state === 'expired') {
      this.#expire();
      return 'expired';
    }
    if (state === 'warning' && !this.#warned) {
      this.#warned = true;
      this.#warn(now);
    }
    this.#schedule();
    return state;
  }

  #stateAt(now: number): 'active' | 'warning' | 'expired' {
    if (this.#idleMs === SESSION_IDLE_TIMEOUT_MS && this.#warnBeforeMs === SESSION_WARNING_BEFORE_MS) {
      return sessionState(this.#lastActivity, now);
    }
    // A portal that announces other timings (idleTimeoutSeconds, warningBeforeSeconds) is followed.
    const idle = now - this.#lastActivity;
    if (idle >= this.#idleMs) return 'expired';
    return idle >= this.#idleMs - this.#warnBeforeMs ? 'warning' : 'active';
  }

  #warn(now: number): void {
    const expiresAt = new Date(this.#lastActivity + this.#idleMs);
    this.#options.log(
      'info',
      `The session ends at ${expiresAt.toISOString()} unless it is used or refreshed.`,
    );
    const callback = this.#options.onSessionWarning;
    if (callback === undefined) return;
    try {
      callback({ expiresAt, remainingMs: expiresAt.getTime() - now, refresh: () => this.refresh() });
    } catch (error) {
      this.#options.log('error', 'onSessionWarning threw', { error });
    }
  }

  #expire(): void {
    const expiredAt = new Date(this.#lastActivity + this.#idleMs);
    this.#status = 'expired';
    this.#token = undefined;
    this.#clearTimer();
    this.#options.log(
      'warn',
      `The session ended at ${expiredAt.toISOString()} after 15 idle minutes; sign in again.`,
    );
    try {
      this.#options.onSessionExpired?.(expiredAt);
    } catch (error) {
      this.#options.log('error', 'onSessionExpired threw', { error });
    }
  }

  #schedule(): void {
    this.#clearTimer();
    if (this.#status !== 'active') return;
    const now = this.#options.clock.now().getTime();
    const end = this.#lastActivity + this.#idleMs;
    const next = this.#warned ? end : end - this.#warnBeforeMs;
    // Timers are driven by the clock: when one fires, check() reads the clock again.
    // Capped at what setTimeout can wait (about 24.8 days): a longer delay would fire at once.
    this.#timer = setTimeout(() => this.check(), Math.min(MAX_TIMER_MS, Math.max(0, next - now)));
    // Never keep a Node process alive for an idle timer (browsers return a number).
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /**
   * Records activity: the portal resets its idle timer on every authenticated call.
   *
   * @example
   * session.touch();
   */
  touch(): void {
    if (this.#status !== 'active') return;
    this.#lastActivity = this.#options.clock.now().getTime();
    this.#warned = false;
    this.#schedule();
  }

  /**
   * The token for an authenticated call: signs in first (once, with the configured credentials) when
   * the client never had a session; throws {@link SessionExpiredError} once the session has ended,
   * before anything is sent. Undefined when there is neither a session nor credentials.
   *
   * @example
   * const token = await session.authorize();
   */
  async authorize(): Promise<string | undefined> {
    if (this.#status === 'none' && this.#options.credentials !== undefined) await this.signIn();
    if (this.#status === 'expired')
      throw SessionExpiredError.clientSide(new Date(this.#lastActivity + this.#idleMs));
    if (this.#status !== 'active') return undefined;
    if (this.check() === 'expired') {
      throw SessionExpiredError.clientSide(new Date(this.#lastActivity + this.#idleMs));
    }
    return this.#token;
  }

  /**
   * Signs in with the given credentials (or those of the client), answering the emailed-code
   * challenge through `mfaCode` when the portal asks for one. Concurrent calls share one sign-in.
   *
   * @example
   * await portal.session.signIn();
   */
  signIn(credentials: PortalCredentials | undefined = this.#options.credentials): Promise<PortalSession> {
    if (credentials === undefined) {
      return Promise.reject(
        new PortalError(
          'Cannot sign in: no credentials. Pass credentials ({ username, password, mfaCode }) to ' +
            'createPortalClient() or to portal.session.signIn().',
        ),
      );
    }
    const violations = credentialViolations(credentials);
    if (violations.length > 0) return Promise.reject(new PortalValidationError('signIn', violations));
    this.#pendingSignIn ??= this.#signIn(credentials).finally(() => {
      this.#pendingSignIn = undefined;
    });
    return this.#pendingSignIn;
  }

  async #signIn(credentials: PortalCredentials): Promise<PortalSession> {
    const api = this.#requireApi();
    const body: RequestBody<'signIn'> = { username: credentials.username, password: credentials.password };
    if (credentials.deviceId !== undefined) body.deviceId = credentials.deviceId;
    const answer = await api.signIn(body);
    if (answer.status === 'authenticated') return this.install(answer.session);
    const challenge: MfaChallenge = answer;
    this.#options.log(
      'info',
      `A sign-in code was emailed to ${challenge.deliveredTo} (${challenge.reason}).`,
    );
    const code = await credentials.mfaCode(challenge);
    const mfa: RequestBody<'verifyMfaCode'> = {
      challengeId: challenge.challengeId,
      code: String(code).trim(),
      rememberDevice: credentials.rememberDevice ?? false,
    };
    return this.install(await api.verifyMfaCode(mfa));
  }

  /**
   * Keeps the session (`refreshSession`): resets the idle timer and takes the rotated token.
   *
   * @example
   * await portal.session.refresh();
   */
  async refresh(): Promise<PortalSession> {
    return this.install(await this.#requireApi().refresh());
  }

  /**
   * Starts tracking a session the portal answered (sign-in, MFA or refresh).
   *
   * @example
   * session.install(answer.session);
   */
  install(session: PortalSession): PortalSession {
    this.#session = session;
    this.#token = session.token;
    this.#idleMs = session.idleTimeoutSeconds * 1000 || SESSION_IDLE_TIMEOUT_MS;
    this.#warnBeforeMs = session.warningBeforeSeconds * 1000 || SESSION_WARNING_BEFORE_MS;
    this.#status = 'active';
    this.touch();
    return session;
  }

  /**
   * The portal said the session ended (401 `SESSION_EXPIRED`): stop using it.
   *
   * @example
   * session.markExpired();
   */
  markExpired(): void {
    if (this.#status === 'active') this.#expire();
  }

  /**
   * Forgets the session (after sign-out) and stops the idle timer.
   *
   * @example
   * session.clear();
   */
  clear(): void {
    this.#status = 'signed_out';
    this.#token = undefined;
    this.#session = undefined;
    this.#clearTimer();
  }

  #requireApi(): SessionApi {
    if (this.#api === undefined) throw new PortalError('The session is not bound to a client.');
    return this.#api;
  }
}
