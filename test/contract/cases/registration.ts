/** Contract cases of the registration domain: organisations, users, provider account links. */
import { TAX_ID_A } from '../../../mock-server/data/fixtures.ts';
import type { ContractApi, ContractCase } from './types.ts';

const organization = (overrides: { taxId?: string; title?: string; pin?: string } = {}) => ({
  organization: {
    name: 'Wethersfield Family Practice',
    taxId: overrides.taxId ?? '271234567',
    groupNpi: '1234567893',
  },
  leadSiteManager: {
    firstName: 'Nadia',
    lastName: 'Kowalski',
    title: overrides.title ?? 'office_administrator',
    email: 'nkowalski@wethersfieldfp.example',
    phone: '(860) 555-0142',
    pin: overrides.pin ?? '4821',
  },
  sponsor: { name: 'Adamski, John', npi: '1407819535' },
  providerAgreementAccepted: true,
  securityPolicyAcknowledged: true,
});

const user = (overrides: Record<string, unknown> = {}) => ({
  registrationCode: 'RC-06064-6668',
  taxId: TAX_ID_A,
  firstName: 'Karen',
  lastName: 'Chen',
  email: 'kchen@hartfordfamilymed.example',
  username: 'kchen.hfm',
  password: 'Correct-Horse-Battery-42',
  pin: '2468',
  securityPolicyAcknowledged: true,
  providerAgreementAccepted: true,
  ...overrides,
});

const practitioner = (overrides: Record<string, unknown> = {}) => ({
  providerType: 'practitioner',
  practitionerFirstName: 'John',
  practitionerLastName: 'Adamski',
  taxId: TAX_ID_A,
  providerId: 'CCA0051877',
  zip: '06102',
  providerAgreementAccepted: true,
  ...overrides,
});

const group = {
  providerType: 'group',
  groupName: 'Hartford Family Medicine Group',
  taxId: TAX_ID_A,
  providerId: 'CCA0048213',
  zip: '06147',
  providerAgreementAccepted: true,
};

/** Connecticut Orthopaedic Specialists: a group of a Tax ID without a portal administrator. */
const orthopaedicsGroup = {
  providerType: 'group',
  groupName: 'Connecticut Orthopaedic Specialists',
  taxId: '061555123',
  providerId: 'CCA0071150',
  zip: '06531',
  providerAgreementAccepted: true,
};

function linkCases(
  operationId: 'associateProviderAccount' | 'linkProviderAccount',
  path: string,
): ContractCase[] {
  return [
    {
      operationId,
      name: 'a practitioner of my Tax ID',
      as: 'clinical.a',
      status: 201,
      run: (api) => api.call('POST', path, { json: practitioner() }),
    },
    {
      operationId,
      name: 'a group by its remittance ZIP code',
      as: 'billing.a',
      status: 201,
      run: (api) => api.call('POST', path, { json: group }),
    },
    {
      operationId,
      name: '422 PROVIDER_IDENTITY_MISMATCH for a ZIP code of no address',
      as: 'clinical.a',
      status: 422,
      run: (api) => api.call('POST', path, { json: practitioner({ zip: '99501' }) }),
    },
    {
      operationId,
      name: 'a group of a Tax ID nobody administers: access to all its providers',
      as: 'clinical.a',
      status: 201,
      run: (api) => api.call('POST', path, { json: orthopaedicsGroup }),
    },
    {
      operationId,
      name: '422 PROVIDER_IDENTITY_MISMATCH for a Provider ID that is not the practitioner’s',
      as: 'clinical.a',
      status: 422,
      run: (api) => api.call('POST', path, { json: practitioner({ providerId: 'CCA0051902' }) }),
    },
    {
      operationId,
      name: '422 PROVIDER_AGREEMENT_REQUIRED when the Provider Agreement is not accepted',
      as: 'clinical.a',
      status: 422,
      run: (api) => api.call('POST', path, { json: practitioner({ providerAgreementAccepted: false }) }),
    },
    {
      operationId,
      name: '403 ADMIN_ROLE_REQUIRED: Tax ID A has an administrator to ask',
      as: 'admin.b',
      status: 403,
      run: (api) => api.call('POST', path, { json: practitioner() }),
    },
    {
      operationId,
      name: '409 when already linked',
      as: 'clinical.a',
      status: 409,
      async run(api: ContractApi) {
        await api.call('POST', path, { json: practitioner() });
        return api.call('POST', path, { json: practitioner() });
      },
    },
    {
      operationId,
      name: '400 for a Provider ID of the wrong shape',
      as: 'clinical.a',
      status: 400,
      run: (api) => api.call('POST', path, { json: practitioner({ providerId: 'no' }) }),
    },
    {
      operationId,
      name: '401 without a session',
      status: 401,
      run: (api) => api.call('POST', path, { json: practitioner() }),
    },
  ];
}

export const cases: ContractCase[] = [
  {
    operationId: 'registerOrganization',
    name: 'a new group answers its application key',
    status: 201,
    run: (api) => api.call('POST', '/registrations/organizations', { json: organization() }),
  },
  {
    operationId: 'registerOrganization',
    name: '409 for a Tax ID already registered',
    status: 409,
    run: (api) =>
      api.call('POST', '/registrations/organizations', { json: organization({ taxId: TAX_ID_A }) }),
  },
  {
    operationId: 'registerOrganization',
    name: '422 LEAD_SITE_MANAGER_TITLE and INVALID_PIN',
    status: 422,
    run: (api) =>
      api.call('POST', '/registrations/organizations', {
        json: organization({ title: 'nurse', pin: '12345' }),
      }),
  },
  {
    operationId: 'registerOrganization',
    name: '422 SPONSOR_NOT_PARTICIPATING for a sponsor NPI the directory does not know',
    status: 422,
    run: (api) =>
      api.call('POST', '/registrations/organizations', {
        json: { ...organization(), sponsor: { name: 'Nobody, Known', npi: '1999999992' } },
      }),
  },
  {
    operationId: 'registerOrganization',
    name: '400 without the sponsor',
    status: 400,
    run: (api) => {
      const { sponsor: _sponsor, ...body } = organization();
      return api.call('POST', '/registrations/organizations', { json: body });
    },
  },
  {
    operationId: 'registerUser',
    name: "with the Tax ID's registration code: an active administrator",
    status: 201,
    run: (api) => api.call('POST', '/registrations/users', { json: user() }),
  },
  {
    operationId: 'registerUser',
    name: "with the group's application key: pending approval",
    status: 201,
    run: (api) => {
      const { registrationCode: _code, ...body } = user({ applicationKey: 'AK-HFMG-0606-4666' });
      return api.call('POST', '/registrations/users', { json: body });
    },
  },
  {
    operationId: 'registerUser',
    name: '403 TAX_ID_NOT_AUTHORIZED for a code of another Tax ID',
    status: 403,
    run: (api) =>
      api.call('POST', '/registrations/users', { json: user({ registrationCode: 'RC-13345-6789' }) }),
  },
  {
    operationId: 'registerUser',
    name: '409 for a username that is taken',
    status: 409,
    run: (api) => api.call('POST', '/registrations/users', { json: user({ username: 'admin.a' }) }),
  },
  {
    operationId: 'registerUser',
    name: '422 INVALID_PIN',
    status: 422,
    run: (api) => api.call('POST', '/registrations/users', { json: user({ pin: '12a4' }) }),
  },
  {
    operationId: 'registerUser',
    name: '400 with both the application key and the registration code',
    status: 400,
    run: (api) =>
      api.call('POST', '/registrations/users', { json: user({ applicationKey: 'AK-HFMG-0606-4666' }) }),
  },
  ...linkCases('associateProviderAccount', '/accounts/associations'),
  ...linkCases('linkProviderAccount', '/accounts/links'),
  {
    operationId: 'listLinkedAccounts',
    name: 'the accounts linked to me, oldest first',
    as: 'clinical.a',
    status: 200,
    async run(api) {
      await api.call('POST', '/accounts/associations', { json: practitioner() });
      await api.call('POST', '/accounts/links', { json: group });
      return api.call('GET', '/accounts/links');
    },
  },
  {
    operationId: 'listLinkedAccounts',
    name: '400 for pageSize 0',
    as: 'clinical.a',
    status: 400,
    run: (api) => api.call('GET', '/accounts/links?pageSize=0'),
  },
  {
    operationId: 'listLinkedAccounts',
    name: '401 without a session',
    status: 401,
    run: (api) => api.call('GET', '/accounts/links'),
  },
];
