/**
 * The flags of the operation table (sdk/generated/operations.ts, generated from the spec).
 */

/**
 * Public operations are sent without a session (sign-in, MFA, forgotten credentials, registration).
 *
 * @example
 * (OPERATIONS.signIn[2] & PUBLIC) !== 0; // true
 */
export const PUBLIC = 1;
/**
 * Creates declare the Idempotency-Key header in the contract: the portal keeps the key (per user,
 * operation and target) and answers the first result again, so the SDK adds one (kept across retries)
 * and may retry them. An operation without it is never re-sent, even with a key set by hand.
 *
 * @example
 * (OPERATIONS.createReferral[2] & CREATE) !== 0; // true
 */
export const CREATE = 2;
/**
 * Lists take `page` and `pageSize` and answer `{ data, page }`.
 *
 * @example
 * (OPERATIONS.searchClaims[2] & LIST) !== 0; // true
 */
export const LIST = 4;
