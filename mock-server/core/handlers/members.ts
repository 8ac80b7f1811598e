/**
 * Mock portal operations of the members domain (tag in openapi/src/members.yaml): eligibility search,
 * member details, ID cards, benefits, network status and the PCP member panel report. Members come
 * from the sandbox's deterministic data (mock-server/data); a user sees only the members of the Tax
 * IDs they act for ("The new portal works at a Tax ID level", seed 003): anyone else's member answers
 * 404, exactly like an unknown one.
 *
 * Which Tax IDs a call may act for, and which members it may see, is decided once, by the pipeline
 * (core/access.ts, from the contract's access table).
 */

import type { components } from '../../../sdk/generated/portal.ts';
import {
  calendarDayAt,
  checkNetworkStatusAccess,
  checkNetworkStatusQuery,
  checkPcpPanelReportRequest,
  compareDates,
  earliestEligibilityDate,
  referralRequired,
  validateMemberSearch,
} from '../../../sdk/rules/index.ts';
import { readField } from '../../../sdk/rules/zod-issues.ts';
import { memberStatusOn } from '../../data/members.ts';
import { inNetworkForPlan } from '../../data/participation.ts';
import type { MemberRecord } from '../../data/portal-data.ts';
import { requireTaxIdAccess, signedInUser, visibleMember } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { idCardPng, summaryOfBenefitsPdf, XLSX_MEDIA_TYPE } from '../documents/index.ts';
import { createDocument, documentAccepted } from '../documents/store.ts';
import { pageOf, pageParameters } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { queryFields } from '../query.ts';
import { planFilter } from '../transactions/access.ts';
import { visibleLocations } from '../transactions/provider-affiliation.ts';
import type { DomainHandlers, HandlerContext, PortalUser, RuleViolation } from '../types.ts';

type Schemas = components['schemas'];

/** Today's calendar day on the sandbox's clock (America/New_York). */
export function todayOf(ctx: Pick<HandlerContext, 'sandbox'>): string {
  return calendarDayAt(ctx.sandbox.clock.now());
}

/** A member's details as of a day: status and referral requirement follow the sandbox's clock. */
export function memberDetailsOn(member: MemberRecord, day: string): Schemas['MemberDetails'] {
  const status = memberStatusOn(member.details, day);
  return { ...member.details, status, referralRequired: referralRequired(member.details.productType, day) };
}

function pathMemberId(ctx: HandlerContext): string {
  return ctx.params.memberId ?? '';
}

const SEARCH_FIELDS = ['memberId', 'firstName', 'lastName', 'dateOfBirth', 'asOf'] as const;

function searchInput(query: URLSearchParams): Record<string, string> {
  return queryFields(query, SEARCH_FIELDS);
}

function violationsOf(result: { success: boolean; violations?: readonly RuleViolation[] }): RuleViolation[] {
  return result.success ? [] : [...(result.violations ?? [])];
}

function searchMembers(ctx: HandlerContext) {
  const day = todayOf(ctx);
  const validation = validateMemberSearch(searchInput(ctx.query), { clock: ctx.sandbox.clock });
  if (!validation.success) throw ProblemError.fromViolations(validation.violations);
  const search = validation.data;
  const taxIds = ctx.permittedTaxIds;
  const asOf = search.asOf ?? day;
  const earliest = earliestEligibilityDate(day);
  let found: MemberRecord[];
  if ('memberId' in search) {
    const member = ctx.data.member(search.memberId);
    found = member === undefined ? [] : [member];
  } else {
    // Never a scan: the data layer enumerates only the members whose last name can match and who were
    // born that day (mock-server/data/member-index.ts).
    found = ctx.data.membersByName(search);
  }
  const inPlan = planFilter(ctx);
  const rows = found
    .filter((member) => member.visibleToTaxIds.some((taxId) => taxIds.includes(taxId)))
    .filter((member) => inPlan === undefined || inPlan(member.details.healthPlan))
    // "you may see eligibility search results for the last two years" (Provider Portal FAQ)
    .filter((member) => compareDates(member.details.coverageEndDate, earliest) >= 0)
    .map((member): Schemas['MemberSummary'] => ({
      ...member.summary,
      status: memberStatusOn(member.summary, asOf),
    }))
    .sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.memberId.localeCompare(b.memberId),
    );
  const body: Schemas['MemberSearchPage'] = pageOf(rows, pageParameters(ctx.query));
  return { status: 200, body };
}

function getMember(ctx: HandlerContext) {
  const member = visibleMember(ctx, pathMemberId(ctx));
  const body: Schemas['MemberDetails'] = memberDetailsOn(member, todayOf(ctx));
  return { status: 200, body };
}

function getMemberIdCard(ctx: HandlerContext) {
  const member = visibleMember(ctx, pathMemberId(ctx));
  const id = member.details.memberId;
  // "When an actual ID card is not available, we will show a temporary ID card." (Provider Portal FAQ)
  const body: Schemas['MemberIdCard'] = {
    memberId: id,
    temporary: member.idCard.temporary,
    issuedOn: member.idCard.issuedOn,
    front: { href: `/api/v1/members/${id}/id-card/front`, mediaType: 'image/png' },
    back: { href: `/api/v1/members/${id}/id-card/back`, mediaType: 'image/png' },
  };
  return { status: 200, body };
}

function downloadMemberIdCardImage(ctx: HandlerContext) {
  const member = visibleMember(ctx, pathMemberId(ctx));
  const side = ctx.params.side === 'back' ? 'back' : 'front';
  return {
    status: 200,
    body: idCardPng(member, side),
    contentType: 'image/png',
    headers: { 'content-disposition': `inline; filename="${member.details.memberId}-id-card-${side}.png"` },
  };
}

function benefitsOf(ctx: HandlerContext) {
  const member = visibleMember(ctx, pathMemberId(ctx));
  const planYear = Number(todayOf(ctx).slice(0, 4));
  const benefits = ctx.data.benefits(member.details.memberId, planYear);
  if (benefits === undefined)
    throw new ProblemError('NOT_FOUND', `No benefits are on file for ${member.details.memberId}.`);
  return { member, benefits };
}

function getBenefitsSummary(ctx: HandlerContext) {
  const body: Schemas['BenefitsSummary'] = benefitsOf(ctx).benefits;
  return { status: 200, body };
}

function downloadSummaryOfBenefits(ctx: HandlerContext) {
  const { member, benefits } = benefitsOf(ctx);
  const details = memberDetailsOn(member, todayOf(ctx));
  return {
    status: 200,
    body: summaryOfBenefitsPdf({ ...member, details }, benefits),
    contentType: 'application/pdf',
    headers: {
      'content-disposition': `attachment; filename="${details.memberId}-summary-of-benefits-${benefits.planYear}.pdf"`,
    },
  };
}

/** The NPIs a user may check: the providers they act for, and every provider of their Tax IDs. */
function authorizedNpis(ctx: HandlerContext, user: PortalUser): string[] {
  const npis = new Set(user.providerNpis);
  for (const grant of user.grants) {
    for (const provider of ctx.data.providersOfTaxId(grant.taxId)) npis.add(provider.profile.npi);
  }
  return [...npis];
}

function checkProviderNetworkStatus(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const member = visibleMember(ctx, pathMemberId(ctx));
  const npi = ctx.query.get('npi') ?? '';
  const addressId = ctx.query.get('addressId');
  // "Network checks are limited to the provider themselves and their authorized portal Users." (seed 003)
  const [forbidden] = checkNetworkStatusAccess(authorizedNpis(ctx, user), npi);
  if (forbidden !== undefined) throw new ProblemError(forbidden.code, forbidden.message);
  const provider = ctx.data.provider(npi);
  if (provider === undefined) throw new ProblemError('NOT_FOUND', `No provider ${npi} is visible to you.`);
  // The practice locations provider search shows this user, judged by the same participation
  // (data/participation.ts): search and this answer agree for every provider and address.
  const active = memberStatusOn(member.details, todayOf(ctx)) === 'active';
  const locations = visibleLocations(ctx, provider, ctx.permittedTaxIds).map(
    (location): Schemas['NetworkStatusLocation'] => ({
      addressId: location.addressId,
      taxId: location.taxId,
      address: location.address,
      inNetwork: active && inNetworkForPlan(provider, location, member.networkName),
    }),
  );
  let checked = locations;
  if (addressId !== null) {
    checked = locations.filter((location) => location.addressId === addressId);
    if (checked.length === 0) {
      throw new ProblemError(
        'NOT_FOUND',
        `Provider ${npi} has no practice address ${addressId} under your Tax IDs: use an addressId of its search rows (searchProviders).`,
      );
    }
  }
  const inNetwork = checked.some((location) => location.inNetwork);
  const body: Schemas['MemberProviderNetworkStatus'] = {
    memberId: member.details.memberId,
    npi,
    providerName: provider.profile.name,
    inNetwork,
    locations,
    checkedAt: isoTimestamp(ctx.sandbox.clock.now()),
  };
  if (inNetwork) body.networkName = member.networkName;
  return { status: 200, body };
}

/** The most members a panel report lists (the mock portal's cap; the report says when it is reached). */
export const PANEL_REPORT_LIMIT = 1000;

function createPcpMemberPanelReport(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const pcpNpi = String(readField(ctx.body, 'pcpNpi'));
  const taxId = String(readField(ctx.body, 'taxId'));
  requireTaxIdAccess(ctx, taxId);
  const pcp = ctx.data.provider(pcpNpi);
  if (pcp === undefined || !pcp.locations.some((location) => location.taxId === taxId)) {
    // The NPI and the Tax ID are not one known combination (a specialist's panel is simply empty).
    throw ProblemError.fromViolations([
      {
        code: 'PROVIDER_IDENTITY_MISMATCH',
        path: '$.pcpNpi',
        message:
          `Provider ${pcpNpi} does not practise under Tax ID ${taxId}: run the report for a PCP you are affiliated ` +
          'with (searchProviders lists them with their Tax IDs).',
      },
    ]);
  }
  const day = todayOf(ctx);
  const created = createDocument(ctx, user, {
    kind: 'pcp_member_panel_report',
    title: `PCP member panel: ${pcp.profile.name} (${pcpNpi})`,
    mediaType: XLSX_MEDIA_TYPE,
    fileName: `pcp-member-panel-${pcpNpi}-${day}.xlsx`,
    source: { kind: 'pcp_member_panel_report', pcpNpi, taxId, asOf: day, limit: PANEL_REPORT_LIMIT },
  });
  return documentAccepted(ctx, created);
}

export const membersHandlers: DomainHandlers = {
  searchMembers: {
    rules: (ctx) => violationsOf(validateMemberSearch(searchInput(ctx.query), { clock: ctx.sandbox.clock })),
    handle: searchMembers,
  },
  getMember: { handle: getMember },
  getMemberIdCard: { handle: getMemberIdCard },
  downloadMemberIdCardImage: { handle: downloadMemberIdCardImage },
  getBenefitsSummary: { handle: getBenefitsSummary },
  downloadSummaryOfBenefits: { handle: downloadSummaryOfBenefits },
  checkProviderNetworkStatus: {
    rules: (ctx) => checkNetworkStatusQuery(queryFields(ctx.query, ['npi'])),
    handle: checkProviderNetworkStatus,
  },
  createPcpMemberPanelReport: {
    rules: (ctx) => checkPcpPanelReportRequest(ctx.body),
    handle: createPcpMemberPanelReport,
  },
};
