/**
 * An injected fetch for unit tests of the SDK (never a patched global): answers from a script of
 * responders, and records every request it was given (with its body read as text).
 */
import { vi } from 'vitest';
import type { RequestBody } from '../../../sdk/core/types.ts';
import { fixedClock } from '../../../sdk/rules/index.ts';

/** What the fake fetch answers for one request: a Response, a function making one, or an Error to throw. */
export type Responder = Response | Error | ((request: Request) => Response | Promise<Response>);

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  signal: AbortSignal;
}

/**
 * A fake fetch answering each call with the next responder (the last one repeats).
 *
 * @example
 * const fetch = fakeFetch(json(503, problem(503), { 'Retry-After': '1' }), json(200, member));
 */
export function fakeFetch(...responders: Responder[]) {
  const requests: RecordedRequest[] = [];
  let index = 0;
  const fn = vi.fn(async (request: Request): Promise<Response> => {
    requests.push({
      method: request.method,
      url: new URL(request.url),
      headers: new Headers(request.headers),
      body: request.body === null ? '' : await request.clone().text(),
      signal: request.signal,
    });
    const responder = responders[Math.min(index, responders.length - 1)];
    index += 1;
    if (responder === undefined) throw new Error('fakeFetch: no responder');
    if (responder instanceof Error) throw responder;
    if (typeof responder === 'function') return responder(request);
    return responder.clone();
  });
  return Object.assign(fn, { requests });
}

/** A JSON answer with the mock portal's marker and a request id. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
      'X-Mock-Portal': '1',
      'X-Request-Id': `req_${status}`,
      ...headers,
    },
  });
}

/** A problem document. */
export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'about:blank',
    title: `Problem ${code}`,
    status,
    code,
    detail: `Because ${code}.`,
    ...extra,
  };
}

/** A fetch that never answers until its signal aborts (for timeouts and aborts). */
export function hangingFetch() {
  return vi.fn(
    (request: Request) =>
      new Promise<Response>((_resolve, reject) => {
        const abort = () => reject(request.signal.reason ?? new DOMException('aborted', 'AbortError'));
        if (request.signal.aborted) abort();
        request.signal.addEventListener('abort', abort, { once: true });
      }),
  );
}

/** A page of a list answer. */
export function page<T>(data: T[], number: number, totalPages: number, size = data.length) {
  return { data, page: { number, size, totalItems: totalPages * size, totalPages } };
}

/** A session as the portal answers it. */
export function session(token = 'pps_test_token_000000000001') {
  return {
    token,
    tokenType: 'Bearer',
    issuedAt: '2026-11-23T14:00:00Z',
    expiresAt: '2026-11-23T14:15:00Z',
    idleTimeoutSeconds: 900,
    warningBeforeSeconds: 30,
    user: {
      userId: 'USR-000001',
      username: 'admin.a',
      firstName: 'Ada',
      lastName: 'Admin',
      email: 'a@example.com',
    },
  };
}

export const BASE_URL = 'https://portal.test/api/v1';

/**
 * "Now" for unit-tested clients (Monday 2026-11-23, 10:00 in New York): the dates in these tests are
 * written against it, so a test passes on any day it runs.
 */
export const UNIT_CLOCK = fixedClock('2026-11-23T15:00:00Z');

/** A valid preauthorization request (a course of physical therapy) for unit-tested clients. */
export const UNIT_PREAUTHORIZATION: RequestBody<'createPreauthorization'> = {
  memberId: 'K5500648801',
  urgency: 'standard',
  serviceType: 'physical_therapy',
  requestingProvider: {
    npi: '1407819535',
    taxId: '060646668',
    name: 'Adamski, John',
    address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
  },
  servicingProvider: {
    npi: '1518060557',
    taxId: '133456789',
    name: 'Riverside Physical Therapy',
    address: { line1: '55 Water St', city: 'New York', state: 'NY', zip: '10041' },
  },
  diagnoses: [{ code: 'M54.50', primary: true }],
  serviceStartDate: '2026-12-01',
  serviceEndDate: '2027-02-26',
  serviceLines: [
    { procedureCode: '97110', units: 24, serviceStartDate: '2026-12-01', serviceEndDate: '2027-02-26' },
  ],
};
