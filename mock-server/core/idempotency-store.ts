/**
 * Expiry and capping of a sandbox's Idempotency-Key store (the key format is the pipeline's own and
 * stays untouched here): a first answer is replayed for {@link IDEMPOTENCY_TTL_MS} (24 hours of the
 * sandbox's mock time, as Stripe keeps keys), and a sandbox keeps at most
 * {@link MAX_IDEMPOTENCY_KEYS}, the oldest forgotten first.
 */
import type { SandboxState } from './types.ts';

/** How long a key is remembered: 24 hours of mock time. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
/** The most keys a sandbox remembers. */
export const MAX_IDEMPOTENCY_KEYS = 10_000;

type StoredAnswer = SandboxState['idempotency'] extends Map<string, infer V> ? V : never;

/**
 * The first answer stored under the key, unless it is older than 24 hours of mock time (then it is
 * forgotten, and the key may be used again).
 *
 * @example
 * const first = replayable(sandbox, storeKey);
 */
export function replayable(sandbox: SandboxState, key: string): StoredAnswer | undefined {
  const stored = sandbox.idempotency.get(key);
  if (stored === undefined) return undefined;
  if (sandbox.clock.now().getTime() - (stored.storedAt ?? 0) >= IDEMPOTENCY_TTL_MS) {
    sandbox.idempotency.delete(key);
    return undefined;
  }
  return stored;
}

/**
 * Stores the first answer of a key (with the mock instant), dropping expired keys from the oldest
 * end and then the oldest keys past the cap.
 *
 * @example
 * rememberIdempotent(sandbox, storeKey, { fingerprint, status: 201, body, headers: {} });
 */
export function rememberIdempotent(sandbox: SandboxState, key: string, answer: StoredAnswer): void {
  const now = sandbox.clock.now().getTime();
  const store = sandbox.idempotency;
  store.delete(key);
  store.set(key, { ...answer, storedAt: now });
  // Maps keep insertion order, so the oldest keys come first.
  for (const [oldKey, stored] of store) {
    if (store.size <= MAX_IDEMPOTENCY_KEYS && now - (stored.storedAt ?? 0) < IDEMPOTENCY_TTL_MS) break;
    store.delete(oldKey);
  }
}
