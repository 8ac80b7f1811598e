/**
 * The mock portal as a server of its own: the core behind `node:http` (node-adapter.ts), the fastest
 * honest path, used by `provider-portal-mock` and {@link startMockServer}. To mount the mock inside an
 * Express app, use `createMockServer` (express.ts): the same listener, as Express middleware.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { isLoopbackHost } from './core/guards.ts';
import { createPortalCore, type PortalCore, type PortalCoreOptions } from './core/portal.ts';
import { createRequestListener } from './node-adapter.ts';

/** Options of `createMockServer` and {@link startMockServer}: the core's options, or an existing core to serve. */
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
  const { core: given, ...coreOptions } = serverOptions;
  const core = given ?? createPortalCore({ ...coreOptions, allowedHosts });
  const server = createServer(createRequestListener(core));
  return await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${hostname}:${address.port}`,
        port: address.port,
        core,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((closeError) => (closeError === undefined ? done() : fail(closeError)));
            server.closeAllConnections();
          }),
      });
    });
  });
}
