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
