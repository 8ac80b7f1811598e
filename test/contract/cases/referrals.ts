/** Contract cases of the referrals domain: create (or not required), search made/received, details. */
import {
  expectJson,
  MEMBERS,
  onToday,
  RIVERA_B,
  referralBody,
  SHARED_MEMBER,
} from './transaction-fixtures.ts';
import type { ContractCase } from './types.ts';

const WINDOW = 'from=2024-11-23&to=2026-11-23';

export const cases: ContractCase[] = [
  // createReferral
  {
    operationId: 'createReferral',
    name: '201 created with a tracking number',
    as: 'clinical.a',
    status: 201,
    run: async (api) =>
      api.call('POST', '/referrals', { token: await onToday(api, 'clinical.a'), json: referralBody() }),
  },
  {
    operationId: 'createReferral',
    name: '201 with the start date backdated 30 days',
    as: 'clinical.a',
    status: 201,
    run: async (api) =>
      api.call('POST', '/referrals', {
        token: await onToday(api, 'clinical.a'),
        json: referralBody({ startDate: '2026-10-24', endDate: '2027-04-23' }),
      }),
  },
  ...(['medicaid', 'harp', 'childHealthPlus', 'essentialPlan'] as const).map(
    (key): ContractCase => ({
      operationId: 'createReferral',
      name: `200 not_required (REFERRAL_NOT_REQUIRED) for the ${key} member`,
      as: 'clinical.a',
      status: 200,
      run: async (api) =>
        api.call('POST', '/referrals', {
          token: await onToday(api, 'clinical.a'),
          json: referralBody({ memberId: MEMBERS[key] }),
        }),
    }),
  ),
  {
    operationId: 'createReferral',
    name: '422 REFERRAL_BACKDATE_EXCEEDED for a start 31 days back',
    as: 'clinical.a',
    status: 422,
    run: async (api) =>
      api.call('POST', '/referrals', {
        token: await onToday(api, 'clinical.a'),
        json: referralBody({ startDate: '2026-10-23' }),
      }),
  },
  {
    operationId: 'createReferral',
    name: '400 VALIDATION_FAILED without visits',
    as: 'clinical.a',
    status: 400,
    run: (api) => {
      const { visits: _visits, ...body } = referralBody();
      return api.call('POST', '/referrals', { json: body });
    },
  },
  {
    operationId: 'createReferral',
    name: '403 TAX_ID_NOT_AUTHORIZED for a referring provider of another Tax ID',
    as: 'admin.b',
    status: 403,
    run: async (api) =>
      api.call('POST', '/referrals', {
        token: await onToday(api, 'admin.b'),
        json: referralBody({ memberId: SHARED_MEMBER }),
      }),
  },
  {
    operationId: 'createReferral',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'clinical.a',
    status: 409,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const headers = { 'Idempotency-Key': 'contract-rf-reused' };
      await expectJson(await api.call('POST', '/referrals', { token, json: referralBody(), headers }), 201);
      return api.call('POST', '/referrals', { token, json: referralBody({ visits: 8 }), headers });
    },
  },

  // searchReferrals
  {
    operationId: 'searchReferrals',
    name: 'all referrals of my Tax IDs over 24 months, with those on file (fax, phone)',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      await expectJson(await api.call('POST', '/referrals', { token, json: referralBody() }), 201);
      return api.call('GET', `/referrals?${WINDOW}&pageSize=50`, { token });
    },
  },
  {
    operationId: 'searchReferrals',
    name: 'referrals received by my providers',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const tokenB = await onToday(api, 'admin.b');
      await expectJson(
        await api.call('POST', '/referrals', {
          token: tokenB,
          json: referralBody({
            memberId: SHARED_MEMBER,
            referringProvider: RIVERA_B,
            specialist: referralBody().referringProvider,
          }),
        }),
        201,
      );
      return api.call('GET', `/referrals?direction=received&${WINDOW}`, {
        token: await api.tokenFor('clinical.a'),
      });
    },
  },
  {
    operationId: 'searchReferrals',
    name: '422 REFERRAL_LOOKBACK_EXCEEDED from 24 months and one day ago',
    as: 'clinical.a',
    status: 422,
    run: async (api) =>
      api.call('GET', '/referrals?from=2024-11-22&to=2026-11-23', {
        token: await onToday(api, 'clinical.a'),
      }),
  },
  {
    operationId: 'searchReferrals',
    name: '400 without the from date',
    as: 'clinical.a',
    status: 400,
    run: (api) => api.call('GET', '/referrals?to=2026-11-23'),
  },

  // getReferral
  {
    operationId: 'getReferral',
    name: 'the details of a created referral',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await expectJson(
        await api.call('POST', '/referrals', { token, json: referralBody() }),
        201,
      );
      return api.call('GET', `/referrals/${created.trackingNumber}`, { token });
    },
  },
  {
    operationId: 'getReferral',
    name: '404 NOT_FOUND for a referral of another Tax ID',
    as: 'admin.b',
    status: 404,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const created = await expectJson(
        await api.call('POST', '/referrals', { token, json: referralBody() }),
        201,
      );
      return api.call('GET', `/referrals/${created.trackingNumber}`, {
        token: await api.tokenFor('admin.b'),
      });
    },
  },
  {
    operationId: 'getReferral',
    name: '400 for a malformed tracking number',
    as: 'clinical.a',
    status: 400,
    run: (api) => api.call('GET', '/referrals/RF-12'),
  },
];
