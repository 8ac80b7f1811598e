/**
 * The scope of an `Idempotency-Key`: the key names one request, so the mock stores it per sandbox,
 * user, operation and path parameters. The same key on another operation, or on the same operation
 * for another target (another preauthorization, another Tax ID), is its own request: it is neither
 * answered with the first one's result nor refused. Within one scope, the same key with another body
 * is `409 IDEMPOTENCY_KEY_REUSED` (pipeline.ts compares the body's fingerprint).
 */

/** What identifies one request's scope, besides the key itself. */
export interface IdempotencyScope {
  sandboxId: string;
  /** The signed-in user, or `null` on an operation that needs no session (registration). */
  userId: string | null;
  operationId: string;
  /** The path parameters as routed (`{ referenceId: 'PA-00000001' }`). */
  params: Readonly<Record<string, string>>;
}

/**
 * The idempotency store's key for `key` in `scope`: every part JSON-encoded (path parameters sorted by
 * name), so no key or parameter text can be mistaken for another scope.
 *
 * @example
 * idempotencyStoreKey(
 *   { sandboxId: 'default', userId: 'u-1', operationId: 'requestPreauthorizationModification', params: { referenceId: 'PA-00000001' } },
 *   'same-key',
 * ); // '["default","u-1","requestPreauthorizationModification",[["referenceId","PA-00000001"]],"same-key"]'
 */
export function idempotencyStoreKey(scope: IdempotencyScope, key: string): string {
  const params = Object.entries(scope.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([scope.sandboxId, scope.userId, scope.operationId, params, key]);
}
