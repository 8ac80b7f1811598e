import type { IsoDate } from './dates.ts';
import { addDays, compareDates, dayOfWeek, isoDateParts, parseIsoDate } from './dates.ts';
import { observedFederalHolidays } from './holidays.ts';

/**
 * Business days: Monday–Friday that are not holidays. "A business day is Monday–Friday that is not a
 * US federal holiday … The holiday calendar is replaceable" (RULES.md).
 *
 * @example
 * const calendar: BusinessCalendar = defaultBusinessCalendar;
 * calendar.addBusinessDays('2026-11-25', 1); // '2026-11-27'
 */
export interface BusinessCalendar {
  /** Whether a day is Monday–Friday and not a holiday of the calendar. */
  isBusinessDay(d: IsoDate): boolean;
  /**
   * The `n`th business day strictly after `d` (strictly before when `n` is negative), whether or not
   * `d` itself is a business day; `d` itself when `n` is 0.
   */
  addBusinessDays(d: IsoDate, n: number): IsoDate;
  /** The holiday dates (non-business weekdays or weekend days) of a calendar year, sorted. */
  holidaysIn(year: number): IsoDate[];
}

/**
 * Options of {@link createBusinessCalendar}.
 *
 * @example
 * const options: BusinessCalendarOptions = { holidays: (year) => [`${year}-12-24`, `${year}-12-25`] };
 */
export interface BusinessCalendarOptions {
  /**
   * The holiday dates of a year (default: observed US federal holidays). Dates of neighbouring years
   * that the function returns are honoured too, so a function may return the holidays "of" a year
   * even when one is observed on 31 December of the year before.
   */
  holidays?: ((year: number) => readonly IsoDate[]) | undefined;
}

/** More consecutive non-business days than this means the holiday function blocks every day. */
const MAX_CONSECUTIVE_NON_BUSINESS_DAYS = 366;

/**
 * Creates a business calendar over a replaceable holiday function (default: the observed US federal
 * holidays). Holidays are computed once per year and cached.
 *
 * @example
 * const calendar = createBusinessCalendar({ holidays: (year) => [`${year}-12-26`] });
 * calendar.isBusinessDay('2025-12-26'); // false
 * calendar.isBusinessDay('2025-12-25'); // true (a Thursday, not a holiday of this calendar)
 */
export function createBusinessCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  const holidaysOf = options.holidays ?? observedFederalHolidays;
  const cache = new Map<number, Set<IsoDate>>();

  function holidaySet(year: number): Set<IsoDate> {
    let set = cache.get(year);
    if (set === undefined) {
      set = new Set<IsoDate>();
      const prefix = `${String(year).padStart(4, '0')}-`;
      for (const candidateYear of [year - 1, year, year + 1]) {
        if (candidateYear < 1 || candidateYear > 9999) continue;
        for (const value of holidaysOf(candidateYear)) {
          const date = parseIsoDate(value);
          if (date === undefined) {
            throw new RangeError(
              `The holiday calendar returned ${JSON.stringify(value)} for ${candidateYear}; expected YYYY-MM-DD dates.`,
            );
          }
          if (date.startsWith(prefix)) set.add(date);
        }
      }
      cache.set(year, set);
    }
    return set;
  }

  function isBusinessDay(d: IsoDate): boolean {
    const weekday = dayOfWeek(d);
    if (weekday === 0 || weekday === 6) return false;
    return !holidaySet(isoDateParts(d).year).has(d);
  }

  function addBusinessDays(d: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n))
      throw new RangeError(`Invalid business day count ${String(n)}: expected an integer.`);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = d;
    let skipped = 0;
    dayOfWeek(d); // validates d even when n is 0
    while (remaining > 0) {
      current = addDays(current, step);
      if (isBusinessDay(current)) {
        remaining -= 1;
        skipped = 0;
      } else if (++skipped > MAX_CONSECUTIVE_NON_BUSINESS_DAYS) {
        throw new RangeError(
          `No business day within ${MAX_CONSECUTIVE_NON_BUSINESS_DAYS} days of ${current}.`,
        );
      }
    }
    return current;
  }

  function holidaysIn(year: number): IsoDate[] {
    return [...holidaySet(year)].sort();
  }

  return { isBusinessDay, addBusinessDays, holidaysIn };
}

/**
 * The default business calendar: Monday–Friday except observed US federal holidays.
 *
 * @example
 * defaultBusinessCalendar.isBusinessDay('2026-11-26'); // false (Thanksgiving)
 * defaultBusinessCalendar.isBusinessDay('2021-12-31'); // false (New Year's Day 2022 observed)
 */
export const defaultBusinessCalendar: BusinessCalendar = createBusinessCalendar();

/**
 * The number of business days in the half-open range (`from`, `to`]: after `from`, up to and including
 * `to`. Zero when `to` is not after `from`.
 *
 * @example
 * countBusinessDays('2026-11-25', '2026-11-30'); // 2 (the 27th and the 30th; the 26th is Thanksgiving)
 */
export function countBusinessDays(
  from: IsoDate,
  to: IsoDate,
  calendar: BusinessCalendar = defaultBusinessCalendar,
): number {
  let count = 0;
  for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
    if (calendar.isBusinessDay(day)) count += 1;
  }
  return count;
}
