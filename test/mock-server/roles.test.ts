import { describe, expect, it } from 'vitest';
import { TAX_ID_A, TAX_ID_B } from '../../mock-server/data/fixtures.ts';
import { createTestPortal } from './helpers.ts';

describe('roles per Tax ID', () => {
  it('gives multi.tin one role on each Tax ID', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('multi.tin');
    const me = (await (await portal.call('GET', '/api/v1/me', { token })).json()) as {
      grants: { taxId: string; role: string; accessBlocked: boolean }[];
    };
    expect(me.grants.map(({ taxId, role }) => ({ taxId, role }))).toEqual([
      { taxId: TAX_ID_A, role: 'clinical_staff' },
      { taxId: TAX_ID_B, role: 'administrator' },
    ]);
    // Administrator on B: manages B's users; clinical staff on A: may not manage A's.
    expect((await portal.call('GET', `/api/v1/tax-ids/${TAX_ID_B}/users`, { token })).status).toBe(200);
    const onA = await portal.call('GET', `/api/v1/tax-ids/${TAX_ID_A}/users`, { token });
    expect(await onA.json()).toMatchObject({ status: 403, code: 'ADMIN_ROLE_REQUIRED' });
  });

  it("never shows another Tax ID's users: 403 TAX_ID_NOT_AUTHORIZED", async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.b');
    const response = await portal.call('GET', `/api/v1/tax-ids/${TAX_ID_A}/users`, { token });
    expect(await response.json()).toMatchObject({ status: 403, code: 'TAX_ID_NOT_AUTHORIZED' });
    const own = (await (await portal.call('GET', `/api/v1/tax-ids/${TAX_ID_B}/users`, { token })).json()) as {
      data: { userId: string }[];
    };
    expect(own.data.map((user) => user.userId)).toEqual(['USR-000004', 'USR-000005', 'USR-000012']);
  });

  it('a role without the permission an operation needs: 403 PERMISSION_REQUIRED, naming it', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('clinical.a'); // acts for Tax ID A, without view_claims
    const response = await portal.call('GET', '/api/v1/claims?from=2026-09-01&to=2026-11-23', { token });
    const problem = (await response.json()) as { status: number; code: string; detail: string };
    expect(problem).toMatchObject({ status: 403, code: 'PERMISSION_REQUIRED' });
    expect(problem.detail).toContain('view_claims');
    // Granted by the site manager, the same call is answered.
    const admin = await portal.tokenFor('admin.a');
    await portal.call('PATCH', `/api/v1/tax-ids/${TAX_ID_A}/users/USR-000002`, {
      token: admin,
      json: { role: 'clinical_staff', permissions: ['view_eligibility', 'view_claims'] },
    });
    const again = await portal.call('GET', '/api/v1/claims?from=2026-09-01&to=2026-11-23', { token });
    expect(again.status).toBe(200);
  });

  it('changes one role without touching the role on the other Tax ID', async () => {
    const portal = createTestPortal();
    const admin = await portal.tokenFor('admin.a');
    const changed = await portal.call('PATCH', `/api/v1/tax-ids/${TAX_ID_A}/users/USR-000005`, {
      token: admin,
      json: { role: 'billing_staff', permissions: ['view_claims'] },
    });
    expect(await changed.json()).toMatchObject({ role: 'billing_staff', permissions: ['view_claims'] });
    const multi = await portal.tokenFor('multi.tin');
    const me = (await (await portal.call('GET', '/api/v1/me', { token: multi })).json()) as {
      grants: { taxId: string; role: string }[];
    };
    expect(me.grants.map((grant) => grant.role)).toEqual(['billing_staff', 'administrator']);
  });

  it('invites users one by one: each succeeds or fails on its own', async () => {
    const portal = createTestPortal();
    const token = await portal.tokenFor('admin.a');
    const response = await portal.call('POST', `/api/v1/tax-ids/${TAX_ID_A}/invitations`, {
      token,
      json: {
        invitations: [
          { firstName: 'Karen', lastName: 'Chen', email: 'kchen@example.com', role: 'billing_staff' },
          {
            firstName: 'Daniel',
            lastName: 'Reyes',
            email: 'clinical.a@hartfordfamilymed.example',
            role: 'general_user',
          },
        ],
      },
    });
    expect(await response.json()).toEqual({
      results: [
        { email: 'kchen@example.com', outcome: 'sent', invitationId: 'INV-000001' },
        {
          email: 'clinical.a@hartfordfamilymed.example',
          outcome: 'failed',
          problem: { code: 'ONE_ROLE_PER_TAX_ID', message: expect.any(String) },
        },
      ],
    });
    const invited = (await (
      await portal.call('GET', `/api/v1/tax-ids/${TAX_ID_A}/users?status=invited`, { token })
    ).json()) as {
      data: { email: string; status: string }[];
    };
    expect(invited.data).toMatchObject([{ email: 'kchen@example.com', status: 'invited' }]);
  });
});

describe('monthly site verification', () => {
  it('blocks the users of an overdue Tax ID until its site manager verifies the site', async () => {
    const portal = createTestPortal();
    await portal.advance({ days: 31 });
    const clinical = await portal.tokenFor('clinical.a');
    const blocked = await portal.call('GET', '/api/v1/me', { token: clinical });
    const me = (await blocked.json()) as { grants: { accessBlocked: boolean }[] };
    expect(me.grants[0]?.accessBlocked).toBe(true);
    expect(await (await portal.signIn('clinical.a')).json()).toMatchObject({
      status: 403,
      code: 'SITE_VERIFICATION_OVERDUE',
    });

    const admin = await portal.tokenFor('admin.a');
    const path = `/api/v1/tax-ids/${TAX_ID_A}/site-verification`;
    const current = (await (await portal.call('GET', path, { token: admin })).json()) as {
      overdue: boolean;
      dueOn: string;
      users: { userId: string }[];
      providers: { npi: string }[];
    };
    expect(current).toMatchObject({ overdue: true, usersBlocked: true, dueOn: '2026-12-23' });
    const verified = await portal.call('POST', path, {
      token: admin,
      json: {
        users: current.users.map(({ userId }) => ({ userId, stillBelongs: true })),
        providers: current.providers.map(({ npi }) => ({ npi, stillBelongs: true })),
      },
    });
    expect(await verified.json()).toMatchObject({
      overdue: false,
      lastVerifiedOn: '2026-12-24',
      dueOn: '2027-01-23',
    });
    expect(await (await portal.signIn('clinical.a')).json()).toMatchObject({ status: 'authenticated' });
  });
});
