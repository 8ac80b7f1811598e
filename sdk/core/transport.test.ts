import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BASE_URL,
  fakeFetch,
  hangingFetch,
  json,
  UNIT_PREAUTHORIZATION as preauth,
  problem,
} from '../../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from '../client.ts';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  MockPortalRequiredError,
  RateLimitError,
  ServerError,
} from '../errors.ts';

const member = { memberId: 'K5500648801', firstName: 'Testh', lastName: 'Ayod' };
const receipt = { referenceId: 'PA-00000001', status: 'pended' };
function client(fetch: (request: Request) => Promise<Response>, extra: Record<string, unknown> = {}) {
  return createPortalClient({
    baseUrl: BASE_URL,

    sessionToken: 'pps_unit_token_0000000001',
    fetch,
    ...extra,
  });
}

describe('retries', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-23T14:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits what Retry-After says in seconds, then retries a GET', async () => {
    const fetch = fakeFetch(
      json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '2' }),
      json(200, member),
    );
    const result = client(fetch).members.get('K5500648801');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await expect(result).resolves.toEqual(member);
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const fetch = fakeFetch(
      json(429, problem(429, 'RATE_LIMITED'), { 'Retry-After': 'Mon, 23 Nov 2026 14:00:05 GMT' }),
      json(200, member),
    );
    const result = client(fetch).members.get('K5500648801');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(member);
  });

  it('backs off with jitter on 408 and 5xx without Retry-After, up to maxRetries, then throws', async () => {
    const fetch = fakeFetch(json(500, problem(500, 'INTERNAL_ERROR')));
    const result = client(fetch).members.get('K5500648801');
    const assertion = expect(result).rejects.toBeInstanceOf(ServerError);
    await vi.advanceTimersByTimeAsync(10_000);
    await assertion;
    expect(fetch).toHaveBeenCalledTimes(3); // the first attempt + maxRetries (2)
  });

  it('retries connection errors of reads', async () => {
    const fetch = fakeFetch(new TypeError('fetch failed'), json(200, member));
    const result = client(fetch).members.get('K5500648801');
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(result).resolves.toEqual(member);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('throws APIConnectionError once the retries are spent', async () => {
    const fetch = fakeFetch(new TypeError('fetch failed'));
    const result = client(fetch, { maxRetries: 1 }).members.get('K5500648801');
    const assertion = expect(result).rejects.toBeInstanceOf(APIConnectionError);
    await vi.advanceTimersByTimeAsync(1_000);
    await assertion;
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not retry a POST without an Idempotency-Key', async () => {
    const fetch = fakeFetch(json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '1' }));
    const result = client(fetch).preauthorizations.checkRequirement({
      memberId: 'K5500648801',
      procedureCodes: ['97110'],
    });
    await expect(result).rejects.toBeInstanceOf(ServerError);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.requests[0]?.headers.has('idempotency-key')).toBe(false);
  });

  it('adds an Idempotency-Key to every create and keeps it across retries', async () => {
    const fetch = fakeFetch(
      json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '1' }),
      json(500, problem(500, 'INTERNAL_ERROR'), { 'Retry-After': '1' }),
      json(201, receipt),
    );
    const result = client(fetch).preauthorizations.create(preauth);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(result).resolves.toEqual(receipt);
    const keys = fetch.requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(fetch.requests.map((r) => JSON.parse(r.body).memberId)).toEqual([
      'K5500648801',
      'K5500648801',
      'K5500648801',
    ]);
  });

  it('uses the caller’s Idempotency-Key when given', async () => {
    const fetch = fakeFetch(json(201, receipt));
    await client(fetch).preauthorizations.create(preauth, { idempotencyKey: 'my-key-1' });
    expect(fetch.requests[0]?.headers.get('idempotency-key')).toBe('my-key-1');
  });

  it('does not wait for a Retry-After longer than a minute: the error carries it', async () => {
    const fetch = fakeFetch(json(429, problem(429, 'RATE_LIMITED'), { 'Retry-After': '3600' }));
    const error = await client(fetch)
      .members.get('K5500648801')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(3600);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('honours maxRetries per call', async () => {
    const fetch = fakeFetch(json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '1' }));
    await expect(client(fetch).members.get('K5500648801', { maxRetries: 0 })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('timeouts and aborts', () => {
  it('throws APIConnectionTimeoutError when no answer comes within timeoutMs', async () => {
    const fetch = hangingFetch();
    const started = Date.now();
    const error = await client(fetch, { timeoutMs: 50, maxRetries: 0 })
      .members.get('K5500648801')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain('no answer within 50 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('retries a timed-out read, each attempt with its own timeout', async () => {
    const fetch = hangingFetch();
    const error = await client(fetch, { timeoutMs: 20, maxRetries: 1 })
      .members.get('K5500648801', { timeoutMs: 30 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('abandons a call when its signal aborts, without retrying', async () => {
    const fetch = hangingFetch();
    const controller = new AbortController();
    const result = client(fetch).members.get('K5500648801', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(result).rejects.toBeInstanceOf(APIUserAbortError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a caller aborting a request that is never re-sent (revokeUser) gets an abort, not a connection error', async () => {
    const fetch = hangingFetch();
    const controller = new AbortController();
    const result = client(fetch, { timeoutMs: 60_000 })
      .users.revoke('060646668', 'USR-000002', { signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort('user left'), 10);
    const error = await result;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('stops waiting between retries when the signal aborts', async () => {
    const fetch = fakeFetch(json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '30' }));
    const controller = new AbortController();
    const result = client(fetch).members.get('K5500648801', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(result).rejects.toBeInstanceOf(APIUserAbortError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not send at all with an already aborted signal', async () => {
    const fetch = fakeFetch(json(200, member));
    await expect(
      client(fetch).members.get('K5500648801', { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('headers and the mock-portal guard', () => {
  it('sends the bearer token, a client request id and per-call headers; answers the request id', async () => {
    const fetch = fakeFetch(json(200, member));
    const result = await client(fetch, { headers: { 'X-Team': 'qa' } })
      .members.get('K5500648801', { headers: { Prefer: 'latency=10' } })
      .withResponse();
    const sent = fetch.requests[0]!;
    expect(sent.headers.get('authorization')).toBe('Bearer pps_unit_token_0000000001');
    expect(sent.headers.get('x-client-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.headers.get('prefer')).toBe('latency=10');
    expect(sent.headers.get('x-team')).toBe('qa');
    expect(result.requestId).toBe('req_200');
    expect(result.response.status).toBe(200);
  });

  it('requireMockPortal refuses an answer without X-Mock-Portal: 1', async () => {
    const real = new Response(JSON.stringify(member), { headers: { 'Content-Type': 'application/json' } });
    const fetch = fakeFetch(real);
    const error = await client(fetch, { requireMockPortal: true })
      .members.get('K5500648801')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockPortalRequiredError);
    expect((error as Error).message).toContain('X-Mock-Portal');
    expect((error as Error).message).not.toContain('K5500648801');
  });

  it('requireMockPortal lets marked answers through, errors included', async () => {
    const fetch = fakeFetch(json(200, member));
    await expect(client(fetch, { requireMockPortal: true }).members.get('K5500648801')).resolves.toEqual(
      member,
    );
  });

  it('raw calls go through the same pipeline', async () => {
    const fetch = fakeFetch(json(200, member));
    const { data, response } = await client(fetch).raw.GET('/members/{memberId}', {
      params: { path: { memberId: 'K5500648801' } },
    });
    expect(data).toEqual(member);
    expect(response.status).toBe(200);
    expect(fetch.requests[0]?.headers.get('authorization')).toMatch(/^Bearer /);
  });

  it('raw creates get an Idempotency-Key too; public operations no Authorization', async () => {
    const fetch = fakeFetch(json(201, receipt), json(202, { message: 'ok' }));
    const portal = client(fetch);
    await portal.raw.POST('/preauthorizations', { body: preauth });
    await portal.raw.POST('/account/username-recovery', { body: { email: 'a@example.com' } });
    expect(fetch.requests[0]?.headers.has('idempotency-key')).toBe(true);
    expect(fetch.requests[1]?.headers.has('authorization')).toBe(false);
  });
});

describe('Requests made per call', () => {
  // Every undici Request builds an AbortController (and the transport's timeout one more): a read
  // sends openapi-fetch's own Request on its first attempt instead of copying it.
  function countingRequests() {
    const made: Request[] = [];
    const Original = globalThis.Request;
    class Counted extends Original {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, init);
        made.push(this);
      }
    }
    vi.stubGlobal('Request', Counted);
    return made;
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('a read makes one Request, and sends that one, with the headers and the timeout', async () => {
    const made = countingRequests();
    const fetch = fakeFetch(json(200, member));
    await client(fetch, { timeoutMs: 5_000 }).members.get('K5500648801');
    expect(made).toHaveLength(1);
    const sent = fetch.mock.calls[0]?.[0] as Request;
    expect(sent).toBe(made[0]);
    expect(sent.headers.get('authorization')).toBe('Bearer pps_unit_token_0000000001');
    expect(sent.headers.get('x-client-request-id')).toMatch(/\S/);
  });

  it('a retried read makes one more Request per retry, each with the same headers', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T14:00:00Z') });
    const made = countingRequests();
    const fetch = fakeFetch(
      json(503, problem(503, 'SERVICE_UNAVAILABLE'), { 'Retry-After': '1' }),
      json(200, member),
    );
    const result = client(fetch, { maxRetries: 1 }).members.get('K5500648801');
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(result).resolves.toMatchObject({ memberId: 'K5500648801' });
    expect(made).toHaveLength(2);
    const [first, second] = fetch.mock.calls.map((c) => c[0] as Request);
    expect(second).not.toBe(first);
    expect(second?.headers.get('x-client-request-id')).toBe(first?.headers.get('x-client-request-id'));
    expect(second?.headers.get('authorization')).toBe(first?.headers.get('authorization'));
  });

  it("the first attempt's timeout starts when it is sent, not while the call is being built", async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T14:00:00Z') });
    const fetch = hangingFetch();
    const result = client(fetch, { timeoutMs: 100, maxRetries: 0 })
      .members.get('K5500648801')
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(99);
    expect(fetch.mock.calls[0]?.[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe('the first attempt after the call', () => {
  it("is let go once the call is over: a later abort of the caller's signal no longer reaches it", async () => {
    const fetch = fakeFetch(json(200, member));
    const controller = new AbortController();
    await client(fetch).members.get('K5500648801', { signal: controller.signal });
    const sent = fetch.mock.calls[0]?.[0];
    expect(sent?.signal.aborted).toBe(false);
    controller.abort('after the answer');
    expect(sent?.signal.aborted).toBe(false);
  });
});
