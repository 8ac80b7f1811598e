import { describe, expect, it } from 'vitest';
import { PERSONA_MFA_CODE, PERSONA_PASSWORD, PERSONAS } from '../../mock-server/core/personas.ts';
import { createTestPortal } from './helpers.ts';

describe('the admin API', () => {
  it('reads, sets and advances the clock', async () => {
    const portal = createTestPortal();
    expect(await (await portal.admin('GET', '/clock')).json()).toMatchObject({
      now: '2026-11-23T14:00:00Z',
      today: '2026-11-23',
    });
    expect(await (await portal.admin('PUT', '/clock', { now: '2026-12-01T04:59:59Z' })).json()).toMatchObject(
      {
        now: '2026-12-01T04:59:59Z',
        today: '2026-11-30',
      },
    );
    const advanced = await portal.admin('POST', '/clock/advance', {
      days: 1,
      hours: 1,
      minutes: 1,
      seconds: 1,
    });
    expect(await advanced.json()).toMatchObject({ now: '2026-12-02T06:01:00Z' });
    expect((await portal.admin('POST', '/clock/advance', {})).status).toBe(400);
    expect((await portal.admin('PUT', '/clock', { now: 'yesterday' })).status).toBe(400);
  });

  it('lists the personas with their password and MFA code', async () => {
    const body = (await (await createTestPortal().admin('GET', '/personas')).json()) as {
      password: string;
      mfaCode: string;
      personas: { username: string; grants: unknown[] }[];
    };
    expect(body.password).toBe(PERSONA_PASSWORD);
    expect(body.mfaCode).toBe(PERSONA_MFA_CODE);
    expect(body.personas.map((p) => p.username)).toEqual(PERSONAS.map((p) => p.username));
    expect(body.personas.find((p) => p.username === 'multi.tin')?.grants).toHaveLength(2);
  });

  it('creates a session without the sign-in dance', async () => {
    const portal = createTestPortal();
    const created = await portal.admin('POST', '/sessions', { username: 'mfa.due' });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    expect((await portal.call('GET', '/api/v1/me', { token })).status).toBe(200);
    expect((await portal.admin('POST', '/sessions', { username: 'nobody' })).status).toBe(404);
  });

  it('keeps the audit log and the request log', async () => {
    const portal = createTestPortal();
    await portal.signIn('admin.a');
    await portal.call('GET', '/api/v1/nowhere');
    const audit = (await (await portal.admin('GET', '/audit?action=session.sign_in')).json()) as {
      entries: { userId: string; action: string; at: string }[];
    };
    expect(audit.entries).toEqual([
      {
        at: '2026-11-23T14:00:00.000Z',
        userId: 'USR-000001',
        action: 'session.sign_in',
        subject: 'USR-000001',
      },
    ]);
    const requests = (await (await portal.admin('GET', '/requests')).json()) as {
      entries: {
        method: string;
        path: string;
        operationId: string | null;
        status: number;
        userId: string | null;
      }[];
    };
    expect(
      requests.entries.map(({ method, path, operationId, status }) => ({
        method,
        path,
        operationId,
        status,
      })),
    ).toEqual([
      { method: 'POST', path: '/api/v1/session', operationId: 'signIn', status: 200 },
      { method: 'GET', path: '/api/v1/nowhere', operationId: null, status: 404 },
    ]);
  });

  it('serves the scenario catalog: Prefer values, personas, documented members', async () => {
    const body = (await (await createTestPortal().admin('GET', '/scenarios')).json()) as {
      scenarios: { kind: string; value: string; effect: string }[];
    };
    const kinds = new Set(body.scenarios.map((s) => s.kind));
    expect(kinds).toContain('prefer');
    expect(kinds).toContain('persona');
    expect(body.scenarios.find((s) => s.value === 'status=<400-599>')).toBeDefined();
    for (const persona of PERSONAS)
      expect(body.scenarios.some((s) => s.value === persona.username)).toBe(true);
    for (const entry of body.scenarios) expect(entry.effect.length).toBeGreaterThan(10);
  });

  it('answers unknown admin routes with a 404 problem', async () => {
    const response = await createTestPortal().admin('GET', '/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
