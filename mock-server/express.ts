/**
 * The Express 5 adapter of the mock portal: converts each Express request to a `Request`, lets the
 * core answer, and writes the `Response` back. No body parser runs before it: the core reads the raw
 * body (JSON or multipart) itself.
 */
import type { AddressInfo } from 'node:net';
import express, {
  type Express,
  type Request as ExpressRequest,
  type Response as ExpressResponse,
} from 'express';
import { createPortalCore, type PortalCore, type PortalCoreOptions } from './core/portal.ts';

/** Options of {@link createMockServer}: the core's options, or an existing core to serve. */
export interface MockServerOptions extends PortalCoreOptions {
  /** Serve this core instead of creating one (e.g. to share it with MSW handlers). */
  core?: PortalCore;
}

/** Options of {@link startMockServer}. */
export interface StartMockServerOptions extends MockServerOptions {
  /** The port (default 0: any free port). */
  port?: number;
  /** The interface (default 127.0.0.1). */
  host?: string;
}

/** A listening mock portal. */
export interface RunningMockServer {
  /** The base URL, e.g. `http://127.0.0.1:4010` (operations are under `${url}/api/v1`). */
  url: string;
  port: number;
  core: PortalCore;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

async function toRequest(req: ExpressRequest): Promise<Request> {
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = req.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const body = Buffer.concat(chunks);
  return new Request(url, { method, headers, body: body.length > 0 ? body : null });
}

async function send(response: Response, res: ExpressResponse): Promise<void> {
  res.status(response.status);
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  const body = response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  res.end(body);
}

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
  app.use(async (req, res) => {
    let request: Request;
    try {
      request = await toRequest(req);
    } catch {
      // The client went away or sent an unreadable body: nothing reached the core.
      if (!res.headersSent) res.status(400).set({ 'X-Mock-Portal': '1' }).end();
      return;
    }
    await send(await core.handle(request), res);
  });
  return Object.assign(app, { core });
}

/**
 * Starts the mock portal on `host:port` (default 127.0.0.1 and any free port).
 *
 * @example
 * const server = await startMockServer({ port: 0, seed: 42 });
 * await fetch(`${server.url}/api/v1/me`); // 401 with X-Mock-Portal: 1
 * await server.close();
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const { port = 0, host = '127.0.0.1', ...serverOptions } = options;
  const app = createMockServer(serverOptions);
  return await new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error !== undefined) {
        reject(error);
        return;
      }
      const address = server.address() as AddressInfo;
      const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${hostname}:${address.port}`,
        port: address.port,
        core: app.core,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((closeError) => (closeError === undefined ? done() : fail(closeError)));
            server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
