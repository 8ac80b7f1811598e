/** Contract cases of the session domain: sign-in with the MFA step, refresh, sign-out, me, recovery. */
import { PERSONA_DEVICE_ID, PERSONA_MFA_CODE, PERSONA_PASSWORD } from '../../../mock-server/core/personas.ts';
import type { ContractApi, ContractCase } from './types.ts';

const signIn = (
  api: ContractApi,
  username: string,
  deviceId = PERSONA_DEVICE_ID,
  password = PERSONA_PASSWORD,
) => api.call('POST', '/session', { json: { username, password, deviceId }, token: null });

async function challenge(api: ContractApi): Promise<string> {
  const response = await signIn(api, 'clinical.a', 'dev_new_laptop_01');
  const body = (await response.json()) as { challengeId: string };
  return body.challengeId;
}

export const cases: ContractCase[] = [
  {
    operationId: 'signIn',
    name: 'authenticated from the known device',
    status: 200,
    run: (api) => signIn(api, 'admin.a'),
  },
  {
    operationId: 'signIn',
    name: 'mfa_required from a new device',
    status: 200,
    run: (api) => signIn(api, 'admin.a', 'dev_5f0c2a9e41b7c3d8'),
  },
  {
    operationId: 'signIn',
    name: 'mfa_required (verification_due) for mfa.due',
    status: 200,
    run: (api) => signIn(api, 'mfa.due'),
  },
  {
    operationId: 'signIn',
    name: '401 INVALID_CREDENTIALS for a wrong password',
    status: 401,
    run: (api) => signIn(api, 'admin.a', PERSONA_DEVICE_ID, 'wrong-password'),
  },
  {
    operationId: 'signIn',
    name: '403 ACCOUNT_LOCKED',
    status: 403,
    run: (api) => signIn(api, 'locked.user'),
  },
  {
    operationId: 'signIn',
    name: '403 ACCOUNT_REVOKED',
    status: 403,
    run: (api) => signIn(api, 'revoked.user'),
  },
  {
    operationId: 'signIn',
    name: '400 without a password',
    status: 400,
    run: (api) => api.call('POST', '/session', { json: { username: 'admin.a' }, token: null }),
  },
  {
    operationId: 'verifyMfaCode',
    name: 'the emailed code opens a session',
    status: 200,
    async run(api) {
      const challengeId = await challenge(api);
      return api.call('POST', '/session/mfa', {
        json: { challengeId, code: PERSONA_MFA_CODE, rememberDevice: true },
        token: null,
      });
    },
  },
  {
    operationId: 'verifyMfaCode',
    name: '401 MFA_CODE_INVALID for a wrong code',
    status: 401,
    async run(api) {
      const challengeId = await challenge(api);
      return api.call('POST', '/session/mfa', { json: { challengeId, code: '000000' }, token: null });
    },
  },
  {
    operationId: 'verifyMfaCode',
    name: '400 for a code that is not 6 digits',
    status: 400,
    run: (api) =>
      api.call('POST', '/session/mfa', { json: { challengeId: 'MFA-ABCDEFGH', code: '12' }, token: null }),
  },
  {
    operationId: 'signIn',
    name: '403 ACCOUNT_CONSOLIDATED for an account consolidated into another',
    status: 403,
    async run(api) {
      const token = await api.tokenFor('dana.emblem');
      const consolidated = await api.call('POST', '/me/consolidation', {
        json: { username: 'dana.cci', password: PERSONA_PASSWORD },
        token,
      });
      if (consolidated.status !== 200) throw new Error(`consolidation answered ${consolidated.status}`);
      return signIn(api, 'dana.cci');
    },
  },
  {
    operationId: 'consolidateAccounts',
    name: 'one account for both plans',
    as: 'dana.emblem',
    status: 200,
    run: (api) =>
      api.call('POST', '/me/consolidation', { json: { username: 'dana.cci', password: PERSONA_PASSWORD } }),
  },
  {
    operationId: 'consolidateAccounts',
    name: '422 CONSOLIDATION_ACCOUNT_NOT_FOUND for a wrong password',
    as: 'dana.emblem',
    status: 422,
    run: (api) =>
      api.call('POST', '/me/consolidation', { json: { username: 'dana.cci', password: 'not-it' } }),
  },
  {
    operationId: 'consolidateAccounts',
    name: '422 CONSOLIDATION_SAME_PLAN for another EmblemHealth account',
    as: 'dana.emblem',
    status: 422,
    run: (api) =>
      api.call('POST', '/me/consolidation', {
        json: { username: 'emblem.only', password: PERSONA_PASSWORD },
      }),
  },
  {
    operationId: 'consolidateAccounts',
    name: '409 ACCOUNT_ALREADY_CONSOLIDATED for an account that sees both plans',
    as: 'clinical.a',
    status: 409,
    run: (api) =>
      api.call('POST', '/me/consolidation', { json: { username: 'cci.only', password: PERSONA_PASSWORD } }),
  },
  {
    operationId: 'consolidateAccounts',
    name: '400 without a password',
    as: 'dana.emblem',
    status: 400,
    run: (api) => api.call('POST', '/me/consolidation', { json: { username: 'dana.cci' } }),
  },
  {
    operationId: 'refreshSession',
    name: 'moves expiresAt',
    as: 'admin.a',
    status: 200,
    async run(api) {
      await api.admin('POST', '/clock/advance', { minutes: 10 });
      return api.call('POST', '/session/refresh');
    },
  },
  {
    operationId: 'refreshSession',
    name: '401 SESSION_EXPIRED after 15 idle minutes',
    as: 'admin.a',
    status: 401,
    async run(api) {
      await api.admin('POST', '/clock/advance', { minutes: 15 });
      return api.call('POST', '/session/refresh');
    },
  },
  {
    operationId: 'signOut',
    name: 'ends the session',
    as: 'clinical.a',
    status: 204,
    run: (api) => api.call('DELETE', '/session'),
  },
  {
    operationId: 'signOut',
    name: '401 without a session',
    status: 401,
    run: (api) => api.call('DELETE', '/session', { token: null }),
  },
  {
    operationId: 'getCurrentUser',
    name: 'roles on two Tax IDs',
    as: 'multi.tin',
    status: 200,
    run: (api) => api.call('GET', '/me'),
  },
  {
    operationId: 'getCurrentUser',
    name: '401 with an unknown token',
    status: 401,
    run: (api) => api.call('GET', '/me', { token: 'pps_not_a_real_token_0000' }),
  },
  {
    operationId: 'getCurrentUser',
    name: 'accessBlocked once the site verification is overdue',
    as: 'admin.a',
    status: 200,
    async run(api) {
      await api.admin('POST', '/clock/advance', { days: 31 });
      return api.call('GET', '/me', { token: await api.tokenFor('admin.a') });
    },
  },
  {
    operationId: 'recoverUsername',
    name: 'the same 202 for any email',
    status: 202,
    run: (api) => api.call('POST', '/account/username-recovery', { json: { email: 'nobody@example.com' } }),
  },
  {
    operationId: 'recoverUsername',
    name: '400 for an invalid email',
    status: 400,
    run: (api) => api.call('POST', '/account/username-recovery', { json: { email: 'not-an-email' } }),
  },
  {
    operationId: 'requestPasswordReset',
    name: 'the same 202 for any account',
    status: 202,
    run: (api) =>
      api.call('POST', '/account/password-reset', {
        json: { username: 'admin.a', email: 'admin.a@hartfordfamilymed.example' },
      }),
  },
  {
    operationId: 'requestPasswordReset',
    name: '400 without an email',
    status: 400,
    run: (api) => api.call('POST', '/account/password-reset', { json: { username: 'admin.a' } }),
  },
];
