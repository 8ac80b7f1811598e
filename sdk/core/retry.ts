/**
 * When and how long to wait before retrying: exponential backoff with full jitter, or what the
 * portal's `Retry-After` says; only for requests that are safe to repeat.
 */

/**
 * The first backoff ceiling (milliseconds); it doubles with each attempt.
 *
 * @example
 * backoffDelayMs(0) < INITIAL_RETRY_DELAY_MS; // true
 */
export const INITIAL_RETRY_DELAY_MS = 500;
/**
 * The largest backoff ceiling (milliseconds).
 *
 * @example
 * backoffDelayMs(30) < MAX_RETRY_DELAY_MS; // true
 */
export const MAX_RETRY_DELAY_MS = 8_000;
/**
 * A `Retry-After` longer than this is not waited for: the error is thrown with its `retryAfter`.
 *
 * @example
 * retryDelayMs(0, new Headers({ 'Retry-After': '61' })); // undefined: longer than MAX_RETRY_AFTER_MS
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Statuses worth another attempt: 408, 429 and every 5xx but 501 (Not Implemented never heals).
 *
 * @example
 * isRetryableStatus(503); // true
 * isRetryableStatus(501); // false
 * isRetryableStatus(409); // false
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

/**
 * Whether repeating the request is safe: reads (GET, HEAD), or a request carrying an Idempotency-Key
 * that the portal keeps (`keyHonoured`: the operation declares the header, or it is outside the
 * contract and the caller set the key on purpose). The portal answers the first result again for the
 * same key on the same operation and target, which is what a retry sends. Anything else (signing in,
 * an MFA code, a role change, a revocation, a POST without a key) is sent once.
 *
 * @example
 * isSafeToRetry('GET', new Headers()); // true
 * isSafeToRetry('POST', new Headers()); // false
 * isSafeToRetry('POST', new Headers({ 'Idempotency-Key': 'k-1' })); // true
 * isSafeToRetry('POST', new Headers({ 'Idempotency-Key': 'k-1' }), false); // false: the key is ignored
 */
export function isSafeToRetry(method: string, headers: Headers, keyHonoured = true): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' || (keyHonoured && headers.has('idempotency-key'));
}

/**
 * Milliseconds to wait from a `Retry-After` value: delta-seconds, or an HTTP date relative to `now`.
 * Undefined when absent or unreadable.
 *
 * @example
 * retryAfterMs('2'); // 2000
 * retryAfterMs('Mon, 23 Nov 2026 14:00:05 GMT', new Date('2026-11-23T14:00:00Z')); // 5000
 */
export function retryAfterMs(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * Exponential backoff with full jitter: a random delay between 0 and min(max, initial × 2^attempt)
 * (attempt 0 is the first retry).
 *
 * @example
 * backoffDelayMs(0, () => 0.5); // 250
 * backoffDelayMs(10, () => 1); // 8000 (capped)
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * The wait before retry number `attempt` (0-based): the answer's `Retry-After` when it has one (or
 * `undefined` when it asks for longer than {@link MAX_RETRY_AFTER_MS}, meaning "do not retry"),
 * otherwise the jittered backoff.
 *
 * @example
 * retryDelayMs(0, new Headers({ 'Retry-After': '1' })); // 1000
 * retryDelayMs(0, new Headers({ 'Retry-After': '3600' })); // undefined
 */
export function retryDelayMs(
  attempt: number,
  headers: Headers | undefined,
  now: Date = new Date(),
  random: () => number = Math.random,
): number | undefined {
  const asked = retryAfterMs(headers?.get('retry-after'), now);
  if (asked !== undefined) return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
  return backoffDelayMs(attempt, random);
}
