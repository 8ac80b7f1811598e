import type { ResourceContext } from '../core/call.ts';
import { call, download, list, withPage } from '../core/call.ts';
import { requireObject, taxIdParam } from '../core/checks.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, QueryParams, RequestBody } from '../core/types.ts';
import {
  checkNetworkStatusQuery,
  checkPcpPanelReportRequest,
  validateMemberSearch,
  withoutBlankParameters,
} from '../rules/index.ts';

type MemberId = PathParams<'getMember'>['memberId'];
type CardSide = PathParams<'downloadMemberIdCardImage'>['side'];

/**
 * The operation behind each method of `portal.members`.
 *
 * @example
 * MEMBERS_OPERATIONS.networkStatus; // 'checkProviderNetworkStatus'
 */
export const MEMBERS_OPERATIONS = {
  search: 'searchMembers',
  get: 'getMember',
  idCard: 'getMemberIdCard',
  idCardImage: 'downloadMemberIdCardImage',
  benefits: 'getBenefitsSummary',
  summaryOfBenefits: 'downloadSummaryOfBenefits',
  networkStatus: 'checkProviderNetworkStatus',
} as const satisfies Record<string, OperationId>;

/**
 * The operation behind each method of `portal.reports`.
 *
 * @example
 * REPORTS_OPERATIONS.pcpMemberPanel; // 'createPcpMemberPanelReport'
 */
export const REPORTS_OPERATIONS = {
  pcpMemberPanel: 'createPcpMemberPanelReport',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.members`: eligibility search (validated first: member ID, or first + last name + date of
 * birth, terms of 2+ characters, two years back), details, ID cards, benefits, network status.
 *
 * @example
 * const { data } = await portal.members.search({ memberId: 'K5500648801' });
 * const member = await portal.members.get('K5500648801');
 * const front = await portal.members.idCardImage('K5500648801', 'front'); // { blob, mediaType: 'image/png', … }
 */
export function createMembersResource(ctx: ResourceContext) {
  return {
    /** Eligibility search (`searchMembers`), paged; await it for the first page, `for await` for all. */
    search: (query: QueryParams<'searchMembers'>, options: RequestOptions = {}) =>
      list(ctx, 'searchMembers', options, (s, page) => {
        // Blank fields of a form count as not given, and are not sent (the contract refuses them).
        const given = withoutBlankParameters(query) as QueryParams<'searchMembers'>;
        return ctx.raw.GET('/members', {
          params: { query: withPage(s.validate(given, validateMemberSearch(given, s.rules())), page) },
          ...s.init,
        });
      }),
    /** Member details: status, coverage, plan, PCP, other insurance (`getMember`). */
    get: (memberId: MemberId, options: RequestOptions = {}) =>
      call(ctx, 'getMember', options, ({ init }) =>
        ctx.raw.GET('/members/{memberId}', { params: { path: { memberId } }, ...init }),
      ),
    /** The member ID card, with links to both sides (`getMemberIdCard`). */
    idCard: (memberId: MemberId, options: RequestOptions = {}) =>
      call(ctx, 'getMemberIdCard', options, ({ init }) =>
        ctx.raw.GET('/members/{memberId}/id-card', { params: { path: { memberId } }, ...init }),
      ),
    /** One side of the ID card as a PNG image (`downloadMemberIdCardImage`). */
    idCardImage: (memberId: MemberId, side: CardSide, options: RequestOptions = {}) =>
      download(ctx, 'downloadMemberIdCardImage', options, ({ init }) =>
        ctx.raw.GET('/members/{memberId}/id-card/{side}', {
          params: { path: { memberId, side } },
          parseAs: 'arrayBuffer',
          ...init,
        }),
      ),
    /** The benefits summary: deductible, out-of-pocket, cost shares per service (`getBenefitsSummary`). */
    benefits: (memberId: MemberId, options: RequestOptions = {}) =>
      call(ctx, 'getBenefitsSummary', options, ({ init }) =>
        ctx.raw.GET('/members/{memberId}/benefits', { params: { path: { memberId } }, ...init }),
      ),
    /** The summary of benefits and coverage as a PDF (`downloadSummaryOfBenefits`). */
    summaryOfBenefits: (memberId: MemberId, options: RequestOptions = {}) =>
      download(ctx, 'downloadSummaryOfBenefits', options, ({ init }) =>
        ctx.raw.GET('/members/{memberId}/summary-of-benefits', {
          params: { path: { memberId } },
          parseAs: 'arrayBuffer',
          ...init,
        }),
      ),
    /** Whether a provider is in network for the member (`checkProviderNetworkStatus`). */
    networkStatus: (
      memberId: MemberId,
      query: QueryParams<'checkProviderNetworkStatus'>,
      options: RequestOptions = {},
    ) =>
      call(ctx, 'checkProviderNetworkStatus', options, (s) => {
        s.check([...requireObject(query, '$'), ...checkNetworkStatusQuery(query)]);
        return ctx.raw.GET('/members/{memberId}/network-status', {
          params: { path: { memberId }, query },
          ...s.init,
        });
      }),
  };
}

/**
 * The type of `portal.members`.
 *
 * @example
 * const members: MembersResource = portal.members;
 */
export type MembersResource = ReturnType<typeof createMembersResource>;

/**
 * `portal.reports`: the PCP member panel report, prepared as a spreadsheet document (202); wait for
 * it with `portal.documents.waitFor()`.
 *
 * @example
 * const receipt = await portal.reports.pcpMemberPanel({ pcpNpi: '1407819535', taxId: '060646668' });
 * const { file } = await portal.documents.waitForFile(receipt);
 */
export function createReportsResource(ctx: ResourceContext) {
  return {
    /** Requests the PCP member panel report (`createPcpMemberPanelReport`); answers the document in `preparing`. */
    pcpMemberPanel: (body: RequestBody<'createPcpMemberPanelReport'>, options: RequestOptions = {}) =>
      call(ctx, 'createPcpMemberPanelReport', options, (s) => {
        s.check([...requireObject(body, '$'), ...checkPcpPanelReportRequest(body)]);
        return ctx.raw.POST('/reports/pcp-member-panel', {
          body: { ...body, taxId: taxIdParam(body.taxId) },
          ...s.init,
        });
      }),
  };
}

/**
 * The type of `portal.reports`.
 *
 * @example
 * const reports: ReportsResource = portal.reports;
 */
export type ReportsResource = ReturnType<typeof createReportsResource>;
