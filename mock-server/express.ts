/**
 * The Express 5 adapter of the mock portal: converts each Express request to a `Request`, lets the
 * core answer, and writes the `Response` back. No body parser runs before it, and the body is not
 * buffered here: it streams into the core, which refuses it (413) past the operation's limit.
 */
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Readable } from 'node:stream';
import express, {
  type Express,
  type Request as ExpressRequest,
  type Response as ExpressResponse,
} from 'express';
import { isLoopbackHost } from './core/guards.ts';
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
  /** The interface (default 127.0.0.1). Any other than loopback needs an `adminToken`. */
  host?: string;
  /** More names the `Host` header may give besides the listening address and `localhost`. */
  hostNames?: readonly string[];
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

function toRequest(req: ExpressRequest): Request {
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = req.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const declared = req.headers['content-length'];
  if (declared === '0' || (declared === undefined && req.headers['transfer-encoding'] === undefined)) {
    return new Request(url, { method, headers });
  }
  // Streamed, not buffered: the core reads at most the operation's limit.
  const body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit);
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
      request = toRequest(req);
    } catch {
      // An unreadable request: nothing reached the core.
      if (!res.headersSent) res.status(400).set({ 'X-Mock-Portal': '1' }).end();
      return;
    }
    const clientAddress = req.socket.remoteAddress;
    try {
      await send(await core.handle(request, clientAddress === undefined ? {} : { clientAddress }), res);
    } catch {
      // The client went away while the answer was written.
      if (!res.headersSent) res.status(400).set({ 'X-Mock-Portal': '1' }).end();
    }
  });
  return Object.assign(app, { core });
}

/** The names a Host header may give for a listening address: it, loopback names, and every interface
 * address when listening on all of them. */
function listeningNames(host: string): string[] {
  const names = ['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host];
  if (host === '0.0.0.0' || host === '::') {
    for (const list of Object.values(networkInterfaces())) {
      for (const entry of list ?? [])
        names.push(entry.family === 'IPv6' ? `[${entry.address}]` : entry.address);
    }
  }
  return names;
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
  const { port = 0, host = '127.0.0.1', hostNames = [], ...serverOptions } = options;
  const protectedAdmin =
    serverOptions.adminToken !== undefined || serverOptions.core?.options.adminProtected === true;
  if (!isLoopbackHost(host) && !protectedAdmin) {
    throw new Error(
      `--host ${host} would open the admin API (/__admin: the personas' passwords, sessions, the clock) to the network. ` +
        'Add --admin-token <secret> (or set MOCK_PORTAL_ADMIN_TOKEN), e.g. --admin-token "$(openssl rand -hex 32)", ' +
        'and --allowed-host <name> for each name clients use to reach it.',
    );
  }
  const allowedHosts = serverOptions.allowedHosts ?? [...listeningNames(host), ...hostNames];
  const app = createMockServer(
    serverOptions.core === undefined ? { ...serverOptions, allowedHosts } : serverOptions,
  );
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
