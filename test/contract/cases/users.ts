/** Contract cases of the users domain: users of a Tax ID, invitations, roles, revocation, site verification. */
import { TAX_ID_A, TAX_ID_B } from '../../../mock-server/data/fixtures.ts';
import type { ContractApi, ContractCase } from './types.ts';

const A = `/tax-ids/${TAX_ID_A}`;
const invitation = (email: string, extra: Record<string, unknown> = {}) => ({
  firstName: 'Karen',
  lastName: 'Chen',
  email,
  role: 'billing_staff',
  ...extra,
});

async function siteAnswers(api: ContractApi, path: string) {
  const current = (await (await api.call('GET', path)).json()) as {
    users: { userId: string }[];
    providers: { npi: string }[];
  };
  return {
    users: current.users.map(({ userId }) => ({ userId, stillBelongs: userId !== 'USR-000003' })),
    providers: current.providers.map(({ npi }) => ({ npi, stillBelongs: true })),
  };
}

export const cases: ContractCase[] = [
  {
    operationId: 'listTaxIdUsers',
    name: 'the users of my Tax ID',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `${A}/users`),
  },
  {
    operationId: 'listTaxIdUsers',
    name: 'filtered by status and name',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `${A}/users?status=active&q=reyes`),
  },
  {
    operationId: 'listTaxIdUsers',
    name: '403 ADMIN_ROLE_REQUIRED for clinical staff',
    as: 'clinical.a',
    status: 403,
    run: (api) => api.call('GET', `${A}/users`),
  },
  {
    operationId: 'listTaxIdUsers',
    name: "403 TAX_ID_NOT_AUTHORIZED for another Tax ID's administrator",
    as: 'admin.b',
    status: 403,
    run: (api) => api.call('GET', `${A}/users`),
  },
  {
    operationId: 'listTaxIdUsers',
    name: '403 SITE_VERIFICATION_OVERDUE after 31 days',
    as: 'admin.a',
    status: 403,
    async run(api) {
      await api.admin('POST', '/clock/advance', { days: 31 });
      return api.call('GET', `${A}/users`, { token: await api.tokenFor('admin.a') });
    },
  },
  {
    operationId: 'listTaxIdUsers',
    name: '400 for a page size over 100',
    as: 'admin.a',
    status: 400,
    run: (api) => api.call('GET', `${A}/users?pageSize=101`),
  },
  {
    operationId: 'listTaxIdUsers',
    name: '400 for a path that is not a Tax ID (not 403: it is no question of access)',
    as: 'admin.a',
    status: 400,
    run: (api) => api.call('GET', '/tax-ids/06064666/users'),
  },
  {
    operationId: 'listTaxIdUsers',
    name: 'the Tax ID written 06-0646668 is the same Tax ID (normalised)',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', '/tax-ids/06-0646668/users'),
  },
  {
    operationId: 'getSiteVerification',
    name: '400 for a path that is not a Tax ID',
    as: 'admin.a',
    status: 400,
    run: (api) => api.call('GET', '/tax-ids/abc/site-verification'),
  },
  {
    operationId: 'inviteUsers',
    name: 'each invitation succeeds or fails on its own',
    as: 'admin.a',
    status: 200,
    run: (api) =>
      api.call('POST', `${A}/invitations`, {
        json: {
          invitations: [
            invitation('kchen@hartfordfamilymed.example'),
            invitation('clinical.a@hartfordfamilymed.example', { role: 'general_user' }),
            invitation('zip.mismatch@hartfordfamilymed.example', { zip: '99501' }),
          ],
        },
      }),
  },
  {
    operationId: 'inviteUsers',
    name: '403 ADMIN_ROLE_REQUIRED',
    as: 'billing.a',
    status: 403,
    run: (api) =>
      api.call('POST', `${A}/invitations`, { json: { invitations: [invitation('x.y@example.com')] } }),
  },
  {
    operationId: 'inviteUsers',
    name: '422 INVALID_NPI refuses the whole list',
    as: 'admin.a',
    status: 422,
    run: (api) =>
      api.call('POST', `${A}/invitations`, {
        json: { invitations: [invitation('x.y@example.com', { npis: ['1234567890'] })] },
      }),
  },
  {
    operationId: 'inviteUsers',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'admin.a',
    status: 409,
    async run(api) {
      const headers = { 'Idempotency-Key': 'invite-1' };
      await api.call('POST', `${A}/invitations`, {
        json: { invitations: [invitation('one@example.com')] },
        headers,
      });
      return api.call('POST', `${A}/invitations`, {
        json: { invitations: [invitation('two@example.com')] },
        headers,
      });
    },
  },
  {
    operationId: 'inviteUsers',
    name: '400 for an empty list',
    as: 'admin.a',
    status: 400,
    run: (api) => api.call('POST', `${A}/invitations`, { json: { invitations: [] } }),
  },
  {
    operationId: 'updateUserRole',
    name: 'a new role and permissions',
    as: 'admin.a',
    status: 200,
    run: (api) =>
      api.call('PATCH', `${A}/users/USR-000002`, {
        json: {
          role: 'clinical_staff',
          permissions: ['view_eligibility', 'create_referrals', 'benefit_extensions'],
        },
      }),
  },
  {
    operationId: 'updateUserRole',
    name: '404 for a user not of the Tax ID',
    as: 'admin.a',
    status: 404,
    run: (api) =>
      api.call('PATCH', `${A}/users/USR-000004`, { json: { role: 'general_user', permissions: [] } }),
  },
  {
    operationId: 'updateUserRole',
    name: '409 for a revoked user',
    as: 'admin.a',
    status: 409,
    run: (api) =>
      api.call('PATCH', `${A}/users/USR-000007`, { json: { role: 'general_user', permissions: [] } }),
  },
  {
    operationId: 'updateUserRole',
    name: '403 ADMIN_ROLE_REQUIRED',
    as: 'multi.tin',
    status: 403,
    run: (api) =>
      api.call('PATCH', `${A}/users/USR-000002`, { json: { role: 'general_user', permissions: [] } }),
  },
  {
    operationId: 'updateUserRole',
    name: '400 for an unknown role',
    as: 'admin.a',
    status: 400,
    run: (api) =>
      api.call('PATCH', `${A}/users/USR-000002`, { json: { role: 'superuser', permissions: [] } }),
  },
  {
    operationId: 'revokeUser',
    name: 'revoked on this Tax ID',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('DELETE', `${A}/users/USR-000003`),
  },
  {
    operationId: 'revokeUser',
    name: '404 for an unknown user',
    as: 'admin.a',
    status: 404,
    run: (api) => api.call('DELETE', `${A}/users/USR-000999`),
  },
  {
    operationId: 'revokeUser',
    name: '403 on a Tax ID where the user is clinical staff',
    as: 'multi.tin',
    status: 403,
    run: (api) => api.call('DELETE', `${A}/users/USR-000003`),
  },
  {
    operationId: 'makeUserAdmin',
    name: 'clinical staff becomes a site manager',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('POST', `${A}/users/USR-000002/admin`),
  },
  {
    operationId: 'makeUserAdmin',
    name: 'multi.tin makes a user of Tax ID B admin there',
    as: 'multi.tin',
    status: 200,
    run: (api) => api.call('POST', `/tax-ids/${TAX_ID_B}/users/USR-000004/admin`),
  },
  {
    operationId: 'makeUserAdmin',
    name: '409 for a revoked user',
    as: 'admin.a',
    status: 409,
    run: (api) => api.call('POST', `${A}/users/USR-000007/admin`),
  },
  {
    operationId: 'makeUserAdmin',
    name: '404 for a user of another Tax ID',
    as: 'admin.a',
    status: 404,
    run: (api) => api.call('POST', `${A}/users/USR-000004/admin`),
  },
  {
    operationId: 'makeUserAdmin',
    name: '403 ADMIN_ROLE_REQUIRED',
    as: 'clinical.a',
    status: 403,
    run: (api) => api.call('POST', `${A}/users/USR-000003/admin`),
  },
  {
    operationId: 'getSiteVerification',
    name: 'due in 30 days',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `${A}/site-verification`),
  },
  {
    operationId: 'getSiteVerification',
    name: 'overdue after 31 days, still open to the site manager',
    as: 'admin.a',
    status: 200,
    async run(api) {
      await api.admin('POST', '/clock/advance', { days: 31 });
      return api.call('GET', `${A}/site-verification`, { token: await api.tokenFor('admin.a') });
    },
  },
  {
    operationId: 'getSiteVerification',
    name: '403 ADMIN_ROLE_REQUIRED',
    as: 'billing.a',
    status: 403,
    run: (api) => api.call('GET', `${A}/site-verification`),
  },
  {
    operationId: 'submitSiteVerification',
    name: 'confirms users and providers, revokes one who left',
    as: 'admin.a',
    status: 200,
    async run(api) {
      const path = `${A}/site-verification`;
      return api.call('POST', path, { json: await siteAnswers(api, path) });
    },
  },
  {
    operationId: 'submitSiteVerification',
    name: 'unblocks an overdue Tax ID',
    as: 'admin.a',
    status: 200,
    async run(api) {
      await api.admin('POST', '/clock/advance', { days: 40 });
      const token = await api.tokenFor('admin.a');
      const path = `${A}/site-verification`;
      const current = (await (await api.call('GET', path, { token })).json()) as {
        users: { userId: string }[];
        providers: { npi: string }[];
      };
      const json = {
        users: current.users.map(({ userId }) => ({ userId, stillBelongs: true })),
        providers: current.providers.map(({ npi }) => ({ npi, stillBelongs: true })),
      };
      return api.call('POST', path, { json, token });
    },
  },
  {
    operationId: 'submitSiteVerification',
    name: '400 when a user is left out',
    as: 'admin.a',
    status: 400,
    run: (api) => api.call('POST', `${A}/site-verification`, { json: { users: [], providers: [] } }),
  },
  {
    operationId: 'submitSiteVerification',
    name: '409 IDEMPOTENCY_KEY_REUSED',
    as: 'admin.a',
    status: 409,
    async run(api) {
      const path = `${A}/site-verification`;
      const answers = await siteAnswers(api, path);
      const headers = { 'Idempotency-Key': 'verify-1' };
      await api.call('POST', path, { json: answers, headers });
      return api.call('POST', path, { json: { ...answers, users: answers.users.slice(1) }, headers });
    },
  },
  {
    operationId: 'submitSiteVerification',
    name: '403 TAX_ID_NOT_AUTHORIZED',
    as: 'admin.b',
    status: 403,
    run: (api) => api.call('POST', `${A}/site-verification`, { json: { users: [], providers: [] } }),
  },
  {
    operationId: 'designateSecondarySiteManager',
    name: 'the Lead Site Manager designates clinical staff as Secondary Site Manager',
    as: 'admin.a',
    status: 200,
    run: (api) =>
      api.call('POST', `${A}/site-managers/secondary`, {
        json: { userId: 'USR-000002', title: 'medical_director' },
      }),
  },
  {
    operationId: 'designateSecondarySiteManager',
    name: '422 LEAD_SITE_MANAGER_TITLE for a title that is not a site manager’s',
    as: 'admin.a',
    status: 422,
    run: (api) =>
      api.call('POST', `${A}/site-managers/secondary`, { json: { userId: 'USR-000002', title: 'nurse' } }),
  },
  {
    operationId: 'designateSecondarySiteManager',
    name: '409 for the Lead Site Manager',
    as: 'admin.a',
    status: 409,
    run: (api) =>
      api.call('POST', `${A}/site-managers/secondary`, {
        json: { userId: 'USR-000001', title: 'office_administrator' },
      }),
  },
  {
    operationId: 'designateSecondarySiteManager',
    name: '404 for a user of another Tax ID',
    as: 'admin.a',
    status: 404,
    run: (api) =>
      api.call('POST', `${A}/site-managers/secondary`, {
        json: { userId: 'USR-000004', title: 'office_administrator' },
      }),
  },
  {
    operationId: 'designateSecondarySiteManager',
    name: '403 ADMIN_ROLE_REQUIRED for clinical staff',
    as: 'clinical.a',
    status: 403,
    run: (api) =>
      api.call('POST', `${A}/site-managers/secondary`, {
        json: { userId: 'USR-000003', title: 'office_administrator' },
      }),
  },
];
