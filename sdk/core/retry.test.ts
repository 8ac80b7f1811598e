import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  INITIAL_RETRY_DELAY_MS,
  isRetryableStatus,
  isSafeToRetry,
  MAX_RETRY_DELAY_MS,
  retryAfterMs,
  retryDelayMs,
} from './retry.ts';

describe('retry policy', () => {
  it('retries 408, 429 and 5xx (but 501), nothing else', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422, 501].some(isRetryableStatus)).toBe(false);
  });

  it('only repeats reads and requests carrying an Idempotency-Key', () => {
    expect(isSafeToRetry('GET', new Headers())).toBe(true);
    expect(isSafeToRetry('head', new Headers())).toBe(true);
    expect(isSafeToRetry('POST', new Headers())).toBe(false);
    expect(isSafeToRetry('PATCH', new Headers())).toBe(false);
    expect(isSafeToRetry('DELETE', new Headers())).toBe(false);
    expect(isSafeToRetry('POST', new Headers({ 'Idempotency-Key': 'k' }))).toBe(true);
    // A key the operation does not declare is ignored by the portal: not a reason to re-send.
    expect(isSafeToRetry('POST', new Headers({ 'Idempotency-Key': 'k' }), false)).toBe(false);
    expect(isSafeToRetry('DELETE', new Headers({ 'Idempotency-Key': 'k' }), false)).toBe(false);
    expect(isSafeToRetry('GET', new Headers(), false)).toBe(true);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-23T14:00:00Z');
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('2', now)).toBe(2_000);
    expect(retryAfterMs('1.5', now)).toBe(1_500);
    expect(retryAfterMs('Mon, 23 Nov 2026 14:00:07 GMT', now)).toBe(7_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 13:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(0);
    expect(backoffDelayMs(0, () => 0.999)).toBeLessThan(INITIAL_RETRY_DELAY_MS);
    expect(backoffDelayMs(2, () => 0.5)).toBe(INITIAL_RETRY_DELAY_MS * 2);
    expect(backoffDelayMs(20, () => 0.999999)).toBeLessThan(MAX_RETRY_DELAY_MS);
    const samples = Array.from({ length: 200 }, () => backoffDelayMs(3));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(INITIAL_RETRY_DELAY_MS * 8);
    expect(new Set(samples).size).toBeGreaterThan(50);
  });

  it('prefers Retry-After, and gives up on one longer than a minute', () => {
    expect(retryDelayMs(0, new Headers({ 'Retry-After': '3' }))).toBe(3_000);
    expect(retryDelayMs(0, new Headers({ 'Retry-After': '61' }))).toBeUndefined();
    expect(retryDelayMs(1, new Headers(), new Date(), () => 0.5)).toBe(INITIAL_RETRY_DELAY_MS);
  });
});

describe('Retry-After at its edges', () => {
  const now = new Date('2026-11-23T14:00:00Z');
  it('reads whole and decimal seconds, with spaces around; nothing else that merely contains a number', () => {
    expect(retryAfterMs(' 2 ', now)).toBe(2_000);
    expect(retryAfterMs('0.25', now)).toBe(250);
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('   ', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    // A number with something before or after is no delta-seconds (Date.parse would read "x2" as NaN).
    expect(retryAfterMs('2s', now)).toBeUndefined();
    expect(retryAfterMs('x2', now)).toBeUndefined();
    expect(retryAfterMs('1.5x', now)).toBeUndefined();
  });

  it('waits 60 s exactly, not 60.001 s; without headers, backs off', () => {
    expect(retryDelayMs(0, new Headers({ 'Retry-After': '60' }), now)).toBe(60_000);
    expect(retryDelayMs(0, new Headers({ 'Retry-After': '60.001' }), now)).toBeUndefined();
    expect(retryDelayMs(1, undefined, now, () => 0.5)).toBe(500);
  });
});
