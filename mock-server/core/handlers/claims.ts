/**
 * Mock portal operations of the claims domain (tag in openapi/src/claims.yaml): claims of the user's
 * Tax IDs over windows of at most 90 days within the last two years (CLAIMS_WINDOW_TOO_WIDE,
 * CLAIMS_LOOKBACK_EXCEEDED, sdk/rules validateClaimsSearch), claim details with remittance or "No
 * records found", the EOP as a PDF, check images for two years (CHECK_IMAGE_UNAVAILABLE) and the CSV
 * export into Documents, visible only to its owner (EXPORT_OWNER_ONLY). Claims and payments come from
 * the deterministic data (mock-server/data/claims.ts); another Tax ID's claim answers 404.
 */

import type { components } from '../../../sdk/generated/portal.ts';
import { checkImageAvailable, validateClaimsSearch } from '../../../sdk/rules/index.ts';
import type { ClaimRecord } from '../../data/portal-data.ts';
import { signedInUser } from '../access.ts';
import { checkPdf, checkPng, explanationOfPaymentPdf } from '../documents/index.ts';
import type { ClaimFilters } from '../documents/sources.ts';
import { claimSummary, matchingClaims } from '../documents/sources.ts';
import { createDocument, documentAccepted } from '../documents/store.ts';
import { pageOf, pageParameters } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { planFilter } from '../transactions/access.ts';
import type { DomainHandlers, HandlerContext, PortalRequest, RuleViolation } from '../types.ts';

type Schemas = components['schemas'];

const FILTERS = ['from', 'to', 'memberId', 'claimNumber', 'providerNpi', 'status'] as const;

function queryInput(query: URLSearchParams): Record<string, string> {
  const input: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = query.get(name);
    if (value !== null) input[name] = value;
  }
  return input;
}

function bodyInput(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const input: Record<string, unknown> = {};
  for (const name of FILTERS) {
    const value = (body as Record<string, unknown>)[name];
    if (value !== undefined) input[name] = value;
  }
  return input;
}

function violationsOf(input: unknown, ctx: HandlerContext): RuleViolation[] {
  const result = validateClaimsSearch(input, { clock: ctx.sandbox.clock });
  return result.success ? [] : result.violations;
}

function filtersOf(input: unknown, ctx: HandlerContext): ClaimFilters {
  const result = validateClaimsSearch(input, { clock: ctx.sandbox.clock });
  if (!result.success) throw ProblemError.fromViolations(result.violations);
  const { from, to, memberId, claimNumber, providerNpi, status } = result.data;
  const filters: ClaimFilters = { from, to };
  if (memberId !== undefined) filters.memberId = memberId;
  if (claimNumber !== undefined) filters.claimNumber = claimNumber;
  if (providerNpi !== undefined) filters.providerNpi = providerNpi;
  if (status !== undefined) filters.status = status;
  return filters;
}

function searchClaims(ctx: HandlerContext) {
  const filters = filtersOf(queryInput(ctx.query), ctx);
  const taxIds = ctx.permittedTaxIds;
  const inPlan = planFilter(ctx);
  const rows = matchingClaims(ctx.data, taxIds, filters)
    .filter(({ claim }) => inPlan === undefined || inPlan(claim.healthPlan))
    .map(({ claim }) => claimSummary(claim));
  const body: Schemas['ClaimSummaryPage'] = pageOf(rows, pageParameters(ctx.query));
  return { status: 200, body };
}

function visibleClaim(ctx: HandlerContext): ClaimRecord {
  const claimNumber = ctx.params.claimNumber ?? '';
  const taxIds = ctx.permittedTaxIds;
  const record = ctx.data.claim(claimNumber);
  // A claim of a plan the account does not see answers as an unknown one (seed 003: consolidation).
  if (
    record === undefined ||
    !taxIds.includes(record.taxId) ||
    !ctx.permittedPlans.includes(record.claim.healthPlan)
  ) {
    throw new ProblemError('NOT_FOUND', `No claim ${claimNumber} is visible to you.`);
  }
  return record;
}

function getClaim(ctx: HandlerContext) {
  const body: Schemas['Claim'] = visibleClaim(ctx).claim;
  return { status: 200, body };
}

function downloadExplanationOfPayment(ctx: HandlerContext) {
  const { claim } = visibleClaim(ctx);
  if (claim.remittance === null) {
    // "If there is no remittance information available, then there will be a message stating there are
    // no records found." (seed 003): and so no EOP.
    throw new ProblemError(
      'NOT_FOUND',
      `Claim ${claim.claimNumber} has no remittance yet (${claim.status}), so it has no explanation of payment: No records found.`,
    );
  }
  return {
    status: 200,
    body: explanationOfPaymentPdf(claim),
    contentType: 'application/pdf',
    headers: { 'content-disposition': `attachment; filename="EOP-${claim.claimNumber}.pdf"` },
  };
}

function wantsPdf(request: PortalRequest): boolean {
  const accept = (request.headers.get('accept') ?? '').toLowerCase();
  return accept.includes('application/pdf') && !accept.includes('image/png');
}

function downloadCheckImage(ctx: HandlerContext) {
  const checkNumber = ctx.params.checkNumber ?? '';
  const taxIds = ctx.permittedTaxIds;
  const payment = ctx.data.payment(checkNumber);
  if (payment === undefined || !taxIds.includes(payment.taxId)) {
    throw new ProblemError('NOT_FOUND', `No check ${checkNumber} is visible to you.`);
  }
  if (payment.method !== 'check') {
    throw new ProblemError(
      'NOT_FOUND',
      `Payment ${checkNumber} was made by ${payment.method === 'eft' ? 'EFT' : 'virtual card'}, not by paper check, so ` +
        'it has no check image: see the remittance or the explanation of payment.',
    );
  }
  // "Check images will be available for the past two (2) years." (seed 003)
  const [unavailable] = checkImageAvailable(payment.issuedOn, { clock: ctx.sandbox.clock });
  if (unavailable !== undefined) throw new ProblemError(unavailable.code, unavailable.message);
  const pdf = wantsPdf(ctx.request);
  return {
    status: 200,
    body: pdf ? checkPdf(payment) : checkPng(payment),
    contentType: pdf ? 'application/pdf' : 'image/png',
    headers: { 'content-disposition': `attachment; filename="check-${checkNumber}.${pdf ? 'pdf' : 'png'}"` },
  };
}

function exportClaims(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const filters = filtersOf(bodyInput(ctx.body), ctx);
  const taxIds = ctx.permittedTaxIds;
  const record = createDocument(ctx, user, {
    kind: 'claims_export',
    title: `Claims submitted ${filters.from} to ${filters.to}`,
    mediaType: 'text/csv',
    fileName: `claims-${filters.from}-${filters.to}.csv`,
    source: { kind: 'claims_export', taxIds: [...taxIds], filters },
  });
  return documentAccepted(ctx, record);
}

export const claimsHandlers: DomainHandlers = {
  searchClaims: { rules: (ctx) => violationsOf(queryInput(ctx.query), ctx), handle: searchClaims },
  getClaim: { handle: getClaim },
  downloadExplanationOfPayment: { handle: downloadExplanationOfPayment },
  downloadCheckImage: { handle: downloadCheckImage },
  exportClaims: {
    rules: (ctx) =>
      typeof ctx.body === 'object' && ctx.body !== null ? violationsOf(bodyInput(ctx.body), ctx) : [],
    handle: exportClaims,
  },
};
