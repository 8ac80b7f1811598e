/**
 * How a resource method makes its call: validate the input with the rules module (a violation throws
 * PortalValidationError before anything is sent), send it through openapi-fetch with the client's
 * transport, and turn an error answer into the typed error of the factory.
 */
import type { Client } from 'openapi-fetch';
import type { DownloadedFile } from '../downloads.ts';
import { toDownloadedFile } from '../downloads.ts';
import { errorFromResponse, PortalValidationError } from '../errors.ts';
import type { paths } from '../generated/portal.ts';
import type { Page } from '../pagination.ts';
import { PagePromise } from '../pagination.ts';
import type {
  Clock,
  RuleContext,
  RuleValidationResult,
  ValidationViolation,
  Violation,
} from '../rules/index.ts';
import { asRecord, isRecord } from '../rules/zod-issues.ts';
import type { SessionManager } from '../session.ts';
import type { APIResult } from './api-promise.ts';
import { APIPromise } from './api-promise.ts';
import type { Log } from './logger.ts';
import type { OperationId } from './operations.ts';
import { callOptionViolations } from './option-checks.ts';
import type { RequestOptions } from './options.ts';
import { type PendingAttempt, pendingAttempt } from './signals.ts';
import type { Transport } from './transport.ts';
import type { ResponseBody } from './types.ts';

/**
 * What every resource gets from its client.
 *
 * @example
 * const members = createMembersResource(ctx);
 */
export interface ResourceContext {
  /** The typed openapi-fetch client, over the SDK's transport, its URL parameters checked first. */
  raw: Client<paths>;
  transport: Transport;
  /** The FHIR base URL of the portal's FHIR face (`…/fhir/r4`), for `portal.fhir`. */
  fhirBaseUrl: string;
  clock: Clock;
  log: Log;
  session: SessionManager;
  onWarning: ((warnings: Violation[], operationId: string) => void) | undefined;
}

/**
 * What a call passes to openapi-fetch: the transport, bound to the call's options.
 *
 * @example
 * ctx.raw.GET('/me', init);
 */
export type CallInit = {
  fetch: (request: Request) => Promise<Response>;
  /** The first attempt's signal: openapi-fetch's Request carries it, so the transport can send that Request. */
  signal: AbortSignal;
};

/**
 * Given to a resource method's body: the openapi-fetch init and the rules' gate.
 *
 * @example
 * call(ctx, 'createMessage', options, (s) => ctx.raw.POST('/messages', { body: s.validate(body, validateMessageCreate(body)), ...s.init }));
 */
export interface CallScope {
  init: CallInit;
  /** The rules context of the call: the client's clock plus the caller's `options.rules`. */
  rules<C extends RuleContext>(): C;
  /**
   * Passes a validator's result: throws PortalValidationError on any violation (nothing is sent),
   * records the warnings, and answers the input with the validator's normalised fields.
   */
  validate<B>(input: B, result: RuleValidationResult<unknown>): B;
  /** Throws PortalValidationError when there is any violation (nothing is sent). */
  check(violations: ValidationViolation[]): void;
}

/**
 * What openapi-fetch answers.
 *
 * @example
 * const result: RawResult = await ctx.raw.GET('/me');
 */
export interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The success data of an openapi-fetch answer.
 *
 * @example
 * type Me = DataOf<Awaited<ReturnType<typeof raw.GET<'/me'>>>>;
 */
export type DataOf<R extends RawResult> = Exclude<R['data'], undefined>;

/**
 * What the openapi-fetch call of an operation must answer: its data is the operation's success body,
 * so that a resource method calling the wrong path for its operationId does not compile.
 *
 * @example
 * const run = ({ init }: CallScope): Promise<ResultOf<'getCurrentUser'>> => ctx.raw.GET('/me', init);
 */
export type ResultOf<K extends OperationId> = RawResult & { data?: ResponseBody<K> | undefined };

/**
 * Logs the rules' warnings of a call that is sent anyway and gives them to the client's `onWarning`
 * (a throwing callback is logged, never the call's failure).
 *
 * @example
 * reportWarnings(ctx, 'createReferral', result.warnings);
 */
export function reportWarnings(ctx: ResourceContext, operationId: string, warnings: Violation[]): void {
  if (warnings.length === 0) return;
  for (const w of warnings) ctx.log('warn', `${operationId}: ${w.code}: ${w.message}`);
  try {
    ctx.onWarning?.(warnings, operationId);
  } catch (error) {
    ctx.log('error', 'onWarning threw', { error });
  }
}

function scope(
  ctx: ResourceContext,
  operationId: OperationId,
  options: RequestOptions & { rules?: unknown },
  warnings: Violation[],
) {
  const firstAttempt = pendingAttempt(options.signal);
  const result: CallScope & { firstAttempt: PendingAttempt } = {
    firstAttempt,
    init: {
      fetch: (request) => ctx.transport(request, { ...options, operationId, firstAttempt }),
      signal: firstAttempt.signal,
    },
    rules: <C extends RuleContext>() => ({ ...asRecord(options.rules), clock: ctx.clock }) as C,
    check: (violations: ValidationViolation[]) => {
      if (violations.length > 0) throw new PortalValidationError(operationId, violations);
    },
    validate: <B>(input: B, outcome: RuleValidationResult<unknown>): B => {
      if (!outcome.success)
        throw new PortalValidationError(operationId, outcome.violations, outcome.warnings);
      if (outcome.warnings.length > 0) {
        warnings.push(...outcome.warnings);
        reportWarnings(ctx, operationId, outcome.warnings);
      }
      const data = outcome.data;
      if (isRecord(input) && isRecord(data)) return { ...input, ...data } as B;
      return input;
    },
  };
  return result;
}

async function execute<R extends RawResult>(
  ctx: ResourceContext,
  operationId: OperationId,
  options: RequestOptions,
  run: (scope: CallScope) => Promise<R>,
): Promise<APIResult<DataOf<R>>> {
  const warnings: Violation[] = [];
  // JavaScript callers may pass `null` (or anything) as the options: read them as none.
  const given: RequestOptions = asRecord(options) ?? {};
  const wrong = callOptionViolations(given as Record<string, unknown>);
  if (wrong.length > 0) throw new PortalValidationError(operationId, wrong);
  const callScope = scope(ctx, operationId, given, warnings);
  let answered: R;
  try {
    answered = await run(callScope);
  } finally {
    // The answer is read (or the call failed before a request was sent): the first attempt is over.
    callScope.firstAttempt.dispose();
  }
  const { data, error, response } = answered;
  if (!response.ok) throw errorFromResponse(response.status, error, response.headers, ctx.clock.now());
  return {
    data: data as DataOf<R>,
    response,
    requestId: response.headers.get('x-request-id') ?? undefined,
    warnings,
  };
}

/**
 * One call of an operation.
 *
 * @example
 * get: (memberId, options = {}) =>
 *   call(ctx, 'getMember', options, ({ init }) => ctx.raw.GET('/members/{memberId}', { params: { path: { memberId } }, ...init })),
 */
export function call<K extends OperationId>(
  ctx: ResourceContext,
  operationId: K,
  options: RequestOptions,
  run: (scope: CallScope) => Promise<ResultOf<K>>,
): APIPromise<ResponseBody<K>> {
  return new APIPromise(execute(ctx, operationId, options, run) as Promise<APIResult<ResponseBody<K>>>);
}

/**
 * A download: the call must ask openapi-fetch for `parseAs: 'arrayBuffer'`; the answer becomes a
 * {@link DownloadedFile} with its media type and file name.
 *
 * @example
 * download(ctx, 'downloadDocument', options, ({ init }) =>
 *   ctx.raw.GET('/documents/{documentId}/content', { params: { path: { documentId } }, parseAs: 'arrayBuffer', ...init }));
 */
export function download<R extends RawResult>(
  ctx: ResourceContext,
  operationId: OperationId,
  options: RequestOptions,
  run: (scope: CallScope) => Promise<R>,
): APIPromise<DownloadedFile> {
  const result = execute(ctx, operationId, options, run).then((r) => ({
    ...r,
    data: toDownloadedFile(r.response, (r.data as ArrayBuffer | undefined) ?? new ArrayBuffer(0)),
  }));
  return new APIPromise(result);
}

/**
 * A list call: the first page (or the page asked for) at once, further pages on iteration.
 *
 * @example
 * search: (query, options = {}) =>
 *   list(ctx, 'searchClaims', options, ({ init }, page) =>
 *     ctx.raw.GET('/claims', { params: { query: withPage(query, page) }, ...init })),
 */
export function list<K extends OperationId>(
  ctx: ResourceContext,
  operationId: K,
  options: RequestOptions,
  run: (scope: CallScope, page: number | undefined) => Promise<ResultOf<K>>,
): PagePromise<Extract<ResponseBody<K>, Page<unknown>>> {
  type P = Extract<ResponseBody<K>, Page<unknown>>;
  const first = execute(ctx, operationId, options, (s) => run(s, undefined)) as Promise<APIResult<P>>;
  const fetchPage = (page: number) => call(ctx, operationId, options, (s) => run(s, page)) as APIPromise<P>;
  return new PagePromise<P>(first, fetchPage);
}

/**
 * A call whose result is transformed (e.g. to keep the session a sign-in answered), keeping
 * `.withResponse()`.
 *
 * @example
 * mapResult(call(ctx, 'refreshSession', options, run), (session) => ctx.session.install(session));
 */
export function mapResult<T, U>(promise: APIPromise<T>, map: (data: T) => U): APIPromise<U> {
  return new APIPromise(promise.withResponse().then((result) => ({ ...result, data: map(result.data) })));
}

/**
 * A query with the page number of the page being fetched (none: the query's own).
 *
 * @example
 * withPage({ from: '2026-09-01', to: '2026-11-23' }, 2); // { from: …, to: …, page: 2 }
 */
export function withPage<Q extends object>(query: Q, page: number | undefined): Q {
  return page === undefined ? query : { ...query, page };
}
