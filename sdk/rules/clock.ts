import type { IsoDate } from './dates.ts';
import { isoDateFromParts } from './dates.ts';

/**
 * A source of the current instant. Inject one (SDK option, mock-server clock) to make "today"
 * deterministic.
 *
 * @example
 * const clock: Clock = { now: () => new Date('2026-11-22T15:00:00Z') };
 */
export interface Clock {
  now(): Date;
}

/**
 * The plan's time zone: "today" is the calendar day in this zone (RULES.md conventions).
 *
 * @example
 * today(systemClock, PLAN_TIME_ZONE);
 */
export const PLAN_TIME_ZONE = 'America/New_York';

/**
 * The real clock (`new Date()`).
 *
 * @example
 * systemClock.now(); // the current instant
 */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock stopped at one instant (an ISO timestamp or a Date). Each call returns a fresh Date, so
 * callers cannot move the clock by mutating the result. Throws a RangeError for an invalid instant.
 *
 * @example
 * const clock = fixedClock('2026-11-22T15:00:00Z');
 * today(clock); // '2026-11-22'
 */
export function fixedClock(instant: string | Date): Clock {
  const time = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(time)) throw new RangeError(`Invalid instant ${JSON.stringify(String(instant))}.`);
  return { now: () => new Date(time) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar day of an instant in a time zone (default the plan's zone), via Intl.DateTimeFormat.
 * Throws a RangeError for an invalid instant or an unknown time zone.
 *
 * @example
 * calendarDayAt(new Date('2026-11-23T04:59:59Z')); // '2026-11-22'
 * calendarDayAt('2026-11-23T05:00:00Z'); // '2026-11-23'
 */
export function calendarDayAt(instant: Date | string, timeZone: string = PLAN_TIME_ZONE): IsoDate {
  const date = instant instanceof Date ? instant : new Date(instant);
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`Invalid instant ${JSON.stringify(String(instant))}.`);
  // Intl costs microseconds per call, and callers (a request's session touch, a validator's today)
  // mostly ask for the same instant: the mock's clock is frozen, a fixed clock never moves.
  if (time === last.time && timeZone === last.zone) return last.day;
  const day = dayOfInstant(date, timeZone);
  last.time = time;
  last.zone = timeZone;
  last.day = day;
  return day;
}

/** The last answer of {@link calendarDayAt}: the same instant in the same zone is the same day. */
const last = { time: Number.NaN, zone: '', day: '' as IsoDate };

function dayOfInstant(date: Date, timeZone: string): IsoDate {
  let year = 0;
  let month = 0;
  let day = 0;
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'era') bc = part.value.startsWith('B');
  }
  const result = bc ? undefined : isoDateFromParts(year, month, day);
  if (result === undefined) throw new RangeError(`Instant ${date.toISOString()} is outside years 0001–9999.`);
  return result;
}

/**
 * Today's calendar day in a time zone (default `America/New_York`), from a clock (default the system
 * clock).
 *
 * @example
 * today(fixedClock('2026-11-23T04:59:59Z')); // '2026-11-22' (23:59:59 in New York)
 * today(fixedClock('2026-11-23T05:00:00Z')); // '2026-11-23'
 */
export function today(clock: Clock = systemClock, timeZone: string = PLAN_TIME_ZONE): IsoDate {
  return calendarDayAt(clock.now(), timeZone);
}
