/**
 * The MSW adapter of the mock portal: request handlers that serve the same core in-process, in
 * msw/node (`setupServer`) and in a browser worker (`setupWorker`). It imports no Node built-ins and
 * no Express.
 *
 * The handlers claim only what the mock serves (`/api/v1/…`, `/__admin/…`, `/openapi.json`,
 * `/openapi.yaml`, under the base URL): with `baseUrl: location.origin` the app's own files, lazy
 * chunks and images still reach the network.
 */
import { http, type RequestHandler } from 'msw';
import { createPortalCore, type PortalCore, type PortalCoreOptions } from './core/portal.ts';

/** Options of {@link createPortalHandlers}. */
export interface PortalHandlersOptions extends PortalCoreOptions {
  /**
   * The origin (and optional path prefix) the handlers answer for; operations are under
   * `${baseUrl}/api/v1`. Default `http://127.0.0.1:4010`, the CLI's default address. In a browser,
   * `location.origin` is safe: only the mock's own paths are claimed.
   */
  baseUrl?: string;
  /** Serve this core instead of creating one. */
  core?: PortalCore;
}

/** The paths the core answers, under the base URL (exact paths and `/*` subtrees). */
export const PORTAL_MOCK_PATHS = [
  '/api/v1',
  '/api/v1/*',
  '/__admin',
  '/__admin/*',
  '/openapi.json',
  '/openapi.yaml',
  '/fhir/r4',
  '/fhir/r4/*',
];

/**
 * MSW handlers for the mock portal's paths under `baseUrl` (`/api/v1/…`, `/__admin/…`, the spec at
 * `/openapi.json` and `/openapi.yaml`), answered by the mock portal core; every other request is left
 * to the next handler or the network. The core is exposed as `handlers.core` for admin calls in tests.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * const handlers = createPortalHandlers({ baseUrl: 'http://mock.portal.test', seed: 42 });
 * const server = setupServer(...handlers);
 * server.listen();
 */
export function createPortalHandlers(
  options: PortalHandlersOptions = {},
): RequestHandler[] & { core: PortalCore } {
  const { baseUrl = 'http://127.0.0.1:4010', core: given, ...coreOptions } = options;
  const core = given ?? createPortalCore(coreOptions);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const answer = async ({ request }: { request: Request }) => {
    if (prefix === '') return core.handle(request);
    // Strip the path prefix so that the core sees /api/v1/…, /__admin/…, /openapi.*.
    const url = new URL(request.url);
    url.pathname = url.pathname.slice(prefix.length) || '/';
    const method = request.method.toUpperCase();
    const body = method === 'GET' || method === 'HEAD' ? null : await request.arrayBuffer();
    return core.handle(new Request(url, { method, headers: request.headers, body }));
  };
  const handlers = PORTAL_MOCK_PATHS.map((path) => http.all(`${base.origin}${prefix}${path}`, answer));
  return Object.assign(handlers as RequestHandler[], { core });
}
