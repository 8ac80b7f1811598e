import * as z from 'zod/mini';
import type { RuleContext } from './context.ts';
import { resolveContext } from './context.ts';
import type { IsoDate } from './dates.ts';
import { addDays, compareDates, parseIsoDate, subtractYearsClamped, windowLengthDays } from './dates.ts';
import type { Violation } from './violation.ts';
import type { RuleValidationResult, ValidationViolation } from './zod-issues.ts';
import {
  asRecord,
  dateField,
  describeValue,
  IsoDateSchema,
  MemberIdSchema,
  NpiSchema,
  parseWithViolations,
  toValidationResult,
} from './zod-issues.ts';

/**
 * "Search results, however, will only be displayed showing 90 days of information at a time." (seed
 * 003): the widest claims search window, counting both ends.
 *
 * @example
 * windowLengthDays('2026-01-01', '2026-03-31') <= CLAIMS_WINDOW_MAX_DAYS; // true (90 days)
 */
export const CLAIMS_WINDOW_MAX_DAYS = 90;

/**
 * "Users will be able to search for claims submitted within the last two years." (seed 003)
 *
 * @example
 * subtractYearsClamped('2026-11-22', CLAIMS_LOOKBACK_YEARS); // '2024-11-22'
 */
export const CLAIMS_LOOKBACK_YEARS = 2;

/**
 * "Check images will be available for the past two (2) years." (seed 003)
 *
 * @example
 * subtractYearsClamped('2026-11-22', CHECK_IMAGE_YEARS); // '2024-11-22'
 */
export const CHECK_IMAGE_YEARS = 2;

/**
 * The claim statuses (the contract's `ClaimStatus`).
 *
 * @example
 * CLAIM_STATUSES.includes('paid'); // true
 */
export const CLAIM_STATUSES = ['received', 'in_process', 'pended', 'paid', 'denied', 'adjusted'] as const;

/**
 * The query of `searchClaims` and `exportClaims` (paging parameters are ignored).
 *
 * @example
 * ClaimsSearchSchema.parse({ from: '2026-09-01', to: '2026-11-23' });
 */
export const ClaimsSearchSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  memberId: z.optional(MemberIdSchema),
  claimNumber: z.optional(
    z.string().check(
      z.refine((value) => /^[0-9]{4}[A-Z0-9]{6,12}$/.test(value), {
        error: (issue) =>
          `Claim number ${describeValue(issue.input)} is not valid: a claim number is the 4-digit year then 6–12 ` +
          'upper-case letters or digits, such as 2026C00123456.',
      }),
    ),
  ),
  providerNpi: z.optional(NpiSchema),
  status: z.optional(z.enum(CLAIM_STATUSES)),
});

/**
 * A parsed claims search query.
 *
 * @example
 * const query: ClaimsSearch = ClaimsSearchSchema.parse({ from: '2026-09-01', to: '2026-11-23' });
 */
export type ClaimsSearch = z.output<typeof ClaimsSearchSchema>;

/**
 * The earliest submission date a claims search made on `today` may reach: the same calendar day two
 * years earlier (29 February maps to 28 February).
 *
 * @example
 * earliestClaimsSearchDate('2026-11-22'); // '2024-11-22' (inside; 2024-11-21 is outside)
 */
export function earliestClaimsSearchDate(today: IsoDate): IsoDate {
  return subtractYearsClamped(today, CLAIMS_LOOKBACK_YEARS);
}

/**
 * Validates a claims search, every violation at once:
 * - `CLAIMS_WINDOW_TOO_WIDE`: `from`–`to` is a window of at most 90 days counting both ends
 *   (2026-01-01 to 2026-03-31, 90 days, passes; to 2026-04-01, 91 days, fails);
 * - `CLAIMS_LOOKBACK_EXCEEDED`: `from` is on or after the same calendar day two years ago (on
 *   2026-11-22, 2024-11-22 is inside and 2024-11-21 outside);
 * - `VALIDATION_FAILED`: `from` after `to`, `to` after today (submission dates cannot be in the
 *   future), malformed dates, member ID, claim number or status; `INVALID_NPI` for `providerNpi`.
 * Never throws on any input.
 *
 * @example
 * validateClaimsSearch({ from: '2026-01-01', to: '2026-03-31' }, { clock: fixedClock('2026-11-22T15:00:00Z') }).success; // true
 */
export function validateClaimsSearch(
  query: unknown,
  ctx: RuleContext = {},
): RuleValidationResult<ClaimsSearch> {
  const { today } = resolveContext(ctx);
  const parsed = parseWithViolations(ClaimsSearchSchema, query);
  const violations: ValidationViolation[] = [...parsed.violations];
  const root = asRecord(query);
  const from = dateField(root, 'from');
  const to = dateField(root, 'to');
  if (from !== undefined && to !== undefined) {
    if (compareDates(from, to) > 0) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: '$.from',
        message: `The search starts (${from}) after it ends (${to}): give a from date on or before the to date.`,
      });
    } else {
      const length = windowLengthDays(from, to);
      if (length > CLAIMS_WINDOW_MAX_DAYS) {
        violations.push({
          code: 'CLAIMS_WINDOW_TOO_WIDE',
          path: '$.to',
          message:
            `The window ${from} to ${to} covers ${length} days: claims search results show ${CLAIMS_WINDOW_MAX_DAYS} ` +
            `days of information at a time. Search ${from} to ${windowEnd(from)} and then the following windows.`,
        });
      }
    }
  }
  if (from !== undefined) {
    const earliest = earliestClaimsSearchDate(today);
    if (compareDates(from, earliest) < 0) {
      violations.push({
        code: 'CLAIMS_LOOKBACK_EXCEEDED',
        path: '$.from',
        message:
          `Claims can be searched if submitted within the last two years, from ${earliest}; ${from} is earlier. ` +
          'Search from that day on, or ask for older claims through the Message Center (category claims).',
      });
    }
  }
  if (to !== undefined && compareDates(to, today) > 0) {
    violations.push({
      code: 'VALIDATION_FAILED',
      path: '$.to',
      message: `The to date ${to} is after today (${today}): claims are searched by submission date, which cannot be in the future.`,
    });
  }
  return toValidationResult(parsed.data, violations);
}

function windowEnd(from: IsoDate): IsoDate {
  // Only called when `to` lies beyond the window, so this day exists.
  return addDays(from, CLAIMS_WINDOW_MAX_DAYS - 1);
}

/**
 * `[]` while a check image is available, otherwise one `CHECK_IMAGE_UNAVAILABLE` violation: "Check
 * images will be available for the past two (2) years." (seed 003), i.e. a check issued on or after
 * the same calendar day two years ago. Throws a RangeError for an invalid `issuedOn`.
 *
 * @example
 * checkImageAvailable('2024-11-22', { clock: fixedClock('2026-11-22T15:00:00Z') }); // []
 * checkImageAvailable('2024-11-21', { clock: fixedClock('2026-11-22T15:00:00Z') }); // [{ code: 'CHECK_IMAGE_UNAVAILABLE', … }]
 */
export function checkImageAvailable(issuedOn: IsoDate, ctx: RuleContext = {}): Violation[] {
  if (parseIsoDate(issuedOn) === undefined) {
    throw new RangeError(`Invalid check issue date ${describeValue(issuedOn)}: expected YYYY-MM-DD.`);
  }
  const { today } = resolveContext(ctx);
  const earliest = subtractYearsClamped(today, CHECK_IMAGE_YEARS);
  if (compareDates(issuedOn, earliest) >= 0) return [];
  return [
    {
      code: 'CHECK_IMAGE_UNAVAILABLE',
      path: '$',
      message:
        `The check issued on ${issuedOn} is older than two years (images are kept from ${earliest}): check images ` +
        'are available for the past two years. Ask for an older one through the Message Center or Customer Service.',
    },
  ];
}
