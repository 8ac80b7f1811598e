/**
 * The fetch pipeline under openapi-fetch: every call, typed or raw, goes through {@link createTransport}.
 * It adds the session's Authorization (signing in first when needed, refusing an expired session
 * before sending), a client request id and an Idempotency-Key on creates; it retries where safe,
 * times out each attempt, honours the caller's AbortSignal, refuses answers without the mock portal's
 * marker under `requireMockPortal`, and logs redacted lines.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  MockPortalRequiredError,
  PortalError,
} from '../errors.ts';
import type { Clock } from '../rules/index.ts';
import { randomId } from './ids.ts';
import { type Log, logEnabled } from './logger.ts';
import type { OperationId } from './operations.ts';
import { CREATE, matchOperation, OPERATIONS, PUBLIC } from './operations.ts';
import type { RequestOptions } from './options.ts';
import { observesPortal } from './portal-clock.ts';
import { redactHeaders, redactUrl } from './redact.ts';
import { backoffDelayMs, isRetryableStatus, isSafeToRetry, retryDelayMs } from './retry.ts';
import { type AttemptSignal, attemptSignal, type PendingAttempt, sleep } from './signals.ts';

/**
 * What the transport needs from the session.
 *
 * @example
 * createTransport({ ...config, session: { authorize: async () => token, touch() {}, markExpired() {} } });
 */
export interface TransportSession {
  authorize(): Promise<string | undefined>;
  touch(): void;
  markExpired(): void;
}

/**
 * How a transport is set up (the client's resolved options).
 *
 * @example
 * const transport = createTransport(config);
 */
export interface TransportConfig {
  baseUrl: string;
  fetch: ((request: Request) => Promise<Response>) | undefined;
  clock: Clock;
  timeoutMs: number;
  maxRetries: number;
  requireMockPortal: boolean;
  headers: Record<string, string>;
  log: Log;
  session: TransportSession;
  /** The jitter source (tests pin it). */
  random?: () => number;
}

/**
 * Options of one request through the transport: the call's options and, from resources, its operation.
 *
 * @example
 * await transport(request, { operationId: 'getMember', timeoutMs: 5_000 });
 */
export interface SendOptions extends RequestOptions {
  operationId?: OperationId;
  /**
   * The first attempt's signal, already given to the Request (a resource call builds it for
   * openapi-fetch): a request without a body is then sent as it is, not copied into one more Request.
   */
  firstAttempt?: PendingAttempt;
  /**
   * Sent without the session (no sign-in first, no Authorization): an interaction the server answers
   * to anyone outside the contract's operations, such as a FHIR server's `metadata`.
   */
  anonymous?: boolean;
}

/**
 * A fetch function with the SDK's behaviour, plus per-call options.
 *
 * @example
 * const response = await transport(new Request(`${baseUrl}/me`));
 */
export type Transport = (request: Request, options?: SendOptions) => Promise<Response>;

/**
 * The header the SDK sends its own id of each call in (also logged), to correlate with the portal's.
 *
 * @example
 * request.headers.get(CLIENT_REQUEST_ID_HEADER); // '5b3f1c8e-…'
 */
export const CLIENT_REQUEST_ID_HEADER = 'X-Client-Request-Id';

function describeOperation(request: Request, basePath: string, options: SendOptions) {
  if (options.operationId !== undefined) {
    return {
      operationId: options.operationId as string,
      flags: OPERATIONS[options.operationId][2] as number,
    };
  }
  const path = new URL(request.url).pathname;
  const relative = path.startsWith(basePath) ? path.slice(basePath.length) || '/' : path;
  return matchOperation(request.method, relative) ?? { operationId: undefined, flags: 0 };
}

// Drops an answer's body without waiting: cancelling one branch of a tee'd (cloned) body only settles
// once the other branch is cancelled too, so awaiting it could hang.
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/**
 * Builds the transport of a client.
 *
 * @example
 * const transport = createTransport({ baseUrl, fetch: undefined, clock: systemClock, timeoutMs: 60_000,
 *   maxRetries: 2, requireMockPortal: false, headers: {}, log: createLog(console), session });
 * const response = await transport(new Request(`${baseUrl}/members?memberId=K5500648801`));
 */
export function createTransport(config: TransportConfig): Transport {
  const basePath = new URL(config.baseUrl).pathname.replace(/\/+$/, '');
  const fetchImpl = config.fetch ?? ((request: Request) => globalThis.fetch(request));
  const random = config.random ?? Math.random;

  return async function send(request, options = {}) {
    const op = describeOperation(request, basePath, options);
    // The label of log lines and errors, built when one is written (redacting the URL has a cost).
    let labelText: string | undefined;
    const label = () => (labelText ??= `${request.method} ${redactUrl(request.url)}`);
    const first = options.firstAttempt;
    // The caller's Request is sent as it is on the first attempt when it carries that attempt's signal
    // and has no body to keep for a retry: its headers are completed in place (no copy, no new Request).
    const sendsGiven = first !== undefined && request.body === null;
    if (first !== undefined && !sendsGiven) first.dispose();
    const headers = sendsGiven ? request.headers : new Headers(request.headers);
    for (const [name, value] of Object.entries(config.headers))
      if (!headers.has(name)) headers.set(name, value);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);

    // Authenticated unless the contract says the operation is public, the call is sent anonymously, or
    // the caller set its own header.
    const authenticated =
      (op.flags & PUBLIC) === 0 && options.anonymous !== true && !headers.has('authorization');
    if (authenticated) {
      const token = await config.session.authorize();
      if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
    }
    if ((op.flags & CREATE) !== 0 && !headers.has('idempotency-key')) {
      // One key per call, set before the first attempt, so that every retry repeats it.
      headers.set('Idempotency-Key', options.idempotencyKey ?? randomId());
    }
    if (!headers.has(CLIENT_REQUEST_ID_HEADER)) headers.set(CLIENT_REQUEST_ID_HEADER, randomId());

    // With the first attempt's signal in the Request, the Request's own signal is no longer the caller's.
    const userSignal: AbortSignal | undefined = sendsGiven
      ? options.signal
      : (options.signal ?? request.signal);
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const maxRetries = Math.max(0, options.maxRetries ?? config.maxRetries);
    // A body is read once per Request: with one, each attempt sends a clone; without, a Request is
    // made per attempt straight from the caller's (one object instead of three).
    const base = request.body === null ? undefined : new Request(request, { headers });
    // A key the operation does not declare is ignored by the portal: it does not make a re-send safe.
    const retryable = isSafeToRetry(
      request.method,
      headers,
      op.operationId === undefined || (op.flags & CREATE) !== 0,
    );

    for (let attempt = 0; ; attempt++) {
      if (userSignal?.aborted === true) {
        if (attempt === 0) first?.dispose();
        throw new APIUserAbortError(undefined, { cause: userSignal.reason });
      }
      let guard: AttemptSignal;
      if (attempt === 0 && sendsGiven) {
        first.arm(timeoutMs);
        guard = first;
      } else {
        guard = attemptSignal(userSignal, timeoutMs);
      }
      const started = Date.now();
      if (logEnabled(config.log, 'debug')) {
        config.log('debug', `→ ${label()}`, {
          operationId: op.operationId,
          attempt: attempt + 1,
          headers: redactHeaders(headers),
        });
      }
      if (authenticated) config.session.touch();
      let response: Response;
      try {
        response = await fetchImpl(
          guard === first
            ? request
            : base === undefined
              ? new Request(request, { headers, signal: guard.signal })
              : new Request(base.clone(), { signal: guard.signal }),
        );
      } catch (error) {
        const timedOut = guard.timedOut();
        guard.dispose();
        if (userSignal?.aborted && !timedOut) throw new APIUserAbortError(undefined, { cause: error });
        if (error instanceof PortalError) throw error;
        const failure = timedOut
          ? new APIConnectionTimeoutError(
              `${label()} got no answer within ${timeoutMs} ms (attempt ${attempt + 1} of ${maxRetries + 1}). ` +
                'Raise timeoutMs, or try again later.',
              { cause: error },
            )
          : new APIConnectionError(
              `${label()} failed before an answer came back (attempt ${attempt + 1} of ${maxRetries + 1}): ` +
                `${error instanceof Error ? error.message : String(error)}. Check the network and baseUrl.`,
              { cause: error },
            );
        if (!retryable || attempt >= maxRetries) {
          config.log('error', failure.message);
          throw failure;
        }
        const delay = backoffDelayMs(attempt, random);
        config.log('warn', `${failure.message} Retrying in ${delay} ms.`);
        await sleep(delay, userSignal);
        continue;
      }
      // The timeout covers waiting for the answer; the caller's signal still covers reading its body.
      guard.clearTimeout();
      if (observesPortal(config.clock)) config.clock.observe(response.headers);

      if (config.requireMockPortal && response.headers.get('x-mock-portal') !== '1') {
        discard(response);
        guard.dispose();
        throw new MockPortalRequiredError(redactUrl(request.url));
      }
      const requestId = response.headers.get('x-request-id') ?? undefined;
      if (authenticated && response.status === 401) await noteUnauthorized(response, config.session);

      if (isRetryableStatus(response.status) && retryable && attempt < maxRetries) {
        const delay = retryDelayMs(attempt, response.headers, config.clock.now(), random);
        if (delay !== undefined) {
          config.log('warn', `${label()} answered ${response.status}; retrying in ${delay} ms.`, {
            attempt: attempt + 1,
            requestId,
          });
          discard(response);
          guard.dispose();
          await sleep(delay, userSignal);
          continue;
        }
      }
      const level = response.ok ? 'debug' : 'warn';
      if (logEnabled(config.log, level)) {
        config.log(level, `← ${label()} ${response.status} in ${Date.now() - started} ms`, {
          operationId: op.operationId,
          requestId,
        });
      }
      return response;
    }
  };
}

async function noteUnauthorized(response: Response, session: TransportSession): Promise<void> {
  try {
    const problem = (await response.clone().json()) as { code?: unknown };
    if (problem.code === 'SESSION_EXPIRED') session.markExpired();
  } catch {
    // Not a problem document: leave the session as it is.
  }
}
