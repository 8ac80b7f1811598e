/**
 * One typed error hierarchy for everything the SDK can throw (ARCHITECTURE.md principle 4), chosen by
 * one factory, {@link errorFromResponse}, from the HTTP status and the problem document's `code`.
 *
 * ```
 * PortalError
 * ├── PortalApiError                 the portal answered with an error status
 * │   ├── BadRequestError            400
 * │   ├── AuthenticationError        401
 * │   │   └── SessionExpiredError    401 SESSION_EXPIRED (also thrown client-side, before sending)
 * │   ├── PermissionDeniedError      403
 * │   ├── NotFoundError              404
 * │   ├── ConflictError              409
 * │   ├── GoneError                  410
 * │   ├── UnprocessableEntityError   422 (alias RuleViolationError)
 * │   ├── RateLimitError             429
 * │   └── ServerError                5xx
 * ├── PortalValidationError          the rules module refused the input; nothing was sent
 * ├── APIConnectionError             no answer (network failure)
 * │   └── APIConnectionTimeoutError  no answer within `timeoutMs`
 * ├── APIUserAbortError              the caller's AbortSignal fired
 * ├── MockPortalRequiredError        an answer lacked `X-Mock-Portal: 1` under `requireMockPortal`
 * ├── DocumentFailedError            a polled document ended `failed`
 * └── PollingTimeoutError            a polled document was not ready in time
 * ```
 */

import { retryAfterMs } from './core/retry.ts';
import type { components } from './generated/portal.ts';
import type { ValidationViolation, Violation } from './rules/index.ts';
import { isRecord } from './rules/zod-issues.ts';

/**
 * An RFC 9457 problem document with the portal's stable `code`.
 *
 * @example
 * const problem: Problem = error.problem; // { type, title, status, code, detail, … }
 */
export type Problem = components['schemas']['Problem'];
/**
 * The portal's stable problem codes (business rules and protocol failures).
 *
 * @example
 * const code: ProblemCode = 'SERVICE_END_BEYOND_180_DAYS';
 */
export type ProblemCode = components['schemas']['ProblemCode'];
/**
 * One broken rule of a problem document.
 *
 * @example
 * const v: ProblemViolation = { code: 'INVALID_NPI', path: '$.servicingProvider.npi', message: 'Bad check digit.' };
 */
export type ProblemViolation = components['schemas']['Violation'];

/**
 * The base of every error the SDK throws. Catch it to handle anything that went wrong with a call.
 *
 * @example
 * try {
 *   await portal.members.get('K5500648801');
 * } catch (error) {
 *   if (error instanceof PortalError) console.error(error.message);
 * }
 */
export class PortalError extends Error {
  override name = 'PortalError';
}

/** What the factory knows about a failed answer. */
interface ApiErrorInit {
  status: number;
  problem: Problem;
  headers: Headers;
  retryAfter: number | undefined;
}

/**
 * The portal answered with an error status. Carries the status, the stable `code`, the portal's
 * request id (quote it to support), the whole problem document and every violation it lists.
 *
 * @example
 * try {
 *   await portal.claims.get('2026C00123456');
 * } catch (error) {
 *   if (error instanceof PortalApiError) console.log(error.status, error.code, error.requestId);
 * }
 */
export class PortalApiError extends PortalError {
  override name = 'PortalApiError';
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The problem's stable code (`NOT_FOUND`, `SERVICE_END_BEYOND_180_DAYS`, …). */
  readonly code: ProblemCode | (string & {});
  /** The portal's request id (`X-Request-Id`, or the problem's `requestId`). */
  readonly requestId: string | undefined;
  /** The problem document as answered (or one made from the status when the body was not one). */
  readonly problem: Problem;
  /** Every violation the problem lists (empty when none). */
  readonly violations: ProblemViolation[];
  /** The answer's headers. */
  readonly headers: Headers;
  /** Seconds to wait before asking again, from `Retry-After` or the problem's `retryAfterSeconds`. */
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit, hint: string) {
    super(describeProblem(init, hint));
    this.status = init.status;
    this.code = init.problem.code;
    this.requestId = init.headers.get('x-request-id') ?? init.problem.requestId;
    this.problem = init.problem;
    this.violations = init.problem.violations ?? [];
    this.headers = init.headers;
    this.retryAfter = init.retryAfter;
  }
}

/**
 * A stable code: words of upper-case letters joined by underscores (a word may end in a few digits,
 * as in INVALID_ICD10_CODE); an identifier such as a member ID is not one.
 */
const SAFE_CODE = /^(?=.{1,64}$)[A-Z]+(?:_(?:[A-Z]+[0-9]{0,3}[A-Z]*|[0-9]{1,3}))*$/;
/**
 * A JSON path into the request, or a FHIRPath into a FHIR resource from its type (`Bundle.entry[0]
 * .resource.item[1].quantity.value`, the FHIR face's): field names and indexes, never values.
 */
const SAFE_PATH = /^(?:\$|[A-Z][A-Za-z]{1,63}(?=[.[]|$))[A-Za-z0-9_.[\]]{0,200}$/;
/** A request id as the portal and the SDK make them. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The code if it has the shape of a stable code, else a placeholder (a server could put anything there). */
function safeCode(code: unknown): string {
  return typeof code === 'string' && SAFE_CODE.test(code) ? code : 'UNKNOWN_CODE';
}

/** Where the violations are (paths and codes only: their messages may quote member data). */
function violationPlaces(violations: readonly { path?: unknown; code?: unknown }[]): string {
  const places = violations.map((v) => {
    const path = typeof v.path === 'string' && SAFE_PATH.test(v.path) ? v.path : '$';
    return `${path} (${safeCode(v.code)})`;
  });
  const shown = places.slice(0, 10).join(', ');
  return places.length > 10 ? `${shown} and ${places.length - 10} more` : shown;
}

/**
 * The message of an API error: what failed (status, stable code, the places of the violations), what
 * to do, and the request id. Never the problem's `title`, `detail` or violation messages: portals put
 * member IDs, names, dates of birth, coverage dates, registration codes and keys there, and apps log
 * `error.message`. The whole problem stays on `error.problem`.
 */
function describeProblem({ status, problem, headers }: ApiErrorInit, hint: string): string {
  const requestId = headers.get('x-request-id') ?? problem.requestId;
  const parts = [`The portal answered HTTP ${status} ${safeCode(problem.code)}.`];
  const listed = problem.violations ?? [];
  if (listed.length > 0) parts.push(`Broken at ${violationPlaces(listed)}.`);
  parts.push(hint);
  parts.push('The details are on error.problem (they may hold PHI: do not log them).');
  if (typeof requestId === 'string' && SAFE_REQUEST_ID.test(requestId))
    parts.push(`Request id: ${requestId}.`);
  return parts.join(' ');
}

/**
 * 400: the request does not match the contract (a missing field, a wrong type or format).
 *
 * @example
 * if (error instanceof BadRequestError) console.log(error.violations);
 */
export class BadRequestError extends PortalApiError {
  override name = 'BadRequestError';
  constructor(init: ApiErrorInit) {
    super(
      init,
      'Fix the request so that it matches the contract (openapi/portal.yaml); the violations say where.',
    );
  }
}

/**
 * 401: no session, an unknown token, wrong credentials or a wrong MFA code.
 *
 * @example
 * if (error instanceof AuthenticationError) await portal.session.signIn();
 */
export class AuthenticationError extends PortalApiError {
  override name = 'AuthenticationError';
  constructor(
    init: ApiErrorInit,
    hint = 'Check the credentials, then sign in again with portal.session.signIn().',
  ) {
    super(init, hint);
  }
}

/**
 * The session ended after 15 idle minutes. Thrown by the portal (401 `SESSION_EXPIRED`) and by the
 * SDK itself, before sending, once its idle timer has run out. The SDK never signs in again on its
 * own: call `portal.session.signIn()` when the user is back.
 *
 * @example
 * try {
 *   await portal.members.get('K5500648801');
 * } catch (error) {
 *   if (error instanceof SessionExpiredError) await portal.session.signIn();
 * }
 */
export class SessionExpiredError extends AuthenticationError {
  override name = 'SessionExpiredError';
  constructor(
    init: ApiErrorInit,
    hint = 'Sessions end after 15 idle minutes; sign in again with portal.session.signIn() (the SDK never does it silently).',
  ) {
    super(init, hint);
  }

  /**
   * The client-side error: the SDK's own idle timer ran out, so nothing was sent.
   *
   * @example
   * throw SessionExpiredError.clientSide(new Date('2026-11-23T14:15:00Z'));
   */
  static clientSide(expiredAt: Date): SessionExpiredError {
    const hint = `The session was idle for 15 minutes and ended at ${expiredAt.toISOString()}; the request was not sent. Sign in again with portal.session.signIn().`;
    return new SessionExpiredError(
      {
        status: 401,
        headers: new Headers(),
        retryAfter: undefined,
        problem: {
          type: 'https://provider-portal-sdk.dev/problems/session-expired',
          title: 'The session has ended',
          status: 401,
          code: 'SESSION_EXPIRED',
          detail: `The session was idle for 15 minutes and ended at ${expiredAt.toISOString()}; the request was not sent.`,
        },
      },
      hint,
    );
  }
}

/**
 * 403: the user has no role on that Tax ID, or the role does not allow the operation.
 *
 * @example
 * if (error instanceof PermissionDeniedError && error.code === 'ADMIN_ROLE_REQUIRED') showAdminOnlyNotice();
 */
export class PermissionDeniedError extends PortalApiError {
  override name = 'PermissionDeniedError';
  constructor(init: ApiErrorInit) {
    super(
      init,
      "Check the user's role and permissions on the Tax ID (portal.session.me()), or ask a site manager.",
    );
  }
}

/**
 * 404: nothing with that identifier is visible to this user.
 *
 * @example
 * if (error instanceof NotFoundError) console.log('No such member');
 */
export class NotFoundError extends PortalApiError {
  override name = 'NotFoundError';
  constructor(init: ApiErrorInit) {
    super(init, 'Check the identifier, and that it belongs to a Tax ID the user acts for.');
  }
}

/**
 * 409: the request conflicts with the state of the resource (a reused Idempotency-Key, a record that
 * already exists, a document or preauthorization that is not ready yet: see `retryAfter`).
 *
 * @example
 * if (error instanceof ConflictError && error.code === 'DOCUMENT_NOT_READY') await wait(error.retryAfter);
 */
export class ConflictError extends PortalApiError {
  override name = 'ConflictError';
  constructor(init: ApiErrorInit) {
    super(
      init,
      init.retryAfter !== undefined
        ? `Ask again in ${init.retryAfter} seconds.`
        : 'Reload the resource, or use a new Idempotency-Key for a new request.',
    );
  }
}

/**
 * 410: the resource is no longer available (e.g. a check image older than two years).
 *
 * @example
 * if (error instanceof GoneError) console.log('Check images are kept for two years');
 */
export class GoneError extends PortalApiError {
  override name = 'GoneError';
  constructor(init: ApiErrorInit) {
    super(init, 'The portal no longer keeps it; ask the plan for a copy.');
  }
}

/**
 * 422: the request breaks one or more business rules; `violations` lists every one. The SDK checks
 * the same rules before sending, so this is rare: it means a rule needing data only the portal has
 * (coverage dates, the provider directory) was broken.
 *
 * @example
 * if (error instanceof UnprocessableEntityError) for (const v of error.violations) console.log(v.code, v.path);
 */
export class UnprocessableEntityError extends PortalApiError {
  override name = 'UnprocessableEntityError';
  constructor(init: ApiErrorInit) {
    super(init, 'Fix every listed violation and send the request again.');
  }
}

/**
 * Another name of {@link UnprocessableEntityError}: the portal refused a business rule (422).
 *
 * @example
 * if (error instanceof RuleViolationError) console.log(error.violations);
 */
export const RuleViolationError = UnprocessableEntityError;
/**
 * Another name of {@link UnprocessableEntityError}.
 *
 * @example
 * if (error instanceof RuleViolationError) console.log(error.violations);
 */
export type RuleViolationError = UnprocessableEntityError;

/**
 * 429: too many requests. `retryAfter` says how many seconds to wait. The SDK already retried up to
 * `maxRetries` times when it was safe.
 *
 * @example
 * if (error instanceof RateLimitError) setTimeout(retry, (error.retryAfter ?? 1) * 1000);
 */
export class RateLimitError extends PortalApiError {
  override name = 'RateLimitError';
  constructor(init: ApiErrorInit) {
    super(
      init,
      `Wait ${init.retryAfter ?? 'a few'} seconds before trying again, or send fewer requests at a time.`,
    );
  }
}

/**
 * 5xx: the portal failed. The SDK already retried up to `maxRetries` times when it was safe.
 *
 * @example
 * if (error instanceof ServerError) console.error(`Portal failure, request id ${error.requestId}`);
 */
export class ServerError extends PortalApiError {
  override name = 'ServerError';
  constructor(init: ApiErrorInit) {
    super(
      init,
      // The mock portal marks its answers (X-Mock-Portal: 1): its failures are the mock's, not the plan's.
      init.headers.get('x-mock-portal') === '1'
        ? 'The mock portal (provider-portal-sdk) answered this, not the plan: unless a scenario asked for it, report it to provider-portal-sdk with the request id.'
        : "Try again later; if it persists, quote the request id to the plan's support.",
    );
  }
}

/**
 * The rules module refused the input before anything was sent: `violations` lists every broken rule
 * (`code`, `path`, `message`), the same codes the portal answers with.
 *
 * @example
 * try {
 *   await portal.preauthorizations.create(request);
 * } catch (error) {
 *   if (error instanceof PortalValidationError) for (const v of error.violations) console.log(v.path, v.message);
 * }
 */
export class PortalValidationError extends PortalError {
  override name = 'PortalValidationError';
  /** Every broken rule. */
  readonly violations: ValidationViolation[];
  /** Warnings found alongside (not the reason for the refusal). */
  readonly warnings: Violation[];
  /** The operation that was not sent. */
  readonly operationId: string;

  constructor(operationId: string, violations: ValidationViolation[], warnings: Violation[] = []) {
    const count = violations.length;
    // Paths and codes only: a rule's message may quote the input (member IDs, dates); it is on
    // error.violations for code that needs it.
    super(
      `${operationId} was not sent: the input breaks ${count} rule${count === 1 ? '' : 's'}, at ${violationPlaces(violations)}. ` +
        'Fix the input and call again; error.violations says what each rule wants.',
    );
    this.operationId = operationId;
    this.violations = violations;
    this.warnings = warnings;
  }
}

/**
 * No answer came back: the network failed, the host is unreachable or refused the connection. The
 * SDK already retried up to `maxRetries` times when it was safe.
 *
 * @example
 * if (error instanceof APIConnectionError) console.error('Is the portal reachable?', error.cause);
 */
export class APIConnectionError extends PortalError {
  override name = 'APIConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * No answer came back within `timeoutMs`.
 *
 * @example
 * if (error instanceof APIConnectionTimeoutError) console.error('Raise timeoutMs or try later');
 */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
}

/**
 * The caller's `AbortSignal` fired; the request was abandoned and not retried.
 *
 * @example
 * const controller = new AbortController();
 * portal.members.get('K5500648801', { signal: controller.signal }).catch((e) => e instanceof APIUserAbortError);
 * controller.abort();
 */
export class APIUserAbortError extends PortalError {
  override name = 'APIUserAbortError';
  constructor(
    message = 'The request was aborted by its AbortSignal; it was not retried.',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Under `requireMockPortal: true`, an answer came without the mock portal's `X-Mock-Portal: 1`
 * marker: the client may be talking to a real portal with real patient data, so the answer is
 * refused.
 *
 * @example
 * const portal = createPortalClient({ baseUrl, requireMockPortal: true, sessionToken });
 * await portal.members.get('K5500648801').catch((e) => e instanceof MockPortalRequiredError);
 */
export class MockPortalRequiredError extends PortalError {
  override name = 'MockPortalRequiredError';
  /** The URL that answered without the marker. */
  readonly url: string;
  constructor(url: string) {
    super(
      `The answer from ${url} has no "X-Mock-Portal: 1" header, so it may come from a real portal with real ` +
        'patient data; it was refused because requireMockPortal is on. Point baseUrl at the mock portal ' +
        '(provider-portal-mock), or turn requireMockPortal off outside tests.',
    );
    this.url = url;
  }
}

/**
 * A document that was being prepared (an export or a report) ended in status `failed`.
 *
 * @example
 * if (error instanceof DocumentFailedError) console.log(error.documentId);
 */
export class DocumentFailedError extends PortalError {
  override name = 'DocumentFailedError';
  readonly documentId: string;
  constructor(documentId: string) {
    super(
      `Document ${documentId} could not be prepared (status failed). Request the export or report again.`,
    );
    this.documentId = documentId;
  }
}

/**
 * A document was still being prepared when the polling timeout ran out.
 *
 * @example
 * await portal.documents.waitFor(receipt, { timeoutMs: 60_000 }).catch((e) => e instanceof PollingTimeoutError);
 */
export class PollingTimeoutError extends PortalError {
  override name = 'PollingTimeoutError';
  readonly documentId: string;
  constructor(documentId: string, timeoutMs: number) {
    super(
      `Document ${documentId} was still being prepared after ${Math.round(timeoutMs / 1000)} seconds. ` +
        'Documents can take up to 30 minutes; wait longer (timeoutMs) or look for it later with portal.documents.list().',
    );
    this.documentId = documentId;
  }
}

function headersFrom(headers: Headers | HeadersInit | undefined): Headers {
  return headers instanceof Headers ? headers : new Headers(headers);
}

const FALLBACK_CODES: Record<number, ProblemCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Reads a problem document from whatever an error answer carried (JSON, text or nothing); when it
 * is not a problem document, makes one from the status.
 *
 * @example
 * toProblem(503, 'upstream down').code; // 'SERVICE_UNAVAILABLE'
 */
export function toProblem(status: number, body: unknown): Problem {
  if (isRecord(body) && typeof body.code === 'string' && typeof body.title === 'string') {
    return { ...body, status: typeof body.status === 'number' ? body.status : status } as Problem;
  }
  const code = FALLBACK_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
  const problem: Problem = { type: 'about:blank', title: `HTTP ${status}`, status, code };
  if (typeof body === 'string' && body.trim() !== '') problem.detail = body.trim().slice(0, 500);
  return problem;
}

/**
 * The one factory of API errors: picks the class from the status and the problem `code`.
 *
 * @example
 * const error = errorFromResponse(401, { type: 'about:blank', title: 'The session has ended', status: 401, code: 'SESSION_EXPIRED' }, new Headers());
 * error instanceof SessionExpiredError; // true
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers?: Headers | HeadersInit,
  now?: Date,
): PortalApiError {
  const problem = toProblem(status, body);
  const h = headersFrom(headers);
  const retryAfterMillis = retryAfterMs(h.get('retry-after'), now);
  const retryAfter =
    (retryAfterMillis === undefined ? undefined : Math.ceil(retryAfterMillis / 1000)) ??
    (typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined);
  const init: ApiErrorInit = { status, problem, headers: h, retryAfter };
  if (status === 400) return new BadRequestError(init);
  if (status === 401) {
    return problem.code === 'SESSION_EXPIRED' ? new SessionExpiredError(init) : new AuthenticationError(init);
  }
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 410) return new GoneError(init);
  if (status === 422) return new UnprocessableEntityError(init);
  if (status === 429) return new RateLimitError(init);
  if (status >= 500) return new ServerError(init);
  return new PortalApiError(init, 'See the problem document for details.');
}
