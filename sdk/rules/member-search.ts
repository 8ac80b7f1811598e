import * as z from 'zod/mini';
import type { RuleContext } from './context.ts';
import { resolveContext } from './context.ts';
import type { IsoDate } from './dates.ts';
import { compareDates, subtractYearsClamped } from './dates.ts';
import type { RuleValidationResult, ValidationViolation } from './zod-issues.ts';
import { asRecord, dateField, IsoDateSchema, MemberIdSchema, parseWithViolations } from './zod-issues.ts';

/**
 * "A minimum of two characters has to be entered" (seed 003) for a partial member-name search term,
 * counted after trimming spaces.
 *
 * @example
 * 'Ay'.length >= MIN_NAME_SEARCH_LENGTH; // true
 */
export const MIN_NAME_SEARCH_LENGTH = 2;

/**
 * "you may see eligibility search results for the last two years" (seed 003): the earliest `asOf`
 * is the same calendar date this many years ago.
 *
 * @example
 * subtractYearsClamped('2026-11-22', ELIGIBILITY_LOOKBACK_YEARS); // '2024-11-22'
 */
export const ELIGIBILITY_LOOKBACK_YEARS = 2;

/**
 * The query of `searchMembers`, each field optional; {@link validateMemberSearch} decides which
 * combinations are complete. Other query parameters (paging) are ignored.
 *
 * @example
 * MemberSearchQuerySchema.parse({ memberId: 'K5500648801' });
 */
export const MemberSearchQuerySchema = z.object({
  memberId: z.optional(MemberIdSchema),
  firstName: z.optional(z.string().check(z.trim(), z.maxLength(35))),
  lastName: z.optional(z.string().check(z.trim(), z.maxLength(60))),
  dateOfBirth: z.optional(IsoDateSchema),
  asOf: z.optional(IsoDateSchema),
});

/**
 * A complete member search: by member ID, or by first name + last name + date of birth (names
 * trimmed), with an optional `asOf` day.
 *
 * @example
 * const search: MemberSearch = { firstName: 'Te', lastName: 'Ayo', dateOfBirth: '1954-09-05' };
 */
export type MemberSearch =
  | { memberId: string; asOf?: IsoDate }
  | { firstName: string; lastName: string; dateOfBirth: IsoDate; asOf?: IsoDate };

/**
 * The earliest `asOf` of an eligibility search made on `today`: the same calendar day two years
 * earlier (29 February maps to 28 February).
 *
 * @example
 * earliestEligibilityDate('2026-11-22'); // '2024-11-22'
 */
export function earliestEligibilityDate(today: IsoDate): IsoDate {
  return subtractYearsClamped(today, ELIGIBILITY_LOOKBACK_YEARS);
}

const NAME_FIELDS = ['firstName', 'lastName'] as const;
const FORM_FIELDS = ['firstName', 'lastName', 'dateOfBirth'] as const;

/**
 * A member search as the rules read it: query strings often carry empty parameters, and an empty or
 * blank value counts as not given. The SDK sends the search this way too, so that a blank field of a
 * form is left out rather than sent as a term the contract refuses.
 *
 * @example
 * withoutBlankParameters({ memberId: 'K5500648801', firstName: ' ' }); // { memberId: 'K5500648801' }
 */
export function withoutBlankParameters(query: unknown): unknown {
  const record = asRecord(query);
  if (record === undefined) return query;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() === '') continue;
    // defineProperty, not assignment: a key named __proto__ stays an ordinary field.
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function characters(value: string): number {
  return [...value].length;
}

/**
 * Validates an eligibility search, every violation at once:
 * - `MEMBER_SEARCH_INCOMPLETE`: search by `memberId`, or by `firstName` + `lastName` + `dateOfBirth`
 *   ("If Member Name is selected, Member First Name, Last Name, and Date of Birth are required.",
 *   seed 001); a member ID together with name fields is refused too (one form at a time);
 * - `SEARCH_TERM_TOO_SHORT`: each name term has at least 2 characters after trimming (1 fails,
 *   2 passes);
 * - `ELIGIBILITY_LOOKBACK_EXCEEDED`: `asOf` is on or after the same calendar day two years ago
 *   (exactly two years passes, a day more fails);
 * - `VALIDATION_FAILED`: malformed member ID or dates (`2025-02-30`), a date of birth in the future.
 * Empty or blank parameters count as not given. Never throws on any input.
 *
 * @example
 * validateMemberSearch({ firstName: 'Te', lastName: 'Ayo', dateOfBirth: '1954-09-05' }, ctx).success; // true
 * validateMemberSearch({ firstName: 'T', lastName: 'Ayo', dateOfBirth: '1954-09-05' }, ctx); // SEARCH_TERM_TOO_SHORT
 */
export function validateMemberSearch(
  query: unknown,
  ctx: RuleContext = {},
): RuleValidationResult<MemberSearch> {
  const { today } = resolveContext(ctx);
  const cleaned = withoutBlankParameters(query);
  const parsed = parseWithViolations(MemberSearchQuerySchema, cleaned);
  const violations: ValidationViolation[] = [...parsed.violations];
  const root = asRecord(cleaned);
  if (root === undefined) {
    return { success: false, violations, warnings: [] };
  }
  const has = (key: string) => Object.hasOwn(root, key) && root[key] !== undefined;
  const hasMemberId = has('memberId');
  const nameFieldsGiven = FORM_FIELDS.filter(has);
  if (hasMemberId && nameFieldsGiven.length > 0) {
    violations.push({
      code: 'MEMBER_SEARCH_INCOMPLETE',
      path: '$',
      message:
        `Search by member ID or by member name, not both: remove ${nameFieldsGiven.join(', ')}, or remove the ` +
        'member ID and search by first name, last name and date of birth.',
    });
  } else if (!hasMemberId && nameFieldsGiven.length === 0) {
    violations.push({
      code: 'MEMBER_SEARCH_INCOMPLETE',
      path: '$',
      message:
        'A member search needs the member ID, or the first name, last name and date of birth: give one of them.',
    });
  } else if (!hasMemberId) {
    for (const key of FORM_FIELDS) {
      if (has(key)) continue;
      violations.push({
        code: 'MEMBER_SEARCH_INCOMPLETE',
        path: `$.${key}`,
        message:
          `A search by member name needs the first name, last name and date of birth: ${key} is missing. ` +
          'Give it, or search by member ID.',
      });
    }
  }
  for (const key of NAME_FIELDS) {
    const value = root[key];
    if (!Object.hasOwn(root, key) || typeof value !== 'string') continue;
    const term = value.trim();
    const length = characters(term);
    if (length < MIN_NAME_SEARCH_LENGTH) {
      // "The portal is set up to conduct partial name searches … A minimum of two characters has to be entered." (seed 003)
      violations.push({
        code: 'SEARCH_TERM_TOO_SHORT',
        path: `$.${key}`,
        message:
          `The ${key === 'firstName' ? 'first' : 'last'} name search term ${JSON.stringify(term)} has ${length} ` +
          `character; a partial name search needs at least ${MIN_NAME_SEARCH_LENGTH} characters. Type more of the name.`,
      });
    }
  }
  const dateOfBirth = dateField(root, 'dateOfBirth');
  if (dateOfBirth !== undefined && compareDates(dateOfBirth, today) > 0) {
    violations.push({
      code: 'VALIDATION_FAILED',
      path: '$.dateOfBirth',
      message: `The date of birth ${dateOfBirth} is in the future (today is ${today}): check the date.`,
    });
  }
  const asOf = dateField(root, 'asOf');
  if (asOf !== undefined) {
    const earliest = earliestEligibilityDate(today);
    if (compareDates(asOf, earliest) < 0) {
      violations.push({
        code: 'ELIGIBILITY_LOOKBACK_EXCEEDED',
        path: '$.asOf',
        message:
          `Eligibility results reach back two years, to ${earliest}; ${asOf} is earlier. Ask for a day on or ` +
          `after ${earliest}, or contact Provider Customer Service for older eligibility.`,
      });
    }
  }
  const data = parsed.data;
  if (violations.length > 0 || data === undefined) return { success: false, violations, warnings: [] };
  const asOfPart = data.asOf === undefined ? {} : { asOf: data.asOf };
  if (data.memberId !== undefined)
    return { success: true, data: { memberId: data.memberId, ...asOfPart }, warnings: [] };
  const { firstName, lastName, dateOfBirth: dob } = data;
  if (firstName === undefined || lastName === undefined || dob === undefined) {
    // Unreachable: the completeness checks above reported this.
    return { success: false, violations, warnings: [] };
  }
  return { success: true, data: { firstName, lastName, dateOfBirth: dob, ...asOfPart }, warnings: [] };
}
