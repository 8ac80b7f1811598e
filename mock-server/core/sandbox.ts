/**
 * Sandboxes: isolated portal states. The default sandbox serves every request without an
 * `X-Mock-Sandbox` header; `POST /__admin/sandboxes` opens more, each with its own seed, member count,
 * clock, records, users and sessions, so parallel test workers share one server without seeing each
 * other's writes. Deleting a sandbox drops every reference to its state.
 */

import { calendarDayAt } from '../../sdk/rules/index.ts';
import { createPortalData } from '../data/index.ts';
import type { PortalData } from '../data/portal-data.ts';
import { appendBounded } from './bounded-log.ts';
import { createMockClock } from './clock.ts';
import { createPersonaUsers } from './personas.ts';
import { createRandom, type SeededRandom } from './random.ts';
import type { AuditEntry, HandlerContext, PortalUser, SandboxState } from './types.ts';

/** A sandbox: its mutable state and its deterministic data. */
export interface Sandbox {
  readonly state: SandboxState;
  readonly data: PortalData;
}

export interface SandboxOptions {
  id: string;
  seed: number;
  /** How many members the data set has. */
  members: number;
  /** The start instant of the sandbox's clock. */
  clock: Date | string;
  /** Reuse data already generated for the same seed, member count and start day. */
  data?: PortalData;
}

/** The most request-log entries a sandbox keeps (the oldest are dropped). */
export const REQUEST_LOG_LIMIT = 1000;
/** The most audit entries a sandbox keeps (a ring: the oldest are dropped). */
export const AUDIT_LOG_LIMIT = 10_000;

/**
 * Creates a sandbox with the personas as its users and nothing else recorded.
 *
 * @example
 * const sandbox = createSandbox({ id: 'default', seed: 42, members: 1000, clock: '2026-11-23T14:00:00Z' });
 * sandbox.state.users.size; // 8 (the personas)
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const clock = createMockClock(options.clock);
  const start = clock.now();
  const data =
    options.data ??
    createPortalData({ seed: options.seed, memberCount: options.members, anchorDate: calendarDayAt(start) });
  const streams = new Map<string, SeededRandom>();
  const state: SandboxState = {
    id: options.id,
    seed: options.seed,
    memberCount: options.members,
    clock,
    records: new Map(),
    idempotency: new Map(),
    users: new Map(),
    sessions: new Map(),
    audit: [],
    requests: [],
    counters: new Map(),
    startedAt: start.toISOString(),
    random(stream) {
      let random = streams.get(stream);
      if (random === undefined) {
        random = createRandom(options.seed, stream);
        streams.set(stream, random);
      }
      return random;
    },
  };
  for (const user of createPersonaUsers(start, data)) state.users.set(user.userId, user);
  return { state, data };
}

/**
 * The next value of a named counter of the sandbox (1, 2, 3, …).
 *
 * @example
 * nextCounter(sandbox, 'message'); // 1, then 2, …
 */
export function nextCounter(sandbox: SandboxState, name: string, start = 1): number {
  const value = (sandbox.counters.get(name) ?? start - 1) + 1;
  sandbox.counters.set(name, value);
  return value;
}

/**
 * A readable id from a sandbox counter: `prefix` + the number padded to `width` digits.
 *
 * @example
 * nextId(sandbox, 'MSG-', 6); // 'MSG-000001'
 */
export function nextId(sandbox: SandboxState, prefix: string, width = 6, start = 1): string {
  return `${prefix}${String(nextCounter(sandbox, prefix, start)).padStart(width, '0')}`;
}

/**
 * The records of one collection of the sandbox (created empty on first use), in insertion order.
 *
 * @example
 * collection<Referral>(sandbox, 'referrals').set(referral.trackingNumber, referral);
 */
export function collection<T>(sandbox: SandboxState, name: string): Map<string, T> {
  let records = sandbox.records.get(name);
  if (records === undefined) {
    records = new Map();
    sandbox.records.set(name, records);
  }
  return records as Map<string, T>;
}

/**
 * Records an audit entry (who did what to what, on the sandbox's clock), e.g. each care plan view.
 *
 * @example
 * recordAudit(context, 'care_plan.view', memberId, { attestationId });
 */
export function recordAudit(
  context: Pick<HandlerContext, 'sandbox' | 'user'>,
  action: string,
  subject: string,
  detail?: Record<string, unknown>,
): AuditEntry {
  const entry: AuditEntry = {
    at: context.sandbox.clock.now().toISOString(),
    userId: context.user?.userId ?? 'anonymous',
    action,
    subject,
  };
  if (detail !== undefined) entry.detail = detail;
  appendBounded(context.sandbox.audit, entry, AUDIT_LOG_LIMIT);
  return entry;
}

/**
 * The user of the sandbox with that username (case-insensitive), if any.
 *
 * @example
 * findUserByUsername(sandbox, 'admin.a')?.userId; // 'USR-000001'
 */
export function findUserByUsername(sandbox: SandboxState, username: string): PortalUser | undefined {
  const wanted = username.toLowerCase();
  for (const user of sandbox.users.values()) if (user.username.toLowerCase() === wanted) return user;
  return undefined;
}
