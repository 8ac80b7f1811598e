import { describe, expect, it } from 'vitest';
import { pinRangeError } from '../../test/support/violations.ts';
import { dayOfWeek } from './dates.ts';
import { observedDate, observedFederalHolidays, usFederalHolidays } from './holidays.ts';

/** [name, legal date, observed date], written out by hand from the calendar (5 U.S.C. 6103). */
const EXPECTED: Record<number, [string, string, string][]> = {
  2025: [
    ["New Year's Day", '2025-01-01', '2025-01-01'],
    ['Birthday of Martin Luther King, Jr.', '2025-01-20', '2025-01-20'],
    ["Washington's Birthday", '2025-02-17', '2025-02-17'],
    ['Memorial Day', '2025-05-26', '2025-05-26'],
    ['Juneteenth National Independence Day', '2025-06-19', '2025-06-19'],
    ['Independence Day', '2025-07-04', '2025-07-04'],
    ['Labor Day', '2025-09-01', '2025-09-01'],
    ['Columbus Day', '2025-10-13', '2025-10-13'],
    ['Veterans Day', '2025-11-11', '2025-11-11'],
    ['Thanksgiving Day', '2025-11-27', '2025-11-27'],
    ['Christmas Day', '2025-12-25', '2025-12-25'],
  ],
  2026: [
    ["New Year's Day", '2026-01-01', '2026-01-01'],
    ['Birthday of Martin Luther King, Jr.', '2026-01-19', '2026-01-19'],
    ["Washington's Birthday", '2026-02-16', '2026-02-16'],
    ['Memorial Day', '2026-05-25', '2026-05-25'],
    ['Juneteenth National Independence Day', '2026-06-19', '2026-06-19'],
    ['Independence Day', '2026-07-04', '2026-07-03'], // Saturday → Friday
    ['Labor Day', '2026-09-07', '2026-09-07'],
    ['Columbus Day', '2026-10-12', '2026-10-12'],
    ['Veterans Day', '2026-11-11', '2026-11-11'],
    ['Thanksgiving Day', '2026-11-26', '2026-11-26'],
    ['Christmas Day', '2026-12-25', '2026-12-25'],
  ],
  2027: [
    ["New Year's Day", '2027-01-01', '2027-01-01'],
    ['Birthday of Martin Luther King, Jr.', '2027-01-18', '2027-01-18'],
    ["Washington's Birthday", '2027-02-15', '2027-02-15'],
    ['Memorial Day', '2027-05-31', '2027-05-31'],
    ['Juneteenth National Independence Day', '2027-06-19', '2027-06-18'], // Saturday → Friday
    ['Independence Day', '2027-07-04', '2027-07-05'], // Sunday → Monday
    ['Labor Day', '2027-09-06', '2027-09-06'],
    ['Columbus Day', '2027-10-11', '2027-10-11'],
    ['Veterans Day', '2027-11-11', '2027-11-11'],
    ['Thanksgiving Day', '2027-11-25', '2027-11-25'],
    ['Christmas Day', '2027-12-25', '2027-12-24'], // Saturday → Friday
  ],
};

describe('usFederalHolidays', () => {
  for (const [year, expected] of Object.entries(EXPECTED)) {
    it(`lists the 11 federal holidays of ${year} with their observed dates`, () => {
      expect(usFederalHolidays(Number(year)).map((h) => [h.name, h.date, h.observed])).toEqual(expected);
    });
  }

  it('observes a Saturday New Year’s Day on 31 December of the year before', () => {
    expect(usFederalHolidays(2022)[0]).toEqual({
      name: "New Year's Day",
      date: '2022-01-01',
      observed: '2021-12-31',
    });
    expect(usFederalHolidays(2028)[0]).toEqual({
      name: "New Year's Day",
      date: '2028-01-01',
      observed: '2027-12-31',
    });
  });

  it('includes Juneteenth from 2021 and Martin Luther King Jr. Day from 1986 only', () => {
    expect(usFederalHolidays(2020).map((h) => h.name)).not.toContain('Juneteenth National Independence Day');
    expect(usFederalHolidays(2021).map((h) => h.date)).toContain('2021-06-19');
    expect(usFederalHolidays(2021).find((h) => h.date === '2021-06-19')?.observed).toBe('2021-06-18');
    expect(usFederalHolidays(1985)).toHaveLength(9);
    expect(usFederalHolidays(1986)).toHaveLength(10);
  });

  it('puts Thanksgiving on the fourth Thursday, not the last, and Memorial Day on the last Monday', () => {
    const dateOf = (year: number, name: string) => usFederalHolidays(year).find((h) => h.name === name)?.date;
    expect(dateOf(2018, 'Thanksgiving Day')).toBe('2018-11-22'); // November 2018 has five Thursdays
    expect(dateOf(2029, 'Thanksgiving Day')).toBe('2029-11-22'); // November 2029 has five Thursdays
    expect(dateOf(2027, 'Memorial Day')).toBe('2027-05-31'); // May 2027 has five Mondays
  });

  it('observes every holiday on a weekday', () => {
    for (let year = 1990; year <= 2100; year++) {
      for (const holiday of usFederalHolidays(year)) {
        expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(holiday.observed));
      }
    }
  });

  it('refuses a year that is not an integer in 1–9999', () => {
    pinRangeError(() => usFederalHolidays(2026.5));
    pinRangeError(() => usFederalHolidays(0));
    pinRangeError(() => usFederalHolidays(10_000));
  });
});

describe('observedDate', () => {
  it('moves Saturday to Friday and Sunday to Monday', () => {
    expect(observedDate('2026-07-04')).toBe('2026-07-03');
    expect(observedDate('2027-07-04')).toBe('2027-07-05');
    expect(observedDate('2026-12-25')).toBe('2026-12-25');
  });
});

describe('observedFederalHolidays', () => {
  it('lists the observed dates that fall in the year, including 31 December for a Saturday New Year', () => {
    expect(observedFederalHolidays(2021)).toContain('2021-12-31');
    expect(observedFederalHolidays(2022)).not.toContain('2021-12-31');
    expect(observedFederalHolidays(2022)[0]).toBe('2022-01-17');
    expect(observedFederalHolidays(2027)).toEqual([
      ...EXPECTED[2027]!.map(([, , observed]) => observed),
      '2027-12-31',
    ]);
    expect(observedFederalHolidays(2026)).toEqual(EXPECTED[2026]!.map(([, , observed]) => observed));
  });

  it('pads years below 1000 to four digits, so their own dates are kept', () => {
    expect(observedFederalHolidays(999)).toEqual([
      '0999-01-01',
      '0999-02-18',
      '0999-05-27',
      '0999-07-04',
      '0999-09-02',
      '0999-10-14',
      '0999-11-11',
      '0999-11-28',
      '0999-12-25',
    ]);
  });
});

describe('the supported years, at their limits', () => {
  it('lists the holidays of year 1 and of year 9999 (the limits), not of 0 or 10000', () => {
    expect(usFederalHolidays(1).map((h) => h.observed)).toEqual([
      '0001-01-01',
      '0001-02-19',
      '0001-05-28',
      '0001-07-04',
      '0001-09-03',
      '0001-10-08',
      '0001-11-12',
      '0001-11-22',
      '0001-12-25',
    ]);
    expect(usFederalHolidays(9999)).toHaveLength(11);
    expect(observedFederalHolidays(9999)).toHaveLength(11);
    expect(() => usFederalHolidays(0)).toThrow(
      new RangeError('Invalid year 0: expected an integer between 1 and 9999.'),
    );
    expect(() => usFederalHolidays(10_000)).toThrow(
      new RangeError('Invalid year 10000: expected an integer between 1 and 9999.'),
    );
  });
});
