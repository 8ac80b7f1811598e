/**
 * A calendar day as a `YYYY-MM-DD` string (years 0001–9999). Day arithmetic works on the calendar
 * date itself (Date.UTC of its year/month/day parts), never on local timestamps, so no time zone can
 * shift a day.
 *
 * @example
 * const serviceEndDate: IsoDate = '2026-05-31';
 */
export type IsoDate = string;

/**
 * The year/month/day parts of an {@link IsoDate}; `month` is 1–12.
 *
 * @example
 * const parts: IsoDateParts = isoDateParts('2026-03-08'); // { year: 2026, month: 3, day: 8 }
 */
export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
/** Days in 400 Gregorian years; used to move years 0–99 out of Date.UTC's "19xx" mapping. */
const DAYS_PER_400_YEARS = 146_097;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/**
 * Whether `year` is a Gregorian leap year.
 *
 * @example
 * isLeapYear(2024); // true
 * isLeapYear(2100); // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days of a month (`month` 1–12) of a year.
 *
 * @example
 * daysInMonth(2024, 2); // 29
 * daysInMonth(2025, 2); // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Builds an {@link IsoDate} from its parts, or `undefined` when they are not a real calendar date.
 *
 * @example
 * isoDateFromParts(2024, 2, 29); // '2024-02-29'
 * isoDateFromParts(2025, 2, 29); // undefined
 */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate | undefined {
  if (!validParts(year, month, day)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Parses a value strictly as a `YYYY-MM-DD` calendar date: exactly that shape and a real date
 * ('2025-02-30', '2025-13-01' and '2023-02-29' are refused). Never throws; anything that is not such a
 * string yields `undefined`.
 *
 * @example
 * parseIsoDate('2024-02-29'); // '2024-02-29'
 * parseIsoDate('2025-02-30'); // undefined
 * parseIsoDate(20240229); // undefined
 */
export function parseIsoDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return validParts(year, month, day) ? value : undefined;
}

/**
 * Type guard: whether a value is a valid {@link IsoDate} (see {@link parseIsoDate}).
 *
 * @example
 * isIsoDate('2026-11-22'); // true
 * isIsoDate('2026-11-22T00:00:00Z'); // false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== undefined;
}

function requireDate(value: IsoDate, name = 'date'): IsoDateParts {
  if (parseIsoDate(value) === undefined) {
    throw new RangeError(
      `Invalid ${name} ${JSON.stringify(value)}: expected a real calendar date YYYY-MM-DD.`,
    );
  }
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

function requireInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Invalid ${name} ${String(value)}: expected an integer.`);
  }
}

/**
 * The year, month (1–12) and day of an {@link IsoDate}. Throws a RangeError for an invalid date.
 *
 * @example
 * isoDateParts('2026-03-08'); // { year: 2026, month: 3, day: 8 }
 */
export function isoDateParts(date: IsoDate): IsoDateParts {
  return requireDate(date);
}

/**
 * Days since 1970-01-01 of a calendar date (negative before). Throws a RangeError for an invalid date.
 *
 * @example
 * toEpochDay('1970-01-02'); // 1
 */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = requireDate(date);
  // Date.UTC maps years 0–99 to 1900–1999; shift those by 400 years (same calendar) and back.
  if (year < 100) return Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - DAYS_PER_400_YEARS;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * The calendar date `epochDay` days after 1970-01-01. Throws a RangeError outside years 0001–9999.
 *
 * @example
 * fromEpochDay(0); // '1970-01-01'
 */
export function fromEpochDay(epochDay: number): IsoDate {
  requireInteger(epochDay, 'epoch day');
  const date = new Date(epochDay * MS_PER_DAY);
  const result = isoDateFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  if (result === undefined) {
    throw new RangeError(`Epoch day ${epochDay} is outside the supported years ${MIN_YEAR}–${MAX_YEAR}.`);
  }
  return result;
}

/**
 * The calendar date of a `Date` read in UTC (its UTC year/month/day).
 *
 * @example
 * formatIsoDate(new Date(Date.UTC(2026, 10, 22))); // '2026-11-22'
 */
export function formatIsoDate(date: Date): IsoDate {
  const result = isoDateFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  if (result === undefined) throw new RangeError(`Cannot format ${String(date)} as a calendar date.`);
  return result;
}

/**
 * The date `n` calendar days after `date` (before it when `n` is negative). Throws a RangeError for an
 * invalid date or a non-integer `n`.
 *
 * @example
 * addDays('2024-02-28', 1); // '2024-02-29'
 * addDays('2025-12-31', 1); // '2026-01-01'
 */
export function addDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'day count');
  return fromEpochDay(toEpochDay(date) + n);
}

/**
 * `b − a` in calendar days (positive when `b` is later).
 *
 * @example
 * daysBetween('2026-01-01', '2026-06-30'); // 180
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/**
 * Compares two dates: -1 when `a` is earlier, 0 when equal, 1 when later.
 *
 * @example
 * compareDates('2026-01-01', '2026-01-02'); // -1
 */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = daysBetween(b, a);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/**
 * The date `n` calendar months after `date`, the day clamped to the end of a shorter month.
 *
 * @example
 * addMonthsClamped('2026-01-31', 1); // '2026-02-28'
 * addMonthsClamped('2024-01-31', 1); // '2024-02-29'
 * addMonthsClamped('2026-11-22', -24); // '2024-11-22'
 */
export function addMonthsClamped(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'month count');
  const { year, month, day } = requireDate(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const result = isoDateFromParts(
    targetYear,
    targetMonth,
    Math.min(day, daysInMonth(targetYear, targetMonth)),
  );
  if (result === undefined) {
    throw new RangeError(`${date} + ${n} months is outside the supported years ${MIN_YEAR}–${MAX_YEAR}.`);
  }
  return result;
}

/**
 * The same calendar date `n` years earlier; 29 February maps to 28 February ("the last two years"
 * reaches back to the same calendar date two years earlier, RULES.md).
 *
 * @example
 * subtractYearsClamped('2026-11-22', 2); // '2024-11-22'
 * subtractYearsClamped('2028-02-29', 2); // '2026-02-28'
 */
export function subtractYearsClamped(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'year count');
  return addMonthsClamped(date, -12 * n);
}

/**
 * The length of a window of days counting both ends: `to − from + 1` ("a window of N days counts both
 * ends", RULES.md). Zero or negative when `to` is before `from`.
 *
 * @example
 * windowLengthDays('2026-01-01', '2026-03-31'); // 90
 * windowLengthDays('2026-01-01', '2026-04-01'); // 91
 */
export function windowLengthDays(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) + 1;
}

/**
 * The day of the week of a date: 0 = Sunday … 6 = Saturday.
 *
 * @example
 * dayOfWeek('2026-11-26'); // 4 (Thursday)
 */
export function dayOfWeek(date: IsoDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}
