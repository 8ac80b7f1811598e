/**
 * Test helpers: a mock portal core called in-process (no HTTP), with shortcuts for the API, the admin
 * API and persona sessions.
 */

import { PERSONA_DEVICE_ID, PERSONA_PASSWORD } from '../../mock-server/core/personas.ts';
import { createPortalCore, type PortalCore, type PortalCoreOptions } from '../../mock-server/core/portal.ts';

/** The fixed start of the clock in these tests (a Monday, 09:00 in New York). */
export const TEST_CLOCK = '2026-11-23T14:00:00Z';
export const BASE = 'http://mock.portal.test';

export interface CallInit {
  json?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  sandbox?: string;
  body?: BodyInit;
}

export interface TestPortal {
  core: PortalCore;
  call(method: string, path: string, init?: CallInit): Promise<Response>;
  admin(method: string, path: string, json?: unknown, sandbox?: string): Promise<Response>;
  tokenFor(username: string, sandbox?: string): Promise<string>;
  signIn(username: string, deviceId?: string, password?: string): Promise<Response>;
  advance(duration: Record<string, number>, sandbox?: string): Promise<void>;
}

/**
 * A core with a fixed clock and seed 42, and call helpers.
 *
 * @example
 * const portal = createTestPortal();
 * const token = await portal.tokenFor('admin.a');
 * await portal.call('GET', '/api/v1/me', { token });
 */
export function createTestPortal(options: PortalCoreOptions = {}): TestPortal {
  const core = createPortalCore({ seed: 42, members: 1000, clock: TEST_CLOCK, ...options });
  const call: TestPortal['call'] = (method, path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token !== undefined && init.token !== null) headers.Authorization = `Bearer ${init.token}`;
    if (init.sandbox !== undefined) headers['X-Mock-Sandbox'] = init.sandbox;
    let body = init.body;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    return core.handle(
      new Request(`${BASE}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
    );
  };
  const admin: TestPortal['admin'] = (method, path, json, sandbox) =>
    call(method, `/__admin${path}`, {
      // Admin writes take JSON only (a cross-site form cannot post): {} when there is nothing to say.
      ...(json === undefined ? (/^(POST|PUT|PATCH)$/i.test(method) ? { json: {} } : {}) : { json }),
      ...(sandbox === undefined ? {} : { sandbox }),
    });
  return {
    core,
    call,
    admin,
    async tokenFor(username, sandbox) {
      const response = await admin('POST', '/sessions', { username }, sandbox);
      if (response.status !== 201) throw new Error(`no session for ${username}: ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    signIn: (username, deviceId = PERSONA_DEVICE_ID, password = PERSONA_PASSWORD) =>
      call('POST', '/api/v1/session', { json: { username, password, deviceId } }),
    async advance(duration, sandbox) {
      const response = await admin('POST', '/clock/advance', duration, sandbox);
      if (response.status !== 200) throw new Error(`advance failed: ${await response.text()}`);
    },
  };
}
