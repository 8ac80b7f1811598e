/**
 * Secrets of the mock portal: session tokens, MFA challenge IDs, sandbox IDs and sandbox keys. They
 * come from the platform's cryptographic source (`crypto.getRandomValues`, in Node and in browsers),
 * never from the seed: the seed makes the DATA repeatable (members, claims, records), and a token
 * computed offline from `--seed 42` must never open a session (ARCHITECTURE.md principle 13).
 */

/** Letters and digits, for bearer tokens and sandbox IDs. */
export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Upper-case letters and digits, for MFA challenge IDs (`^MFA-[A-Z0-9]{8}$` in the contract). */
export const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * `length` characters drawn uniformly from `alphabet` with a cryptographic source (rejection
 * sampling, so no character is likelier than another).
 *
 * @example
 * secretString(32); // e.g. 'q3Xk…' (62^32, about 190 bits)
 */
export function secretString(length: number, alphabet: string = ALPHANUMERIC): string {
  if (alphabet.length < 2 || alphabet.length > 256)
    throw new RangeError('alphabet must have 2–256 characters.');
  const limit = 256 - (256 % alphabet.length);
  let text = '';
  const bytes = new Uint8Array(Math.max(16, length * 2));
  while (text.length < length) {
    globalThis.crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte >= limit) continue;
      text += alphabet[byte % alphabet.length];
      if (text.length === length) break;
    }
  }
  return text;
}

/**
 * A secret that is not yet a key of `taken` (a clash of 190 bits never happens; the loop is a guard).
 *
 * @example
 * uniqueSecret('pps_', 32, sandbox.sessions);
 */
export function uniqueSecret(
  prefix: string,
  length: number,
  taken: { has(key: string): boolean },
  alphabet: string = ALPHANUMERIC,
): string {
  let secret: string;
  do secret = `${prefix}${secretString(length, alphabet)}`;
  while (taken.has(secret));
  return secret;
}
