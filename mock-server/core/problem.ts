/**
 * Problem documents (RFC 9457, `application/problem+json`) with the portal's stable `code`: the one
 * error shape of the mock portal. Handlers throw {@link ProblemError}; the pipeline turns it into a
 * response. The HTTP status of a business-rule code comes from the rules catalog (`RULE_CATALOG`),
 * so the server answers exactly what the SDK's error factory expects.
 */

import type { components } from '../../sdk/generated/portal.ts';
import { isRuleCode, ruleMeta } from '../../sdk/rules/index.ts';
import problemCodes from '../generated/problem-codes.json' with { type: 'json' };
import { type Answer, setHeader } from './answer.ts';
import type { RuleViolation } from './types.ts';

/** A problem document as the spec defines it (`components.schemas.Problem`). */
export type ProblemDocument = components['schemas']['Problem'];
/** Every stable problem code of the spec. */
export type ProblemCode = components['schemas']['ProblemCode'];

/** Status and title of the protocol codes (those that are not business rules). */
const PROTOCOL_CODES: Readonly<Record<string, { status: number; title: string }>> = {
  VALIDATION_FAILED: { status: 400, title: 'The request does not match the contract' },
  UNAUTHENTICATED: { status: 401, title: 'Sign in first' },
  INVALID_CREDENTIALS: { status: 401, title: 'The username or password is not correct' },
  MFA_CODE_INVALID: { status: 401, title: 'The verification code is not correct or has expired' },
  ACCOUNT_REVOKED: { status: 403, title: 'The account was revoked' },
  TAX_ID_NOT_AUTHORIZED: { status: 403, title: 'You do not act for this Tax ID' },
  PERMISSION_REQUIRED: { status: 403, title: 'Your role does not include this' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, title: 'The Idempotency-Key was used with another request' },
  ALREADY_EXISTS: { status: 409, title: 'It already exists' },
  DOCUMENT_NOT_READY: { status: 409, title: 'The document is not ready yet' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  TOO_MANY_ATTEMPTS: { status: 429, title: 'Too many failed attempts' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  SANDBOX_LIMIT_REACHED: { status: 409, title: 'A limit of the mock sandbox is reached' },
  ADMIN_TOKEN_REQUIRED: { status: 401, title: 'The admin API needs its token' },
  ORIGIN_NOT_ALLOWED: { status: 403, title: 'Cross-origin access is not allowed here' },
  HOST_NOT_ALLOWED: { status: 403, title: 'The Host header names no address of this server' },
  INTERNAL_ERROR: { status: 500, title: 'The portal failed' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'The portal is unavailable' },
  // Admin API only (not a portal answer, so not in the spec's ProblemCode).
  CLOCK_OUT_OF_RANGE: { status: 400, title: 'The mock clock cannot stand there' },
};

/** The contract's `ProblemCode` enum (generated from the spec by `npm run generate`). */
const PROBLEM_CODES: ReadonlySet<string> = new Set<string>(problemCodes);

/**
 * Whether a value is one of the contract's problem codes (`ProblemCode`).
 *
 * @example
 * isProblemCode('NOT_FOUND'); // true
 * isProblemCode('"><script>'); // false
 */
export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && PROBLEM_CODES.has(value);
}

/** Titles of the rule codes, shorter than the catalog's rule sentence. */
const RULE_TITLES: Readonly<Record<string, string>> = {
  SESSION_EXPIRED: 'The session has ended',
  ACCOUNT_LOCKED: 'The account is locked',
  MFA_REQUIRED: 'A verification code is required',
  ADMIN_ROLE_REQUIRED: 'Only a Portal Administrator or Office Manager may do this',
  SITE_VERIFICATION_OVERDUE: "The site's monthly verification is overdue",
  CARE_PLAN_ATTESTATION_REQUIRED: 'Attest a treatment relationship first',
  CARE_PLAN_SENSITIVE: 'The care plan is sensitive',
  CARE_PLAN_EXPIRED: 'The care plan is no longer available',
  MEMBER_NOT_FOUND: 'No such member is visible to you',
  LAST_ADMINISTRATOR: 'The Tax ID needs another administrator first',
  EMAIL_IN_USE: 'The email address belongs to another account',
  CONSOLIDATION_ACCOUNT_NOT_FOUND: 'No other account matches',
  CONSOLIDATION_SAME_PLAN: 'That account is of the same health plan',
  ACCOUNT_ALREADY_CONSOLIDATED: 'The account already sees both health plans',
  ACCOUNT_CONSOLIDATED: 'The account was consolidated into another',
  ACCOUNTS_NOT_CONSOLIDATED: 'The account does not act for that health plan',
  PASSWORD_UNCHANGED: 'The new password is the current one',
  PIN_UNCHANGED: 'The new PIN is the current one',
  EMAIL_CODE_INVALID: 'The email code is not correct or has expired',
  REGISTRATION_CODE_INVALID: 'The registration code does not unlock that Tax ID',
  TAX_ID_ALREADY_HELD: 'Your account already acts for that Tax ID',
  TAX_ID_HAS_ADMINISTRATOR: 'The Tax ID already has its administrator',
};

/**
 * The HTTP status of a problem code: the rules catalog's status for a rule code, the protocol table
 * for the others, 422 for anything unknown.
 *
 * @example
 * statusOfCode('SESSION_EXPIRED'); // 401
 * statusOfCode('NOT_FOUND'); // 404
 */
export function statusOfCode(code: string): number {
  if (isRuleCode(code)) {
    const status = ruleMeta(code).httpStatus;
    if (status !== null) return status;
  }
  return PROTOCOL_CODES[code]?.status ?? 422;
}

/**
 * The human title of a problem code.
 *
 * @example
 * titleOfCode('NOT_FOUND'); // 'Not found'
 */
export function titleOfCode(code: string): string {
  const protocol = PROTOCOL_CODES[code];
  if (protocol !== undefined) return protocol.title;
  if (RULE_TITLES[code] !== undefined) return RULE_TITLES[code];
  if (isRuleCode(code)) return ruleMeta(code).rule;
  return 'The request was refused';
}

/**
 * The problem `type` URI of a code.
 *
 * @example
 * problemType('SESSION_EXPIRED'); // 'https://provider-portal-sdk.dev/problems/session-expired'
 */
export function problemType(code: string): string {
  return `https://provider-portal-sdk.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

/** Extra members of a problem document and extra response headers. */
export interface ProblemExtras {
  /** Overrides the status the code implies (e.g. a forced `Prefer: status=503`). */
  status?: number;
  title?: string;
  violations?: readonly RuleViolation[];
  /** Additional members such as `careTeamPhone` or `retryAfterSeconds`. */
  members?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * Thrown by handlers (and the pipeline) for every answer that is an error. The status comes from the
 * code unless `extras.status` says otherwise.
 *
 * @example
 * throw new ProblemError('NOT_FOUND', 'No member K5500648899 is visible to you.');
 * throw new ProblemError('ADMIN_ROLE_REQUIRED', 'Your role on Tax ID 060646668 is clinical_staff.');
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly extras: ProblemExtras;

  constructor(code: ProblemCode | (string & {}), detail: string, extras: ProblemExtras = {}) {
    super(`${code}: ${detail}`);
    this.name = 'ProblemError';
    this.code = code;
    this.detail = detail;
    this.status = extras.status ?? statusOfCode(code);
    this.extras = extras;
  }

  /**
   * A problem for a list of rule violations: 400 VALIDATION_FAILED when every violation is a schema
   * one, otherwise the first rule code's status (422 for most) with all violations.
   *
   * @example
   * throw ProblemError.fromViolations([{ code: 'INVALID_NPI', path: '$.npi', message: 'NPI check digit is wrong.' }]);
   */
  static fromViolations(violations: readonly RuleViolation[]): ProblemError {
    const ruled = violations.find((entry) => entry.code !== 'VALIDATION_FAILED');
    const first = ruled ?? violations[0];
    const code = first?.code ?? 'VALIDATION_FAILED';
    const detail = violations.map((entry) => `${entry.path}: ${entry.message}`).join('; ');
    // A rule whose catalog status is not an error status (a warning) still refuses with 422 here.
    const status = ruled === undefined ? 400 : Math.max(statusOfCode(code), 400);
    return new ProblemError(code, detail || titleOfCode(code), { status, violations });
  }

  /** The problem document of this error for one request. */
  toDocument(requestId: string, instance?: string): ProblemDocument {
    const document: Record<string, unknown> = {
      type: problemType(this.code),
      title: this.extras.title ?? titleOfCode(this.code),
      status: this.status,
      code: this.code,
      detail: this.detail,
    };
    if (instance !== undefined) document.instance = instance;
    document.requestId = requestId;
    if (this.extras.violations !== undefined && this.extras.violations.length > 0) {
      document.violations = this.extras.violations.map(({ code, path, message }) => ({
        code,
        path,
        message,
      }));
    }
    Object.assign(document, this.extras.members);
    return document as ProblemDocument;
  }
}

/**
 * The `application/problem+json` answer of a problem.
 *
 * @example
 * problemAnswer(new ProblemError('NOT_FOUND', 'No such path.'), 'req_1', '/api/v1/nope');
 */
export function problemAnswer(problem: ProblemError, requestId: string, instance?: string): Answer {
  const answer: Answer = {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify(problem.toDocument(requestId, instance)),
  };
  for (const [name, value] of Object.entries(problem.extras.headers ?? {})) setHeader(answer, name, value);
  return answer;
}
