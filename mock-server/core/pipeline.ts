/**
 * The request pipeline of one spec operation, in order: Prefer → latency and forced or random failures
 * → authentication (secured operations) → access (the contract's permission table, then the one
 * member visibility rule; core/access.ts) → the operation's business rules (sdk/rules; 422 with every
 * violation) → schema validation of parameters and JSON body (ajv; 400) → Idempotency-Key replay →
 * handler → response. portal.ts wraps it with the request id, the `X-Mock-Portal` marker, the sandbox
 * and the routing.
 */

import { normalizeTaxId } from '../../sdk/rules/index.ts';
import { HEALTH_PLANS } from '../data/health-plans.ts';
import { authorizeOperation, requireVisibleMembers } from './access.ts';
import { type Answer, setHeader } from './answer.ts';
import { bodyLimitOf, readBody, readText } from './body-limits.ts';
import { operationHandlers } from './handlers/index.ts';
import { idempotencyStoreKey } from './idempotency-scope.ts';
import { rememberIdempotent, replayable } from './idempotency-store.ts';
import { checkPreferences, preferenceApplied } from './preferences.ts';
import { isProblemCode, ProblemError } from './problem.ts';
import type { Sandbox } from './sandbox.ts';
import { forcedStatusCode, type PreferenceToken } from './scenarios.ts';
import { authenticate } from './sessions.ts';
import type { SpecOperation } from './spec.ts';
import type {
  HandlerContext,
  HandlerResult,
  PortalRequest,
  PortalSession,
  PortalUser,
  PreferOptions,
} from './types.ts';
import { validateRequest } from './validation.ts';

/** The global options the pipeline honours (CLI flags `--latency` and `--failure-rate`). */
export interface PipelineOptions {
  /** Milliseconds added to every API answer. */
  latencyMs: number;
  /** Share (0–1) of API requests answered 503 SERVICE_UNAVAILABLE, drawn from the sandbox's seed. */
  failureRate: number;
}

/** One routed request, ready for the pipeline. */
export interface PipelineRequest {
  request: PortalRequest;
  url: URL;
  requestId: string;
  sandbox: Sandbox;
  operation: SpecOperation;
  params: Record<string, string>;
  prefer: PreferOptions;
}

/** What the pipeline answers, with the user (for the request log). */
export interface PipelineAnswer {
  response: Answer;
  userId: string | null;
}

/**
 * Waits `milliseconds` of real time (latency simulation only; never used for portal time).
 *
 * @example
 * await sleep(200);
 */
export function sleep(milliseconds: number): Promise<void> {
  return milliseconds > 0 ? new Promise((resolve) => setTimeout(resolve, milliseconds)) : Promise.resolve();
}

/**
 * Whether a `Content-Type` is JSON (`application/json` or `…+json`, any parameters).
 *
 * @example
 * isJsonMedia('application/json; charset=utf-8'); // true
 */
export function isJsonMedia(contentType: string | null): boolean {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || media.endsWith('+json');
}

interface ParsedBody {
  body: unknown;
  hasJsonBody: boolean;
  /** A stable text of the body for Idempotency-Key fingerprints. */
  fingerprint: string;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${stableStringify((value as Record<string, unknown>)[name])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

async function formFingerprint(form: FormData): Promise<string> {
  const parts: string[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') parts.push(`${name}=${JSON.stringify(value)}`);
    else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      let hash = 2166136261;
      for (const byte of bytes) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
      parts.push(`${name}=file(${JSON.stringify(value.name)},${value.type},${bytes.length},${hash})`);
    }
  }
  return parts.join('&');
}

async function parseBody(request: PortalRequest, operation: SpecOperation): Promise<ParsedBody> {
  const limit = bodyLimitOf(operation);
  const contentType = request.headers.get('content-type');
  const method = request.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD' || request.body === null) {
    return { body: undefined, hasJsonBody: false, fingerprint: '' };
  }
  const content = operation.requestBody?.content ?? {};
  if ((contentType ?? '').toLowerCase().startsWith('multipart/form-data')) {
    if (content['multipart/form-data'] === undefined) {
      throw new ProblemError(
        'VALIDATION_FAILED',
        `${operation.operationId} does not take a multipart body: send JSON.`,
      );
    }
    // Read within the limit first (413 past it), then parsed from the bytes.
    const bytes = await readBody(request, limit);
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType ?? '' } }).formData();
    } catch {
      throw new ProblemError(
        'VALIDATION_FAILED',
        'The multipart body could not be read: check its boundary and parts.',
      );
    }
    return { body: form, hasJsonBody: false, fingerprint: await formFingerprint(form) };
  }
  const text = await readText(request, limit);
  if (text.trim() === '') return { body: undefined, hasJsonBody: false, fingerprint: '' };
  if (content['application/json'] === undefined) {
    if (Object.keys(content).length === 0) return { body: undefined, hasJsonBody: false, fingerprint: '' };
    throw new ProblemError(
      'VALIDATION_FAILED',
      `${operation.operationId} takes ${Object.keys(content).join(' or ')}, not ${contentType ?? 'an untyped body'}.`,
    );
  }
  if (contentType !== null && !isJsonMedia(contentType)) {
    throw new ProblemError('VALIDATION_FAILED', `Send the body as application/json (got ${contentType}).`, {
      violations: [
        {
          code: 'VALIDATION_FAILED',
          path: '$',
          message: `content type ${contentType} is not application/json`,
        },
      ],
    });
  }
  try {
    const body: unknown = JSON.parse(text);
    return { body, hasJsonBody: true, fingerprint: stableStringify(body) };
  } catch {
    throw new ProblemError('VALIDATION_FAILED', 'The request body is not valid JSON.', {
      violations: [{ code: 'VALIDATION_FAILED', path: '$', message: 'is not valid JSON' }],
    });
  }
}

/**
 * The answer of a handler result: JSON unless `contentType` names another media type (then the body
 * is sent as bytes or text as it is); 204 and bodiless results have no body.
 *
 * @example
 * resultAnswer({ status: 201, body: { messageId: 'MSG-000001' } });
 */
export function resultAnswer(result: HandlerResult): Answer {
  const answer: Answer = { status: result.status, headers: {}, body: null };
  for (const [name, value] of Object.entries(result.headers ?? {})) setHeader(answer, name, value);
  if (result.status === 204 || result.status === 304 || result.body === undefined) return answer;
  const contentType = result.contentType ?? 'application/json';
  answer.headers['content-type'] = contentType;
  const body = result.body;
  if (body instanceof Uint8Array) answer.body = body;
  else if (body instanceof ArrayBuffer) answer.body = new Uint8Array(body);
  else if (typeof body === 'string' && !isJsonMedia(contentType)) answer.body = body;
  else answer.body = JSON.stringify(body);
  return answer;
}

function forcedFailure(
  prefer: PreferOptions,
  operation: SpecOperation,
  understood: readonly PreferenceToken[],
): ProblemError | undefined {
  const status = prefer.status;
  if (status === undefined || status < 400) return undefined;
  // Only a code of the contract is answered: a `Prefer: code=…` value never reaches the problem's
  // `type` URL (or anything else) unchecked.
  const code = isProblemCode(prefer.code) ? prefer.code : forcedStatusCode(status);
  const headers: Record<string, string> = status === 429 || status === 503 ? { 'retry-after': '1' } : {};
  headers['preference-applied'] = preferenceApplied(understood, status, true);
  const members: Record<string, unknown> = status === 429 ? { retryAfterSeconds: 1 } : {};
  return new ProblemError(
    code,
    `Forced by the request's Prefer: status=${status} (${operation.operationId}).`,
    {
      status,
      headers,
      members,
    },
  );
}

/**
 * The body with every `taxId` written `NN-NNNNNNN` normalised to its 9 digits (sdk/rules
 * normalizeTaxId), as the portal accepts both forms: handlers and rules see one form only.
 */
function normalizedTaxIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizedTaxIds);
  if (value === null || typeof value !== 'object' || value instanceof FormData) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
      key,
      key === 'taxId' ? (normalizeTaxId(entry) ?? entry) : normalizedTaxIds(entry),
    ]),
  );
}

/**
 * The most records (of every collection together, users included) a sandbox holds: creating more
 * answers 409 SANDBOX_LIMIT_REACHED, so that a runaway test cannot fill the server's memory. Reset
 * the sandbox, or open another.
 */
export const MAX_SANDBOX_RECORDS = 100_000;

function assertRoomForRecords(state: Sandbox['state']): void {
  let total = state.users.size;
  for (const [name, records] of state.records) if (!name.startsWith('__')) total += records.size;
  if (total >= MAX_SANDBOX_RECORDS) {
    throw new ProblemError(
      'SANDBOX_LIMIT_REACHED',
      `This sandbox holds ${MAX_SANDBOX_RECORDS} records, its limit: reset it (POST /__admin/reset) or open another (POST /__admin/sandboxes).`,
      { members: { limit: MAX_SANDBOX_RECORDS } },
    );
  }
}

/**
 * Runs one routed request through the pipeline. Never throws for a handled problem: it answers the
 * problem document; other errors propagate to portal.ts, which answers 500 INTERNAL_ERROR.
 *
 * @example
 * const { response } = await runPipeline(routed, { latencyMs: 0, failureRate: 0 });
 */
export async function runPipeline(
  routed: PipelineRequest,
  options: PipelineOptions,
): Promise<PipelineAnswer> {
  const { request, url, sandbox, operation, prefer } = routed;
  const state = sandbox.state;
  // An unknown or malformed preference answers 400 before anything else (preferences.ts).
  const understood = checkPreferences(request.headers.get('prefer'), operation.operationId);
  await sleep(options.latencyMs + (prefer.latencyMs ?? 0));

  const forced = forcedFailure(prefer, operation, understood);
  if (forced !== undefined) throw forced;
  if (options.failureRate > 0 && state.random('failures').next() < options.failureRate) {
    throw new ProblemError(
      'SERVICE_UNAVAILABLE',
      `The mock portal failed this request on purpose (failure rate ${options.failureRate}); retry it.`,
      { headers: { 'retry-after': '1' } },
    );
  }

  let user: PortalUser | undefined;
  let session: PortalSession | undefined;
  if (operation.secured) {
    ({ user, session } = authenticate(state, request.headers.get('authorization'), operation.operationId));
  }

  const params =
    routed.params.taxId === undefined
      ? routed.params
      : { ...routed.params, taxId: normalizeTaxId(routed.params.taxId) ?? routed.params.taxId };
  // Who may call the operation, from the contract's table, before anything about the request is
  // answered (not even its media type) and before any rule could answer for a Tax ID or a member the
  // user may not see.
  const permittedTaxIds = authorizeOperation({
    sandbox: state,
    user,
    operationId: operation.operationId,
    params,
  });
  const parsed = await parseBody(request, operation);
  parsed.body = normalizedTaxIds(parsed.body);
  const context: HandlerContext = {
    operationId: operation.operationId,
    request,
    requestId: routed.requestId,
    params,
    query: url.searchParams,
    body: parsed.body,
    sandbox: state,
    user,
    session,
    permittedTaxIds,
    permittedPlans: user?.healthPlans ?? HEALTH_PLANS,
    prefer,
    data: sandbox.data,
  };
  requireVisibleMembers(context);

  const implementation = operationHandlers[operation.operationId];
  if (request.method.toUpperCase() === 'POST') assertRoomForRecords(state);
  const ruleViolations = implementation?.rules?.(context) ?? [];
  if (ruleViolations.length > 0) throw ProblemError.fromViolations(ruleViolations);

  const schemaViolations = await validateRequest(operation, {
    params,
    query: url.searchParams,
    headers: request.headers,
    body: parsed.body,
    hasJsonBody: parsed.hasJsonBody,
  });
  if (schemaViolations.length > 0) throw ProblemError.fromViolations(schemaViolations);

  const idempotencyKey = operation.idempotent ? request.headers.get('idempotency-key') : null;
  // Scoped to this request: the same key on another operation or another target is its own request.
  const storeKey =
    idempotencyKey === null
      ? undefined
      : idempotencyStoreKey(
          {
            sandboxId: state.id,
            userId: user?.userId ?? null,
            operationId: operation.operationId,
            params,
          },
          idempotencyKey,
        );
  if (storeKey !== undefined) {
    const first = replayable(state, storeKey);
    if (first !== undefined) {
      if (first.fingerprint !== parsed.fingerprint) {
        throw new ProblemError(
          'IDEMPOTENCY_KEY_REUSED',
          `Idempotency-Key ${JSON.stringify(idempotencyKey)} was already used for another ${operation.operationId} request on this target: use a new key for a new request.`,
        );
      }
      const { 'content-type': contentType, ...headers } = first.headers;
      const replay = resultAnswer({
        status: first.status,
        body: first.body,
        headers: { ...headers, 'idempotent-replayed': 'true' },
        ...(contentType === undefined ? {} : { contentType }),
      });
      return { response: withPreferenceApplied(replay, understood), userId: user?.userId ?? null };
    }
  }

  if (implementation === undefined) {
    throw new ProblemError(
      'INTERNAL_ERROR',
      `${operation.operationId} is not implemented by the mock portal yet.`,
      {
        status: 501,
      },
    );
  }
  const result = await implementation.handle(context);
  if (storeKey !== undefined && result.status < 500) {
    const isJson = result.contentType === undefined || isJsonMedia(result.contentType);
    rememberIdempotent(state, storeKey, {
      fingerprint: parsed.fingerprint,
      status: result.status,
      // Kept as JSON data so that a replay answers the same bytes even if the record changes later.
      body: isJson && result.body !== undefined ? JSON.parse(JSON.stringify(result.body)) : result.body,
      headers: {
        ...(result.headers ?? {}),
        ...(result.contentType === undefined ? {} : { 'content-type': result.contentType }),
      },
    });
  }
  return {
    response: withPreferenceApplied(resultAnswer(result), understood),
    userId: user?.userId ?? null,
  };
}

/** Adds `Preference-Applied` (RFC 7240) when a preference was honoured. */
function withPreferenceApplied(answer: Answer, understood: readonly PreferenceToken[]): Answer {
  const applied = preferenceApplied(understood, answer.status, false);
  if (applied !== '') answer.headers['preference-applied'] = applied;
  return answer;
}
