import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinRangeError } from '../../test/support/violations.ts';
import { countBusinessDays, createBusinessCalendar, defaultBusinessCalendar } from './business-days.ts';
import { addDays, dayOfWeek, daysInMonth, isoDateFromParts } from './dates.ts';

/** Observed federal holidays 2025–2027 (plus the Saturday New Year's Days of 2022 and 2028), by hand. */
const OBSERVED_HOLIDAYS = [
  '2021-12-31', // New Year's Day 2022 (Saturday)
  '2025-01-01',
  '2025-01-20',
  '2025-02-17',
  '2025-05-26',
  '2025-06-19',
  '2025-07-04',
  '2025-09-01',
  '2025-10-13',
  '2025-11-11',
  '2025-11-27',
  '2025-12-25',
  '2026-01-01',
  '2026-01-19',
  '2026-02-16',
  '2026-05-25',
  '2026-06-19',
  '2026-07-03', // Independence Day (Saturday 07-04)
  '2026-09-07',
  '2026-10-12',
  '2026-11-11',
  '2026-11-26',
  '2026-12-25',
  '2027-01-01',
  '2027-01-18',
  '2027-02-15',
  '2027-05-31',
  '2027-06-18', // Juneteenth (Saturday 06-19)
  '2027-07-05', // Independence Day (Sunday 07-04)
  '2027-09-06',
  '2027-10-11',
  '2027-11-11',
  '2027-11-25',
  '2027-12-24', // Christmas Day (Saturday 12-25)
  '2027-12-31', // New Year's Day 2028 (Saturday)
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

describe('defaultBusinessCalendar.isBusinessDay', () => {
  it('is false on every observed federal holiday', () => {
    for (const date of OBSERVED_HOLIDAYS) {
      expect([date, defaultBusinessCalendar.isBusinessDay(date)]).toEqual([date, false]);
    }
  });

  it('is false on weekends, including weekend holidays', () => {
    for (const date of ['2026-11-21', '2026-11-22', '2026-07-04', '2027-07-04', '2027-12-25', '2022-01-01']) {
      expect([date, defaultBusinessCalendar.isBusinessDay(date)]).toEqual([date, false]);
    }
  });

  it('is true on the weekdays around observed holidays', () => {
    for (const date of [
      '2026-07-02',
      '2026-07-06',
      '2027-07-06',
      '2027-06-17',
      '2027-12-23',
      '2027-12-27',
      '2026-11-27',
    ]) {
      expect([date, defaultBusinessCalendar.isBusinessDay(date)]).toEqual([date, true]);
    }
  });

  it('counts exactly the weekdays minus observed holidays in 2025–2027', () => {
    const holidays = new Set(OBSERVED_HOLIDAYS);
    for (let d = '2025-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      const weekday = dayOfWeek(d);
      const expected = weekday !== 0 && weekday !== 6 && !holidays.has(d);
      expect([d, defaultBusinessCalendar.isBusinessDay(d)]).toEqual([d, expected]);
    }
  });

  it('throws a RangeError for an invalid date', () => {
    pinRangeError(() => defaultBusinessCalendar.isBusinessDay('2026-02-30'));
  });
});

describe('defaultBusinessCalendar.holidaysIn', () => {
  it('lists the observed holidays falling in the year', () => {
    expect(defaultBusinessCalendar.holidaysIn(2026)).toEqual(
      OBSERVED_HOLIDAYS.filter((d) => d.startsWith('2026-')),
    );
    expect(defaultBusinessCalendar.holidaysIn(2027)).toEqual(
      OBSERVED_HOLIDAYS.filter((d) => d.startsWith('2027-')),
    );
    expect(defaultBusinessCalendar.holidaysIn(2021)).toContain('2021-12-31');
  });
});

describe('addBusinessDays', () => {
  const { addBusinessDays } = defaultBusinessCalendar;

  it('returns the Nth business day strictly after the date', () => {
    expect(addBusinessDays('2026-11-23', 1)).toBe('2026-11-24');
    expect(addBusinessDays('2026-11-25', 1)).toBe('2026-11-27'); // skips Thanksgiving
    expect(addBusinessDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(addBusinessDays('2026-11-21', 1)).toBe('2026-11-23'); // Saturday → Monday
    expect(addBusinessDays('2026-11-22', 1)).toBe('2026-11-23'); // Sunday → Monday
    expect(addBusinessDays('2026-11-26', 1)).toBe('2026-11-27'); // from a holiday
    expect(addBusinessDays('2027-12-23', 1)).toBe('2027-12-27'); // skips Christmas observed on Friday 12-24, then the weekend
    expect(addBusinessDays('2027-12-30', 1)).toBe('2028-01-03'); // skips 12-31 (New Year 2028 observed)
  });

  it('returns the date itself for 0 and goes backwards for negative counts', () => {
    expect(addBusinessDays('2026-11-22', 0)).toBe('2026-11-22');
    expect(addBusinessDays('2026-11-30', -1)).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-27', -1)).toBe('2026-11-25');
    expect(addBusinessDays('2026-07-06', -1)).toBe('2026-07-02');
  });

  it('refuses a non-integer count', () => {
    pinRangeError(() => addBusinessDays('2026-11-23', 1.5));
    pinRangeError(() => addBusinessDays('2026-11-23', Number.NaN));
    pinRangeError(() => addBusinessDays('2026-13-01', 0));
  });

  it('lands on a business day exactly n business days later, and back', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const later = addBusinessDays(d, n);
        expect(later > d).toBe(true);
        expect(defaultBusinessCalendar.isBusinessDay(later)).toBe(true);
        expect(countBusinessDays(d, later)).toBe(n);
        expect(countBusinessDays(d, addDays(later, -1))).toBe(n - 1);
        if (defaultBusinessCalendar.isBusinessDay(d)) expect(addBusinessDays(later, -n)).toBe(d);
      }),
    );
  });
});

describe('countBusinessDays', () => {
  it('counts business days in (from, to]', () => {
    expect(countBusinessDays('2026-11-25', '2026-11-30')).toBe(2);
    expect(countBusinessDays('2026-11-23', '2026-11-23')).toBe(0);
    expect(countBusinessDays('2026-11-23', '2026-11-22')).toBe(0);
    expect(countBusinessDays('2026-12-31', '2027-01-04')).toBe(1);
  });
});

describe('createBusinessCalendar', () => {
  it('uses a replacement holiday function', () => {
    const calendar = createBusinessCalendar({ holidays: (year) => [`${year}-12-26`] });
    expect(calendar.isBusinessDay('2025-12-26')).toBe(false);
    expect(calendar.isBusinessDay('2025-12-25')).toBe(true); // not a holiday of this calendar
    expect(calendar.isBusinessDay('2026-11-26')).toBe(true);
    expect(calendar.addBusinessDays('2025-12-25', 1)).toBe('2025-12-29');
    expect(calendar.holidaysIn(2025)).toEqual(['2025-12-26']);
    expect(countBusinessDays('2025-12-24', '2025-12-29', calendar)).toBe(2);
  });

  it('with no holidays, only weekends are closed', () => {
    const calendar = createBusinessCalendar({ holidays: () => [] });
    expect(calendar.isBusinessDay('2026-07-03')).toBe(true);
    expect(calendar.isBusinessDay('2026-07-04')).toBe(false);
    expect(calendar.holidaysIn(2026)).toEqual([]);
  });

  it('honours dates of a neighbouring year that the function returns', () => {
    const calendar = createBusinessCalendar({ holidays: (year) => (year === 2027 ? ['2026-12-31'] : []) });
    expect(calendar.isBusinessDay('2026-12-31')).toBe(false);
    expect(calendar.holidaysIn(2026)).toEqual(['2026-12-31']);
    expect(calendar.holidaysIn(2027)).toEqual([]);
  });

  it('computes each year’s holidays once', () => {
    const years: number[] = [];
    const calendar = createBusinessCalendar({
      holidays: (year) => {
        years.push(year);
        return [];
      },
    });
    calendar.isBusinessDay('2026-03-02');
    calendar.isBusinessDay('2026-03-03');
    calendar.addBusinessDays('2026-03-03', 10);
    expect(years.sort()).toEqual([2025, 2026, 2027]);
  });

  it('asks the holiday function only for years 1–9999, also at the ends of the calendar', () => {
    const years: number[] = [];
    const calendar = createBusinessCalendar({
      holidays: (year) => {
        years.push(year);
        if (year < 1 || year > 9999) throw new Error(`asked for year ${year}`);
        return [];
      },
    });
    expect(calendar.isBusinessDay('0001-01-01')).toBe(true); // a Monday
    expect(calendar.isBusinessDay('9999-12-31')).toBe(true); // a Friday
    expect(years.sort((a, b) => a - b)).toEqual([1, 2, 9998, 9999]);
    expect(defaultBusinessCalendar.holidaysIn(9999)).toContain('9999-12-24');
  });

  it('gives up only after more than 366 days without a business day', () => {
    // 366 holidays in a row (a leap year), then a business day: still found.
    const leap = createBusinessCalendar({
      holidays: (year) =>
        year === 2028 ? Array.from({ length: 366 }, (_, i) => addDays('2028-01-01', i)) : [],
    });
    expect(leap.addBusinessDays('2027-12-31', 1)).toBe('2029-01-01');
  });

  it('refuses holidays that are not dates, and a calendar without business days', () => {
    const bad = createBusinessCalendar({ holidays: () => ['2026-02-30'] });
    pinRangeError(() => bad.isBusinessDay('2026-03-02'));
    const closed = createBusinessCalendar({
      holidays: (year) => Array.from({ length: 365 }, (_, i) => addDays(`${year}-01-01`, i)),
    });
    pinRangeError(() => closed.addBusinessDays('2026-03-02', 1));
  });
});

describe('a custom holiday function', () => {
  it('may answer its dates in any order: holidaysIn sorts them', () => {
    const calendar = createBusinessCalendar({ holidays: () => ['2026-12-25', '2026-07-03', '2026-01-01'] });
    expect(calendar.holidaysIn(2026)).toEqual(['2026-01-01', '2026-07-03', '2026-12-25']);
  });

  it('keeps the holidays of a year below 1000 (written 0999-…)', () => {
    const calendar = createBusinessCalendar({ holidays: (year) => (year === 999 ? ['0999-03-01'] : []) });
    expect(calendar.holidaysIn(999)).toEqual(['0999-03-01']);
    expect(calendar.isBusinessDay('0999-03-01')).toBe(false);
    expect(calendar.isBusinessDay('0999-02-28')).toBe(true); // the Thursday before
  });
});
