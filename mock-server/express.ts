/**
 * The mock portal inside an Express 5 app: the `node:http` listener of node-adapter.ts as middleware,
 * so an Express app answers exactly as `provider-portal-mock` does. No body parser runs before it,
 * and the body is not buffered: it streams into the core, which refuses it (413) past the
 * operation's limit.
 */
import express, { type Express } from 'express';
import { createPortalCore, type PortalCore } from './core/portal.ts';
import { createRequestListener } from './node-adapter.ts';
import type { MockServerOptions } from './server.ts';

/**
 * An Express 5 app serving the mock portal (every operation under `/api/v1`, `/__admin/*`,
 * `/openapi.yaml`, `/openapi.json`).
 *
 * @example
 * const app = createMockServer({ seed: 42, members: 1000 });
 * app.listen(4010);
 */
export function createMockServer(options: MockServerOptions = {}): Express & { core: PortalCore } {
  const { core: given, ...coreOptions } = options;
  const core = given ?? createPortalCore(coreOptions);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const listener = createRequestListener(core);
  app.use((req, res) => listener(req, res));
  return Object.assign(app, { core });
}
