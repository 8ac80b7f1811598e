/**
 * The admin API of the mock portal under `/__admin`, for QA and tests (not part of the portal's
 * contract). Every route acts on the sandbox named by `X-Mock-Sandbox` (the default sandbox
 * otherwise):
 *
 * - `POST /__admin/reset`: back to the initial state (personas only, clock at its start).
 * - `GET /__admin/clock`, `PUT /__admin/clock {now}`, `POST /__admin/clock/advance {milliseconds|seconds|minutes|hours|days}`.
 * - `GET /__admin/personas`: the test users, password and MFA code.
 * - `POST /__admin/sessions {username}`: a session token for a user without the sign-in dance.
 * - `GET /__admin/audit`, `GET /__admin/requests`: the audit log and the request log.
 * - `GET /__admin/mailbox?to=`: the emails the portal sent (codes, notices), newest first.
 * - `POST /__admin/sandboxes {seed?, members?, clock?}` → `{sandboxId}`; `GET /__admin/sandboxes`;
 *   `DELETE /__admin/sandboxes/{id}` frees the sandbox.
 * - `GET /__admin/scenarios`: the scenario catalog.
 */
import { calendarDayAt } from '../../sdk/rules/index.ts';
import { type Answer, jsonAnswer } from './answer.ts';
import { ADMIN_BODY_LIMIT_BYTES, readText } from './body-limits.ts';
import { newestEntries } from './bounded-log.ts';
import { ClockRangeError, isoTimestamp } from './clock.ts';
import type { AdminScope } from './guards.ts';
import { messagesTo } from './mailbox.ts';
import { PERSONA_DEVICE_ID, PERSONA_MFA_CODE, PERSONA_PASSWORD, PERSONA_PIN, PERSONAS } from './personas.ts';
import { isJsonMedia } from './pipeline.ts';
import { MAX_MEMBERS, type PortalCore } from './portal.ts';
import { ProblemError, problemAnswer } from './problem.ts';
import { AUDIT_LOG_LIMIT, findUserByUsername, REQUEST_LOG_LIMIT, type Sandbox } from './sandbox.ts';
import { scenarioCatalog } from './scenarios.ts';
import { openSession, sessionBody } from './sessions.ts';
import type { PortalRequest } from './types.ts';

type Json = Record<string, unknown>;

function json(status: number, body: unknown): Answer {
  return jsonAnswer(status, body);
}

async function readJson(request: PortalRequest): Promise<Json> {
  const text = await readText(request, ADMIN_BODY_LIMIT_BYTES);
  if (text.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(text);
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Json;
  } catch {
    // fall through
  }
  throw new ProblemError('VALIDATION_FAILED', 'The admin request body must be a JSON object.');
}

function clockBody(sandbox: Sandbox): Json {
  const now = sandbox.state.clock.now();
  return {
    sandboxId: sandbox.state.id,
    now: isoTimestamp(now),
    today: calendarDayAt(now),
    startedAt: isoTimestamp(new Date(sandbox.state.startedAt)),
  };
}

const UNITS: Readonly<Record<string, number>> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

function advanceBy(body: Json): number {
  let total = 0;
  let given = false;
  for (const [unit, factor] of Object.entries(UNITS)) {
    const value = body[unit];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ProblemError('VALIDATION_FAILED', `${unit} must be a number (got ${JSON.stringify(value)}).`);
    }
    total += value * factor;
    given = true;
  }
  if (!given) {
    throw new ProblemError(
      'VALIDATION_FAILED',
      'Say how far to advance: {"milliseconds"|"seconds"|"minutes"|"hours"|"days": number}, e.g. {"minutes": 15}.',
    );
  }
  return total;
}

function optionalInteger(body: Json, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ProblemError(
      'VALIDATION_FAILED',
      `${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)}).`,
    );
  }
  return value;
}

/** A path segment, percent-decoded; 400 for a malformed escape such as `%ff`. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ProblemError(
      'VALIDATION_FAILED',
      'The sandbox id in the path is not valid percent-encoded UTF-8: use the sandboxId POST /__admin/sandboxes answered.',
    );
  }
}

/** What a caller holding only a sandbox's key may not see answers like what does not exist. */
function noSandbox(id: string): ProblemError {
  return new ProblemError(
    'NOT_FOUND',
    `No sandbox ${JSON.stringify(id)} is open: open one with POST /__admin/sandboxes.`,
  );
}

/**
 * The persona list as `GET /__admin/personas` answers it.
 *
 * @example
 * personaList(core.sandbox()!).personas[0].username; // 'admin.a'
 */
export function personaList(sandbox: Sandbox): Json {
  return {
    password: PERSONA_PASSWORD,
    mfaCode: PERSONA_MFA_CODE,
    pin: PERSONA_PIN,
    knownDeviceId: PERSONA_DEVICE_ID,
    personas: PERSONAS.map((persona) => {
      const user = sandbox.state.users.get(persona.userId);
      return {
        username: persona.username,
        userId: persona.userId,
        name: `${persona.firstName} ${persona.lastName}`,
        email: persona.email,
        status: user?.status ?? persona.status,
        grants: (user?.grants ?? []).map(({ taxId, organizationName, role }) => ({
          taxId,
          organizationName,
          role,
        })),
        password: PERSONA_PASSWORD,
        mfaCode: PERSONA_MFA_CODE,
        description: persona.description,
      };
    }),
  };
}

/**
 * Answers one `/__admin` request (errors as problem documents).
 *
 * @example
 * await handleAdmin(core, request, new URL(request.url), 'default', 'req_1');
 */
export async function handleAdmin(
  core: PortalCore,
  request: PortalRequest,
  url: URL,
  sandboxId: string,
  requestId: string,
  scope: AdminScope = { kind: 'all' },
): Promise<Answer> {
  try {
    const method = request.method.toUpperCase();
    // JSON only on writes: a cross-site form (text/plain, urlencoded, multipart) can never post here.
    if (
      (method === 'POST' || method === 'PUT' || method === 'PATCH') &&
      !isJsonMedia(request.headers.get('content-type'))
    ) {
      throw new ProblemError(
        'VALIDATION_FAILED',
        `Admin writes take JSON only: send Content-Type: application/json (got ${request.headers.get('content-type') === null ? 'none' : 'another type'}), with {} when there is nothing to say.`,
        { status: 415, title: 'Admin writes take application/json' },
      );
    }
    return await route(core, request, url, sandboxId, scope);
  } catch (error) {
    const problem =
      error instanceof ProblemError
        ? error
        : error instanceof ClockRangeError
          ? new ProblemError('CLOCK_OUT_OF_RANGE', error.message)
          : new ProblemError(
              'INTERNAL_ERROR',
              `The admin API failed (${error instanceof Error ? error.message : 'unknown'}).`,
            );
    return problemAnswer(problem, requestId, url.pathname);
  }
}

async function route(
  core: PortalCore,
  request: PortalRequest,
  url: URL,
  sandboxId: string,
  scope: AdminScope,
): Promise<Answer> {
  const method = request.method.toUpperCase();
  const path = url.pathname.replace(/\/+$/, '') || '/__admin';
  const reachable = (id: string): boolean => scope.kind === 'all' || scope.sandboxId === id;

  if (path === '/__admin/sandboxes' && method === 'POST') {
    if (scope.kind !== 'all') {
      throw new ProblemError(
        'ADMIN_TOKEN_REQUIRED',
        'A sandbox key reaches its own sandbox only: opening sandboxes needs the admin token.',
      );
    }
    const body = await readJson(request);
    const seed = optionalInteger(body, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const members = optionalInteger(body, 'members', 1, MAX_MEMBERS);
    const clock = body.clock;
    if (clock !== undefined && (typeof clock !== 'string' || Number.isNaN(Date.parse(clock)))) {
      throw new ProblemError(
        'VALIDATION_FAILED',
        `clock must be an ISO timestamp (got ${JSON.stringify(clock)}).`,
      );
    }
    const sandbox = core.openSandbox({
      ...(seed === undefined ? {} : { seed }),
      ...(members === undefined ? {} : { members }),
      ...(clock === undefined ? {} : { clock: clock as string }),
    });
    return json(201, {
      sandboxId: sandbox.state.id,
      seed: sandbox.state.seed,
      members: sandbox.state.memberCount,
      now: isoTimestamp(sandbox.state.clock.now()),
      header: 'X-Mock-Sandbox',
      // Sent as `Authorization: Bearer <sandboxKey>` to a protected admin API, it reaches this sandbox only.
      sandboxKey: core.sandboxKey(sandbox.state.id),
    });
  }
  if (path === '/__admin/sandboxes' && method === 'GET') {
    return json(200, {
      sandboxes: core
        .sandboxes()
        .filter((sandbox) => reachable(sandbox.state.id))
        .map((sandbox) => ({
          sandboxId: sandbox.state.id,
          seed: sandbox.state.seed,
          members: sandbox.state.memberCount,
          now: isoTimestamp(sandbox.state.clock.now()),
        })),
    });
  }
  const sandboxPath = /^\/__admin\/sandboxes\/([^/]+)$/.exec(path);
  if (sandboxPath !== null && method === 'DELETE') {
    const id = decodeSegment(sandboxPath[1] ?? '');
    if (!reachable(id)) throw noSandbox(id);
    if (id === 'default')
      throw new ProblemError('VALIDATION_FAILED', 'The default sandbox cannot be closed; reset it instead.');
    if (!core.closeSandbox(id))
      throw new ProblemError('NOT_FOUND', `No sandbox ${JSON.stringify(id)} is open.`);
    return { status: 204, headers: {}, body: null };
  }
  if (path === '/__admin/scenarios' && method === 'GET') {
    return json(200, { scenarios: scenarioCatalog() });
  }
  if (path === '/__admin' && method === 'GET') {
    return json(200, {
      endpoints: [
        'POST /__admin/reset',
        'GET /__admin/clock',
        'PUT /__admin/clock {"now": "2026-11-23T14:00:00Z"}',
        'POST /__admin/clock/advance {"minutes": 15}',
        'GET /__admin/personas',
        'POST /__admin/sessions {"username": "admin.a"}',
        'GET /__admin/audit',
        'GET /__admin/requests',
        'GET /__admin/mailbox?to=new.address@example.com',
        'POST /__admin/sandboxes {"seed"?: 42, "members"?: 1000, "clock"?: "2026-11-23T14:00:00Z"}',
        'GET /__admin/sandboxes',
        'DELETE /__admin/sandboxes/{sandboxId}',
        'GET /__admin/scenarios',
      ],
    });
  }

  const sandbox = core.sandbox(sandboxId);
  if (sandbox === undefined || !reachable(sandboxId)) throw noSandbox(sandboxId);
  const state = sandbox.state;

  if (path === '/__admin/reset' && method === 'POST') {
    const fresh = core.resetSandbox(state.id);
    return json(200, { reset: true, ...clockBody(fresh) });
  }
  if (path === '/__admin/clock' && method === 'GET') return json(200, clockBody(sandbox));
  if (path === '/__admin/clock' && method === 'PUT') {
    const body = await readJson(request);
    if (typeof body.now !== 'string' || Number.isNaN(Date.parse(body.now))) {
      throw new ProblemError(
        'VALIDATION_FAILED',
        `now must be an ISO timestamp (got ${JSON.stringify(body.now)}).`,
      );
    }
    state.clock.set(body.now);
    return json(200, clockBody(sandbox));
  }
  if (path === '/__admin/clock/advance' && method === 'POST') {
    state.clock.advance(advanceBy(await readJson(request)));
    return json(200, clockBody(sandbox));
  }
  if (path === '/__admin/personas' && method === 'GET') return json(200, personaList(sandbox));
  if (path === '/__admin/sessions' && method === 'POST') {
    const body = await readJson(request);
    if (typeof body.username !== 'string') {
      throw new ProblemError(
        'VALIDATION_FAILED',
        'Give the username of a persona or user: {"username": "admin.a"}.',
      );
    }
    const user = findUserByUsername(state, body.username);
    if (user === undefined) {
      throw new ProblemError(
        'NOT_FOUND',
        `No user ${JSON.stringify(body.username)} in this sandbox (see GET /__admin/personas).`,
      );
    }
    // No sign-in dance (password, MFA, inactivity), but a revoked or locked account stays refused.
    if (user.status === 'revoked') throw new ProblemError('ACCOUNT_REVOKED', `${user.username} was revoked.`);
    if (user.status === 'locked') throw new ProblemError('ACCOUNT_LOCKED', `${user.username} is locked.`);
    if (user.status === 'invited') {
      throw new ProblemError(
        'TAX_ID_NOT_AUTHORIZED',
        `${user.username} has not been approved by a site manager yet.`,
      );
    }
    const session = openSession(state, user);
    return json(201, sessionBody(session, user));
  }
  if (path === '/__admin/audit' && method === 'GET') {
    const action = url.searchParams.get('action');
    const userId = url.searchParams.get('userId');
    const entries = newestEntries(state.audit, AUDIT_LOG_LIMIT).filter(
      (entry) => (action === null || entry.action === action) && (userId === null || entry.userId === userId),
    );
    return json(200, { entries });
  }
  if (path === '/__admin/mailbox' && method === 'GET') {
    return json(200, { messages: messagesTo(state, url.searchParams.get('to')) });
  }
  if (path === '/__admin/requests' && method === 'GET')
    return json(200, { entries: newestEntries(state.requests, REQUEST_LOG_LIMIT) });

  throw new ProblemError('NOT_FOUND', `No admin route ${method} ${path}: GET /__admin lists them.`);
}
