/**
 * Sign-in throttling, on the sandbox's clock, like a real portal: after
 * {@link SIGN_IN_FAILURE_LIMIT} wrong passwords (or {@link MFA_FAILURE_LIMIT} wrong emailed codes,
 * across challenges) within {@link FAILURE_WINDOW_MS}, the username is locked for {@link LOCKOUT_MS}:
 * every sign-in and code answers 429 TOO_MANY_ATTEMPTS with `Retry-After`, even with the right
 * password. Attempts are counted by the username as typed (lower-cased), so an unknown username
 * locks and answers exactly like a known one: the answer never tells whether an account exists.
 */
import { isoTimestamp } from './clock.ts';
import { ProblemError } from './problem.ts';
import { collection } from './sandbox.ts';
import type { SandboxState } from './types.ts';

/** Wrong passwords within the window that lock the username. */
export const SIGN_IN_FAILURE_LIMIT = 5;
/** Wrong emailed codes (over every challenge of the account) within the window that lock it. */
export const MFA_FAILURE_LIMIT = 10;
/** The window the failures are counted in: 15 minutes of mock time. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** How long a lock lasts: 15 minutes of mock time. */
export const LOCKOUT_MS = 15 * 60_000;
/** The most usernames a sandbox keeps attempts for (the oldest are forgotten). */
export const MAX_TRACKED_USERNAMES = 10_000;

const ATTEMPTS = '__sign-in-attempts';

interface AttemptRecord {
  windowStart: number;
  passwordFailures: number;
  mfaFailures: number;
  lockedUntil: number;
}

function attempts(sandbox: SandboxState): Map<string, AttemptRecord> {
  return collection<AttemptRecord>(sandbox, ATTEMPTS);
}

/**
 * Refuses with 429 TOO_MANY_ATTEMPTS while the username is locked (before any password check).
 *
 * @example
 * assertNotLocked(sandbox, body.username);
 */
export function assertNotLocked(sandbox: SandboxState, username: string): void {
  const record = attempts(sandbox).get(username.toLowerCase());
  const now = sandbox.clock.now().getTime();
  if (record === undefined || record.lockedUntil <= now) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((record.lockedUntil - now) / 1000));
  throw new ProblemError(
    'TOO_MANY_ATTEMPTS',
    `Too many failed attempts for this username: sign-in is locked until ${isoTimestamp(record.lockedUntil)} (${LOCKOUT_MS / 60_000} minutes); use "Forgot Password?" if needed.`,
    { headers: { 'retry-after': String(retryAfterSeconds) }, members: { retryAfterSeconds } },
  );
}

/**
 * Counts one failed attempt (a wrong password, or a wrong code) for the username, locking it when
 * the limit is reached within the window.
 *
 * @example
 * recordFailure(sandbox, body.username, 'password');
 */
export function recordFailure(sandbox: SandboxState, username: string, kind: 'password' | 'mfa'): void {
  const map = attempts(sandbox);
  const key = username.toLowerCase();
  const now = sandbox.clock.now().getTime();
  let record = map.get(key);
  if (record === undefined || now - record.windowStart >= FAILURE_WINDOW_MS) {
    record = { windowStart: now, passwordFailures: 0, mfaFailures: 0, lockedUntil: record?.lockedUntil ?? 0 };
  }
  map.delete(key);
  map.set(key, record); // most recently failed last, so that the oldest are forgotten first
  if (kind === 'password') record.passwordFailures += 1;
  else record.mfaFailures += 1;
  if (record.passwordFailures >= SIGN_IN_FAILURE_LIMIT || record.mfaFailures >= MFA_FAILURE_LIMIT) {
    record.lockedUntil = now + LOCKOUT_MS;
    record.windowStart = now;
    record.passwordFailures = 0;
    record.mfaFailures = 0;
  }
  while (map.size > MAX_TRACKED_USERNAMES) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

/**
 * Forgets the failures of a username after a step succeeded (a lock still runs its course): a right
 * password forgets the wrong passwords only, so that signing in again never resets the count of wrong
 * codes; a right code forgets everything.
 *
 * @example
 * recordSuccess(sandbox, user.username, 'password');
 */
export function recordSuccess(sandbox: SandboxState, username: string, kind: 'password' | 'mfa'): void {
  const map = attempts(sandbox);
  const key = username.toLowerCase();
  const record = map.get(key);
  if (record === undefined || record.lockedUntil > sandbox.clock.now().getTime()) return;
  if (kind === 'mfa' || record.mfaFailures === 0) map.delete(key);
  else record.passwordFailures = 0;
}
