import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APIUserAbortError } from '../errors.ts';
import { attemptSignal, pendingAttempt, sleep } from './signals.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T14:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('attemptSignal', () => {
  it('aborts at the timeout exactly, as a timeout', () => {
    const attempt = attemptSignal(undefined, 100);
    vi.advanceTimersByTime(99);
    expect(attempt.signal.aborted).toBe(false);
    expect(attempt.timedOut()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut()).toBe(true);
    expect(attempt.signal.reason).toMatchObject({ name: 'TimeoutError', message: 'No answer within 100 ms' });
  });

  it('without a caller signal, disposes cleanly', () => {
    const attempt = attemptSignal(undefined, 100);
    expect(() => attempt.dispose()).not.toThrow();
    vi.advanceTimersByTime(1_000);
    expect(attempt.signal.aborted).toBe(false);
  });

  it('has no timer without a positive, finite timeout', () => {
    for (const timeoutMs of [0, -1, Number.POSITIVE_INFINITY, Number.NaN]) {
      const attempt = attemptSignal(undefined, timeoutMs);
      vi.advanceTimersByTime(10 ** 9);
      expect(attempt.signal.aborted, String(timeoutMs)).toBe(false);
    }
  });

  it("follows the caller's signal, already aborted or later, with its reason, not as a timeout", () => {
    const before = new AbortController();
    before.abort('gone');
    const early = attemptSignal(before.signal, 100);
    expect(early.signal.aborted).toBe(true);
    expect(early.signal.reason).toBe('gone');
    const later = new AbortController();
    const attempt = attemptSignal(later.signal, 100);
    later.abort('stop');
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe('stop');
    expect(attempt.timedOut()).toBe(false);
  });

  it('clearTimeout stops the timer but not the caller; dispose stops both', () => {
    const user = new AbortController();
    const cleared = attemptSignal(user.signal, 100);
    cleared.clearTimeout();
    vi.advanceTimersByTime(1_000);
    expect(cleared.signal.aborted).toBe(false);
    const disposed = attemptSignal(user.signal, 100);
    disposed.dispose();
    vi.advanceTimersByTime(1_000);
    user.abort('late');
    expect(cleared.signal.aborted).toBe(true);
    expect(disposed.signal.aborted).toBe(false);
  });
});

describe('sleep', () => {
  it('resolves after the time, not before; a negative time is none', async () => {
    let done = false;
    const waiting = sleep(500).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
    const negative = sleep(-5);
    await vi.advanceTimersByTimeAsync(0);
    await expect(negative).resolves.toBeUndefined();
  });

  it('rejects with APIUserAbortError when the signal aborts, at once or while waiting', async () => {
    const aborted = new AbortController();
    aborted.abort('before');
    await expect(sleep(500, aborted.signal)).rejects.toMatchObject({
      name: 'APIUserAbortError',
      cause: 'before',
    });
    const later = new AbortController();
    const waiting = sleep(500, later.signal);
    const assertion = expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
    later.abort('during');
    await assertion;
    await expect(waiting).rejects.toMatchObject({ cause: 'during' });
  });

  it('after it resolved, a later abort of the signal changes nothing', async () => {
    const controller = new AbortController();
    const waiting = sleep(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    await expect(waiting).resolves.toBeUndefined();
    expect(() => controller.abort('after')).not.toThrow();
  });
});

describe('pendingAttempt', () => {
  it('follows the caller at once but times nothing until armed, then exactly the timeout', () => {
    const user = new AbortController();
    const attempt = pendingAttempt(user.signal);
    vi.advanceTimersByTime(10_000);
    expect(attempt.signal.aborted).toBe(false);
    attempt.arm(100);
    vi.advanceTimersByTime(99);
    expect(attempt.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(attempt.timedOut()).toBe(true);
    expect(attempt.signal.reason).toMatchObject({ name: 'TimeoutError', message: 'No answer within 100 ms' });
    const followed = pendingAttempt(user.signal);
    user.abort('stop');
    expect(followed.signal.reason).toBe('stop');
    expect(followed.timedOut()).toBe(false);
  });

  it('is armed once: a second arm neither restarts nor adds a timer', () => {
    const attempt = pendingAttempt(undefined);
    attempt.arm(100);
    vi.advanceTimersByTime(60);
    attempt.arm(100);
    vi.advanceTimersByTime(40);
    expect(attempt.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('disposed before it is armed, it is never armed', () => {
    const user = new AbortController();
    const attempt = pendingAttempt(user.signal);
    attempt.dispose();
    attempt.arm(100);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    user.abort('late');
    expect(attempt.signal.aborted).toBe(false);
  });
});
