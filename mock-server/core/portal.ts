/**
 * The mock portal core: `(Request) => Promise<Response>` for every operation of the spec under
 * `/api/v1`, the admin API under `/__admin`, and the spec at `/openapi.yaml` and `/openapi.json`.
 * The Express and MSW adapters only convert to and from `Request`/`Response` and call `handle`.
 *
 * Every answer carries `X-Mock-Portal: 1` (so a test configuration can prove it never talks to a real
 * portal) and `X-Request-Id`. Nothing in the core reads the real clock or `Math.random` after start:
 * the same seed, clock and requests answer the same bytes.
 */
import { handleAdmin } from './admin.ts';
import { currentInstant, isoTimestamp } from './clock.ts';
import { type PipelineOptions, runPipeline } from './pipeline.ts';
import { ProblemError, problemResponse } from './problem.ts';
import { routeRequest } from './router.ts';
import { createSandbox, nextCounter, REQUEST_LOG_LIMIT, type Sandbox } from './sandbox.ts';
import { parsePrefer } from './scenarios.ts';
import { loadOpenApiDocument } from './spec.ts';
import { toYaml } from './yaml.ts';

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
}

/** The options of a core with every default filled in. */
export interface ResolvedPortalCoreOptions {
  seed: number;
  members: number;
  clock: string;
  latency: number;
  failureRate: number;
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
  handle(request: Request): Promise<Response>;
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

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const EXPOSED_HEADERS =
  'X-Mock-Portal, X-Mock-Clock, X-Request-Id, Retry-After, Location, Idempotent-Replayed';

/** The header every answer carries the sandbox's current instant in (the SDK's `clock: 'portal'` reads it). */
export const CLOCK_HEADER = 'x-mock-clock';

function sandboxIdOf(request: Request): string {
  return request.headers.get(SANDBOX_HEADER)?.trim() || DEFAULT_SANDBOX_ID;
}

// The sandbox's instant once the request is done (after an admin move, the moved one), so a client
// following the portal's clock learns "today" from every answer, admin ones included.
function withClock(response: Response, sandbox: Sandbox | undefined): Response {
  if (sandbox !== undefined) response.headers.set(CLOCK_HEADER, isoTimestamp(sandbox.state.clock.now()));
  return response;
}

function resolveOptions(options: PortalCoreOptions): ResolvedPortalCoreOptions {
  const seed = options.seed ?? 42;
  const members = options.members ?? 100_000;
  const latency = options.latency ?? 0;
  const failureRate = options.failureRate ?? 0;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer (got ${seed}).`);
  if (!Number.isInteger(members) || members < 1) {
    throw new RangeError(`members must be a positive integer (got ${members}).`);
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
  return { seed, members, clock: start.toISOString(), latency, failureRate };
}

function withMarkers(response: Response, requestId: string): Response {
  const headers = new Headers(response.headers);
  headers.set('X-Mock-Portal', '1');
  headers.set('X-Request-Id', requestId);
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
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
  let sandboxCounter = 0;

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
    handle: async (request) => withClock(await handle(request), registry.get(sandboxIdOf(request))),
    sandbox: (id = DEFAULT_SANDBOX_ID) => registry.get(id),
    sandboxes: () => [...registry.values()],
    openSandbox(open = {}) {
      sandboxCounter += 1;
      const id = `sbx_${String(sandboxCounter).padStart(6, '0')}`;
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
      return sandbox;
    },
    closeSandbox(id) {
      if (id === DEFAULT_SANDBOX_ID) return false;
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

  async function handle(request: Request): Promise<Response> {
    let requestId = '';
    try {
      const url = new URL(request.url);
      const sandboxId = sandboxIdOf(request);
      const sandbox = registry.get(sandboxId);
      const clientId = request.headers.get('x-request-id');
      if (clientId !== null && CLIENT_REQUEST_ID.test(clientId)) requestId = clientId;
      else if (sandbox === undefined) requestId = `req_core_${String(++coreRequests).padStart(8, '0')}`;
      else {
        const n = String(nextCounter(sandbox.state, '__requests')).padStart(8, '0');
        requestId = sandbox.state.id === DEFAULT_SANDBOX_ID ? `req_${n}` : `req_${sandbox.state.id}_${n}`;
      }

      if (request.method.toUpperCase() === 'OPTIONS') {
        return withMarkers(
          new Response(null, {
            status: 204,
            headers: {
              'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
              'Access-Control-Allow-Headers':
                request.headers.get('access-control-request-headers') ??
                'Authorization, Content-Type, Idempotency-Key, Prefer, X-Mock-Sandbox, X-Request-Id',
              'Access-Control-Max-Age': '600',
            },
          }),
          requestId,
        );
      }
      if (url.pathname === '/__admin' || url.pathname.startsWith('/__admin/')) {
        return withMarkers(await handleAdmin(core, request, url, sandboxId, requestId), requestId);
      }
      if (url.pathname === '/openapi.json' || url.pathname === '/openapi.yaml') {
        return withMarkers(await serveSpec(url.pathname, request.method), requestId);
      }
      if (sandbox === undefined) {
        throw new ProblemError(
          'NOT_FOUND',
          `No sandbox ${JSON.stringify(sandboxId)} is open (closed, or never opened): open one with POST /__admin/sandboxes.`,
        );
      }
      const route = routeRequest(request.method, url.pathname);
      if (route.kind === 'not-found') {
        const answer = problemResponse(
          new ProblemError(
            'NOT_FOUND',
            `No operation of the portal answers ${request.method.toUpperCase()} ${url.pathname}: see /openapi.yaml for every path under /api/v1.`,
          ),
          requestId,
          url.pathname,
        );
        logRequest(sandbox, requestId, request.method, url.pathname, null, answer.status, null);
        return withMarkers(answer, requestId);
      }
      if (route.kind === 'method-not-allowed') {
        const answer = problemResponse(
          new ProblemError(
            'NOT_FOUND',
            `${url.pathname} does not answer ${request.method.toUpperCase()}: it answers ${route.allowed.join(', ')}.`,
            { status: 405, title: 'Method not allowed', headers: { allow: route.allowed.join(', ') } },
          ),
          requestId,
          url.pathname,
        );
        logRequest(sandbox, requestId, request.method, url.pathname, null, answer.status, null);
        return withMarkers(answer, requestId);
      }
      let userId: string | null = null;
      let answer: Response;
      try {
        const result = await runPipeline(
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
        userId = result.userId;
        answer = result.response;
      } catch (error) {
        answer = problemResponse(toProblem(error), requestId, url.pathname);
      }
      logRequest(
        sandbox,
        requestId,
        request.method,
        url.pathname,
        route.operation.operationId,
        answer.status,
        userId,
      );
      return withMarkers(answer, requestId);
    } catch (error) {
      let instance: string | undefined;
      try {
        instance = new URL(request.url).pathname;
      } catch {
        instance = undefined;
      }
      return withMarkers(
        problemResponse(toProblem(error), requestId || 'req_unknown', instance),
        requestId || 'req_unknown',
      );
    }
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
    const log = sandbox.state.requests;
    log.push({
      at: sandbox.state.clock.now().toISOString(),
      requestId,
      method: method.toUpperCase(),
      path,
      operationId,
      status,
      userId,
    });
    if (log.length > REQUEST_LOG_LIMIT) log.splice(0, log.length - REQUEST_LOG_LIMIT);
  }

  return core;
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
let specYaml: string | undefined;

/** The spec, loaded on its first request (a page running the mock does not load it before). */
async function serveSpec(pathname: string, method: string): Promise<Response> {
  if (method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD') {
    throw new ProblemError('NOT_FOUND', `${pathname} answers GET only.`, {
      status: 405,
      headers: { allow: 'GET' },
    });
  }
  const document = await loadOpenApiDocument();
  if (pathname === '/openapi.json') {
    specJson ??= `${JSON.stringify(document, null, 2)}\n`;
    return new Response(specJson, { status: 200, headers: { 'content-type': 'application/json' } });
  }
  specYaml ??= toYaml(document);
  return new Response(specYaml, { status: 200, headers: { 'content-type': 'application/yaml' } });
}
