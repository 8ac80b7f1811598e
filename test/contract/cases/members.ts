/**
 * Contract cases of the members domain: eligibility search (MEMBER_SEARCH_INCOMPLETE,
 * SEARCH_TERM_TOO_SHORT, ELIGIBILITY_LOOKBACK_EXCEEDED), details, ID cards, benefits, network status
 * (NETWORK_STATUS_FORBIDDEN) and the PCP member panel report (202 → a document). Member IDs are the
 * documented scenario members (mock-server/data/scenario-members.ts).
 */

import { TAX_ID_A, TAX_ID_B } from '../../../mock-server/data/fixtures.ts';
import { PROVIDER_NPIS } from '../../../mock-server/data/provider-directory.ts';
import { SCENARIO_MEMBERS as M } from '../../../mock-server/data/scenario-members.ts';
import type { ContractCase } from './types.ts';

const UNKNOWN_MEMBER = 'K9999999999';

export const cases: ContractCase[] = [
  {
    operationId: 'searchMembers',
    name: 'by member ID',
    as: 'clinical.a',
    status: 200,
    run: (api) => api.call('GET', `/members?memberId=${M.activeCommercial}`),
  },
  {
    operationId: 'searchMembers',
    name: 'by partial first and last name and date of birth',
    as: 'admin.a',
    status: 200,
    run: (api) =>
      api.call('GET', '/members?firstName=Te&lastName=Ayo&dateOfBirth=1954-09-05&page=1&pageSize=10'),
  },
  {
    operationId: 'searchMembers',
    name: 'a termed member with asOf a year ago',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/members?memberId=${M.termed}&asOf=2025-11-23`),
  },
  {
    operationId: 'searchMembers',
    name: '422 SEARCH_TERM_TOO_SHORT for a one-character name',
    as: 'admin.a',
    status: 422,
    run: (api) => api.call('GET', '/members?firstName=T&lastName=Ayod&dateOfBirth=1954-09-05'),
  },
  {
    operationId: 'searchMembers',
    name: '422 MEMBER_SEARCH_INCOMPLETE without a date of birth',
    as: 'admin.a',
    status: 422,
    run: (api) => api.call('GET', '/members?firstName=Testh&lastName=Ayod'),
  },
  {
    operationId: 'searchMembers',
    name: '422 ELIGIBILITY_LOOKBACK_EXCEEDED for asOf beyond two years',
    as: 'admin.a',
    status: 422,
    run: (api) => api.call('GET', `/members?memberId=${M.activeCommercial}&asOf=2024-11-22`),
  },
  {
    operationId: 'searchMembers',
    name: '400 for a malformed member ID',
    as: 'admin.a',
    status: 400,
    run: (api) => api.call('GET', '/members?memberId=k55-bad'),
  },
  {
    operationId: 'searchMembers',
    name: '401 without a session',
    status: 401,
    run: (api) => api.call('GET', `/members?memberId=${M.activeCommercial}`),
  },
  {
    operationId: 'getMember',
    name: 'active commercial member, open coverage end',
    as: 'clinical.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.activeCommercial}`),
  },
  {
    operationId: 'getMember',
    name: 'Medicaid member, no referral required',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.medicaid}`),
  },
  {
    operationId: 'getMember',
    name: 'delegated member',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.delegated}`),
  },
  {
    operationId: 'getMember',
    name: 'a Tax ID B member for a Tax ID B administrator',
    as: 'admin.b',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.taxIdBOnly}`),
  },
  {
    operationId: 'getMember',
    name: '404 for a Tax ID B member seen by a Tax ID A user',
    as: 'admin.a',
    status: 404,
    run: (api) => api.call('GET', `/members/${M.taxIdBOnly}`),
  },
  {
    operationId: 'getMemberIdCard',
    name: 'a temporary ID card',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.temporaryIdCard}/id-card`),
  },
  {
    operationId: 'getMemberIdCard',
    name: '404 for an unknown member',
    as: 'admin.a',
    status: 404,
    run: (api) => api.call('GET', `/members/${UNKNOWN_MEMBER}/id-card`),
  },
  {
    operationId: 'downloadMemberIdCardImage',
    name: 'the front as PNG',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.activeCommercial}/id-card/front`),
  },
  {
    operationId: 'downloadMemberIdCardImage',
    name: 'the back of a temporary card as PNG',
    as: 'billing.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.temporaryIdCard}/id-card/back`),
  },
  {
    operationId: 'downloadMemberIdCardImage',
    name: '404 for another Tax ID’s member',
    as: 'admin.a',
    status: 404,
    run: (api) => api.call('GET', `/members/${M.taxIdBOnly}/id-card/front`),
  },
  {
    operationId: 'getBenefitsSummary',
    name: 'commercial POS benefits',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.activeCommercial}/benefits`),
  },
  {
    operationId: 'getBenefitsSummary',
    name: 'Medicaid benefits',
    as: 'clinical.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.medicaid}/benefits`),
  },
  {
    operationId: 'getBenefitsSummary',
    name: '404 for an unknown member',
    as: 'admin.a',
    status: 404,
    run: (api) => api.call('GET', `/members/${UNKNOWN_MEMBER}/benefits`),
  },
  {
    operationId: 'downloadSummaryOfBenefits',
    name: 'the SBC as PDF',
    as: 'admin.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.activeCommercial}/summary-of-benefits`),
  },
  {
    operationId: 'downloadSummaryOfBenefits',
    name: '404 for another Tax ID’s member',
    as: 'admin.a',
    status: 404,
    run: (api) => api.call('GET', `/members/${M.taxIdBOnly}/summary-of-benefits`),
  },
  {
    operationId: 'checkProviderNetworkStatus',
    name: 'in network: Adamski for a PASSAGE member',
    as: 'clinical.a',
    status: 200,
    run: (api) =>
      api.call('GET', `/members/${M.activeCommercial}/network-status?npi=${PROVIDER_NPIS.adamski}`),
  },
  {
    operationId: 'checkProviderNetworkStatus',
    name: 'seed 001: Adamski at 80 Seymour St (addressId) is not in network, as the search row says',
    as: 'clinical.a',
    status: 200,
    run: (api) =>
      api.call(
        'GET',
        `/members/${M.activeCommercial}/network-status?npi=${PROVIDER_NPIS.adamski}&addressId=ADDR-000101`,
      ),
  },
  {
    operationId: 'checkProviderNetworkStatus',
    name: '404 for an address of the provider under another Tax ID (Adamski in Middletown, Tax ID B)',
    as: 'clinical.a',
    status: 404,
    run: (api) =>
      api.call(
        'GET',
        `/members/${M.activeCommercial}/network-status?npi=${PROVIDER_NPIS.adamski}&addressId=ADDR-000105`,
      ),
  },
  {
    operationId: 'checkProviderNetworkStatus',
    name: 'not in network: Brennan for a Medicaid member',
    as: 'clinical.a',
    status: 200,
    run: (api) => api.call('GET', `/members/${M.medicaid}/network-status?npi=${PROVIDER_NPIS.brennan}`),
  },
  {
    operationId: 'checkProviderNetworkStatus',
    name: '403 NETWORK_STATUS_FORBIDDEN for a provider the user does not act for',
    as: 'clinical.a',
    status: 403,
    run: (api) => api.call('GET', `/members/${M.activeCommercial}/network-status?npi=${PROVIDER_NPIS.patel}`),
  },
  {
    operationId: 'checkProviderNetworkStatus',
    name: '422 INVALID_NPI for a wrong check digit',
    as: 'clinical.a',
    status: 422,
    run: (api) => api.call('GET', `/members/${M.activeCommercial}/network-status?npi=1407819536`),
  },
  {
    operationId: 'checkProviderNetworkStatus',
    name: '404 for an unknown member',
    as: 'clinical.a',
    status: 404,
    run: (api) => api.call('GET', `/members/${UNKNOWN_MEMBER}/network-status?npi=${PROVIDER_NPIS.adamski}`),
  },
  {
    operationId: 'createPcpMemberPanelReport',
    name: '202 with Retry-After and Location: the report is being prepared',
    as: 'admin.a',
    status: 202,
    run: (api) =>
      api.call('POST', '/reports/pcp-member-panel', {
        json: { pcpNpi: PROVIDER_NPIS.adamski, taxId: TAX_ID_A },
      }),
  },
  {
    operationId: 'createPcpMemberPanelReport',
    name: '422 INVALID_NPI and INVALID_TAX_ID',
    as: 'admin.a',
    status: 422,
    run: (api) =>
      api.call('POST', '/reports/pcp-member-panel', { json: { pcpNpi: '1407819536', taxId: '12345678' } }),
  },
  {
    operationId: 'createPcpMemberPanelReport',
    name: '422 PROVIDER_IDENTITY_MISMATCH for a PCP of another Tax ID',
    as: 'admin.a',
    status: 422,
    run: (api) =>
      api.call('POST', '/reports/pcp-member-panel', {
        json: { pcpNpi: PROVIDER_NPIS.patel, taxId: TAX_ID_A },
      }),
  },
  {
    operationId: 'createPcpMemberPanelReport',
    name: '403 TAX_ID_NOT_AUTHORIZED for a Tax ID the user does not act for',
    as: 'admin.a',
    status: 403,
    run: (api) =>
      api.call('POST', '/reports/pcp-member-panel', {
        json: { pcpNpi: PROVIDER_NPIS.rivera, taxId: TAX_ID_B },
      }),
  },
  {
    operationId: 'createPcpMemberPanelReport',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'admin.a',
    status: 409,
    async run(api) {
      const headers = { 'Idempotency-Key': 'panel-report-1' };
      await api.call('POST', '/reports/pcp-member-panel', {
        headers,
        json: { pcpNpi: PROVIDER_NPIS.adamski, taxId: TAX_ID_A },
      });
      return api.call('POST', '/reports/pcp-member-panel', {
        headers,
        json: { pcpNpi: PROVIDER_NPIS.chen, taxId: TAX_ID_A },
      });
    },
  },
];
