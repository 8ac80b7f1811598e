import { describe, expect, it } from 'vitest';
import { createTestPortal } from './helpers.ts';

async function openSandbox(portal: ReturnType<typeof createTestPortal>, body: unknown = {}): Promise<string> {
  const response = await portal.admin('POST', '/sandboxes', body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { sandboxId: string }).sandboxId;
}

describe('sandboxes', () => {
  it('keep their writes to themselves and their own clock', async () => {
    const portal = createTestPortal();
    const one = await openSandbox(portal);
    const two = await openSandbox(portal);
    const adminOne = await portal.tokenFor('admin.a', one);
    const adminTwo = await portal.tokenFor('admin.a', two);

    const invite = await portal.call('POST', '/api/v1/tax-ids/060646668/invitations', {
      sandbox: one,
      token: adminOne,
      json: {
        invitations: [
          { firstName: 'Karen', lastName: 'Chen', email: 'kchen@example.com', role: 'billing_staff' },
        ],
      },
    });
    expect(invite.status).toBe(200);
    const users = async (sandbox: string, token: string) =>
      (
        (await (await portal.call('GET', '/api/v1/tax-ids/060646668/users', { sandbox, token })).json()) as {
          data: { email: string }[];
        }
      ).data.map((user) => user.email);
    expect(await users(one, adminOne)).toContain('kchen@example.com');
    expect(await users(two, adminTwo)).not.toContain('kchen@example.com');

    // A token belongs to its sandbox.
    expect((await portal.call('GET', '/api/v1/me', { sandbox: two, token: adminOne })).status).toBe(401);

    await portal.advance({ hours: 5 }, one);
    const clock = async (sandbox?: string) =>
      ((await (await portal.admin('GET', '/clock', undefined, sandbox)).json()) as { now: string }).now;
    expect(await clock(one)).toBe('2026-11-23T19:00:00Z');
    expect(await clock(two)).toBe('2026-11-23T14:00:00Z');
    expect(await clock()).toBe('2026-11-23T14:00:00Z');
  });

  it('take their own seed, member count and clock', async () => {
    const portal = createTestPortal();
    const id = await openSandbox(portal, { seed: 7, members: 50, clock: '2027-01-04T15:00:00Z' });
    const sandbox = portal.core.sandbox(id);
    expect(sandbox?.state.seed).toBe(7);
    expect(sandbox?.state.memberCount).toBe(50);
    expect(sandbox?.state.clock.now().toISOString()).toBe('2027-01-04T15:00:00.000Z');
  });

  it('are freed when deleted, and then refused', async () => {
    const portal = createTestPortal();
    const id = await openSandbox(portal);
    expect(portal.core.sandbox(id)).toBeDefined();
    expect((await portal.admin('DELETE', `/sandboxes/${id}`)).status).toBe(204);
    expect(portal.core.sandbox(id)).toBeUndefined();
    expect(portal.core.sandboxes().map((s) => s.state.id)).toEqual(['default']);
    const refused = await portal.call('GET', '/api/v1/me', { sandbox: id });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('x-mock-portal')).toBe('1');
    expect(await refused.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await portal.admin('DELETE', `/sandboxes/${id}`)).status).toBe(404);
  });

  it('reset to their initial state', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    await portal.advance({ days: 2 });
    const reset = await portal.admin('POST', '/reset');
    expect(await reset.json()).toMatchObject({ reset: true, now: '2026-11-23T14:00:00Z' });
    expect((await portal.call('GET', '/api/v1/me', { token })).status).toBe(401);
  });
});
