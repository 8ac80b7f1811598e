/**
 * The shapes every part of the mock portal's core shares: a handler per spec operation, given a
 * context (the sandbox's state and clock, the signed-in user, the parsed request, QA scenario
 * controls), answers a result that the router turns into a `Response`.
 *
 * Handlers never build `Response` objects and never catch their own errors: they return a
 * `HandlerResult`, or throw `ProblemError` (core/problem.ts) for anything that must answer
 * `application/problem+json`. Adapters (express.ts, msw.ts) only convert to and from `Request`.
 */

import type { components, operations } from '../../sdk/generated/portal.ts';
import type { Clock, Role } from '../../sdk/rules/index.ts';
import type { PortalData } from '../data/portal-data.ts';
import type { SeededRandom } from './random.ts';

/** EmblemHealth or ConnectiCare (data/health-plans.ts). */
export type HealthPlan = components['schemas']['HealthPlan'];

/** Every operationId of the contract. */
export type OperationId = keyof operations;

/** A user as the mock portal knows them (personas and users created through the API). */
export interface PortalUser {
  userId: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  /** One role per Tax ID (ONE_ROLE_PER_TAX_ID). */
  grants: { taxId: string; organizationName: string; role: Role; permissions: string[] }[];
  status: 'active' | 'locked' | 'revoked' | 'invited';
  /** Last successful MFA verification; undefined means due (MFA_REQUIRED). */
  mfaVerifiedAt?: string;
  knownDevices: string[];
  lastActiveOn: string;
  /** NPIs this user may act for (network-status checks: NETWORK_STATUS_FORBIDDEN). */
  providerNpis: string[];
  /**
   * The health plans the account sees: one for an account of EmblemHealth or of ConnectiCare, both
   * once consolidated (seed 003: "Once you consolidate the accounts, you will be able to use one
   * account for both EmblemHealth and ConnectiCare").
   */
  healthPlans: HealthPlan[];
  /** Set on an account consolidated into another (the one that remains): it no longer signs in. */
  consolidatedInto?: string;
  /** The 4-digit PIN (seed 000); unset until the user registered one. */
  pin?: string;
  /** The account's settings (`getAccountSettings`); defaults until first changed. */
  settings?: AccountSettings;
}

/** A user's own settings (`getAccountSettings`). */
export interface AccountSettings {
  notifications: { messages: boolean; authorizationDecisions: boolean; siteVerification: boolean };
  defaultTaxId: string | null;
  securityPolicyAcknowledgedAt: string | null;
}

/** A signed-in session. */
export interface PortalSession {
  token: string;
  userId: string;
  issuedAt: number;
  lastActivityAt: number;
}

/** Parsed `Prefer` header controls (see core/scenarios.ts for the catalog). */
export interface PreferOptions {
  /** e.g. `outcome=pended` picks a decision where the operation has several. */
  outcome?: string;
  /** `status=503` forces that error status (answered as a problem document). */
  status?: number;
  /** `latency=250` waits that many milliseconds before answering. */
  latencyMs?: number;
  /** Any other `key=value` token, for handler-specific scenarios. */
  [key: string]: string | number | undefined;
}

/** The mutable state of one sandbox (the default one, or one opened through /__admin/sandboxes). */
export interface SandboxState {
  readonly id: string;
  readonly seed: number;
  readonly memberCount: number;
  readonly clock: MockClock;
  /** Records created through the API, by collection name then id. Kept in insertion order. */
  readonly records: Map<string, Map<string, unknown>>;
  /** Idempotency-Key → the first result answered for it (with a fingerprint of the body). */
  readonly idempotency: Map<
    string,
    {
      fingerprint: string;
      status: number;
      body: unknown;
      headers: Record<string, string>;
      /** The mock instant the answer was stored at (keys expire 24 hours later: idempotency-store.ts). */
      storedAt?: number;
    }
  >;
  readonly users: Map<string, PortalUser>;
  readonly sessions: Map<string, PortalSession>;
  readonly audit: AuditEntry[];
  readonly requests: RequestLogEntry[];
  /** Monotonic counters for readable ids (PA-00000001, MSG-000001, …). */
  readonly counters: Map<string, number>;
  /** The instant the sandbox's clock started at (what `POST /__admin/reset` goes back to). */
  readonly startedAt: string;
  /**
   * A named random stream of this sandbox's seed (created on first use, then continued): use one
   * stream per concern (e.g. 'tokens', 'decisions') so that one concern's draws never shift another's.
   */
  random(stream: string): SeededRandom;
}

/** A controllable clock: starts at a fixed instant (or now) and moves only when told to. */
export interface MockClock extends Clock {
  set(instant: Date | string): void;
  advance(milliseconds: number): void;
}

export interface AuditEntry {
  at: string;
  userId: string;
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
}

export interface RequestLogEntry {
  at: string;
  requestId: string;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  userId: string | null;
}

/**
 * What the core reads of a request. A Fetch `Request` is one (MSW, tests); the Node adapter builds a
 * lighter one from `node:http`'s request, without a `Request` object or a copy of its headers.
 */
export interface PortalRequest {
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** The body as it streams in, or `null` (GET, HEAD, no body). */
  readonly body: ReadableStream<Uint8Array> | null;
}

/** What a handler is given. */
export interface HandlerContext {
  readonly operationId: OperationId;
  readonly request: PortalRequest;
  readonly requestId: string;
  /** Path parameters by name, decoded. */
  readonly params: Record<string, string>;
  /** Query parameters, already validated against the spec. */
  readonly query: URLSearchParams;
  /** The JSON body (validated against the spec), or the FormData of a multipart upload. */
  readonly body: unknown;
  readonly sandbox: SandboxState;
  /** The signed-in user; present on every operation that the spec secures. */
  readonly user: PortalUser | undefined;
  readonly session: PortalSession | undefined;
  /**
   * The Tax IDs this call may act for, from the contract's access table (`x-portal-permission`) and
   * the user's grants: the pipeline computes them (core/access.ts authorizeOperation) before any
   * rule runs; handlers scope what they show and accept to them and never decide access themselves.
   */
  readonly permittedTaxIds: readonly string[];
  /** The health plans the call sees: the user's (both for a consolidated account, or with no user). */
  readonly permittedPlans: readonly HealthPlan[];
  readonly prefer: PreferOptions;
  /** The deterministic data of this sandbox (members, providers, claims, …). */
  readonly data: PortalData;
}

/** What a handler answers. `body` is JSON unless `contentType` says otherwise (then bytes or text). */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}

export type OperationHandler = (context: HandlerContext) => HandlerResult | Promise<HandlerResult>;

/** A violation as the rules module reports it (`sdk/rules`). */
export interface RuleViolation {
  code: string;
  path: string;
  message: string;
}

/**
 * The business rules of an operation, run BEFORE the schema validation so that the server answers
 * the very code the SDK's validator gives (e.g. INVALID_NPI rather than a pattern error): any
 * violation with a rule code answers 422; only VALIDATION_FAILED ones answer 400. It calls the
 * sdk/rules validator of the operation; it never re-implements a rule.
 */
export type OperationRules = (context: HandlerContext) => readonly RuleViolation[];

export interface OperationImplementation {
  rules?: OperationRules;
  handle: OperationHandler;
}

/** A domain's operations, keyed by operationId. */
export type DomainHandlers = Partial<Record<OperationId, OperationImplementation>>;

/**
 * One entry of the scenario catalog (`GET /__admin/scenarios`): a `Prefer` value, a persona, a
 * documented member (or other identifier) and what it triggers, so QA never has to read source code.
 */
export interface ScenarioEntry {
  kind: 'prefer' | 'persona' | 'member' | 'provider' | 'claim' | 'header' | 'clock' | 'other';
  /** What to send: e.g. `outcome=pended`, a username, a member ID. */
  value: string;
  /** The operations where it applies (operationIds); omitted when it applies everywhere. */
  operations?: OperationId[];
  /** What it does, in words. */
  effect: string;
}
