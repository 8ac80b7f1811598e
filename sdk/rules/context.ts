import type { BusinessCalendar } from './business-days.ts';
import { defaultBusinessCalendar } from './business-days.ts';
import type { Clock } from './clock.ts';
import { calendarDayAt, PLAN_TIME_ZONE, systemClock } from './clock.ts';
import type { IsoDate } from './dates.ts';

/**
 * What the rules need from the outside world, all optional: the clock that says "today" (default the
 * system clock), the business-day calendar (default US federal holidays) and the plan's time zone
 * (default `America/New_York`). The SDK passes its `clock` option; the mock server its controllable
 * clock, so time travel moves every rule at once.
 *
 * @example
 * const ctx: RuleContext = { clock: fixedClock('2026-11-22T15:00:00Z') };
 * validateClaimsSearch({ from: '2026-09-01', to: '2026-11-22' }, ctx);
 */
export interface RuleContext {
  clock?: Clock;
  calendar?: BusinessCalendar;
  timeZone?: string;
}

/**
 * A {@link RuleContext} with every default filled in and the clock read once: `now` is the instant and
 * `today` its calendar day in `timeZone`, so one validation sees one consistent "today".
 *
 * @example
 * const { today } = resolveContext({ clock: fixedClock('2026-11-23T04:59:59Z') }); // '2026-11-22'
 */
export interface ResolvedRuleContext {
  clock: Clock;
  calendar: BusinessCalendar;
  timeZone: string;
  now: Date;
  today: IsoDate;
}

/**
 * Fills in the defaults of a {@link RuleContext} and reads the clock once.
 *
 * @example
 * resolveContext({ clock: fixedClock('2026-11-22T15:00:00Z') }).today; // '2026-11-22'
 * resolveContext().timeZone; // 'America/New_York'
 */
export function resolveContext(ctx: RuleContext = {}): ResolvedRuleContext {
  const clock = ctx.clock ?? systemClock;
  const calendar = ctx.calendar ?? defaultBusinessCalendar;
  const timeZone = ctx.timeZone ?? PLAN_TIME_ZONE;
  const now = clock.now();
  return { clock, calendar, timeZone, now, today: calendarDayAt(now, timeZone) };
}
