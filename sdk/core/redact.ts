/**
 * Redaction of credentials and PHI from what the SDK logs: Authorization, tokens, passwords, MFA
 * codes, PINs, member IDs, names and dates of birth never reach a logger.
 */

/**
 * What replaces a redacted value.
 *
 * @example
 * redact({ password: 'x' }); // { password: REDACTED }
 */
export const REDACTED = '[REDACTED]';

// Keys whose values are secrets or PHI, compared case-insensitively without `-`/`_`.
const SENSITIVE_KEYS = new Set(
  [
    'authorization',
    'cookie',
    'setcookie',
    'token',
    'sessiontoken',
    'accesstoken',
    'refreshtoken',
    'password',
    'newpassword',
    'code',
    'mfacode',
    'pin',
    'applicationkey',
    'registrationcode',
    'memberid',
    'firstname',
    'lastname',
    'middleinitial',
    'name',
    'membername',
    'contactname',
    'q',
    'dateofbirth',
    'birthdate',
    'dob',
    'email',
    'phone',
    'contactphone',
    'content',
  ].map(normaliseKey),
);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/**
 * Whether a field, query parameter or header of that name carries a secret or PHI.
 *
 * @example
 * isSensitiveKey('memberId'); // true
 * isSensitiveKey('Idempotency-Key'); // false
 */
export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(normaliseKey(key));
}

// Path segments after these name a member (or a session token): /members/K5500648801/benefits.
const SENSITIVE_SEGMENT_AFTER = new Set(['members']);
const TOKEN_PATTERN = /\b(pps_[A-Za-z0-9]+|Bearer\s+[A-Za-z0-9._~+/=-]+)/g;

/**
 * A URL with member IDs in the path and sensitive query parameters replaced.
 *
 * @example
 * redactUrl('http://127.0.0.1:4010/api/v1/members/K5500648801?asOf=2026-11-23&lastName=Ayod');
 * // 'http://127.0.0.1:4010/api/v1/members/[REDACTED]?asOf=2026-11-23&lastName=%5BREDACTED%5D'
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url);
  }
  const segments = parsed.pathname.split('/');
  for (let i = 1; i < segments.length; i++) {
    if (SENSITIVE_SEGMENT_AFTER.has(segments[i - 1] ?? '') && segments[i] !== '') segments[i] = REDACTED;
  }
  parsed.pathname = segments.join('/');
  for (const key of [...parsed.searchParams.keys()]) {
    if (isSensitiveKey(key)) parsed.searchParams.set(key, REDACTED);
  }
  return parsed.toString().replace(/%5BREDACTED%5D/g, REDACTED);
}

/**
 * Free text with bearer tokens and session tokens replaced.
 *
 * @example
 * redactText('Authorization: Bearer pps_abc123'); // 'Authorization: [REDACTED]'
 */
export function redactText(text: string): string {
  return text.replace(TOKEN_PATTERN, REDACTED);
}

/**
 * Headers as a plain object, with Authorization, cookies and other secrets replaced.
 *
 * @example
 * redactHeaders(new Headers({ Authorization: 'Bearer pps_x', Prefer: 'status=503' }));
 * // { authorization: '[REDACTED]', prefer: 'status=503' }
 */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = isSensitiveKey(key) ? REDACTED : redactText(value);
  });
  return out;
}

/**
 * A deep copy of a value with every sensitive field replaced (see {@link isSensitiveKey}), strings
 * scrubbed of tokens. Cycles and depth beyond 8 are cut.
 *
 * @example
 * redact({ username: 'admin.a', password: 'x', member: { memberId: 'K5500648801' } });
 * // { username: 'admin.a', password: '[REDACTED]', member: { memberId: '[REDACTED]' } }
 */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Headers) return redactHeaders(value);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      isSensitiveKey(key) && item !== undefined && item !== null ? REDACTED : redact(item, depth + 1, seen);
  }
  return out;
}
