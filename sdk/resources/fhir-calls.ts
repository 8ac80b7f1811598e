/**
 * What `portal.fhir` runs, loaded on its first call (sdk/resources/fhir.ts imports this module with
 * `import()`): the checks before sending, the exchange through the client's transport, and the PAS
 * readers and builders of sdk/fhir. An app that never calls `portal.fhir` does not download any of it
 * (docs/bundle-size.md).
 */
import type { Bundle, CapabilityStatement, ClaimResponse } from '@medplum/fhirtypes';
import type { APIResult } from '../core/api-promise.ts';
import type { ResourceContext } from '../core/call.ts';
import { reportWarnings } from '../core/call.ts';
import { randomId } from '../core/ids.ts';
import { callOptionViolations } from '../core/option-checks.ts';
import type { RequestOptions } from '../core/options.ts';
import {
  APIConnectionError,
  APIUserAbortError,
  errorFromResponse,
  PortalError,
  PortalValidationError,
  SessionExpiredError,
} from '../errors.ts';
import type { FhirIssue } from '../fhir/issues.ts';
import { problemOfOperationOutcome } from '../fhir/operation-outcome.ts';
import { type PasInquiryQuery, readPasInquiryBundle, toPasInquiryBundle } from '../fhir/pas-inquiry.ts';
import { fhirPathOf, readPasRequestBundle } from '../fhir/pas-request.ts';
import { readPasResponse } from '../fhir/pas-response.ts';
import { HEALTH_PLANS } from '../rules/health-plans.ts';
import { checkNpi, checkTaxId } from '../rules/identifiers.ts';
import type { ValidationViolation } from '../rules/index.ts';
import { validatePreauthorizationCreate } from '../rules/service-window.ts';
import { asRecord, describeValue, isRecord } from '../rules/zod-issues.ts';
import {
  FHIR_OPERATIONS,
  type FhirInquireOptions,
  type FhirSubmitOptions,
  type PasInquiryResult,
  type PasSubmitResult,
} from './fhir.ts';

/** The FHIR media type (FHIR R4 http.html#mime-type): what the PAS operations send and accept. */
const FHIR_JSON = 'application/fhir+json';

// ---------------------------------------------------------------------------------------------------
// Checks before sending

function issueViolations(issues: readonly FhirIssue[]): ValidationViolation[] {
  return issues.map((issue) => ({
    code: 'VALIDATION_FAILED',
    path: issue.expression,
    message: issue.diagnostics,
  }));
}

function refuse(label: string, violations: ValidationViolation[]): void {
  if (violations.length > 0) throw new PortalValidationError(label, violations);
}

function required(value: unknown, path: string, what: string): ValidationViolation[] {
  return typeof value === 'string' && value.trim() !== ''
    ? []
    : [
        {
          code: 'VALIDATION_FAILED',
          path,
          message: `${what} is required (text), not ${describeValue(value)}.`,
        },
      ];
}

/** What is wrong with a PasInquiryQuery from a caller the types do not protect (JSON paths). */
function queryViolations(query: Record<string, unknown>): ValidationViolation[] {
  const out = required(query.memberId, '$.memberId', "The member's ID");
  if (!(HEALTH_PLANS as readonly unknown[]).includes(query.healthPlan)) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.healthPlan',
      message: `The health plan is one of ${HEALTH_PLANS.join(', ')}, not ${describeValue(query.healthPlan)}.`,
    });
  }
  const provider = asRecord(query.requestingProvider);
  if (provider === undefined) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.requestingProvider',
      message:
        'The requesting provider ({ npi, taxId, name, address }) is required: its Tax ID scopes the answer.',
    });
  } else {
    out.push(
      ...checkNpi(provider.npi, '$.requestingProvider.npi'),
      ...checkTaxId(provider.taxId, '$.requestingProvider.taxId'),
      ...required(provider.name, '$.requestingProvider.name', "The requesting provider's name"),
    );
    if (!isRecord(provider.address)) {
      out.push({
        code: 'VALIDATION_FAILED',
        path: '$.requestingProvider.address',
        message: "The requesting provider's practice address ({ line1, city, state, zip }) is required.",
      });
    }
  }
  if (query.referenceId !== undefined)
    out.push(...required(query.referenceId, '$.referenceId', 'The reference ID, when given,'));
  return out;
}

function inquiryOptionViolations(options: FhirInquireOptions): ValidationViolation[] {
  const out: ValidationViolation[] = [];
  if (options.transactionId !== undefined)
    out.push(...required(options.transactionId, 'options.transactionId', 'The transaction id, when given,'));
  const { timestamp } = options;
  if (timestamp !== undefined) {
    const date =
      timestamp instanceof Date ? timestamp : typeof timestamp === 'string' ? new Date(timestamp) : undefined;
    if (date === undefined || Number.isNaN(date.getTime())) {
      out.push({
        code: 'VALIDATION_FAILED',
        path: 'options.timestamp',
        message: `The timestamp is an ISO date-time or a Date, not ${describeValue(timestamp)}.`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Sending

/** The transport's per-call options, and nothing else a caller put in the object. */
function sendOptions(options: RequestOptions): RequestOptions {
  const { signal, timeoutMs, maxRetries, headers } = options;
  return {
    ...(signal === undefined ? {} : { signal }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(maxRetries === undefined ? {} : { maxRetries }),
    ...(headers === undefined ? {} : { headers }),
  };
}

function fhirRequest(
  ctx: ResourceContext,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  key?: string,
) {
  const headers = new Headers({ Accept: FHIR_JSON });
  if (body !== undefined) headers.set('Content-Type', FHIR_JSON);
  if (key !== undefined) headers.set('Idempotency-Key', key);
  return new Request(`${ctx.fhirBaseUrl}/${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function readJson(
  response: Response,
  signal: AbortSignal | undefined,
  label: string,
): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted === true) throw new APIUserAbortError(undefined, { cause: error });
    throw new APIConnectionError(
      `${label}: the answer (HTTP ${response.status}) broke off while it was read. Try again.`,
      { cause: error },
    );
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Sends one FHIR interaction through the client's transport and reads its answer: an error status
 * becomes the factory's typed error (an OperationOutcome read as a problem document first).
 */
async function exchange<T>(
  ctx: ResourceContext,
  label: string,
  options: RequestOptions,
  request: Request,
  read: (body: unknown) => T,
  anonymous = false,
): Promise<APIResult<T>> {
  const response = await ctx.transport(request, { ...sendOptions(options), anonymous });
  const body = await readJson(response, options.signal, label);
  if (!response.ok) {
    const error = errorFromResponse(
      response.status,
      problemOfOperationOutcome(response.status, body) ?? body,
      response.headers,
      ctx.clock.now(),
    );
    // The transport notices an ended session in a problem document; an OperationOutcome says it here.
    if (error instanceof SessionExpiredError) ctx.session.markExpired();
    throw error;
  }
  let data: T;
  try {
    data = read(body);
  } catch (error) {
    if (error instanceof PortalError) throw error;
    // A malformed answer (an item that is not a list, …): a PortalError, never a TypeError.
    throw new PortalError(
      `${label} answered HTTP ${response.status} with a resource the SDK could not read: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
  return {
    data,
    response,
    requestId: response.headers.get('x-request-id') ?? undefined,
    warnings: [],
  };
}

function unexpected(label: string, what: string): PortalError {
  return new PortalError(
    `${label} answered without ${what}: the server at fhirBaseUrl may not be the portal's FHIR face (Da Vinci PAS). Check fhirBaseUrl.`,
  );
}

function isResource<T extends string>(
  value: unknown,
  type: T,
): value is { resourceType: T } & Record<string, unknown> {
  return isRecord(value) && value.resourceType === type;
}

function claimResponseIn(bundle: Bundle): ClaimResponse | undefined {
  const found = (Array.isArray(bundle.entry) ? bundle.entry : []).find((entry) =>
    isResource(entry?.resource, 'ClaimResponse'),
  );
  return found?.resource as ClaimResponse | undefined;
}

function submitted(body: unknown): PasSubmitResult {
  const label = FHIR_OPERATIONS.submitPriorAuthorization;
  if (!isResource(body, 'Bundle')) throw unexpected(label, 'a PAS Response Bundle');
  const bundle = body as unknown as Bundle;
  const claimResponse = claimResponseIn(bundle);
  if (claimResponse === undefined) throw unexpected(label, 'a ClaimResponse in its Bundle');
  return { bundle, claimResponse, decision: readPasResponse(claimResponse) };
}

/**
 * The response Bundles of an inquiry answer: one PAS Inquiry Response Bundle, a Bundle of them, or a
 * `Parameters` resource whose `return` parameters hold them (the form of an operation's several
 * resources, FHIR R4 operations.html#response).
 */
function inquiryBundles(body: unknown): Bundle[] {
  const label = FHIR_OPERATIONS.inquire;
  let candidates: unknown[];
  if (isResource(body, 'Parameters')) {
    const parameters = Array.isArray(body.parameter) ? body.parameter : [];
    candidates = parameters
      .filter((parameter) => isRecord(parameter) && parameter.name === 'return')
      .map((parameter) => (parameter as { resource?: unknown }).resource);
  } else if (isResource(body, 'Bundle')) {
    const entries = Array.isArray(body.entry) ? (body.entry as unknown[]) : [];
    const nested = entries.map((entry) => asRecord(entry)?.resource).filter((r) => isResource(r, 'Bundle'));
    candidates = nested.length > 0 ? nested : entries.length === 0 ? [] : [body];
  } else {
    throw unexpected(label, 'a Bundle or Parameters');
  }
  return candidates.map((candidate) => {
    if (!isResource(candidate, 'Bundle') || claimResponseIn(candidate as unknown as Bundle) === undefined)
      throw unexpected(label, 'a ClaimResponse in each Bundle');
    return candidate as unknown as Bundle;
  });
}

function inquired(body: unknown): PasInquiryResult {
  const bundles = inquiryBundles(body);
  return { bundles, decisions: bundles.map((bundle) => readPasResponse(bundle)) };
}

/** Checks the call's options, then runs `prepare` (which may refuse) and sends what it builds. */
async function fhirCall<T, O extends RequestOptions>(
  ctx: ResourceContext,
  label: string,
  options: O | undefined,
  prepare: (options: O) => Request,
  read: (body: unknown) => T,
  anonymous = false,
): Promise<APIResult<T>> {
  // JavaScript callers may pass `null` (or anything) as the options: read them as none.
  const given = (asRecord(options) ?? {}) as O;
  refuse(label, callOptionViolations(given as Record<string, unknown>));
  return exchange(ctx, label, given, prepare(given), read, anonymous);
}

// ---------------------------------------------------------------------------------------------------
// The interactions (portal.fhir's methods call these)

/**
 * `POST Claim/$submit` after reading the Bundle back and checking it with the rules of
 * `portal.preauthorizations.create`.
 *
 * @example
 * const { data } = await submitPriorAuthorization(ctx, bundle);
 */
export function submitPriorAuthorization(
  ctx: ResourceContext,
  bundle: Bundle,
  options: FhirSubmitOptions = {},
): Promise<APIResult<PasSubmitResult>> {
  const label = FHIR_OPERATIONS.submitPriorAuthorization;
  return fhirCall(
    ctx,
    label,
    options,
    (given) => {
      const reading = readPasRequestBundle(bundle);
      refuse(label, issueViolations(reading.issues));
      const result = validatePreauthorizationCreate(reading.request, {
        ...asRecord(given.rules),
        clock: ctx.clock,
      });
      const located = <V extends { path: string }>(v: V): V => ({
        ...v,
        path: fhirPathOf(v.path, reading.paths),
      });
      if (!result.success) {
        throw new PortalValidationError(label, result.violations.map(located), result.warnings.map(located));
      }
      reportWarnings(ctx, label, result.warnings.map(located));
      return fhirRequest(ctx, 'POST', 'Claim/$submit', bundle, given.idempotencyKey ?? randomId());
    },
    submitted,
  );
}

/**
 * `POST Claim/$inquire` with a PAS Inquiry Request Bundle, or one built from a query.
 *
 * @example
 * const { data } = await inquire(ctx, { memberId, healthPlan, requestingProvider });
 */
export function inquire(
  ctx: ResourceContext,
  bundleOrQuery: Bundle | PasInquiryQuery,
  options: FhirInquireOptions = {},
): Promise<APIResult<PasInquiryResult>> {
  const label = FHIR_OPERATIONS.inquire;
  return fhirCall(
    ctx,
    label,
    options,
    (given) => {
      refuse(label, inquiryOptionViolations(given));
      const input = asRecord(bundleOrQuery);
      let bundle: unknown = bundleOrQuery;
      if (input === undefined || input.resourceType === undefined) {
        refuse(label, queryViolations(input ?? {}));
        bundle = toPasInquiryBundle(bundleOrQuery as PasInquiryQuery, {
          transactionId: given.transactionId ?? randomId(),
          timestamp: given.timestamp ?? ctx.clock.now(),
        });
      }
      refuse(label, issueViolations(readPasInquiryBundle(bundle).issues));
      return fhirRequest(ctx, 'POST', 'Claim/$inquire', bundle, given.idempotencyKey ?? randomId());
    },
    inquired,
  );
}

/**
 * `GET metadata`: the CapabilityStatement.
 *
 * @example
 * const { data } = await capabilities(ctx);
 */
export function capabilities(
  ctx: ResourceContext,
  options: RequestOptions = {},
): Promise<APIResult<CapabilityStatement>> {
  const label = FHIR_OPERATIONS.capabilities;
  return fhirCall(
    ctx,
    label,
    options,
    () => fhirRequest(ctx, 'GET', 'metadata'),
    (body) => {
      if (!isResource(body, 'CapabilityStatement')) throw unexpected(label, 'a CapabilityStatement');
      return body as unknown as CapabilityStatement;
    },
    // A FHIR server answers its capabilities to anyone: no sign-in (and no MFA prompt) to read them.
    true,
  );
}
