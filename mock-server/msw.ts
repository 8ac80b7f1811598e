/**
 * The MSW adapter of the mock portal: request handlers that serve the same core in-process, in
 * msw/node (`setupServer`) and in a browser worker (`setupWorker`). It imports no Node built-ins and
 * no Express.
 */
import { http, type RequestHandler } from 'msw';
import { createPortalCore, type PortalCore, type PortalCoreOptions } from './core/portal.ts';

/** Options of {@link createPortalHandlers}. */
export interface PortalHandlersOptions extends PortalCoreOptions {
  /**
   * The origin (and optional path prefix) the handlers answer for; operations are under
   * `${baseUrl}/api/v1`. Default `http://127.0.0.1:4010`, the CLI's default address.
   */
  baseUrl?: string;
  /** Serve this core instead of creating one. */
  core?: PortalCore;
}

/**
 * MSW handlers for every request under `baseUrl`, answered by the mock portal core. The core is
 * exposed as `handlers.core` for admin calls in tests.
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
  const handler = http.all(`${base.origin}${prefix}/*`, async ({ request }) => {
    if (prefix === '') return core.handle(request);
    // Strip the path prefix so that the core sees /api/v1/…, /__admin/…, /openapi.*.
    const url = new URL(request.url);
    url.pathname = url.pathname.slice(prefix.length) || '/';
    const method = request.method.toUpperCase();
    const body = method === 'GET' || method === 'HEAD' ? null : await request.arrayBuffer();
    return core.handle(new Request(url, { method, headers: request.headers, body }));
  });
  return Object.assign([handler] as RequestHandler[], { core });
}
