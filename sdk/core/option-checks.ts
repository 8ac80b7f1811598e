/**
 * The options of the client and of each call, checked before they are used: a JavaScript caller
 * passing `signal: {}` or `timeoutMs: '5s'` gets an error naming the option, not a `TypeError` from
 * deep inside the transport.
 */
import type { ValidationViolation } from '../rules/index.ts';
import { describeValue, isRecord } from '../rules/zod-issues.ts';

type Check = (value: unknown) => boolean;

const isFunction: Check = (value) => typeof value === 'function';
const isObject: Check = isRecord;

const SHARED: Record<string, [Check, string]> = {
  timeoutMs: [
    (v) => typeof v === 'number' && Number.isFinite(v) && v > 0,
    'a number of milliseconds above 0',
  ],
  maxRetries: [(v) => typeof v === 'number' && Number.isInteger(v) && v >= 0, 'a whole number of 0 or more'],
  headers: [
    (v) => isObject(v) && Object.values(v as object).every((h) => typeof h === 'string'),
    'an object of header names to text values',
  ],
};

const PER_CALL: Record<string, [Check, string]> = {
  ...SHARED,
  signal: [
    (v) =>
      isObject(v) &&
      typeof (v as AbortSignal).aborted === 'boolean' &&
      isFunction((v as AbortSignal).addEventListener),
    'an AbortSignal (new AbortController().signal)',
  ],
  idempotencyKey: [(v) => typeof v === 'string' && v.trim() !== '', 'non-empty text'],
  rules: [isObject, 'an object of facts for the rules ({ coverage, providerDirectory, … })'],
};

/** An absolute http(s) URL. */
const isHttpUrl: Check = (value) => {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

const CLIENT: Record<string, [Check, string]> = {
  ...SHARED,
  fhirBaseUrl: [isHttpUrl, "an absolute http(s) URL (e.g. 'http://127.0.0.1:4010/fhir/r4')"],
  sessionToken: [(v) => typeof v === 'string' && v !== '', 'non-empty text'],
  fetch: [isFunction, 'a fetch function'],
  clock: [
    (v) => v === 'portal' || (isObject(v) && isFunction((v as { now?: unknown }).now)),
    "a clock ({ now(): Date }) or 'portal'",
  ],
  logger: [isObject, 'an object of log functions ({ debug?, info?, warn?, error? })'],
  onSessionWarning: [isFunction, 'a function'],
  onSessionExpired: [isFunction, 'a function'],
  onWarning: [isFunction, 'a function'],
  requireMockPortal: [(v) => typeof v === 'boolean', 'true or false'],
};

function violations(options: Record<string, unknown>, checks: Record<string, [Check, string]>, base: string) {
  const out: ValidationViolation[] = [];
  for (const [name, [valid, expected]] of Object.entries(checks)) {
    const value = options[name];
    if (value === undefined || valid(value)) continue;
    out.push({
      code: 'VALIDATION_FAILED',
      path: `${base}.${name}`,
      message: `The ${name} option must be ${expected}, not ${describeValue(value)}.`,
    });
  }
  return out;
}

/**
 * What is wrong with the options of one call (`signal`, `timeoutMs`, `maxRetries`, `headers`,
 * `idempotencyKey`, `rules`); unknown keys are left alone.
 *
 * @example
 * callOptionViolations({ signal: {} }); // [{ code: 'VALIDATION_FAILED', path: 'options.signal', … }]
 */
export function callOptionViolations(options: Record<string, unknown>): ValidationViolation[] {
  return violations(options, PER_CALL, 'options');
}

/**
 * What is wrong with the options of `createPortalClient` (but `baseUrl`, checked on its own, and
 * `credentials`, checked when signing in).
 *
 * @example
 * clientOptionViolations({ fetch: 'node-fetch' }); // [{ code: 'VALIDATION_FAILED', path: 'options.fetch', … }]
 */
export function clientOptionViolations(options: Record<string, unknown>): ValidationViolation[] {
  return violations(options, CLIENT, 'options');
}
