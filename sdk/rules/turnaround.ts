import type { BusinessCalendar } from './business-days.ts';
import { defaultBusinessCalendar } from './business-days.ts';
import { calendarDayAt, PLAN_TIME_ZONE } from './clock.ts';
import type { IsoDate } from './dates.ts';
import { parseIsoDate } from './dates.ts';
import type { Violation } from './violation.ts';
import { violation } from './violation.ts';

/**
 * The priorities of a secure message, most urgent first.
 *
 * @example
 * MESSAGE_PRIORITIES.includes('high'); // true
 */
export const MESSAGE_PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;

/**
 * A message priority.
 *
 * @example
 * const priority: MessagePriority = 'medium';
 */
export type MessagePriority = (typeof MESSAGE_PRIORITIES)[number];

/**
 * Business days until a response is due, per priority. Seed 001: "The turnaround times to receive a
 * response from the day of submission are: Urgent: 1 business day, High: 2 business days, Medium: 4
 * business days, Low: 7 business days" (`MESSAGE_TURNAROUND`).
 *
 * @example
 * TURNAROUND_BUSINESS_DAYS.low; // 7
 */
export const TURNAROUND_BUSINESS_DAYS: Readonly<Record<MessagePriority, number>> = Object.freeze({
  urgent: 1,
  high: 2,
  medium: 4,
  low: 7,
});

/**
 * Type guard: whether a value is one of {@link MESSAGE_PRIORITIES}.
 *
 * @example
 * isMessagePriority('urgent'); // true
 * isMessagePriority('Urgent'); // false
 */
export function isMessagePriority(value: unknown): value is MessagePriority {
  return typeof value === 'string' && (MESSAGE_PRIORITIES as readonly string[]).includes(value);
}

function requirePriority(priority: MessagePriority): number {
  if (!isMessagePriority(priority)) {
    throw new RangeError(
      `Invalid message priority ${JSON.stringify(priority)}: expected one of ${MESSAGE_PRIORITIES.join(', ')}.`,
    );
  }
  return TURNAROUND_BUSINESS_DAYS[priority];
}

/**
 * The day a response is due: the Nth business day strictly after the submission day, N by priority
 * ("whatever the hour and whether or not the submission day is a business day", RULES.md). Throws a
 * RangeError for an unknown priority or an invalid date.
 *
 * @example
 * responseDueDate('urgent', '2026-11-25'); // '2026-11-27' (the 26th is Thanksgiving)
 * responseDueDate('high', '2026-11-21'); // '2026-11-24' (a Saturday submission: Monday is day 1)
 */
export function responseDueDate(
  priority: MessagePriority,
  submittedOn: IsoDate,
  calendar: BusinessCalendar = defaultBusinessCalendar,
): IsoDate {
  const days = requirePriority(priority);
  if (parseIsoDate(submittedOn) === undefined) {
    throw new RangeError(`Invalid submission date ${JSON.stringify(submittedOn)}: expected YYYY-MM-DD.`);
  }
  return calendar.addBusinessDays(submittedOn, days);
}

/**
 * Options of {@link responseDueDateAt}.
 *
 * @example
 * const options: ResponseDueOptions = { timeZone: 'America/Chicago', calendar: defaultBusinessCalendar };
 */
export interface ResponseDueOptions {
  /** The business calendar (default: observed US federal holidays). */
  calendar?: BusinessCalendar | undefined;
  /** The zone whose calendar day the submission instant falls on (default `America/New_York`). */
  timeZone?: string | undefined;
}

/**
 * The day a response is due for a submission instant: the instant is first converted to its calendar
 * day in the plan's zone (America/New_York), then {@link responseDueDate} applies.
 *
 * @example
 * // 23:30 on Friday 2026-11-20 in New York (04:30Z on Saturday): submitted on Friday.
 * responseDueDateAt('urgent', '2026-11-21T04:30:00Z'); // '2026-11-23'
 */
export function responseDueDateAt(
  priority: MessagePriority,
  submittedAt: Date | string,
  options: ResponseDueOptions = {},
): IsoDate {
  const submittedOn = calendarDayAt(submittedAt, options.timeZone ?? PLAN_TIME_ZONE);
  return responseDueDate(priority, submittedOn, options.calendar ?? defaultBusinessCalendar);
}

/**
 * An informational `MESSAGE_TURNAROUND` notice (not an error) telling when a response is due.
 *
 * @example
 * turnaroundNotice('high', '2026-11-25');
 * // { code: 'MESSAGE_TURNAROUND', path: '$.priority',
 * //   message: 'A high priority message submitted on 2026-11-25 is answered within 2 business days, by 2026-11-30.' }
 */
export function turnaroundNotice(
  priority: MessagePriority,
  submittedOn: IsoDate,
  path = '$.priority',
  calendar: BusinessCalendar = defaultBusinessCalendar,
): Violation {
  const days = requirePriority(priority);
  const due = responseDueDate(priority, submittedOn, calendar);
  return violation(
    'MESSAGE_TURNAROUND',
    path,
    `A ${priority} priority message submitted on ${submittedOn} is answered within ${days} business ` +
      `day${days === 1 ? '' : 's'}, by ${due}; the response comes by phone or email, not through the portal.`,
  );
}
