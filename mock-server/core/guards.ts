/**
 * What protects a shared mock portal, checked before any work is done for a request:
 *
 * - `Host` must name the server (its listening address or a configured name), so that a page on
 *   another site cannot reach it through DNS rebinding (403 HOST_NOT_ALLOWED).
 * - `/__admin` answers no cross-origin page unless its origin is on the allow-list
 *   (403 ORIGIN_NOT_ALLOWED, no CORS headers), and, once an admin token is configured, needs
 *   `Authorization: Bearer <admin token>`, or the key of one sandbox, which then reaches that sandbox
 *   only (401 ADMIN_TOKEN_REQUIRED).
 * - `/api/v1` answers cross-origin pages from any origin by default (local use), or from a list.
 * - An optional rate limit per client answers 429 RATE_LIMITED with `Retry-After`.
 */
import { ProblemError } from './problem.ts';
import type { PortalRequest } from './types.ts';

/** Who may act on the admin API: everything, or one sandbox (by its key). */
export type AdminScope = { kind: 'all' } | { kind: 'sandbox'; sandboxId: string };

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Whether an interface address is loopback-only (`127.x.x.x`, `::1`, `localhost`).
 *
 * @example
 * isLoopbackHost('0.0.0.0'); // false
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase();
  return LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * Refuses a request whose `Host` names none of `allowed` (host names, or `host:port`); with no list,
 * any Host is accepted (in-process use: MSW, tests).
 *
 * @example
 * assertHostAllowed(new URL('http://evil.example:4010/__admin'), ['127.0.0.1', 'localhost']); // throws
 */
export function assertHostAllowed(url: URL, allowed: readonly string[] | undefined): void {
  if (allowed === undefined) return;
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  for (const entry of allowed) {
    const wanted = entry.toLowerCase();
    if (wanted === host || wanted === hostname) return;
  }
  throw new ProblemError(
    'HOST_NOT_ALLOWED',
    'The Host header names no address of this mock portal: call it by its listening address, or start it with --allowed-host <name> for the name you use.',
  );
}

/** The CORS settings of a core. */
export interface CorsSettings {
  /** Origins allowed on /api/v1: every origin ('*'), or a list. */
  apiOrigins: '*' | readonly string[];
  /** Origins allowed on /__admin (none by default). */
  adminOrigins: readonly string[];
}

const API_ALLOWED_HEADERS =
  'Authorization, Content-Type, Idempotency-Key, Prefer, X-Mock-Sandbox, X-Request-Id';
const ADMIN_ALLOWED_HEADERS = 'Authorization, Content-Type, X-Mock-Sandbox, X-Request-Id';

function originAllowed(origin: string, allowed: '*' | readonly string[], self: string): boolean {
  if (origin === self) return true;
  return allowed === '*' || allowed.includes(origin);
}

/**
 * Refuses an admin request sent by a page of another origin that is not on the allow-list (a
 * browser always sends `Origin` on cross-origin writes).
 *
 * @example
 * assertAdminOrigin(request, url, { apiOrigins: '*', adminOrigins: [] });
 */
export function assertAdminOrigin(request: PortalRequest, url: URL, cors: CorsSettings): void {
  const origin = request.headers.get('origin');
  if (origin === null || originAllowed(origin, cors.adminOrigins, url.origin)) return;
  throw new ProblemError(
    'ORIGIN_NOT_ALLOWED',
    'The admin API does not answer pages of other origins: start the mock portal with --admin-origin <origin> to allow one.',
  );
}

/**
 * The CORS headers of an answer (none when the origin is not allowed), and of a preflight when
 * `preflight` is set. Requested headers are never reflected: the allowed ones are a fixed list.
 *
 * @example
 * corsHeaders(request, url, 'api', cors, false); // { 'access-control-allow-origin': '*', … }
 */
export function corsHeaders(
  request: PortalRequest,
  url: URL,
  area: 'api' | 'admin',
  cors: CorsSettings,
  preflight: boolean,
): Record<string, string> {
  const origin = request.headers.get('origin');
  const allowed = area === 'admin' ? cors.adminOrigins : cors.apiOrigins;
  const headers: Record<string, string> = {};
  if (allowed === '*') headers['access-control-allow-origin'] = '*';
  else {
    headers.vary = 'Origin';
    if (origin === null || !originAllowed(origin, allowed, url.origin)) return headers;
    headers['access-control-allow-origin'] = origin;
  }
  // What a page's own code reads of an answer: the markers, Retry-After of a 429/503, the Location
  // of a create, a replay, the preferences honoured (RFC 7240) and a download's file name.
  headers['access-control-expose-headers'] =
    'X-Mock-Portal, X-Mock-Clock, X-Request-Id, Retry-After, Location, Idempotent-Replayed, Preference-Applied, Content-Disposition';
  if (preflight) {
    headers['access-control-allow-methods'] = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
    headers['access-control-allow-headers'] = area === 'admin' ? ADMIN_ALLOWED_HEADERS : API_ALLOWED_HEADERS;
    headers['access-control-max-age'] = '600';
  }
  return headers;
}

/** Compares two secrets in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    difference |= (given.charCodeAt(i % Math.max(1, given.length)) || 0) ^ expected.charCodeAt(i);
  }
  return difference === 0;
}

/**
 * Who the admin request acts as: everything when no admin token is configured or the admin token is
 * sent, one sandbox when that sandbox's key is sent; 401 ADMIN_TOKEN_REQUIRED otherwise.
 *
 * @example
 * adminScope(request, 's3cret', (key) => keys.get(key)); // { kind: 'all' }
 */
export function adminScope(
  request: PortalRequest,
  adminToken: string | undefined,
  sandboxOfKey: (key: string) => string | undefined,
): AdminScope {
  if (adminToken === undefined) return { kind: 'all' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  const given = match?.[1];
  if (given !== undefined) {
    if (sameSecret(given, adminToken)) return { kind: 'all' };
    const sandboxId = sandboxOfKey(given);
    if (sandboxId !== undefined) return { kind: 'sandbox', sandboxId };
  }
  throw new ProblemError(
    'ADMIN_TOKEN_REQUIRED',
    'This mock portal protects its admin API: send Authorization: Bearer <admin token> (the --admin-token or MOCK_PORTAL_ADMIN_TOKEN it was started with), or the sandboxKey of your sandbox.',
    { headers: { 'www-authenticate': 'Bearer realm="mock-portal-admin"' } },
  );
}

/** A fixed-window rate limiter: `check` answers the seconds to wait, or undefined when allowed. */
export interface RateLimiter {
  check(client: string): number | undefined;
}

/** The most distinct clients counted in one window (more are refused too: a flood of addresses). */
const MAX_CLIENTS_PER_WINDOW = 10_000;

/**
 * A limiter allowing `perSecond` requests per client in each second of `now` (real time: the rate
 * limit protects the process, not the portal's mock time).
 *
 * @example
 * const limiter = createRateLimiter(100, Date.now);
 * limiter.check('127.0.0.1'); // undefined, until the 101st request of the second
 */
export function createRateLimiter(perSecond: number, now: () => number): RateLimiter {
  let window = -1;
  const counts = new Map<string, number>();
  return {
    check(client) {
      const at = now();
      const current = Math.floor(at / 1000);
      if (current !== window) {
        window = current;
        counts.clear();
      }
      const count = (counts.get(client) ?? 0) + 1;
      if (counts.size < MAX_CLIENTS_PER_WINDOW || counts.has(client)) counts.set(client, count);
      if (count <= perSecond && counts.has(client)) return undefined;
      return Math.max(1, Math.ceil(((current + 1) * 1000 - at) / 1000));
    },
  };
}
