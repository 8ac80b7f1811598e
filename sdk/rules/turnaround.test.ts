import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearLimits } from '../../test/support/boundaries.ts';
import { pinRangeError } from '../../test/support/violations.ts';
import { countBusinessDays, createBusinessCalendar, defaultBusinessCalendar } from './business-days.ts';
import { calendarDayAt } from './clock.ts';
import { daysInMonth, isoDateFromParts } from './dates.ts';
import type { MessagePriority } from './turnaround.ts';
import {
  isMessagePriority,
  MESSAGE_PRIORITIES,
  responseDueDate,
  responseDueDateAt,
  TURNAROUND_BUSINESS_DAYS,
  turnaroundNotice,
} from './turnaround.ts';

/** [submitted on, urgent, high, medium, low] due dates, worked out by hand on the calendar. */
const CASES: [label: string, submittedOn: string, due: [string, string, string, string]][] = [
  ['a Monday', '2026-11-16', ['2026-11-17', '2026-11-18', '2026-11-20', '2026-11-25']],
  ['a Friday, across the weekend', '2026-11-13', ['2026-11-16', '2026-11-17', '2026-11-19', '2026-11-24']],
  ['a Saturday', '2026-11-14', ['2026-11-16', '2026-11-17', '2026-11-19', '2026-11-24']],
  ['a Sunday', '2026-11-15', ['2026-11-16', '2026-11-17', '2026-11-19', '2026-11-24']],
  ['the Tuesday before Thanksgiving', '2026-11-24', ['2026-11-25', '2026-11-27', '2026-12-01', '2026-12-04']],
  ['the day before Thanksgiving', '2026-11-25', ['2026-11-27', '2026-11-30', '2026-12-02', '2026-12-07']],
  ['Thanksgiving (2026-11-26)', '2026-11-26', ['2026-11-27', '2026-11-30', '2026-12-02', '2026-12-07']],
  ['the day after Thanksgiving', '2026-11-27', ['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-08']],
  [
    '2026-12-23, across Christmas and New Year',
    '2026-12-23',
    ['2026-12-24', '2026-12-28', '2026-12-30', '2027-01-05'],
  ],
  ['Christmas Eve 2026', '2026-12-24', ['2026-12-28', '2026-12-29', '2026-12-31', '2027-01-06']],
  ['Christmas Day 2026', '2026-12-25', ['2026-12-28', '2026-12-29', '2026-12-31', '2027-01-06']],
  ['New Year’s Eve 2026', '2026-12-31', ['2027-01-04', '2027-01-05', '2027-01-07', '2027-01-12']],
  [
    'the Wednesday before Independence Day 2026 (observed Friday 07-03)',
    '2026-07-01',
    ['2026-07-02', '2026-07-06', '2026-07-08', '2026-07-13'],
  ],
];

const isoDate = fc
  .record({
    year: fc.integer({ min: 2000, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(
    ({ year, month, day }) =>
      isoDateFromParts(year, month, Math.min(day, daysInMonth(year, month))) as string,
  );
const priority = fc.constantFrom(...MESSAGE_PRIORITIES);

describe('TURNAROUND_BUSINESS_DAYS', () => {
  it('is Urgent 1, High 2, Medium 4, Low 7 business days', () => {
    expect(MESSAGE_PRIORITIES).toEqual(['urgent', 'high', 'medium', 'low']);
    expect(TURNAROUND_BUSINESS_DAYS).toEqual({ urgent: 1, high: 2, medium: 4, low: 7 });
  });
});

describe('responseDueDate', () => {
  for (const [label, submittedOn, due] of CASES) {
    it(`from ${label}`, () => {
      expect(MESSAGE_PRIORITIES.map((p) => responseDueDate(p, submittedOn))).toEqual(due);
    });
  }

  it('uses a replacement calendar', () => {
    const noHolidays = createBusinessCalendar({ holidays: () => [] });
    expect(responseDueDate('urgent', '2026-11-25', noHolidays)).toBe('2026-11-26');
    expect(responseDueDate('urgent', '2026-11-25')).toBe('2026-11-27');
  });

  it('refuses an unknown priority or an invalid date', () => {
    pinRangeError(() => responseDueDate('Urgent' as MessagePriority, '2026-11-25'));
    pinRangeError(() => responseDueDate('urgent', '2026-11-31'));
  });

  it('is a business day strictly after submission, exactly N business days later', () => {
    fc.assert(
      fc.property(priority, isoDate, (p, submittedOn) => {
        const due = responseDueDate(p, submittedOn);
        expect(due > submittedOn).toBe(true);
        expect(defaultBusinessCalendar.isBusinessDay(due)).toBe(true);
        expect(countBusinessDays(submittedOn, due)).toBe(TURNAROUND_BUSINESS_DAYS[p]);
      }),
    );
  });
});

describe('responseDueDateAt', () => {
  it('uses the New York day of a late-evening instant, not the UTC day', () => {
    // Thursday 2026-11-19 23:30 EST is Friday 04:30 in UTC.
    expect(responseDueDateAt('urgent', '2026-11-20T04:30:00Z')).toBe('2026-11-20');
    expect(responseDueDateAt('urgent', '2026-11-20T04:59:59Z')).toBe('2026-11-20');
    // Friday 00:00 EST.
    expect(responseDueDateAt('urgent', '2026-11-20T05:00:00Z')).toBe('2026-11-23');
    // Wednesday 2026-09-09 23:30 EDT is Thursday 03:30 in UTC.
    expect(responseDueDateAt('urgent', new Date('2026-09-10T03:30:00Z'))).toBe('2026-09-10');
    expect(responseDueDateAt('urgent', '2026-09-10T04:00:00Z')).toBe('2026-09-11');
    // Tuesday 2026-11-24 22:00 EST (03:00Z Wednesday): the day before Thanksgiving is not the submission day.
    expect(responseDueDateAt('high', '2026-11-25T03:00:00Z')).toBe('2026-11-27');
  });

  it('takes a time zone and a calendar', () => {
    expect(responseDueDateAt('urgent', '2026-11-20T04:30:00Z', { timeZone: 'UTC' })).toBe('2026-11-23');
    const calendar = createBusinessCalendar({ holidays: (year) => [`${year}-11-20`] });
    expect(responseDueDateAt('urgent', '2026-11-19T15:00:00Z', { calendar })).toBe('2026-11-23');
  });

  it('refuses an invalid instant', () => {
    pinRangeError(() => responseDueDateAt('urgent', 'tomorrow'));
  });

  it('equals responseDueDate of the plan-zone day of the instant', () => {
    // A New York midnight on a Friday (the next business day changes there), and a DST switch.
    const instants = nearLimits(
      [Date.UTC(2026, 10, 21, 5), Date.UTC(2026, 10, 1, 6)],
      fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
    );
    fc.assert(
      fc.property(priority, instants.arbitrary, (p, ms) => {
        const instant = new Date(ms);
        expect(responseDueDateAt(p, instant)).toBe(
          responseDueDate(p, calendarDayAt(instant, 'America/New_York')),
        );
      }),
      {
        examples: MESSAGE_PRIORITIES.flatMap((p) =>
          instants.examples.map(([ms]): [(typeof MESSAGE_PRIORITIES)[number], number] => [p, ms]),
        ),
      },
    );
  });
});

describe('turnaroundNotice', () => {
  it('is an informational MESSAGE_TURNAROUND with the due date', () => {
    expect(turnaroundNotice('high', '2026-11-25')).toEqual({
      code: 'MESSAGE_TURNAROUND',
      path: '$.priority',
      message: expect.stringContaining('2 business days, by 2026-11-30'),
    });
    expect(turnaroundNotice('urgent', '2026-11-25', '$.body.priority').message).toContain(
      '1 business day, by 2026-11-27',
    );
    expect(turnaroundNotice('urgent', '2026-11-25', '$.body.priority').path).toBe('$.body.priority');
  });
});

describe('isMessagePriority', () => {
  it('accepts the four lower-case priorities only', () => {
    expect(MESSAGE_PRIORITIES.every(isMessagePriority)).toBe(true);
    for (const value of ['Urgent', 'critical', '', null, 1, undefined])
      expect(isMessagePriority(value)).toBe(false);
  });
});
