/**
 * Contract cases of the claims domain: search (CLAIMS_WINDOW_TOO_WIDE, CLAIMS_LOOKBACK_EXCEEDED),
 * details with and without remittance, the EOP, check images (CHECK_IMAGE_UNAVAILABLE) and the CSV
 * export (202 → a document). Claims and checks are the documented scenario ones
 * (mock-server/data/scenario-members.ts); the clock starts on 2026-11-23.
 */
import {
  SCENARIO_CHECKS as CHECKS,
  SCENARIO_CLAIMS as CLAIMS,
  SCENARIO_MEMBERS as M,
} from '../../../mock-server/data/scenario-members.ts';
import type { ContractCase } from './types.ts';

const WINDOW = 'from=2026-08-26&to=2026-11-23';

export const cases: ContractCase[] = [
  {
    operationId: 'searchClaims',
    name: 'the last 90 days of a member with remittances',
    as: 'billing.a',
    status: 200,
    run: (api) => api.call('GET', `/claims?${WINDOW}&memberId=${M.claimsWithRemittance}`),
  },
  {
    operationId: 'searchClaims',
    name: 'every claim of Tax ID A in the window, paged',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/claims?${WINDOW}&page=2&pageSize=20`),
  },
  {
    operationId: 'searchClaims',
    name: 'paid claims only, of Tax ID B for its administrator',
    as: 'admin.b',
    status: 200,
    run: (api) => api.call('GET', `/claims?${WINDOW}&status=paid`),
  },
  {
    operationId: 'searchClaims',
    name: '422 CLAIMS_WINDOW_TOO_WIDE for 91 days',
    as: 'billing.a',
    status: 422,
    run: (api) => api.call('GET', '/claims?from=2026-01-01&to=2026-04-01'),
  },
  {
    operationId: 'searchClaims',
    name: '422 CLAIMS_LOOKBACK_EXCEEDED before two years ago',
    as: 'billing.a',
    status: 422,
    run: (api) => api.call('GET', '/claims?from=2024-11-22&to=2025-01-31'),
  },
  {
    operationId: 'searchClaims',
    name: '422 INVALID_NPI for the provider filter',
    as: 'billing.a',
    status: 422,
    run: (api) => api.call('GET', `/claims?${WINDOW}&providerNpi=1407819536`),
  },
  {
    operationId: 'searchClaims',
    name: '403 PERMISSION_REQUIRED for clinical staff without the view_claims permission',
    as: 'clinical.a',
    status: 403,
    run: (api) => api.call('GET', `/claims?${WINDOW}`),
  },
  {
    operationId: 'getClaim',
    name: 'a paid claim with its remittance',
    as: 'billing.a',
    status: 200,
    run: (api) => api.call('GET', `/claims/${CLAIMS.paidByCheck}`),
  },
  {
    operationId: 'getClaim',
    name: 'a claim without remittance: "No records found"',
    as: 'billing.a',
    status: 200,
    run: (api) => api.call('GET', `/claims/${CLAIMS.withoutRemittance}`),
  },
  {
    operationId: 'getClaim',
    name: 'a denied claim',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/claims/${CLAIMS.denied}`),
  },
  {
    operationId: 'getClaim',
    name: 'a generated claim found by search',
    as: 'billing.a',
    async run(api) {
      const page = (await (await api.call('GET', `/claims?${WINDOW}&status=paid&pageSize=1`)).json()) as {
        data: { claimNumber: string }[];
      };
      return api.call('GET', `/claims/${page.data[0]?.claimNumber ?? 'missing'}`);
    },
    status: 200,
  },
  {
    operationId: 'getClaim',
    name: '404 for a claim of another Tax ID',
    as: 'billing.a',
    status: 404,
    run: (api) => api.call('GET', `/claims/${CLAIMS.taxIdB}`),
  },
  {
    operationId: 'downloadExplanationOfPayment',
    name: 'the EOP of a paid claim as PDF',
    as: 'billing.a',
    status: 200,
    run: (api) => api.call('GET', `/claims/${CLAIMS.paidByCheck}/explanation-of-payment`),
  },
  {
    operationId: 'downloadExplanationOfPayment',
    name: '404 for a claim without remittance',
    as: 'billing.a',
    status: 404,
    run: (api) => api.call('GET', `/claims/${CLAIMS.withoutRemittance}/explanation-of-payment`),
  },
  {
    operationId: 'downloadCheckImage',
    name: 'a recent check as PNG',
    as: 'billing.a',
    status: 200,
    run: (api) => api.call('GET', `/payments/checks/${CHECKS.recent}/image`),
  },
  {
    operationId: 'downloadCheckImage',
    name: 'a recent check as PDF (Accept: application/pdf)',
    as: 'billing.a',
    status: 200,
    run: (api) =>
      api.call('GET', `/payments/checks/${CHECKS.recent}/image`, { headers: { Accept: 'application/pdf' } }),
  },
  {
    operationId: 'downloadCheckImage',
    name: '410 CHECK_IMAGE_UNAVAILABLE for a check older than two years',
    as: 'billing.a',
    status: 410,
    run: (api) => api.call('GET', `/payments/checks/${CHECKS.overTwoYearsOld}/image`),
  },
  {
    operationId: 'downloadCheckImage',
    name: '404 for an EFT (no paper check)',
    as: 'billing.a',
    status: 404,
    run: (api) => api.call('GET', `/payments/checks/${CHECKS.eft}/image`),
  },
  {
    operationId: 'downloadCheckImage',
    name: '404 for a check to another Tax ID',
    as: 'billing.a',
    status: 404,
    run: (api) => api.call('GET', `/payments/checks/${CHECKS.taxIdB}/image`),
  },
  {
    operationId: 'exportClaims',
    name: '202: the CSV export is being prepared',
    as: 'billing.a',
    status: 202,
    run: (api) =>
      api.call('POST', '/claim-exports', { json: { from: '2026-08-26', to: '2026-11-23', status: 'paid' } }),
  },
  {
    operationId: 'exportClaims',
    name: '422 CLAIMS_WINDOW_TOO_WIDE',
    as: 'billing.a',
    status: 422,
    run: (api) => api.call('POST', '/claim-exports', { json: { from: '2026-01-01', to: '2026-11-23' } }),
  },
  {
    operationId: 'exportClaims',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'billing.a',
    status: 409,
    async run(api) {
      const headers = { 'Idempotency-Key': 'export-1' };
      await api.call('POST', '/claim-exports', { headers, json: { from: '2026-08-26', to: '2026-11-23' } });
      return api.call('POST', '/claim-exports', { headers, json: { from: '2026-09-01', to: '2026-11-23' } });
    },
  },
];
