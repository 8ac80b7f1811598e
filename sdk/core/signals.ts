import { APIUserAbortError } from '../errors.ts';

/**
 * An AbortSignal for one attempt: it aborts when the caller's signal does or when `timeoutMs` passes.
 * `timedOut()` tells the two apart; `clearTimeout()` stops the timer once an answer has come (the
 * caller's signal can still abort reading its body); `dispose()` also detaches from the caller's signal.
 *
 * @example
 * const attempt = attemptSignal(userSignal, 60_000);
 * try { await fetch(url, { signal: attempt.signal }); } finally { attempt.dispose(); }
 */
export interface AttemptSignal {
  signal: AbortSignal;
  timedOut: () => boolean;
  clearTimeout: () => void;
  dispose: () => void;
}

/**
 * An attempt's signal made before its Request (openapi-fetch builds the Request with it), armed with its
 * timeout only when the attempt is sent: whatever runs between (a session refresh) is not timed.
 *
 * @example
 * const first = pendingAttempt(userSignal);
 * const request = new Request(url, { signal: first.signal });
 * first.arm(60_000);
 */
export interface PendingAttempt extends AttemptSignal {
  /** Starts the timeout (once; later calls do nothing). */
  arm: (timeoutMs: number) => void;
}

/**
 * Combines the caller's signal with a timeout, without `AbortSignal.any` (missing in older browsers).
 *
 * @example
 * const { signal, timedOut, dispose } = attemptSignal(undefined, 1_000);
 */
export function attemptSignal(user: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const attempt = pendingAttempt(user);
  attempt.arm(timeoutMs);
  return attempt;
}

/**
 * An attempt's signal that follows the caller's at once and starts its timeout when armed.
 *
 * @example
 * const attempt = pendingAttempt(controller.signal);
 * attempt.arm(5_000);
 */
export function pendingAttempt(user: AbortSignal | undefined): PendingAttempt {
  const controller = new AbortController();
  let timedOut = false;
  let armed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => controller.abort(user?.reason);
  if (user?.aborted) controller.abort(user.reason);
  else user?.addEventListener('abort', onAbort, { once: true });
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    arm: (timeoutMs) => {
      if (armed) return;
      armed = true;
      if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs);
      }
    },
    clearTimeout: stop,
    dispose: () => {
      // Disposed before it was armed: it never will be.
      armed = true;
      stop();
      user?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Waits `ms` milliseconds, or rejects with {@link APIUserAbortError} as soon as `signal` aborts.
 *
 * @example
 * await sleep(1_000, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError(undefined, { cause: signal.reason }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError(undefined, { cause: signal?.reason }));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
