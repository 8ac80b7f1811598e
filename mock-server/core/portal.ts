/**
 * The mock portal core: `(Request) => Promise<Response>` for every operation of the spec under
 * `/api/v1`, the admin API under `/__admin`, and the spec at `/openapi.yaml` and `/openapi.json`.
 * MSW calls `handle`; the `node:http` adapter (and Express, which mounts it) calls `answer`, the same
 * answer without a `Response` object (answer.ts).
 *
 * Every answer carries `X-Mock-Portal: 1` (so a test configuration can prove it never talks to a real
 * portal) and `X-Request-Id`. Nothing in the core reads the real clock or `Math.random` after start:
 * the same seed, clock and requests answer the same bytes.
 */
import { handleAdmin } from './admin.ts';
import { type Answer, toResponse } from './answer.ts';
import { ADMIN_BODY_LIMIT_BYTES, assertDeclaredLength, bodyLimitOf } from './body-limits.ts';
import { appendBounded } from './bounded-log.ts';
import { currentInstant, isoTimestamp } from './clock.ts';
import type { PortalCall, PortalCallAnswer } from './fhir/context.ts';
import { FHIR_BASE_PATH, handleFhir, isFhirPath } from './fhir/router.ts';
import {
  adminScope,
  assertAdminOrigin,
  assertHostAllowed,
  type CorsSettings,
  corsHeaders,
  createRateLimiter,
} from './guards.ts';
import { type PipelineOptions, type PipelineRequest, runPipeline } from './pipeline.ts';
import { ProblemError, problemAnswer } from './problem.ts';
import { routeRequest } from './router.ts';
import { createSandbox, nextCounter, REQUEST_LOG_LIMIT, type Sandbox } from './sandbox.ts';
import { parsePrefer } from './scenarios.ts';
import { uniqueSecret } from './secrets.ts';
import { loadOpenApiDocument } from './spec.ts';
import type { PortalRequest } from './types.ts';

/** Options of {@link createPortalCore} (and of the adapters and the CLI). */
export interface PortalCoreOptions {
  /** The data seed: the same seed always gives the same members, providers, claims, … (default 42). */
  seed?: number;
  /** How many members the data set has (default 100000; generated lazily, so size costs nothing). */
  members?: number;
  /**
   * The start instant of the clock (ISO timestamp or Date). Default: the real time, truncated to the
   * second, when the core is created. Fix it (`--clock 2026-11-23T14:00:00Z`) to make runs
   * byte-for-byte identical.
   */
  clock?: Date | string;
  /** Milliseconds of latency added to every API answer (default 0). */
  latency?: number;
  /** Share (0–1) of API requests answered 503 SERVICE_UNAVAILABLE, drawn from the seed (default 0). */
  failureRate?: number;
  /**
   * The token `/__admin` then requires (`Authorization: Bearer <token>`). Without one the admin API is
   * open, which is right on a loopback address only (startMockServer refuses other hosts).
   */
  adminToken?: string;
  /** Origins whose pages may call `/__admin` (default none: no cross-origin access). */
  adminOrigins?: readonly string[];
  /** Origins whose pages may call `/api/v1`: `'*'` (default, for local use) or a list. */
  apiOrigins?: '*' | readonly string[];
  /**
   * Names the `Host` header may give (host names, or `host:port`). Default: any (in-process use);
   * startMockServer sets its listening address, `localhost` and the names given here.
   */
  allowedHosts?: readonly string[];
  /** Requests per second per client before 429 RATE_LIMITED with `Retry-After` (default 0: no limit). */
  rateLimit?: number;
  /** The most sandboxes open besides the default one (default 100); more answer 409 SANDBOX_LIMIT_REACHED. */
  maxSandboxes?: number;
  /** Opened sandboxes unused for this many milliseconds of real time are closed (default 0: never). */
  sandboxIdleMs?: number;
  /** The real-time source of the rate limit and of sandbox idleness (default `Date.now`). */
  realTime?: () => number;
}

/** What an adapter knows about a request besides the request itself. */
export interface RequestInfo {
  /** The client's address (the rate limit counts per address; default: one client). */
  clientAddress?: string;
}

/** The options of a core with every default filled in. */
export interface ResolvedPortalCoreOptions {
  seed: number;
  members: number;
  clock: string;
  latency: number;
  failureRate: number;
  /** Whether `/__admin` needs a token (the token itself is never shown). */
  adminProtected: boolean;
  adminOrigins: readonly string[];
  apiOrigins: '*' | readonly string[];
  allowedHosts: readonly string[] | undefined;
  rateLimit: number;
  maxSandboxes: number;
  sandboxIdleMs: number;
}

/** Options of a sandbox opened through {@link PortalCore.openSandbox} (defaults: the core's). */
export interface SandboxOpenOptions {
  seed?: number;
  members?: number;
  clock?: Date | string;
}

/** The mock portal, framework-agnostic. */
export interface PortalCore {
  readonly options: ResolvedPortalCoreOptions;
  /** Answers one request (never rejects). */
  handle(request: PortalRequest, info?: RequestInfo): Promise<Response>;
  /**
   * The same answer as {@link PortalCore.handle}, as status, headers and text or bytes: what the
   * `node:http` adapter writes without building a `Response`.
   */
  answer(request: PortalRequest, info?: RequestInfo): Promise<Answer>;
  /** The key of an opened sandbox: it reaches that sandbox only on a protected admin API. */
  sandboxKey(id: string): string | undefined;
  /** The sandbox with that id (default: the default sandbox). */
  sandbox(id?: string): Sandbox | undefined;
  /** Every open sandbox. */
  sandboxes(): Sandbox[];
  /** Opens a sandbox with its own state, seed and clock. */
  openSandbox(options?: SandboxOpenOptions): Sandbox;
  /** Closes a sandbox and frees its state; false when there is none with that id. */
  closeSandbox(id: string): boolean;
  /** Resets a sandbox to its initial state (same id, seed, member count and start instant). */
  resetSandbox(id?: string): Sandbox;
}

/** The id of the sandbox used when a request names none. */
export const DEFAULT_SANDBOX_ID = 'default';
/** The header naming the sandbox of a request. */
export const SANDBOX_HEADER = 'x-mock-sandbox';
/** The marker header on every answer. */
export const MARKER_HEADER = 'x-mock-portal';

/** The most members a data set may have. */
export const MAX_MEMBERS = 10_000_000;

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The header every answer carries the sandbox's current instant in (the SDK's `clock: 'portal'` reads it). */
export const CLOCK_HEADER = 'x-mock-clock';

function sandboxIdOf(request: PortalRequest): string {
  return request.headers.get(SANDBOX_HEADER)?.trim() || DEFAULT_SANDBOX_ID;
}

// The sandbox's instant once the request is done (after an admin move, the moved one), so a client
// following the portal's clock learns "today" from every answer, admin ones included.
function withClock(answer: Answer, sandbox: Sandbox | undefined): Answer {
  if (sandbox !== undefined)
    answer.headers[CLOCK_HEADER.toLowerCase()] = isoTimestamp(sandbox.state.clock.now());
  return answer;
}

function resolveOptions(options: PortalCoreOptions): ResolvedPortalCoreOptions {
  const seed = options.seed ?? 42;
  const members = options.members ?? 100_000;
  const latency = options.latency ?? 0;
  const failureRate = options.failureRate ?? 0;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer (got ${seed}).`);
  if (!Number.isInteger(members) || members < 1 || members > MAX_MEMBERS) {
    throw new RangeError(`members must be an integer from 1 to ${MAX_MEMBERS} (got ${members}).`);
  }
  const rateLimit = options.rateLimit ?? 0;
  const maxSandboxes = options.maxSandboxes ?? 100;
  const sandboxIdleMs = options.sandboxIdleMs ?? 0;
  if (!(Number.isInteger(rateLimit) && rateLimit >= 0)) {
    throw new RangeError(
      `rateLimit must be 0 or a positive integer of requests per second (got ${rateLimit}).`,
    );
  }
  if (!(Number.isInteger(maxSandboxes) && maxSandboxes >= 0)) {
    throw new RangeError(`maxSandboxes must be 0 or more (got ${maxSandboxes}).`);
  }
  if (!(sandboxIdleMs >= 0)) throw new RangeError(`sandboxIdleMs must be 0 or more (got ${sandboxIdleMs}).`);
  if (options.adminToken !== undefined && options.adminToken.length < 16) {
    throw new RangeError('adminToken must have at least 16 characters (e.g. openssl rand -hex 32).');
  }
  if (!(latency >= 0)) throw new RangeError(`latency must be 0 or more milliseconds (got ${latency}).`);
  if (!(failureRate >= 0 && failureRate <= 1)) {
    throw new RangeError(`failureRate must be between 0 and 1 (got ${failureRate}).`);
  }
  const start = options.clock === undefined ? currentInstant() : new Date(options.clock);
  if (Number.isNaN(start.getTime())) {
    throw new RangeError(
      `clock must be an ISO timestamp such as 2026-11-23T14:00:00Z (got ${String(options.clock)}).`,
    );
  }
  return {
    seed,
    members,
    clock: start.toISOString(),
    latency,
    failureRate,
    adminProtected: options.adminToken !== undefined,
    adminOrigins: [...(options.adminOrigins ?? [])],
    apiOrigins:
      options.apiOrigins === undefined || options.apiOrigins === '*' ? '*' : [...options.apiOrigins],
    allowedHosts: options.allowedHosts === undefined ? undefined : [...options.allowedHosts],
    rateLimit,
    maxSandboxes,
    sandboxIdleMs,
  };
}

/**
 * The markers of every answer (`X-Mock-Portal`, `X-Request-Id`, `X-Content-Type-Options: nosniff`),
 * `Cache-Control: no-store` on the API and admin answers (they carry PHI and secrets: no cache may
 * keep them), and the CORS headers decided for the request.
 */
function withMarkers(
  answer: Answer,
  requestId: string,
  cors: Record<string, string> = {},
  sensitive = true,
): Answer {
  const headers = answer.headers;
  headers['x-mock-portal'] = '1';
  headers['x-request-id'] = requestId;
  headers['x-content-type-options'] = 'nosniff';
  if (sensitive) headers['cache-control'] = 'no-store';
  for (const [name, value] of Object.entries(cors)) headers[name.toLowerCase()] = value;
  return answer;
}

/**
 * Creates the mock portal core.
 *
 * @example
 * const core = createPortalCore({ seed: 42, clock: '2026-11-23T14:00:00Z' });
 * const response = await core.handle(new Request('http://mock/api/v1/session', { method: 'POST', body: '{}' }));
 * response.headers.get('X-Mock-Portal'); // '1'
 */
export function createPortalCore(options: PortalCoreOptions = {}): PortalCore {
  const resolved = resolveOptions(options);
  const pipelineOptions: PipelineOptions = { latencyMs: resolved.latency, failureRate: resolved.failureRate };
  const registry = new Map<string, Sandbox>();
  let coreRequests = 0;
  const realTime = options.realTime ?? Date.now;
  const adminToken = options.adminToken;
  const corsSettings: CorsSettings = { apiOrigins: resolved.apiOrigins, adminOrigins: resolved.adminOrigins };
  const limiter = resolved.rateLimit > 0 ? createRateLimiter(resolved.rateLimit, realTime) : undefined;
  /** Sandbox id → its key, and key → id (the keys are secrets from the cryptographic source). */
  const sandboxKeys = new Map<string, string>();
  const keySandboxes = new Map<string, string>();
  /** Sandbox id → the real instant it was last named by a request (idle sandboxes expire). */
  const lastUsed = new Map<string, number>();
  let lastIdleSweep = realTime();

  const forget = (id: string): void => {
    const key = sandboxKeys.get(id);
    if (key !== undefined) keySandboxes.delete(key);
    sandboxKeys.delete(id);
    lastUsed.delete(id);
  };
  const sweepIdle = (force = false): void => {
    if (resolved.sandboxIdleMs <= 0) return;
    const now = realTime();
    if (!force && now - lastIdleSweep < Math.min(60_000, resolved.sandboxIdleMs)) return;
    lastIdleSweep = now;
    for (const [id, at] of lastUsed) {
      if (now - at >= resolved.sandboxIdleMs) {
        registry.delete(id);
        forget(id);
      }
    }
  };

  const makeDefault = (): Sandbox =>
    createSandbox({
      id: DEFAULT_SANDBOX_ID,
      seed: resolved.seed,
      members: resolved.members,
      clock: resolved.clock,
    });
  registry.set(DEFAULT_SANDBOX_ID, makeDefault());

  const core: PortalCore = {
    options: resolved,
    handle: async (request, info) =>
      toResponse(withClock(await handle(request, info), registry.get(sandboxIdOf(request)))),
    answer: async (request, info) =>
      withClock(await handle(request, info), registry.get(sandboxIdOf(request))),
    sandboxKey: (id) => sandboxKeys.get(id),
    sandbox: (id = DEFAULT_SANDBOX_ID) => registry.get(id),
    sandboxes: () => [...registry.values()],
    openSandbox(open = {}) {
      sweepIdle(registry.size - 1 >= resolved.maxSandboxes);
      if (registry.size - 1 >= resolved.maxSandboxes) {
        throw new ProblemError(
          'SANDBOX_LIMIT_REACHED',
          `${resolved.maxSandboxes} sandboxes are open, the limit of this mock portal: close one (DELETE /__admin/sandboxes/{id}) first.`,
          { members: { limit: resolved.maxSandboxes } },
        );
      }
      // Unguessable ids and keys (core/secrets.ts): a worker cannot name another worker's sandbox.
      const id = uniqueSecret('sbx_', 24, registry);
      const key = uniqueSecret('sbk_', 32, keySandboxes);
      const seed = open.seed ?? resolved.seed;
      const members = open.members ?? resolved.members;
      const clock = open.clock ?? resolved.clock;
      const base = registry.get(DEFAULT_SANDBOX_ID);
      // Same seed, size and start: share the (pure, lazily generated) data of the default sandbox.
      const shareData =
        base !== undefined &&
        seed === resolved.seed &&
        members === resolved.members &&
        new Date(clock).toISOString() === resolved.clock;
      const sandbox = createSandbox({ id, seed, members, clock, ...(shareData ? { data: base.data } : {}) });
      registry.set(id, sandbox);
      sandboxKeys.set(id, key);
      keySandboxes.set(key, id);
      lastUsed.set(id, realTime());
      return sandbox;
    },
    closeSandbox(id) {
      if (id === DEFAULT_SANDBOX_ID) return false;
      forget(id);
      return registry.delete(id);
    },
    resetSandbox(id = DEFAULT_SANDBOX_ID) {
      const current = registry.get(id);
      if (current === undefined) throw new ProblemError('NOT_FOUND', `No sandbox ${id}.`);
      const fresh = createSandbox({
        id,
        seed: current.state.seed,
        members: current.state.memberCount,
        clock: current.state.startedAt,
        data: current.data,
      });
      registry.set(id, fresh);
      return fresh;
    },
  };

  async function handle(request: PortalRequest, info: RequestInfo = {}): Promise<Answer> {
    let requestId = '';
    let cors: Record<string, string> = {};
    try {
      const url = new URL(request.url);
      const isAdmin = url.pathname === '/__admin' || url.pathname.startsWith('/__admin/');
      sweepIdle();
      const sandboxId = sandboxIdOf(request);
      const sandbox = registry.get(sandboxId);
      if (sandbox !== undefined && lastUsed.has(sandboxId)) lastUsed.set(sandboxId, realTime());
      const clientId = request.headers.get('x-request-id');
      if (clientId !== null && CLIENT_REQUEST_ID.test(clientId)) requestId = clientId;
      else if (sandbox === undefined) requestId = `req_core_${String(++coreRequests).padStart(8, '0')}`;
      else {
        const n = String(nextCounter(sandbox.state, '__requests')).padStart(8, '0');
        requestId = sandbox.state.id === DEFAULT_SANDBOX_ID ? `req_${n}` : `req_${sandbox.state.id}_${n}`;
      }

      // Before any work: the Host names this server (DNS rebinding), the admin API's origin is
      // allowed, the client is within the rate limit (core/guards.ts).
      assertHostAllowed(url, resolved.allowedHosts);
      if (isAdmin) assertAdminOrigin(request, url, corsSettings);
      const preflight = request.method.toUpperCase() === 'OPTIONS';
      cors = corsHeaders(request, url, isAdmin ? 'admin' : 'api', corsSettings, preflight);
      if (preflight) return withMarkers({ status: 204, headers: {}, body: null }, requestId, cors);
      const wait = limiter?.check(info.clientAddress ?? 'local');
      if (wait !== undefined) {
        throw new ProblemError('RATE_LIMITED', `Too many requests from this client: wait ${wait} s.`, {
          headers: { 'retry-after': String(wait) },
          members: { retryAfterSeconds: wait },
        });
      }
      if (isAdmin) {
        assertDeclaredLength(request, ADMIN_BODY_LIMIT_BYTES);
        const scope = adminScope(request, adminToken, (key) => keySandboxes.get(key));
        return withMarkers(
          await handleAdmin(core, request, url, sandboxId, requestId, scope),
          requestId,
          cors,
        );
      }
      if (url.pathname === '/openapi.json' || url.pathname === '/openapi.yaml') {
        return withMarkers(await serveSpec(url.pathname, request.method), requestId, cors, false);
      }
      if (sandbox === undefined) {
        throw new ProblemError(
          'NOT_FOUND',
          `No sandbox ${JSON.stringify(sandboxId)} is open (closed, or never opened): open one with POST /__admin/sandboxes.`,
        );
      }
      if (isFhirPath(url.pathname)) {
        const fhir = await handleFhir({
          request,
          url,
          sandbox,
          baseUrl: `${url.origin}${FHIR_BASE_PATH}`,
          operate: (call) => operate(sandbox, request, url, requestId, call),
        });
        logRequest(
          sandbox,
          requestId,
          request.method,
          url.pathname,
          fhir.operationId,
          fhir.answer.status,
          fhir.userId,
        );
        return withMarkers(fhir.answer, requestId, cors);
      }
      const route = routeRequest(request.method, url.pathname);
      // A declared body over the operation's limit is refused before authentication does any work.
      assertDeclaredLength(request, bodyLimitOf(route.kind === 'operation' ? route.operation : undefined));
      if (route.kind === 'not-found') {
        const answer = problemAnswer(
          new ProblemError(
            'NOT_FOUND',
            `No operation of the portal answers ${request.method.toUpperCase()} ${url.pathname}: see /openapi.yaml for every path under /api/v1.`,
          ),
          requestId,
          url.pathname,
        );
        logRequest(sandbox, requestId, request.method, url.pathname, null, answer.status, null);
        return withMarkers(answer, requestId, cors);
      }
      if (route.kind === 'method-not-allowed') {
        const answer = problemAnswer(
          new ProblemError(
            'METHOD_NOT_ALLOWED',
            `${url.pathname} does not answer ${request.method.toUpperCase()}: it answers ${route.allowed.join(', ')}.`,
            { headers: { allow: route.allowed.join(', ') } },
          ),
          requestId,
          url.pathname,
        );
        logRequest(sandbox, requestId, request.method, url.pathname, null, answer.status, null);
        return withMarkers(answer, requestId, cors);
      }
      const { answer, userId } = await answerOperation(
        {
          request,
          url,
          requestId,
          sandbox,
          operation: route.operation,
          params: route.params,
          prefer: parsePrefer(request.headers.get('prefer')),
        },
        pipelineOptions,
      );
      logRequest(
        sandbox,
        requestId,
        request.method,
        url.pathname,
        route.operation.operationId,
        answer.status,
        userId,
      );
      return withMarkers(answer, requestId, cors);
    } catch (error) {
      let instance: string | undefined;
      try {
        instance = new URL(request.url).pathname;
      } catch {
        instance = undefined;
      }
      return withMarkers(
        problemAnswer(toProblem(error), requestId || 'req_unknown', instance),
        requestId || 'req_unknown',
        cors,
      );
    }
  }

  /**
   * Runs a portal operation for the FHIR face through the whole pipeline, as the client's own call:
   * its session (`Authorization`) and sandbox; on the primary call also its `Prefer` and
   * `Idempotency-Key`, and the configured latency and failure rate.
   */
  async function operate(
    sandbox: Sandbox,
    original: PortalRequest,
    url: URL,
    requestId: string,
    call: PortalCall,
  ): Promise<PortalCallAnswer> {
    const target = new URL(`/api/v1${call.path}`, url.origin);
    const headers = new Headers();
    const forwarded = [
      'authorization',
      SANDBOX_HEADER,
      ...(call.primary ? ['prefer', 'idempotency-key'] : []),
    ];
    for (const name of forwarded) {
      const value = original.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    if (call.body !== undefined) headers.set('content-type', 'application/json');
    const request = new Request(target, {
      method: call.method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const route = routeRequest(call.method, target.pathname);
    if (route.kind !== 'operation') {
      const fault = new TypeError(`No portal operation answers ${call.method} ${target.pathname}.`);
      return { answer: problemAnswer(toProblem(fault), requestId, target.pathname), userId: null };
    }
    return answerOperation(
      {
        request,
        url: target,
        requestId,
        sandbox,
        operation: route.operation,
        params: route.params,
        prefer: parsePrefer(call.primary ? original.headers.get('prefer') : null),
      },
      call.primary ? pipelineOptions : { latencyMs: 0, failureRate: 0 },
    );
  }

  function logRequest(
    sandbox: Sandbox,
    requestId: string,
    method: string,
    path: string,
    operationId: string | null,
    status: number,
    userId: string | null,
  ): void {
    appendBounded(
      sandbox.state.requests,
      {
        at: sandbox.state.clock.now().toISOString(),
        requestId,
        method: method.toUpperCase(),
        path,
        operationId,
        status,
        userId,
      },
      REQUEST_LOG_LIMIT,
    );
  }

  return core;
}

/**
 * One routed operation through the pipeline, as an answer: a thrown problem (or a fault of the mock)
 * is its problem document. The API's requests and the FHIR face's calls of portal operations both
 * come here.
 */
async function answerOperation(routed: PipelineRequest, options: PipelineOptions): Promise<PortalCallAnswer> {
  try {
    const result = await runPipeline(routed, options);
    return { answer: result.response, userId: result.userId };
  } catch (error) {
    return { answer: problemAnswer(toProblem(error), routed.requestId, routed.url.pathname), userId: null };
  }
}

/** A problem for any thrown value: itself for a ProblemError, 500 INTERNAL_ERROR (no stack) otherwise. */
function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return new ProblemError(
    'INTERNAL_ERROR',
    `The mock portal failed (${name}): a fault of the mock (provider-portal-sdk), not of the request or the plan. ` +
      'Retry once; if it persists, report it to provider-portal-sdk with the request id.',
  );
}

let specJson: string | undefined;
let specYamlText: string | undefined;

/** The spec, loaded on its first request (a page running the mock does not load it before). */
async function serveSpec(pathname: string, method: string): Promise<Answer> {
  if (method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD') {
    throw new ProblemError('METHOD_NOT_ALLOWED', `${pathname} answers GET only.`, {
      headers: { allow: 'GET' },
    });
  }
  const document = await loadOpenApiDocument();
  if (pathname === '/openapi.json') {
    specJson ??= `${JSON.stringify(document, null, 2)}\n`;
    return { status: 200, headers: { 'content-type': 'application/json' }, body: specJson };
  }
  // The YAML writer (the `yaml` package) loads with the first /openapi.yaml, not with the mock.
  const { specYaml } = await import('./spec-yaml.ts');
  specYamlText ??= specYaml(document);
  return { status: 200, headers: { 'content-type': 'application/yaml' }, body: specYamlText };
}
