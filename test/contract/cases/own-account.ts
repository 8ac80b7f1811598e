/**
 * Contract cases of your own account (password, PIN, email change, settings) and of registering an
 * additional Tax ID (seed 003: "a single registration code per Tax ID"); run over node:http, Express
 * and MSW by the contract suite.
 */
import { PERSONA_MFA_CODE, PERSONA_PASSWORD, PERSONA_PIN } from '../../../mock-server/core/personas.ts';
import type { ContractApi, ContractCase } from './types.ts';

const NEW_EMAIL = 'clinical.a.new@hartfordfamilymed.example';

async function emailChange(api: ContractApi): Promise<string> {
  const response = await api.call('POST', '/me/email-change', { json: { email: NEW_EMAIL } });
  if (response.status !== 202) throw new Error(`requestEmailChange answered ${response.status}`);
  return ((await response.json()) as { changeId: string }).changeId;
}

export const cases: ContractCase[] = [
  {
    operationId: 'changePassword',
    name: 'the current password and a new one of 12 characters',
    as: 'clinical.a',
    status: 200,
    run: (api) =>
      api.call('POST', '/me/password', {
        json: { currentPassword: PERSONA_PASSWORD, newPassword: 'p'.repeat(12) },
      }),
  },
  {
    operationId: 'changePassword',
    name: '401 INVALID_CREDENTIALS for a wrong current password',
    as: 'clinical.a',
    status: 401,
    run: (api) =>
      api.call('POST', '/me/password', {
        json: { currentPassword: 'not-the-password', newPassword: 'Maple-Lantern-Quiet-73' },
      }),
  },
  {
    operationId: 'changePassword',
    name: '422 PASSWORD_UNCHANGED for the current password again',
    as: 'clinical.a',
    status: 422,
    run: (api) =>
      api.call('POST', '/me/password', {
        json: { currentPassword: PERSONA_PASSWORD, newPassword: PERSONA_PASSWORD },
      }),
  },
  {
    operationId: 'changePassword',
    name: '400 for a new password of 11 characters',
    as: 'clinical.a',
    status: 400,
    run: (api) =>
      api.call('POST', '/me/password', {
        json: { currentPassword: PERSONA_PASSWORD, newPassword: 'p'.repeat(11) },
      }),
  },
  {
    operationId: 'changePin',
    name: 'the current PIN and a new one',
    as: 'clinical.a',
    status: 200,
    run: (api) => api.call('POST', '/me/pin', { json: { currentPin: PERSONA_PIN, newPin: '1357' } }),
  },
  {
    operationId: 'changePin',
    name: '422 INVALID_PIN for 5 digits',
    as: 'clinical.a',
    status: 422,
    run: (api) => api.call('POST', '/me/pin', { json: { currentPin: PERSONA_PIN, newPin: '13579' } }),
  },
  {
    operationId: 'changePin',
    name: '401 INVALID_CREDENTIALS for a wrong current PIN',
    as: 'clinical.a',
    status: 401,
    run: (api) => api.call('POST', '/me/pin', { json: { currentPin: '9999', newPin: '1357' } }),
  },
  {
    operationId: 'requestEmailChange',
    name: 'a code is emailed to the new address',
    as: 'clinical.a',
    status: 202,
    run: (api) => api.call('POST', '/me/email-change', { json: { email: NEW_EMAIL } }),
  },
  {
    operationId: 'requestEmailChange',
    name: "409 EMAIL_IN_USE for another account's address in capitals",
    as: 'clinical.a',
    status: 409,
    run: (api) =>
      api.call('POST', '/me/email-change', { json: { email: 'ADMIN.A@hartfordfamilymed.example' } }),
  },
  {
    operationId: 'confirmEmailChange',
    name: 'the emailed code changes the address',
    as: 'clinical.a',
    status: 200,
    async run(api) {
      const changeId = await emailChange(api);
      return api.call('POST', '/me/email-change/confirmation', {
        json: { changeId, code: PERSONA_MFA_CODE },
      });
    },
  },
  {
    operationId: 'confirmEmailChange',
    name: '422 EMAIL_CODE_INVALID once the code expired',
    as: 'clinical.a',
    status: 422,
    async run(api) {
      const changeId = await emailChange(api);
      await api.admin('POST', '/clock/advance', { minutes: 10 });
      return api.call('POST', '/me/email-change/confirmation', {
        json: { changeId, code: PERSONA_MFA_CODE },
      });
    },
  },
  {
    operationId: 'getAccountSettings',
    name: 'the defaults',
    as: 'clinical.a',
    status: 200,
    run: (api) => api.call('GET', '/me/settings'),
  },
  {
    operationId: 'updateAccountSettings',
    name: 'the security policy acknowledged and a default Tax ID of ones own',
    as: 'clinical.a',
    status: 200,
    run: (api) =>
      api.call('PATCH', '/me/settings', {
        json: {
          securityPolicyAcknowledged: true,
          defaultTaxId: '060646668',
          notifications: { messages: false },
        },
      }),
  },
  {
    operationId: 'updateAccountSettings',
    name: '403 TAX_ID_NOT_AUTHORIZED for a default Tax ID of another',
    as: 'clinical.a',
    status: 403,
    run: (api) => api.call('PATCH', '/me/settings', { json: { defaultTaxId: '133456789' } }),
  },
  {
    operationId: 'registerAdditionalTaxId',
    name: "the new Tax ID's single registration code",
    as: 'clinical.a',
    status: 201,
    run: (api) =>
      api.call('POST', '/me/tax-ids', { json: { taxId: '061234567', registrationCode: 'RC-06123-4567' } }),
  },
  {
    operationId: 'registerAdditionalTaxId',
    name: '422 REGISTRATION_CODE_INVALID for an unknown Tax ID',
    as: 'clinical.a',
    status: 422,
    run: (api) =>
      api.call('POST', '/me/tax-ids', { json: { taxId: '999999999', registrationCode: 'RC-99999-9999' } }),
  },
  {
    operationId: 'registerAdditionalTaxId',
    name: '409 TAX_ID_HAS_ADMINISTRATOR for a Tax ID with its administrator',
    as: 'clinical.a',
    status: 409,
    run: (api) =>
      api.call('POST', '/me/tax-ids', { json: { taxId: '133456789', registrationCode: 'RC-13345-6789' } }),
  },
];
