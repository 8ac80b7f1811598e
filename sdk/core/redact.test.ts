import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeFetch, json, session, UNIT_CLOCK } from '../../test/sdk/support/fake-fetch.ts';
import { createPortalClient } from '../client.ts';
import { createLog } from './logger.ts';
import { REDACTED, redact, redactHeaders, redactText, redactUrl } from './redact.ts';

describe('redaction', () => {
  it('replaces member IDs in paths and sensitive query parameters', () => {
    expect(redactUrl('http://127.0.0.1:4010/api/v1/members/K5500648801/benefits')).toBe(
      `http://127.0.0.1:4010/api/v1/members/${REDACTED}/benefits`,
    );
    const url = redactUrl(
      'http://h/api/v1/members?firstName=Testh&lastName=Ayod&dateOfBirth=1954-09-05&asOf=2026-11-23&page=2',
    );
    expect(url).not.toMatch(/Testh|Ayod|1954-09-05/);
    expect(url).toContain('asOf=2026-11-23');
    expect(url).toContain('page=2');
    expect(redactUrl('http://h/api/v1/claims?memberId=K5500648801&from=2026-09-01')).not.toContain(
      'K5500648801',
    );
  });

  it('replaces Authorization, cookies and tokens in headers and text', () => {
    const headers = redactHeaders(
      new Headers({
        Authorization: 'Bearer pps_abc',
        Cookie: 'sid=1',
        Prefer: 'status=503',
        'X-Note': 'pps_secret1',
      }),
    );
    expect(headers).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      prefer: 'status=503',
      'x-note': REDACTED,
    });
    expect(redactText('failed with Bearer abc.def-ghi and pps_3q9XkA7mZr2L')).toBe(
      `failed with ${REDACTED} and ${REDACTED}`,
    );
  });

  it('replaces passwords, MFA codes, PINs, member IDs, names and dates of birth anywhere in a value', () => {
    const value = redact({
      username: 'admin.a',
      password: 'Portal-Test-2026!',
      code: '246810',
      leadSiteManager: { firstName: 'Olivia', lastName: 'Miller', pin: '4821' },
      members: [{ memberId: 'K5500648801', dateOfBirth: '1954-09-05', status: 'active' }],
      session: { token: 'pps_x' },
    });
    expect(value).toEqual({
      username: 'admin.a',
      password: REDACTED,
      code: REDACTED,
      leadSiteManager: { firstName: REDACTED, lastName: REDACTED, pin: REDACTED },
      members: [{ memberId: REDACTED, dateOfBirth: REDACTED, status: 'active' }],
      session: { token: REDACTED },
    });
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'x' };
    a.self = a;
    expect(redact(a)).toEqual({ name: REDACTED, self: '[…]' });
  });

  it('a throwing logger never breaks a call', () => {
    const log = createLog({
      info: () => {
        throw new Error('boom');
      },
    });
    expect(() => log('info', 'hello')).not.toThrow();
  });
});

describe('the logger hook of a client', () => {
  it('never receives credentials, tokens, MFA codes or member identifiers', async () => {
    const lines: string[] = [];
    const record = (message: string, details?: Record<string, unknown>) => {
      lines.push(`${message} ${JSON.stringify(details ?? {})}`);
    };
    const challenge = {
      status: 'mfa_required',
      challengeId: 'MFA-7K2P9Q4X',
      deliveredTo: 'a*****n@example.com',
      expiresAt: '2026-11-23T14:15:00Z',
      reason: 'new_device',
    };
    const fetch = fakeFetch(
      json(200, challenge),
      json(200, session('pps_secret_token_0000000009')),
      json(200, { data: [], page: { number: 1, size: 25, totalItems: 0, totalPages: 0 } }),
      json(503, { type: 'about:blank', title: 'x', status: 503, code: 'SERVICE_UNAVAILABLE' }),
    );
    const portal = createPortalClient({
      baseUrl: BASE_URL,
      clock: UNIT_CLOCK,
      fetch,
      maxRetries: 0,
      credentials: { username: 'admin.a', password: 'Portal-Test-2026!', mfaCode: async () => '246810' },
      logger: { debug: record, info: record, warn: record, error: record },
    });
    await portal.members.search({ firstName: 'Testh', lastName: 'Ayod', dateOfBirth: '1954-09-05' });
    await portal.members.get('K5500648801').catch(() => undefined);
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(4);
    for (const secret of [
      'Portal-Test-2026!',
      '246810',
      'pps_secret_token',
      'K5500648801',
      'Testh',
      'Ayod',
      '1954-09-05',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('GET');
    expect(all).toContain('/api/v1/members');
  });
});

describe('redact at its edges', () => {
  it('keeps other values as they are, scrubs tokens from text, and cuts depth beyond 8 and cycles', () => {
    expect(redact(42)).toBe(42);
    expect(redact(null)).toBeNull();
    expect(redact(undefined)).toBeUndefined();
    expect(redact('Bearer pps_abc123')).toBe(REDACTED);
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 9; i++) deep = { next: deep };
    // Levels 0–8 are copied; the object at depth 9 is cut.
    let copied = redact(deep) as Record<string, unknown>;
    for (let i = 0; i < 8; i++) copied = copied.next as Record<string, unknown>;
    expect(copied.next).toBe('[…]');
    let eight: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 8; i++) eight = { next: eight };
    let kept = redact(eight) as Record<string, unknown>;
    for (let i = 0; i < 8; i++) kept = kept.next as Record<string, unknown>;
    expect(kept).toEqual({ leaf: 'x' });
    // Arrays count as levels too: eight nested arrays keep their leaf, nine cut it.
    const nest = (levels: number): unknown => (levels === 0 ? 'x' : [nest(levels - 1)]);
    const unnest = (value: unknown, levels: number): unknown =>
      levels === 0 ? value : unnest((value as unknown[])[0], levels - 1);
    expect(unnest(redact(nest(9)), 9)).toBe('x');
    expect(unnest(redact(nest(10)), 9)).toBe('[…]');
    const cycle: Record<string, unknown> = { id: 'a' };
    cycle.self = cycle;
    expect(redact(cycle)).toEqual({ id: 'a', self: '[…]' });
    const list = redact([{ memberId: 'K5500648801' }, [{ password: 'x' }]]);
    expect(list).toEqual([{ memberId: REDACTED }, [{ password: REDACTED }]]);
  });

  it('reads Headers and Errors, and leaves empty sensitive fields empty', () => {
    expect(redact(new Headers({ Authorization: 'Bearer x', Prefer: 'status=503' }))).toEqual({
      authorization: REDACTED,
      prefer: 'status=503',
    });
    expect(redact(new TypeError('token pps_abc123 refused'))).toEqual({
      name: 'TypeError',
      message: `token ${REDACTED} refused`,
    });
    expect(
      redact({ memberId: null, password: undefined, member_id: 'K5500648801', 'Member-Id': 'K1' }),
    ).toEqual({
      memberId: null,
      password: undefined,
      member_id: REDACTED,
      'Member-Id': REDACTED,
    });
  });

  it('redacts a member ID after /members/ only, and leaves an empty segment', () => {
    expect(redactUrl('http://h/api/v1/members/')).toBe('http://h/api/v1/members/');
    expect(redactUrl('http://h/api/v1/claims/2026C00123456')).toBe('http://h/api/v1/claims/2026C00123456');
    expect(redactUrl('http://h/api/v1/members/K5500648801')).toBe(`http://h/api/v1/members/${REDACTED}`);
    // A search ends at /members: nothing after it to redact, nothing added.
    expect(redactUrl('http://h/api/v1/members?page=2')).toBe('http://h/api/v1/members?page=2');
    // Not a URL at all: its tokens are still scrubbed.
    expect(redactUrl('not a url pps_abc123')).toBe(`not a url ${REDACTED}`);
  });
});
