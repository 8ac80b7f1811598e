import type { Violation } from './violation.ts';
import { describeValue } from './zod-issues.ts';

/**
 * "User default timeout after inactivity is 15 minutes." (seed 003)
 *
 * @example
 * SESSION_IDLE_TIMEOUT_MS; // 900000
 */
export const SESSION_IDLE_TIMEOUT_MS = 15 * 60_000;

/**
 * "A warning message will appear 30 seconds before the 15-minute mark and access to the site is
 * ended." (seed 003)
 *
 * @example
 * SESSION_WARNING_BEFORE_MS; // 30000
 */
export const SESSION_WARNING_BEFORE_MS = 30_000;

/**
 * "This account validation will be triggered every three months" (seed 003), in calendar months.
 *
 * @example
 * MFA_INTERVAL_MONTHS; // 3
 */
export const MFA_INTERVAL_MONTHS = 3;

/**
 * `active`, `warning` (the last 30 seconds) or `expired`.
 *
 * @example
 * const state: SessionState = sessionState(lastActivityAt, new Date()); // 'active' | 'warning' | 'expired'
 */
export type SessionState = 'active' | 'warning' | 'expired';

/**
 * An instant: a Date, an ISO timestamp or epoch milliseconds.
 *
 * @example
 * const at: Instant = '2026-11-23T14:00:00Z'; // or new Date(), or Date.now()
 */
export type Instant = Date | string | number;

function toMillis(value: Instant, name: string): number {
  const time =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time))
    throw new RangeError(`Invalid ${name} ${describeValue(value)}: expected an instant.`);
  return time;
}

/**
 * The instant an idle session ends: 15 minutes after the last activity.
 *
 * @example
 * sessionExpiresAt('2026-11-23T14:00:00Z').toISOString(); // '2026-11-23T14:15:00.000Z'
 */
export function sessionExpiresAt(lastActivityAt: Instant): Date {
  return new Date(toMillis(lastActivityAt, 'last activity') + SESSION_IDLE_TIMEOUT_MS);
}

/**
 * The state of a session after `now − lastActivityAt` of idleness, exact to the millisecond: under
 * 14:30 `active`; from 14:30 (30 seconds before the 15-minute mark) `warning`; from 15:00 `expired`.
 * Throws a RangeError for an invalid instant.
 *
 * @example
 * sessionState('2026-11-23T14:00:00Z', '2026-11-23T14:14:29.999Z'); // 'active'
 * sessionState('2026-11-23T14:00:00Z', '2026-11-23T14:14:30Z'); // 'warning'
 * sessionState('2026-11-23T14:00:00Z', '2026-11-23T14:15:00Z'); // 'expired'
 */
export function sessionState(lastActivityAt: Instant, now: Instant): SessionState {
  const idle = toMillis(now, 'now') - toMillis(lastActivityAt, 'last activity');
  if (idle >= SESSION_IDLE_TIMEOUT_MS) return 'expired';
  if (idle >= SESSION_IDLE_TIMEOUT_MS - SESSION_WARNING_BEFORE_MS) return 'warning';
  return 'active';
}

/**
 * `[]` while a session is active (or in its warning period), otherwise one `SESSION_EXPIRED`
 * violation.
 *
 * @example
 * checkSession('2026-11-23T14:00:00Z', '2026-11-23T14:15:00Z'); // [{ code: 'SESSION_EXPIRED', … }]
 */
export function checkSession(lastActivityAt: Instant, now: Instant): Violation[] {
  if (sessionState(lastActivityAt, now) !== 'expired') return [];
  return [
    {
      code: 'SESSION_EXPIRED',
      path: '$',
      message:
        'The session ended after 15 minutes without activity: sign in again. (Clients can warn 30 seconds before ' +
        'the 15-minute mark and refresh the session to keep it.)',
    },
  ];
}

/**
 * Why an emailed code is asked for.
 *
 * @example
 * const reason: MfaReason = 'new_device';
 */
export type MfaReason = 'new_device' | 'verification_due';

/**
 * Whether a sign-in needs an emailed code, and why.
 *
 * @example
 * const requirement: MfaRequirement = { required: true, reason: 'new_device', violation };
 */
export type MfaRequirement =
  | { required: false; nextVerificationAt: Date }
  | { required: true; reason: MfaReason; violation: Violation };

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The instant `months` calendar months after `at`, in UTC, the day clamped to the end of a shorter
 * month (Nov 30 + 3 months → Feb 28/29), time of day kept.
 *
 * @example
 * addCalendarMonths('2026-11-30T10:00:00Z', 3).toISOString(); // '2027-02-28T10:00:00.000Z'
 */
export function addCalendarMonths(at: Instant, months: number): Date {
  const date = new Date(toMillis(at, 'instant'));
  const index = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, day);
  return result;
}

/**
 * Whether a sign-in needs an emailed verification code (`MFA_REQUIRED`): "This account validation
 * will be triggered every three months or if we detect that you have switched computers or devices
 * that you use to access the Provider Portal." (seed 003). A new device always needs one; a known
 * device needs one from three calendar months after the last verification (clamped: verified on
 * Nov 30, due on Feb 28/29), exactly at that instant included; never verified means due.
 * Throws a RangeError for an invalid instant.
 *
 * @example
 * mfaRequired({ deviceKnown: false, lastVerifiedAt: '2026-11-01T10:00:00Z' }, '2026-11-02T10:00:00Z').required; // true
 * mfaRequired({ deviceKnown: true, lastVerifiedAt: '2026-11-01T10:00:00Z' }, '2027-02-01T09:59:59Z').required; // false
 * mfaRequired({ deviceKnown: true, lastVerifiedAt: '2026-11-01T10:00:00Z' }, '2027-02-01T10:00:00Z').required; // true
 */
export function mfaRequired(
  state: { lastVerifiedAt?: Instant | undefined; deviceKnown: boolean },
  now: Instant,
): MfaRequirement {
  const nowMs = toMillis(now, 'now');
  const due = (reason: MfaReason, why: string): MfaRequirement => ({
    required: true,
    reason,
    violation: {
      code: 'MFA_REQUIRED',
      path: '$',
      message: `${why} A verification code was sent to the email address on the account: enter it to continue.`,
    },
  });
  if (!state.deviceKnown)
    return due('new_device', 'This computer or device has not been used with this account.');
  if (state.lastVerifiedAt === undefined)
    return due('verification_due', 'This account has not been verified yet.');
  const next = addCalendarMonths(state.lastVerifiedAt, MFA_INTERVAL_MONTHS);
  if (nowMs >= next.getTime()) {
    return due(
      'verification_due',
      `The account was last verified more than three months ago (due ${next.toISOString()}); it is verified every three months.`,
    );
  }
  return { required: false, nextVerificationAt: next };
}
