/**
 * Mock portal operations of the referrals domain (tag in openapi/src/referrals.yaml): referrals to
 * specialists, found again by the referring office (`made`) and by the specialist's office
 * (`received`): "The referral will not be 'sent,' but all referrals submitted within the last 24
 * months will be available to the servicing provider on the Provider Portal." (seed 003)
 */

import type { components } from '../../../sdk/generated/portal.ts';
import {
  calendarDayAt,
  compareDates,
  earliestReferralSearchDate,
  validateReferralCreate,
  validateReferralSearch,
} from '../../../sdk/rules/index.ts';
import { memberNotFound } from '../access.ts';
import { daysRange } from '../day-bounds.ts';
import { oncePerRequest } from '../once-per-request.ts';
import { pageOfTotal, pageParameters } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { queryFields } from '../query.ts';
import { keepOf, pageFromIndex } from '../record-index.ts';
import { collection, nextId } from '../sandbox.ts';
import { assertActsFor, planFilter, signedInUser, userTaxIds, visibleOr404 } from '../transactions/access.ts';
import { coverageOfBody, memberName, memberOfBody } from '../transactions/members.ts';
import { providerDirectory } from '../transactions/provider-directory.ts';
import { ensureReferralHistory } from '../transactions/referral-history.ts';
import { REFERRAL_INDEXES, REFERRALS, storeReferral } from '../transactions/referral-index.ts';
import type { ReferralRecord } from '../transactions/referral-records.ts';
import { defaultReferralEndDate, toReferral, toReferralSummary } from '../transactions/referral-records.ts';
import { codedDiagnoses, providerReference } from '../transactions/shapes.ts';
import type { DomainHandlers, HandlerContext } from '../types.ts';

type Schemas = components['schemas'];

function records(ctx: HandlerContext): Map<string, ReferralRecord> {
  return collection<ReferralRecord>(ctx.sandbox, REFERRALS);
}

function today(ctx: HandlerContext): string {
  return calendarDayAt(ctx.sandbox.clock.now());
}

const createValidation = oncePerRequest((ctx: HandlerContext) => {
  const productType = memberOfBody(ctx)?.details.productType;
  const coverage = coverageOfBody(ctx);
  return validateReferralCreate(ctx.body, {
    clock: ctx.sandbox.clock,
    ...(productType === undefined ? {} : { productType }),
    ...(coverage === undefined ? {} : { coverage }),
    providerDirectory: providerDirectory(ctx),
  });
});

function createReferral(ctx: HandlerContext) {
  const member = memberOfBody(ctx);
  const validation = createValidation(ctx);
  if (!validation.success) throw ProblemError.fromViolations(validation.violations);
  if (member === undefined) throw memberNotFound();
  const input = validation.data;
  assertActsFor(ctx, input.referringProvider.taxId, 'referring provider');
  const notRequired = validation.warnings.find((warning) => warning.code === 'REFERRAL_NOT_REQUIRED');
  if (notRequired !== undefined) {
    // "As of January 1, 2023, referrals are no longer needed for Enhanced Care (Medicaid), Enhanced
    // Care Plus (HARP), and Child Health Plus (CHPlus), and Essential Plan members." (seed 003)
    const body: Schemas['ReferralNotRequired'] = {
      outcome: 'not_required',
      code: 'REFERRAL_NOT_REQUIRED',
      productType: member.details.productType,
      message: notRequired.message,
    };
    return { status: 200, body };
  }
  const record: ReferralRecord = {
    trackingNumber: nextId(ctx.sandbox, 'RF-', 8),
    taxIds: [...new Set([input.referringProvider.taxId, input.specialist.taxId])],
    memberId: input.memberId,
    memberName: memberName(member),
    healthPlan: member.details.healthPlan,
    referringProvider: providerReference(input.referringProvider),
    specialist: providerReference(input.specialist),
    startDate: input.startDate,
    endDate: input.endDate ?? defaultReferralEndDate(input.startDate),
    visits: input.visits,
    visitsUsed: 0,
    diagnoses: codedDiagnoses(input.diagnoses),
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    cancelled: false,
    submittedAt: ctx.sandbox.clock.now().getTime(),
    source: 'portal',
  };
  storeReferral(ctx.sandbox, record);
  const referral = toReferral(record, today(ctx));
  const body: Schemas['ReferralCreated'] = {
    outcome: 'created',
    trackingNumber: record.trackingNumber,
    referral,
  };
  return { status: 201, body };
}

/** The query parameters the referral search rules look at. */
function searchInput(query: URLSearchParams): Record<string, string> {
  return queryFields(query, ['direction', 'from', 'to', 'memberId', 'providerNpi']);
}

function searchReferrals(ctx: HandlerContext) {
  const validation = validateReferralSearch(searchInput(ctx.query), { clock: ctx.sandbox.clock });
  if (!validation.success) throw ProblemError.fromViolations(validation.violations);
  const { direction, from, to, memberId, providerNpi } = validation.data;
  const page = pageParameters(ctx.query);
  const mine = new Set(ctx.permittedTaxIds);
  ensureReferralHistory(ctx.sandbox, ctx.data, [...mine]);
  const day = today(ctx);
  // Each direction has its index (transactions/referral-index.ts), newest first; the days are a time
  // range on it. Only the provider filter is tested record by record.
  const inPlan = planFilter(ctx);
  const { items, total } = pageFromIndex(ctx.sandbox, REFERRAL_INDEXES[direction], [...mine], page, {
    between: daysRange(from, to),
    ...(memberId === undefined ? {} : { memberId }),
    ...keepOf<ReferralRecord>([
      providerNpi === undefined
        ? undefined
        : (record) => record.referringProvider.npi === providerNpi || record.specialist.npi === providerNpi,
      inPlan === undefined ? undefined : (record) => inPlan(record.healthPlan),
    ]),
  });
  const rows = items.map((record) => {
    const made = mine.has(record.referringProvider.taxId);
    return toReferralSummary(record, direction === 'received' || !made ? 'received' : 'made', day);
  });
  const body: Schemas['ReferralPage'] = pageOfTotal(rows, total, page);
  return { status: 200, body };
}

function getReferral(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  ensureReferralHistory(ctx.sandbox, ctx.data, userTaxIds(user));
  const trackingNumber = ctx.params.trackingNumber ?? '';
  const record = visibleOr404(
    ctx,
    records(ctx).get(trackingNumber),
    `No referral ${trackingNumber} is visible to you.`,
  );
  const day = today(ctx);
  // "all referrals submitted within the last 24 months will be available" (seed 003): older ones are gone.
  if (compareDates(calendarDayAt(new Date(record.submittedAt)), earliestReferralSearchDate(day)) < 0) {
    throw new ProblemError(
      'NOT_FOUND',
      `Referral ${trackingNumber} was submitted more than 24 months ago and is no longer available ` +
        '(REFERRAL_LOOKBACK_EXCEEDED).',
    );
  }
  const body: Schemas['Referral'] = toReferral(record, day);
  return { status: 200, body };
}

export const referralsHandlers: DomainHandlers = {
  createReferral: {
    rules: (ctx) => {
      const validation = createValidation(ctx);
      return validation.success ? [] : validation.violations;
    },
    handle: createReferral,
  },
  searchReferrals: {
    rules: (ctx) => {
      const validation = validateReferralSearch(searchInput(ctx.query), { clock: ctx.sandbox.clock });
      return validation.success ? [] : validation.violations;
    },
    handle: searchReferrals,
  },
  getReferral: { handle: getReferral },
};
