/**
 * What the transport tells: its log lines (redacted) and its errors' words, pinned in snapshots, and
 * the edges of its bookkeeping (which operation a URL is, whose header wins, when a 401 ends the
 * session). Retry decisions themselves: transport.test.ts and never-resent.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE_URL, fakeFetch, hangingFetch, json, problem } from '../../test/sdk/support/fake-fetch.ts';
import { MockPortalRequiredError } from '../errors.ts';
import { fixedClock } from '../rules/index.ts';
import { createTransport, type TransportConfig } from './transport.ts';

type Fetch = (request: Request) => Promise<Response>;

function setup(fetch: Fetch, extra: Partial<TransportConfig> = {}) {
  const lines: unknown[] = [];
  const session = {
    authorize: vi.fn(async () => 'pps_secret_token_0001' as string | undefined),
    touch: vi.fn(),
    markExpired: vi.fn(),
  };
  const send = createTransport({
    baseUrl: BASE_URL,
    fetch,
    clock: fixedClock('2026-11-23T14:00:00Z'),
    timeoutMs: 100,
    maxRetries: 1,
    requireMockPortal: false,
    // A fixed client request id, so that the lines can be pinned.
    headers: { 'X-Client-Request-Id': 'client-1' },
    log: (level, message, details) =>
      lines.push(details === undefined ? [level, message] : [level, message, details]),
    session,
    random: () => 0.5,
    ...extra,
  });
  return { send, lines, session };
}

async function settle(promise: Promise<unknown>) {
  const outcome = promise.then(
    (response) => ({ status: (response as Response).status }),
    (error: unknown) => ({ error: `${(error as Error).name}: ${(error as Error).message}` }),
  );
  await vi.advanceTimersByTimeAsync(60_000);
  return outcome;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T14:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the transport log (pinned)', () => {
  it('a 503 retried after its Retry-After, then answered', async () => {
    const fetch = fakeFetch(
      json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '1' }),
      json(200, { memberId: 'K5500648801' }),
    );
    const { send, lines } = setup(fetch);
    expect(await settle(send(new Request(`${BASE_URL}/members/K5500648801`)))).toEqual({ status: 200 });
    expect(lines).toMatchSnapshot();
    expect(JSON.stringify(lines)).not.toContain('K5500648801');
    expect(JSON.stringify(lines)).not.toContain('pps_secret_token_0001');
  });

  it('a network error retried with backoff, then given up', async () => {
    const { send, lines } = setup(fakeFetch(new TypeError('fetch failed')));
    const outcome = await settle(send(new Request(`${BASE_URL}/members/K5500648801`)));
    expect(outcome).toMatchSnapshot();
    expect(lines).toMatchSnapshot();
  });

  it('a timeout, not retried for a POST without a key', async () => {
    const { send, lines } = setup(hangingFetch(), { maxRetries: 3 });
    const outcome = await settle(
      send(new Request(`${BASE_URL}/preauthorization-checks`, { method: 'POST', body: '{}' })),
    );
    expect(outcome).toMatchSnapshot();
    expect(lines).toMatchSnapshot();
  });

  it('a thrown value that is not an Error is described as text', async () => {
    const { send } = setup(
      async () => {
        throw 'socket closed';
      },
      { maxRetries: 0 },
    );
    expect(await settle(send(new Request(`${BASE_URL}/me`)))).toMatchSnapshot();
  });
});

describe('the transport bookkeeping', () => {
  it('retries a 503 that has no body', async () => {
    const fetch = fakeFetch(
      new Response(null, { status: 503, headers: { 'Retry-After': '1', 'X-Mock-Portal': '1' } }),
      json(200, {}),
    );
    const { send } = setup(fetch);
    expect(await settle(send(new Request(`${BASE_URL}/me`)))).toEqual({ status: 200 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a PortalError thrown by the fetch goes through as it is, not retried', async () => {
    const thrown = new MockPortalRequiredError('https://portal.test/api/v1/me');
    const fetch = vi.fn(async () => {
      throw thrown;
    });
    const { send } = setup(fetch, { maxRetries: 3 });
    const outcome = send(new Request(`${BASE_URL}/me`)).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await outcome).toBe(thrown);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('knows the operation of a URL under a base URL with trailing slashes, and adds a create its key', async () => {
    const fetch = fakeFetch(json(201, { referenceId: 'PA-00000001' }));
    const { send } = setup(fetch, { baseUrl: `${BASE_URL}///` });
    await settle(send(new Request(`${BASE_URL}/preauthorizations`, { method: 'POST', body: '{}' })));
    expect(fetch.requests[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    // Not an operation of the contract: no key.
    const outside = fakeFetch(json(201, {}));
    await settle(
      setup(outside).send(new Request('https://portal.test/elsewhere/preauthorizations', { method: 'POST' })),
    );
    expect(outside.requests[0]?.headers.has('idempotency-key')).toBe(false);
  });

  it("the call's own headers win over the client's; the client's fill what the call lacks", async () => {
    const fetch = fakeFetch(json(200, {}));
    const { send } = setup(fetch, { headers: { Prefer: 'status=503', 'X-Mock-Sandbox': 'sbx_1' } });
    await settle(send(new Request(`${BASE_URL}/me`, { headers: { Prefer: 'latency=10' } })));
    expect(fetch.requests[0]?.headers.get('prefer')).toBe('latency=10');
    expect(fetch.requests[0]?.headers.get('x-mock-sandbox')).toBe('sbx_1');
    expect(fetch.requests[0]?.headers.get('x-client-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const own = fakeFetch(json(200, {}));
    await settle(
      setup(own, { headers: {} }).send(
        new Request(`${BASE_URL}/me`, { headers: { 'X-Client-Request-Id': 'mine' } }),
      ),
    );
    expect(own.requests[0]?.headers.get('x-client-request-id')).toBe('mine');
  });

  it('an anonymous call asks the session for nothing and sends no Authorization', async () => {
    const fetch = fakeFetch(json(200, {}));
    const { send, session } = setup(fetch);
    await settle(send(new Request('https://portal.test/fhir/r4/metadata'), { anonymous: true }));
    expect(session.authorize).not.toHaveBeenCalled();
    expect(session.touch).not.toHaveBeenCalled();
    expect(fetch.requests[0]?.headers.has('authorization')).toBe(false);
    await settle(send(new Request('https://portal.test/fhir/r4/metadata')));
    expect(session.authorize).toHaveBeenCalledTimes(1);
    expect(fetch.requests[1]?.headers.get('authorization')).toBe('Bearer pps_secret_token_0001');
  });

  it('a 401 SESSION_EXPIRED ends the session of an authenticated call only; other 401s do not', async () => {
    const expired = () => fakeFetch(json(401, problem(401, 'SESSION_EXPIRED')));
    const authenticated = setup(expired());
    await settle(authenticated.send(new Request(`${BASE_URL}/me`)));
    expect(authenticated.session.markExpired).toHaveBeenCalledTimes(1);
    expect(authenticated.session.touch).toHaveBeenCalledTimes(1);
    const signIn = setup(expired());
    await settle(signIn.send(new Request(`${BASE_URL}/session`, { method: 'POST', body: '{}' })));
    expect(signIn.session.markExpired).not.toHaveBeenCalled();
    expect(signIn.session.authorize).not.toHaveBeenCalled();
    expect(signIn.session.touch).not.toHaveBeenCalled();
    const other = setup(fakeFetch(json(401, problem(401, 'UNAUTHENTICATED'))));
    await settle(other.send(new Request(`${BASE_URL}/me`)));
    expect(other.session.markExpired).not.toHaveBeenCalled();
    const notJson = setup(fakeFetch(new Response('nope', { status: 401 })));
    expect(await settle(notJson.send(new Request(`${BASE_URL}/me`)))).toEqual({ status: 401 });
    expect(notJson.session.markExpired).not.toHaveBeenCalled();
  });

  it('an already aborted signal is an APIUserAbortError with its reason, before sending', async () => {
    const fetch = fakeFetch(json(200, {}));
    const controller = new AbortController();
    controller.abort('changed my mind');
    const { send } = setup(fetch);
    const error = await send(new Request(`${BASE_URL}/me`), { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'APIUserAbortError', cause: 'changed my mind' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('an abort while waiting for the answer is the caller’s, not a timeout', async () => {
    const controller = new AbortController();
    const { send } = setup(hangingFetch(), { timeoutMs: 1_000 });
    const outcome = send(new Request(`${BASE_URL}/me`), { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort('stop');
    expect(await outcome).toMatchObject({ name: 'APIUserAbortError' });
  });
});

describe('a log that writes nothing costs nothing', () => {
  it('asks the log which levels it writes, and builds only the lines it writes', async () => {
    const written: string[] = [];
    const asked: string[] = [];
    const log = Object.assign(
      (level: string, message: string) => {
        written.push(`${level} ${message}`);
      },
      {
        enabled: (level: string) => {
          asked.push(level);
          return level === 'warn';
        },
      },
    );
    const { send } = setup(
      fakeFetch(json(200, { memberId: 'K5500648801' }), json(404, problem(404, 'NOT_FOUND'))),
      { log: log as TransportConfig['log'] },
    );
    expect(await settle(send(new Request(`${BASE_URL}/members/K5500648801`)))).toEqual({ status: 200 });
    expect(written).toEqual([]);
    expect(await settle(send(new Request(`${BASE_URL}/members/K5500648802`)))).toEqual({ status: 404 });
    // Only the warning of the 404 is written, with the member ID redacted from its URL.
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^warn ← GET .*\/members\/\[REDACTED\] 404 in \d+ ms$/);
    // Asked before each line: the request's (debug) and the answer's (debug for a 200, warn for a 404).
    expect(asked).toEqual(['debug', 'debug', 'debug', 'warn']);
  });
});
