/**
 * `createPortalClient()`: openapi-fetch over the SDK's transport (auth, retries, timeouts, ids,
 * redacted logging), with a resource per domain and a method per operation of the spec.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { ResourceContext } from './core/call.ts';
import { createLog } from './core/logger.ts';
import { clientOptionViolations } from './core/option-checks.ts';
import type { PortalClientOptions } from './core/options.ts';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './core/options.ts';
import { withCheckedParams } from './core/params.ts';
import { createPortalClock } from './core/portal-clock.ts';
import { createTransport } from './core/transport.ts';
import { PortalError } from './errors.ts';
import type { paths } from './generated/portal.ts';
import { createFhirResource, type FhirResource, fhirBaseUrlOf } from './resources/fhir.ts';
import type {
  AccountResource,
  AdmissionNotificationsResource,
  CarePlansResource,
  ClaimsResource,
  DocumentsResource,
  MembersResource,
  MessagesResource,
  PreauthorizationsResource,
  ProvidersResource,
  ReferralsResource,
  RegistrationResource,
  ReportsResource,
  SessionResource,
  UsersResource,
} from './resources/index.ts';
import {
  createAccountResource,
  createAdmissionNotificationsResource,
  createCarePlansResource,
  createClaimsResource,
  createDocumentsResource,
  createMembersResource,
  createMessagesResource,
  createPreauthorizationsResource,
  createProvidersResource,
  createReferralsResource,
  createRegistrationResource,
  createReportsResource,
  createSessionApi,
  createSessionResource,
  createUsersResource,
} from './resources/index.ts';
import type { Clock } from './rules/clock.ts';
import { systemClock } from './rules/index.ts';
import { asRecord } from './rules/zod-issues.ts';
import { SessionManager } from './session.ts';

/** The SDK guide, where an npm user has it (the docs ship in the package) and online. */
const GUIDE =
  'node_modules/provider-portal-sdk/docs/sdk.md or https://github.com/provider-portal-sdk/provider-portal-sdk/blob/main/docs/sdk.md';

function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl === 'string') {
    try {
      const url = new URL(baseUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return baseUrl.replace(/\/+$/, '');
    } catch {
      // Reported below.
    }
  }
  throw new PortalError(
    `baseUrl ${JSON.stringify(baseUrl)} is not an absolute http(s) URL. Give the portal's API root, e.g. ` +
      "'http://127.0.0.1:4010/api/v1' for the mock portal.",
  );
}

/**
 * Creates a portal client: a resource per domain (`portal.members`, `portal.preauthorizations`, …)
 * with a method per operation of the spec, inputs checked by the rules before sending, typed errors,
 * retries where safe, timeouts, auto-paging, the session with its idle timer, and `portal.raw` for
 * typed access to any path.
 *
 * @example
 * const portal = createPortalClient({
 *   baseUrl: 'http://127.0.0.1:4010/api/v1',
 *   credentials: { username: 'admin.a', password: 'Portal-Test-2026!', mfaCode: async () => '246810' },
 *   onSessionWarning: ({ refresh }) => void refresh(),
 * });
 * const { data: members } = await portal.members.search({ memberId: 'K5500648801' });
 */
export function createPortalClient(options: PortalClientOptions): PortalClient {
  const baseUrl = checkBaseUrl(asRecord(options)?.baseUrl);
  const wrong = clientOptionViolations(options as unknown as Record<string, unknown>);
  if (wrong.length > 0) {
    throw new PortalError(
      `createPortalClient: ${wrong.map((v) => `${v.path}: ${v.message}`).join(' ')} Every option: ${GUIDE}.`,
    );
  }
  const clock = options.clock === 'portal' ? createPortalClock() : (options.clock ?? systemClock);
  const log = createLog(options.logger);
  const session = new SessionManager({
    clock,
    log,
    credentials: options.credentials,
    sessionToken: options.sessionToken,
    onSessionWarning: options.onSessionWarning,
    onSessionExpired: options.onSessionExpired,
  });
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch,
    clock,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    requireMockPortal: options.requireMockPortal ?? false,
    headers: options.headers ?? {},
    log,
    session,
  });
  const raw = createClient<paths>({ baseUrl, fetch: (request: Request) => transport(request) });
  const ctx: ResourceContext = {
    raw: withCheckedParams(raw),
    transport,
    fhirBaseUrl: fhirBaseUrlOf(baseUrl, options.fhirBaseUrl),
    clock,
    log,
    session,
    onWarning: options.onWarning,
  };
  session.bind(createSessionApi(ctx));
  const documents = createDocumentsResource(ctx);
  return {
    raw,
    clock,
    session: createSessionResource(ctx),
    account: createAccountResource(ctx),
    registration: createRegistrationResource(ctx),
    users: createUsersResource(ctx),
    members: createMembersResource(ctx),
    reports: createReportsResource(ctx),
    carePlans: createCarePlansResource(ctx),
    preauthorizations: createPreauthorizationsResource(ctx),
    referrals: createReferralsResource(ctx),
    admissionNotifications: createAdmissionNotificationsResource(ctx),
    claims: createClaimsResource(ctx),
    messages: createMessagesResource(ctx),
    providers: createProvidersResource(ctx),
    documents,
    fhir: createFhirResource(ctx),
    /** Polls a document being prepared until it is ready (see `portal.documents.waitFor`). */
    waitForDocument: documents.waitFor,
  };
}

/**
 * The client {@link createPortalClient} answers: a resource per domain, a method per operation of
 * the spec. Named (not inferred) so that editors and the published `.d.ts` keep every method's
 * description and parameter types.
 *
 * @example
 * function recentClaims(portal: PortalClient) { return portal.claims.search({ from: '2026-09-01', to: '2026-11-23' }); }
 */
export interface PortalClient {
  /** The typed openapi-fetch client over the same transport, for any path: `{ data, error, response }`. */
  raw: Client<paths>;
  /**
   * The clock the rules and the idle timer read: `today(portal.clock)` is the day the SDK checks
   * against (the portal's own day under `clock: 'portal'`).
   */
  clock: Clock;
  /** Sign-in, the emailed-code (MFA) step, refresh, sign-out and the current user. */
  session: SessionResource;
  /** Your own account: password, PIN, email (confirmed by an emailed code), settings, additional Tax IDs. */
  account: AccountResource;
  /** Organization and user registration, provider account association and links. */
  registration: RegistrationResource;
  /** The users of a Tax ID: invitations, roles, revocation, site verification. */
  users: UsersResource;
  /** Member search, eligibility, ID cards, benefits and network status. */
  members: MembersResource;
  /** Reports prepared as documents (PCP member panel). */
  reports: ReportsResource;
  /** Care plans and their attestations. */
  carePlans: CarePlansResource;
  /** Preauthorizations: search, submit (checked by the rules first), modify, attachments. */
  preauthorizations: PreauthorizationsResource;
  /** Referrals: search, submit, cancel. */
  referrals: ReferralsResource;
  /** Admission notifications: search and submit. */
  admissionNotifications: AdmissionNotificationsResource;
  /** Claims: search (auto-paging), details, payments and exports. */
  claims: ClaimsResource;
  /** Secure messages with the health plan. */
  messages: MessagesResource;
  /** Provider directory and profile updates. */
  providers: ProvidersResource;
  /** Documents the portal prepares: status, download, waiting. */
  documents: DocumentsResource;
  /**
   * The portal's FHIR face (Da Vinci PAS 2.2.1 at `fhirBaseUrl`): prior authorization as PAS Bundles
   * (`Claim/$submit`, checked by the same rules first), inquiries (`Claim/$inquire`), capabilities.
   */
  fhir: FhirResource;
  /** Polls a document being prepared until it is ready (see `portal.documents.waitFor`). */
  waitForDocument: DocumentsResource['waitFor'];
}
