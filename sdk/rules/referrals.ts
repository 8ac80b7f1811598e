import * as z from 'zod/mini';
import type { RuleContext } from './context.ts';
import { resolveContext } from './context.ts';
import type { IsoDate } from './dates.ts';
import { addDays, addMonthsClamped, compareDates, parseIsoDate } from './dates.ts';
import { type CoverageSpan, outsideCoverage } from './service-window.ts';
import type { Violation } from './violation.ts';
import type { ProviderDirectory, RuleValidationResult, ValidationViolation } from './zod-issues.ts';
import {
  asRecord,
  checkProviderIdentity,
  DiagnosesSchema,
  dateField,
  describeValue,
  field,
  IsoDateSchema,
  MemberIdSchema,
  NpiSchema,
  ProviderReferenceSchema,
  parseWithViolations,
  toValidationResult,
} from './zod-issues.ts';

/**
 * "Referrals may be backdated up to 30 days to facilitate member access to care." (seed 003): day 30
 * before the request date is allowed, day 31 is not.
 *
 * @example
 * addDays('2026-11-22', -REFERRAL_BACKDATE_DAYS); // '2026-10-23'
 */
export const REFERRAL_BACKDATE_DAYS = 30;

/**
 * "all referrals submitted within the last 24 months will be available to the servicing provider on
 * the Provider Portal" (seed 003): how far back a referral search reaches, in calendar months.
 *
 * @example
 * addMonthsClamped('2026-11-22', -REFERRAL_LOOKBACK_MONTHS); // '2024-11-22'
 */
export const REFERRAL_LOOKBACK_MONTHS = 24;

/**
 * The member product types (the contract's `ProductType`).
 *
 * @example
 * PRODUCT_TYPES.includes('essential_plan'); // true
 */
export const PRODUCT_TYPES = [
  'commercial_hmo',
  'commercial_pos',
  'commercial_ppo',
  'medicare_advantage',
  'medicaid_enhanced_care',
  'harp_enhanced_care_plus',
  'child_health_plus',
  'essential_plan',
] as const;

/**
 * One of {@link PRODUCT_TYPES}.
 *
 * @example
 * const productType: ProductType = 'essential_plan';
 */
export type ProductType = (typeof PRODUCT_TYPES)[number];

/**
 * The products that need no referral from 2023-01-01, with their names in the seed.
 *
 * @example
 * REFERRAL_FREE_PRODUCTS.essential_plan; // 'Essential Plan'
 */
export const REFERRAL_FREE_PRODUCTS: Readonly<Partial<Record<ProductType, string>>> = Object.freeze({
  medicaid_enhanced_care: 'Enhanced Care (Medicaid)',
  harp_enhanced_care_plus: 'Enhanced Care Plus (HARP)',
  child_health_plus: 'Child Health Plus (CHPlus)',
  essential_plan: 'Essential Plan',
});

/**
 * The day from which referrals are no longer needed for the products of {@link REFERRAL_FREE_PRODUCTS}.
 *
 * @example
 * REFERRALS_NOT_REQUIRED_FROM; // '2023-01-01'
 */
export const REFERRALS_NOT_REQUIRED_FROM: IsoDate = '2023-01-01';

/**
 * The earliest start date of a referral requested on `requestDate`: 30 days before it, inclusive.
 *
 * @example
 * earliestReferralStartDate('2026-11-22'); // '2026-10-23' (passes; 2026-10-22 fails)
 */
export function earliestReferralStartDate(requestDate: IsoDate): IsoDate {
  return addDays(requestDate, -REFERRAL_BACKDATE_DAYS);
}

/**
 * Whether a member of `productType` needs a referral on `onDate`. "As of January 1, 2023, referrals
 * are no longer needed for Enhanced Care (Medicaid), Enhanced Care Plus (HARP), and Child Health Plus
 * (CHPlus), and Essential Plan members." (seed 003). Throws a RangeError for an invalid date.
 *
 * @example
 * referralRequired('essential_plan', '2023-01-01'); // false
 * referralRequired('essential_plan', '2022-12-31'); // true
 * referralRequired('commercial_hmo', '2026-11-22'); // true
 */
export function referralRequired(productType: ProductType, onDate: IsoDate): boolean {
  if (parseIsoDate(onDate) === undefined) {
    throw new RangeError(`Invalid date ${describeValue(onDate)}: expected YYYY-MM-DD.`);
  }
  if (!Object.hasOwn(REFERRAL_FREE_PRODUCTS, productType)) return true;
  return compareDates(onDate, REFERRALS_NOT_REQUIRED_FROM) < 0;
}

/**
 * The body of `createReferral` (field names of docs/spec-conventions.md).
 *
 * @example
 * const parsed = ReferralCreateSchema.safeParse(body);
 */
export const ReferralCreateSchema = z.strictObject({
  memberId: MemberIdSchema,
  referringProvider: ProviderReferenceSchema,
  specialist: ProviderReferenceSchema,
  startDate: IsoDateSchema,
  endDate: z.optional(IsoDateSchema),
  visits: z.int().check(z.minimum(1), z.maximum(99)),
  diagnoses: DiagnosesSchema,
  reason: z.optional(z.string().check(z.maxLength(1000))),
});

/**
 * A parsed referral request (Tax IDs normalised).
 *
 * @example
 * const result = validateReferralCreate(body);
 * if (result.success) { const referral: ReferralCreate = result.data; }
 */
export type ReferralCreate = z.output<typeof ReferralCreateSchema>;

/**
 * The context of {@link validateReferralCreate}: the clock (the request date is today), and optionally
 * the member's product type (`REFERRAL_NOT_REQUIRED`, a warning) and the provider directory
 * (`PROVIDER_IDENTITY_MISMATCH`).
 *
 * @example
 * const ctx: ReferralContext = { clock: fixedClock('2026-11-22T15:00:00Z'), productType: 'commercial_hmo' };
 */
export interface ReferralContext extends RuleContext {
  productType?: ProductType;
  /** The member's coverage: the referral's start and end dates lie within it (`SERVICE_OUTSIDE_COVERAGE`). */
  coverage?: CoverageSpan;
  providerDirectory?: ProviderDirectory;
}

function referralRules(input: unknown, ctx: ReferralContext, today: IsoDate): Violation[] {
  const root = asRecord(input);
  if (root === undefined) return [];
  const out: Violation[] = [];
  const start = dateField(root, 'startDate');
  const end = dateField(root, 'endDate');
  if (start !== undefined) {
    const earliest = earliestReferralStartDate(today);
    if (compareDates(start, earliest) < 0) {
      out.push({
        code: 'REFERRAL_BACKDATE_EXCEEDED',
        path: '$.startDate',
        message:
          `The referral start date ${start} is more than ${REFERRAL_BACKDATE_DAYS} days before the request date ` +
          `${today}: referrals may be backdated up to ${REFERRAL_BACKDATE_DAYS} days. Start the referral on or ` +
          `after ${earliest}.`,
      });
    }
  }
  if (start !== undefined && end !== undefined && compareDates(start, end) > 0) {
    out.push({
      code: 'SERVICE_DATES_REVERSED',
      path: '$.endDate',
      message: `The referral end date ${end} is before its start date ${start}: end the referral on or after ${start}.`,
    });
  }
  if (ctx.coverage !== undefined) {
    for (const [date, key, which] of [
      [start, 'startDate', 'start'],
      [end, 'endDate', 'end'],
    ] as const) {
      const outside =
        date === undefined
          ? undefined
          : outsideCoverage(date, `$.${key}`, which, 'the referral', ctx.coverage);
      if (outside !== undefined) out.push(outside);
    }
  }
  out.push(
    ...checkProviderIdentity(
      field(root, 'referringProvider'),
      '$.referringProvider',
      ctx.providerDirectory,
      'referring provider',
    ),
    ...checkProviderIdentity(field(root, 'specialist'), '$.specialist', ctx.providerDirectory, 'specialist'),
  );
  return out;
}

/**
 * Validates a new referral, every violation at once: the shape (`VALIDATION_FAILED`, `INVALID_NPI`,
 * `INVALID_TAX_ID`, `INVALID_ICD10_CODE`), `REFERRAL_BACKDATE_EXCEEDED` (start ≥ today − 30 days),
 * `SERVICE_DATES_REVERSED` (end before start) and `PROVIDER_IDENTITY_MISMATCH` (with a directory).
 * When the member's product needs no referral, `REFERRAL_NOT_REQUIRED` is a WARNING: the result stays
 * a success, and the server answers `not_required` without storing anything. Never throws on any input.
 *
 * @example
 * const result = validateReferralCreate(body, { clock, productType: 'essential_plan' });
 * // result.success === true, result.warnings[0].code === 'REFERRAL_NOT_REQUIRED'
 */
export function validateReferralCreate(
  input: unknown,
  ctx: ReferralContext = {},
): RuleValidationResult<ReferralCreate> {
  const { today } = resolveContext(ctx);
  const parsed = parseWithViolations(ReferralCreateSchema, input);
  const violations: ValidationViolation[] = [...parsed.violations, ...referralRules(input, ctx, today)];
  const warnings: Violation[] = [];
  const productType = ctx.productType;
  if (productType !== undefined && !referralRequired(productType, today)) {
    warnings.push({
      code: 'REFERRAL_NOT_REQUIRED',
      path: '$',
      message:
        `As of January 1, 2023, referrals are no longer needed for ${REFERRAL_FREE_PRODUCTS[productType]} ` +
        'members: the member can see the specialist without one, and no referral is stored.',
    });
  }
  return toValidationResult(parsed.data, violations, warnings);
}

/**
 * The referral search directions: made by my providers, received by them, or both.
 *
 * @example
 * REFERRAL_SEARCH_DIRECTIONS[2]; // 'all'
 */
export const REFERRAL_SEARCH_DIRECTIONS = ['made', 'received', 'all'] as const;

/**
 * The query of `searchReferrals` (other query parameters, such as paging, are ignored).
 *
 * @example
 * ReferralSearchSchema.parse({ from: '2026-05-23', to: '2026-11-23' }).direction; // 'all'
 */
export const ReferralSearchSchema = z.object({
  direction: z._default(z.enum(REFERRAL_SEARCH_DIRECTIONS), 'all'),
  from: IsoDateSchema,
  to: IsoDateSchema,
  memberId: z.optional(MemberIdSchema),
  providerNpi: z.optional(NpiSchema),
});

/**
 * A parsed referral search query.
 *
 * @example
 * const query: ReferralSearch = ReferralSearchSchema.parse({ from: '2026-05-23', to: '2026-11-23' });
 */
export type ReferralSearch = z.output<typeof ReferralSearchSchema>;

/**
 * The earliest `from` of a referral search made on `today`: the same calendar day 24 months earlier
 * (29 February maps to 28 February).
 *
 * @example
 * earliestReferralSearchDate('2026-11-22'); // '2024-11-22'
 * earliestReferralSearchDate('2028-02-29'); // '2026-02-28'
 */
export function earliestReferralSearchDate(today: IsoDate): IsoDate {
  return addMonthsClamped(today, -REFERRAL_LOOKBACK_MONTHS);
}

/**
 * Validates a referral search: its shape (`VALIDATION_FAILED`, `INVALID_NPI`), `from` on or before
 * `to` (`VALIDATION_FAILED`), and `REFERRAL_LOOKBACK_EXCEEDED` when `from` is before the same
 * calendar day 24 months ago. Never throws on any input.
 *
 * @example
 * validateReferralSearch({ from: '2024-11-22', to: '2026-11-22' }, { clock: fixedClock('2026-11-22T15:00:00Z') }).success; // true
 * validateReferralSearch({ from: '2024-11-21', to: '2026-11-22' }, { clock: fixedClock('2026-11-22T15:00:00Z') }).success; // false
 */
export function validateReferralSearch(
  query: unknown,
  ctx: RuleContext = {},
): RuleValidationResult<ReferralSearch> {
  const { today } = resolveContext(ctx);
  const parsed = parseWithViolations(ReferralSearchSchema, query);
  const violations: ValidationViolation[] = [...parsed.violations];
  const root = asRecord(query);
  const from = dateField(root, 'from');
  const to = dateField(root, 'to');
  if (from !== undefined) {
    const earliest = earliestReferralSearchDate(today);
    if (compareDates(from, earliest) < 0) {
      violations.push({
        code: 'REFERRAL_LOOKBACK_EXCEEDED',
        path: '$.from',
        message:
          `Referral searches reach back ${REFERRAL_LOOKBACK_MONTHS} months, to ${earliest}; ${from} is earlier: ` +
          `referrals submitted within the last ${REFERRAL_LOOKBACK_MONTHS} months are available. Search from ` +
          `${earliest} or later.`,
      });
    }
  }
  if (from !== undefined && to !== undefined && compareDates(from, to) > 0) {
    violations.push({
      code: 'VALIDATION_FAILED',
      path: '$.from',
      message: `The search starts (${from}) after it ends (${to}): give a from date on or before the to date.`,
    });
  }
  return toValidationResult(parsed.data, violations);
}
