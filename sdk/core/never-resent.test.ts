/**
 * The SDK never re-sends what is not safe to repeat: every failure path a retry could follow (a
 * network error, a timeout, a 5xx with and without Retry-After, a 429) × every operation that changes
 * something without an Idempotency-Key the portal keeps. Each is sent exactly once and its error is
 * thrown. The controls (a read, a create with its key) are retried on the same failure, so each row
 * proves its failure path would have led to a retry.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BASE_URL,
  fakeFetch,
  hangingFetch,
  json,
  UNIT_PREAUTHORIZATION as preauth,
  problem,
} from '../../test/sdk/support/fake-fetch.ts';
import { createPortalClient, type PortalClient } from '../client.ts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  type PortalError,
  RateLimitError,
  ServerError,
} from '../errors.ts';
import { systemClock } from '../rules/index.ts';
import { createTransport } from './transport.ts';

const MAX_RETRIES = 3;
const TIMEOUT_MS = 100;
const TAX_ID = '060646668';
const USER_ID = 'USR-000042';

type Fetch = ((request: Request) => Promise<Response>) & { mock: { calls: unknown[][] } };

/** One way an attempt can fail, and the error the caller gets. */
const failures: [name: string, fetch: () => Fetch, error: abstract new (...args: never[]) => PortalError][] =
  [
    ['a network error', () => fakeFetch(new TypeError('fetch failed')), APIConnectionError],
    ['a timeout', () => hangingFetch(), APIConnectionTimeoutError],
    ['a 500 without Retry-After', () => fakeFetch(json(500, problem(500, 'INTERNAL_ERROR'))), ServerError],
    [
      'a 503 with Retry-After',
      () => fakeFetch(json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '1' })),
      ServerError,
    ],
    [
      'a 429 with Retry-After',
      () => fakeFetch(json(429, problem(429, 'RATE_LIMITED'), { 'Retry-After': '1' })),
      RateLimitError,
    ],
  ];

const credentials = {
  username: 'admin.a',
  password: 'Portal-Test-2026!',
  deviceId: 'laptop-7',
  mfaCode: async () => '246810',
};

/** The operations that must be sent once: each is a call on a client with a session token. */
const sentOnce: [name: string, invoke: (portal: PortalClient) => Promise<unknown>][] = [
  ['signIn (credentials)', (p) => p.session.signIn(credentials)],
  [
    'verifyMfaCode (a one-time code)',
    (p) => p.session.verifyMfaCode({ challengeId: 'MFA-7K2P9Q4X', code: '482913' }),
  ],
  ['signOut', (p) => p.session.signOut()],
  ['refreshSession', (p) => p.session.refresh()],
  [
    'updateUserRole',
    (p) => p.users.updateRole(TAX_ID, USER_ID, { role: 'billing_staff', permissions: ['view_claims'] }),
  ],
  ['makeUserAdmin', (p) => p.users.makeAdmin(TAX_ID, USER_ID)],
  [
    'makeUserAdmin with a hand-set Idempotency-Key the operation does not declare',
    (p) => p.users.makeAdmin(TAX_ID, USER_ID, { headers: { 'Idempotency-Key': 'mine' } }),
  ],
  ['revokeUser', (p) => p.users.revoke(TAX_ID, USER_ID)],
  [
    'requestPasswordReset (a POST without a key)',
    (p) => p.session.requestPasswordReset({ email: 'a@example.com' }),
  ],
  ['recoverUsername (a POST without a key)', (p) => p.session.recoverUsername({ email: 'a@example.com' })],
  [
    'checkPreauthorizationRequirement (a POST without a key)',
    (p) => p.preauthorizations.checkRequirement({ memberId: 'K5500648801', procedureCodes: ['97110'] }),
  ],
];

/** The controls: safe to repeat, so retried on the same failure. */
const retried: [name: string, invoke: (portal: PortalClient) => Promise<unknown>][] = [
  ['getMember (a read)', (p) => p.members.get('K5500648801')],
  ['createPreauthorization (a create with its key)', (p) => p.preauthorizations.create(preauth)],
];

function client(fetch: Fetch): PortalClient {
  return createPortalClient({
    baseUrl: BASE_URL,
    sessionToken: 'pps_unit_token_0000000001',
    fetch,
    maxRetries: MAX_RETRIES,
    timeoutMs: TIMEOUT_MS,
  });
}

/** Runs the call to its end (retry waits and timeouts on fake timers), answering what it settled with. */
async function settle(call: Promise<unknown>): Promise<unknown> {
  const outcome = call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.advanceTimersByTimeAsync(120_000);
  return outcome;
}

describe('never re-sent: each failure path × each operation that is not safe to repeat', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-23T14:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe.each(failures)('after %s', (_failure, makeFetch, ErrorClass) => {
    it.each(sentOnce)('%s is sent once and throws', async (_name, invoke) => {
      const fetch = makeFetch();
      const outcome = await settle(invoke(client(fetch)));
      expect(fetch.mock.calls).toHaveLength(1);
      expect(outcome).toEqual({ error: expect.any(ErrorClass) });
    });

    it('updateUserRole through portal.raw is sent once', async () => {
      const fetch = makeFetch();
      const outcome = await settle(
        client(fetch).raw.PATCH('/tax-ids/{taxId}/users/{userId}', {
          params: { path: { taxId: TAX_ID, userId: USER_ID } },
          body: { role: 'billing_staff', permissions: ['view_claims'] },
        }),
      );
      expect(fetch.mock.calls).toHaveLength(1);
      // raw answers an HTTP error as { error, response }; a failure without an answer still throws.
      expect([
        { error: expect.any(ErrorClass) },
        { value: expect.objectContaining({ response: expect.objectContaining({ ok: false }) }) },
      ]).toContainEqual(outcome);
    });

    it.each(retried)('control: %s is retried up to maxRetries', async (_name, invoke) => {
      const fetch = makeFetch();
      const outcome = await settle(invoke(client(fetch)));
      expect(fetch.mock.calls).toHaveLength(MAX_RETRIES + 1);
      expect(outcome).toEqual({ error: expect.any(ErrorClass) });
    });

    it('a POST outside the contract without a key is sent once; with a key it is retried', async () => {
      const send = (fetch: Fetch, headers: Record<string, string>) =>
        createTransport({
          baseUrl: BASE_URL,
          fetch,
          clock: systemClock,
          timeoutMs: TIMEOUT_MS,
          maxRetries: MAX_RETRIES,
          requireMockPortal: false,
          headers: {},
          log: () => undefined,
          session: { authorize: async () => undefined, touch() {}, markExpired() {} },
          random: () => 0.5,
        })(new Request(`${BASE_URL}/not-in-the-contract`, { method: 'POST', headers, body: '{}' }));
      const bare = makeFetch();
      await settle(send(bare, {}));
      expect(bare.mock.calls).toHaveLength(1);
      const keyed = makeFetch();
      await settle(send(keyed, { 'Idempotency-Key': 'caller-key' }));
      expect(keyed.mock.calls).toHaveLength(MAX_RETRIES + 1);
    });
  });
});
