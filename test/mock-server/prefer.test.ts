import { describe, expect, it } from 'vitest';
import { createTestPortal } from './helpers.ts';

describe('Prefer header scenarios', () => {
  it('forces an error status as a problem document', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const unavailable = await portal.call('GET', '/api/v1/me', { token, headers: { Prefer: 'status=503' } });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('1');
    expect(await unavailable.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });

    const limited = await portal.call('GET', '/api/v1/me', { token, headers: { Prefer: 'status=429' } });
    expect(await limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 1 });

    const coded = await portal.call('GET', '/api/v1/me', {
      token,
      headers: { Prefer: 'status=403, code=ADMIN_ROLE_REQUIRED' },
    });
    expect(await coded.json()).toMatchObject({ status: 403, code: 'ADMIN_ROLE_REQUIRED' });
  });

  it('forces the status before authentication, so QA can force errors on any call', async () => {
    const portal = createTestPortal();
    const response = await portal.call('GET', '/api/v1/me', { headers: { Prefer: 'status=500' } });
    expect(await response.json()).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('adds latency in real time', async () => {
    const portal = createTestPortal();
    const started = performance.now();
    const response = await portal.call('POST', '/api/v1/account/password-reset', {
      json: { email: 'someone@example.com' },
      headers: { Prefer: 'latency=150' },
    });
    expect(response.status).toBe(202);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('fails a seeded share of requests with --failure-rate, the same ones for the same seed', async () => {
    const statuses = async () => {
      const portal = createTestPortal({ failureRate: 0.3 });
      const result: number[] = [];
      for (let i = 0; i < 40; i++) {
        const response = await portal.call('POST', '/api/v1/account/password-reset', {
          json: { email: 'a@b.example' },
        });
        result.push(response.status);
      }
      return result;
    };
    const first = await statuses();
    expect(first).toEqual(await statuses());
    const failures = first.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(25);
  });
});
