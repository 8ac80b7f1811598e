/**
 * Where the SDK's integration tests run: the real mock portal over HTTP on 127.0.0.1, or the same
 * core in-process through the MSW handlers. Each test opens its own sandbox (X-Mock-Sandbox), so
 * tests never see each other's records or clock.
 */
import { setupServer } from 'msw/node';
import { createPortalHandlers } from '../../../mock-server/msw.ts';
import { startMockServer } from '../../../mock-server/server.ts';
import type { PortalClient, PortalClientOptions } from '../../../sdk/index.ts';
import { createPortalClient, createPortalClock, type PortalClock } from '../../../sdk/index.ts';
import type { Clock } from '../../../sdk/rules/index.ts';
import { fixedClock } from '../../../sdk/rules/index.ts';
import { HARTFORD_GROUP_A, LOPEZ_A, PATEL } from '../../support/documented-providers.ts';

export { HARTFORD_GROUP_A, LOPEZ_A, PATEL };

/** The mock portal's start instant in these tests: Monday 2026-11-23, 09:00 in New York. */
export const START = '2026-11-23T14:00:00Z';

/** A running mock portal. */
export interface PortalTarget {
  name: 'http' | 'msw';
  /** e.g. `http://127.0.0.1:40123` (the admin API is under `/__admin`). */
  origin: string;
  /** The API root, `${origin}/api/v1`. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real mock server over HTTP on 127.0.0.1, on a free port.
 *
 * @example
 * const target = await httpTarget();
 */
export async function httpTarget(): Promise<PortalTarget> {
  const server = await startMockServer({ port: 0, seed: 42, clock: START });
  return { name: 'http', origin: server.url, baseUrl: `${server.url}/api/v1`, close: () => server.close() };
}

/**
 * The MSW handlers of the same core, in-process (msw/node intercepts `globalThis.fetch`).
 *
 * @example
 * const target = await mswTarget();
 */
export async function mswTarget(): Promise<PortalTarget> {
  const origin = 'http://mock.portal.test';
  const server = setupServer(...createPortalHandlers({ baseUrl: origin, seed: 42, clock: START }));
  server.listen({ onUnhandledRequest: 'error' });
  return {
    name: 'msw',
    origin,
    baseUrl: `${origin}/api/v1`,
    close: async () => server.close(),
  };
}

/** A clock the test moves by hand (the SDK's idle timer and rules read it). */
export interface ManualClock extends Clock {
  set(instant: string): void;
  advance(ms: number): void;
}

/**
 * A clock the test moves by hand, starting at {@link START}.
 *
 * @example
 * const clock = manualClock(); clock.advance(14.5 * 60_000);
 */
export function manualClock(start = START): ManualClock {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    set: (instant) => {
      now = Date.parse(instant);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** One sandbox of the mock portal: its admin API, and clients signed in as its personas. */
export interface Sandbox {
  id: string;
  /**
   * The sandbox's clock as its clients see it: it follows the mock's `X-Mock-Clock` on every answer,
   * admin ones included, so the SDK checks its rules against the sandbox's "today" (never the machine's).
   */
  clock: PortalClock;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  token(username: string): Promise<string>;
  advance(amount: { minutes?: number; hours?: number; days?: number; seconds?: number }): Promise<void>;
  /** A client of this sandbox (with `requireMockPortal`), signed in as `username` through a session token. */
  client(username: string, options?: Partial<PortalClientOptions>): Promise<PortalClient>;
  /** A client of this sandbox without a session (give `credentials`, or use the public operations). */
  anonymous(options?: Partial<PortalClientOptions>): PortalClient;
}

/**
 * Opens a fresh sandbox (its own state and clock, seed 42, starting at `start`, default {@link START}).
 *
 * @example
 * const sandbox = await openSandbox(target);
 * const portal = await sandbox.client('clinical.a');
 */
export async function openSandbox(target: PortalTarget, start: string = START): Promise<Sandbox> {
  const clock = createPortalClock({ fallback: fixedClock(start) });
  const call = async (method: string, path: string, body?: unknown, id?: string) => {
    const answer = await fetch(`${target.origin}/__admin${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(id === undefined ? {} : { 'X-Mock-Sandbox': id }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (id !== undefined) clock.observe(answer.headers);
    return answer;
  };
  const opened = await call('POST', '/sandboxes', { seed: 42, members: 2000, clock: start });
  if (opened.status !== 201) throw new Error(`Cannot open a sandbox: ${await opened.text()}`);
  const { sandboxId: id } = (await opened.json()) as { sandboxId: string };
  const clientOptions = (options: Partial<PortalClientOptions>): PortalClientOptions => ({
    baseUrl: target.baseUrl,
    requireMockPortal: true,
    clock,
    ...options,
    headers: { 'X-Mock-Sandbox': id, ...(options.headers ?? {}) },
  });
  const sandbox: Sandbox = {
    id,
    clock,
    admin: (method, path, body) => call(method, path, body, id),
    async token(username) {
      const answer = await call('POST', '/sessions', { username }, id);
      if (answer.status !== 201) throw new Error(`No session for ${username}: ${await answer.text()}`);
      return ((await answer.json()) as { token: string }).token;
    },
    async advance(amount) {
      const answer = await call('POST', '/clock/advance', amount, id);
      if (answer.status !== 200) throw new Error(`Cannot advance the clock: ${await answer.text()}`);
    },
    async client(username, options = {}) {
      return createPortalClient(clientOptions({ sessionToken: await sandbox.token(username), ...options }));
    },
    anonymous: (options = {}) => createPortalClient(clientOptions(options)),
  };
  return sandbox;
}

/** A small PDF. */
export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

/** A preauthorization request of clinical.a for member K5500648801 (active, open coverage). */
export function preauthorizationRequest(overrides: Record<string, unknown> = {}) {
  return {
    memberId: 'K5500648801',
    urgency: 'standard' as const,
    serviceType: 'outpatient_procedure' as const,
    requestingProvider: LOPEZ_A,
    servicingProvider: PATEL,
    diagnoses: [{ code: 'M17.11', primary: true }],
    serviceStartDate: '2026-12-01',
    serviceEndDate: '2027-02-26',
    serviceLines: [
      { procedureCode: '29881', units: 2, serviceStartDate: '2026-12-01', serviceEndDate: '2027-02-26' },
    ],
    ...overrides,
  };
}
