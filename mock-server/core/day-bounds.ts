/**
 * Calendar days of the plan's time zone as instants, so that a search by day (`from`, `to`) becomes a
 * time range an index answers by binary search (core/record-index.ts) instead of a test per record.
 */
import { addDays, calendarDayAt, compareDates, type IsoDate } from '../../sdk/rules/index.ts';
import type { TimeRange } from './record-index.ts';

const HOUR_MS = 3_600_000;
/** Remembered first instants of days (a search reads a few days over and over). */
const starts = new Map<IsoDate, number>();
const MAX_REMEMBERED = 1_024;

/**
 * The first millisecond whose calendar day in the plan's zone is `day` or later: every zone is within
 * 14 hours of UTC, so it lies within a day and a half of the day's UTC midnight.
 *
 * @example
 * startOfDay('2026-11-23'); // Date.parse('2026-11-23T05:00:00Z'): midnight in New York
 */
export function startOfDay(day: IsoDate): number {
  const known = starts.get(day);
  if (known !== undefined) return known;
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  let low = midnightUtc - 36 * HOUR_MS;
  let high = midnightUtc + 36 * HOUR_MS;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (compareDates(calendarDayAt(new Date(middle)), day) < 0) low = middle + 1;
    else high = middle;
  }
  if (starts.size >= MAX_REMEMBERED) starts.clear();
  starts.set(day, low);
  return low;
}

/**
 * The instants of the days from `from` to `to` (both included; either may be absent).
 *
 * @example
 * daysRange('2026-11-23', '2026-11-23'); // { from: midnight, to: the last millisecond of the day }
 */
export function daysRange(from: IsoDate | null | undefined, to: IsoDate | null | undefined): TimeRange {
  const range: TimeRange = {};
  if (from !== null && from !== undefined) range.from = startOfDay(from);
  if (to !== null && to !== undefined) range.to = startOfDay(addDays(to, 1)) - 1;
  return range;
}
