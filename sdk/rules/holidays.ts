import type { IsoDate } from './dates.ts';
import { addDays, dayOfWeek, daysInMonth, isoDateFromParts } from './dates.ts';

/**
 * One US federal holiday of a year: its legal date, the day it is observed, and its name.
 *
 * @example
 * const holiday: FederalHoliday = { date: '2026-07-04', observed: '2026-07-03', name: 'Independence Day' };
 */
export interface FederalHoliday {
  /** The legal date of the holiday. */
  date: IsoDate;
  /**
   * The day it is observed: a Saturday holiday on the Friday before, a Sunday holiday on the Monday
   * after (5 U.S.C. 6103(b)). New Year's Day on a Saturday is observed on 31 December of the year before.
   */
  observed: IsoDate;
  name: string;
}

function at(year: number, month: number, day: number): IsoDate {
  const date = isoDateFromParts(year, month, day);
  if (date === undefined) throw new RangeError(`Invalid holiday date ${year}-${month}-${day}.`);
  return date;
}

/** The `nth` (1-based) `weekday` (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): IsoDate {
  const first = at(year, month, 1);
  return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + (nth - 1) * 7);
}

/** The last `weekday` (0 = Sunday) of a month. */
function lastWeekday(year: number, month: number, weekday: number): IsoDate {
  const last = at(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/**
 * The day a fixed-date holiday is observed: Saturday → the Friday before, Sunday → the Monday after,
 * otherwise the date itself.
 *
 * @example
 * observedDate('2026-07-04'); // '2026-07-03' (Saturday → Friday)
 * observedDate('2027-07-04'); // '2027-07-05' (Sunday → Monday)
 */
export function observedDate(date: IsoDate): IsoDate {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return addDays(date, -1);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

function fixed(year: number, month: number, day: number, name: string): FederalHoliday {
  const date = at(year, month, day);
  return { date, observed: observedDate(date), name };
}

function floating(date: IsoDate, name: string): FederalHoliday {
  return { date, observed: date, name };
}

/**
 * The 11 US federal holidays of a year (5 U.S.C. 6103(a)), in calendar order, with their observed
 * dates. Martin Luther King Jr. Day is included from 1986 and Juneteenth from 2021, when they became
 * federal holidays. Note that an observed date can fall in the previous year: New Year's Day 2022 (a
 * Saturday) was observed on 2021-12-31.
 *
 * @example
 * usFederalHolidays(2026).find((h) => h.name === 'Independence Day');
 * // { date: '2026-07-04', observed: '2026-07-03', name: 'Independence Day' }
 */
export function usFederalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Invalid year ${String(year)}: expected an integer between 1 and 9999.`);
  }
  const holidays: FederalHoliday[] = [fixed(year, 1, 1, "New Year's Day")];
  if (year >= 1986) holidays.push(floating(nthWeekday(year, 1, 1, 3), 'Birthday of Martin Luther King, Jr.'));
  holidays.push(
    floating(nthWeekday(year, 2, 1, 3), "Washington's Birthday"),
    floating(lastWeekday(year, 5, 1), 'Memorial Day'),
  );
  if (year >= 2021) holidays.push(fixed(year, 6, 19, 'Juneteenth National Independence Day'));
  holidays.push(
    fixed(year, 7, 4, 'Independence Day'),
    floating(nthWeekday(year, 9, 1, 1), 'Labor Day'),
    floating(nthWeekday(year, 10, 1, 2), 'Columbus Day'),
    fixed(year, 11, 11, 'Veterans Day'),
    floating(nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'),
    fixed(year, 12, 25, 'Christmas Day'),
  );
  return holidays;
}

/**
 * The observed federal holiday dates that fall in a calendar year, sorted: the observed dates of that
 * year's holidays plus 31 December when the next New Year's Day is a Saturday. This is the default
 * holiday function of the business calendar.
 *
 * @example
 * observedFederalHolidays(2021).at(-1); // '2021-12-31' (New Year's Day 2022 is a Saturday)
 * observedFederalHolidays(2022)[0]; // '2022-01-17' (no observed New Year's Day in 2022)
 */
export function observedFederalHolidays(year: number): IsoDate[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const next = year < 9999 ? usFederalHolidays(year + 1) : [];
  return [...usFederalHolidays(year), ...next]
    .map((holiday) => holiday.observed)
    .filter((date) => date.startsWith(prefix))
    .sort();
}
