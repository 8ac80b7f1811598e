import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinRangeError } from '../../test/support/violations.ts';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  isoDateFromParts,
  isoDateParts,
  parseIsoDate,
  subtractYearsClamped,
  toEpochDay,
  windowLengthDays,
} from './dates.ts';

/** Real calendar dates between 1900 and 2200 as parts. */
const dateParts = fc
  .record({
    year: fc.integer({ min: 1900, max: 2200 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
const isoDate = dateParts.map(({ year, month, day }) => isoDateFromParts(year, month, day) as string);

describe('parseIsoDate', () => {
  it('accepts real calendar dates and returns them unchanged', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(parseIsoDate('2026-12-31')).toBe('2026-12-31');
    expect(parseIsoDate('0001-01-01')).toBe('0001-01-01');
    expect(parseIsoDate('9999-12-31')).toBe('9999-12-31');
  });

  it('refuses dates that do not exist', () => {
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('2025-13-01')).toBeUndefined();
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-04-31')).toBeUndefined();
    expect(parseIsoDate('2026-00-10')).toBeUndefined();
    expect(parseIsoDate('2026-01-00')).toBeUndefined();
    expect(parseIsoDate('0000-01-01')).toBeUndefined();
  });

  it('refuses other shapes and non-strings without throwing', () => {
    for (const value of [
      '2026-1-05',
      '26-01-05',
      '2026/01/05',
      '20260105',
      ' 2026-01-05',
      '2026-01-05 ',
      '2026-01-05T00:00:00Z',
      '+2026-01-05',
      '２０２６-01-05',
      'garbage',
      '',
      null,
      undefined,
      20260105,
      Number.NaN,
      {},
      [],
      new Date('2026-01-05'),
      Symbol('d'),
    ]) {
      expect(parseIsoDate(value)).toBeUndefined();
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('round-trips any real date through its parts', () => {
    fc.assert(
      fc.property(dateParts, ({ year, month, day }) => {
        const text = isoDateFromParts(year, month, day);
        expect(text).toBeDefined();
        expect(parseIsoDate(text)).toBe(text);
        expect(isoDateParts(text as string)).toEqual({ year, month, day });
      }),
    );
  });

  it('round-trips any UTC instant through formatIsoDate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 }), (ms) => {
        const date = new Date(ms);
        const text = formatIsoDate(date);
        expect(parseIsoDate(text)).toBe(text);
        expect(toEpochDay(text)).toBe(Math.floor(ms / 86_400_000));
      }),
    );
  });
});

describe('isLeapYear and daysInMonth', () => {
  it('follow the Gregorian rules', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', 180)).toBe('2026-06-30');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2026-11-22', 0)).toBe('2026-11-22');
  });

  it('is not shifted by daylight-saving changes', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
  });

  it('handles years below 100 (which Date.UTC would map to 19xx)', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0004-02-28', 1)).toBe('0004-02-29');
    expect(daysBetween('0001-01-01', '1970-01-01')).toBe(719_162);
  });

  it('throws a RangeError for invalid input', () => {
    pinRangeError(() => addDays('2025-02-30', 1));
    pinRangeError(() => addDays('2026-01-01', 1.5));
    pinRangeError(() => addDays('9999-12-31', 1));
  });

  it('is undone by daysBetween: daysBetween(d, addDays(d, n)) = n', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        const later = addDays(d, n);
        expect(parseIsoDate(later)).toBe(later);
        expect(daysBetween(d, later)).toBe(n);
        expect(addDays(later, -n)).toBe(d);
      }),
    );
  });

  it('agrees with epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(fromEpochDay(0)).toBe('1970-01-01');
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(fromEpochDay(toEpochDay(d))).toBe(d);
      }),
    );
  });
});

describe('daysBetween and compareDates', () => {
  it('measures b − a in days', () => {
    expect(daysBetween('2026-01-01', '2026-06-30')).toBe(180);
    expect(daysBetween('2026-01-01', '2026-07-01')).toBe(181);
    expect(daysBetween('2026-06-30', '2026-01-01')).toBe(-180);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('orders dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(compareDates(a, b)).toBe(Math.sign(daysBetween(b, a)));
        expect(compareDates(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

describe('addMonthsClamped and subtractYearsClamped', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-11-22', 2)).toBe('2027-01-22');
    expect(addMonthsClamped('2026-11-22', -24)).toBe('2024-11-22');
    expect(addMonthsClamped('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('maps 29 February to 28 February in a common year', () => {
    expect(subtractYearsClamped('2028-02-29', 2)).toBe('2026-02-28');
    expect(subtractYearsClamped('2028-02-29', 4)).toBe('2024-02-29');
    expect(subtractYearsClamped('2026-11-22', 2)).toBe('2024-11-22');
    expect(subtractYearsClamped('2026-03-01', 2)).toBe('2024-03-01');
  });
});

describe('windowLengthDays', () => {
  it('counts both ends', () => {
    expect(windowLengthDays('2026-01-01', '2026-03-31')).toBe(90);
    expect(windowLengthDays('2026-01-01', '2026-04-01')).toBe(91);
    expect(windowLengthDays('2026-01-01', '2026-01-01')).toBe(1);
    expect(windowLengthDays('2026-01-02', '2026-01-01')).toBe(0);
  });
});

describe('dayOfWeek', () => {
  it('numbers days from Sunday = 0', () => {
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(dayOfWeek('2026-11-23')).toBe(1);
    expect(dayOfWeek('2026-11-26')).toBe(4);
    expect(dayOfWeek('2026-11-28')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('agrees with Date#getUTCDay', () => {
    fc.assert(
      fc.property(dateParts, ({ year, month, day }) => {
        const d = isoDateFromParts(year, month, day) as string;
        expect(dayOfWeek(d)).toBe(new Date(Date.UTC(year, month - 1, day)).getUTCDay());
      }),
    );
  });
});

/** Asserts that `fn` throws a RangeError with exactly `message`. */
function throwsRangeError(fn: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RangeError);
  expect((thrown as RangeError).message).toBe(message);
}

describe('edges pinned one by one', () => {
  it('gives every month its length', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(isoDateFromParts(2026, 9, 31)).toBeUndefined();
    expect(isoDateFromParts(2026, 9, 30)).toBe('2026-09-30');
  });

  it('refuses a year, month or day that is not an integer', () => {
    expect(isoDateFromParts(2024.5, 1, 1)).toBeUndefined();
    expect(isoDateFromParts(2024, 1.5, 1)).toBeUndefined();
    expect(isoDateFromParts(2024, 1, 1.5)).toBeUndefined();
    expect(isoDateFromParts(2024, 1, 1)).toBe('2024-01-01');
  });

  it('names the argument that is not an integer', () => {
    throwsRangeError(() => fromEpochDay(1.5), 'Invalid epoch day 1.5: expected an integer.');
    throwsRangeError(() => addDays('2026-01-01', 0.5), 'Invalid day count 0.5: expected an integer.');
    throwsRangeError(
      () => addMonthsClamped('2026-01-01', 0.5),
      'Invalid month count 0.5: expected an integer.',
    );
    throwsRangeError(
      () => subtractYearsClamped('2026-01-01', 0.5),
      'Invalid year count 0.5: expected an integer.',
    );
    throwsRangeError(
      () => isoDateParts('2025-02-30'),
      'Invalid date "2025-02-30": expected a real calendar date YYYY-MM-DD.',
    );
  });

  it('refuses to format a Date outside years 0001–9999 or an invalid Date', () => {
    throwsRangeError(
      () => formatIsoDate(new Date(Number.NaN)),
      'Cannot format Invalid Date as a calendar date.',
    );
    expect(formatIsoDate(new Date(Date.UTC(9999, 11, 31)))).toBe('9999-12-31');
    expect(() => formatIsoDate(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
  });

  it('refuses months beyond the supported years, and reaches the last and first month', () => {
    expect(addMonthsClamped('9999-11-30', 1)).toBe('9999-12-30');
    throwsRangeError(
      () => addMonthsClamped('9999-12-31', 1),
      '9999-12-31 + 1 months is outside the supported years 1–9999.',
    );
    expect(addMonthsClamped('0001-02-28', -1)).toBe('0001-01-28');
    throwsRangeError(
      () => addMonthsClamped('0001-01-31', -1),
      '0001-01-31 + -1 months is outside the supported years 1–9999.',
    );
    throwsRangeError(
      () => fromEpochDay(toEpochDay('9999-12-31') + 1),
      `Epoch day ${toEpochDay('9999-12-31') + 1} is outside the supported years 1–9999.`,
    );
  });

  it('counts days across year 100, where Date.UTC stops mapping years to 19xx', () => {
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('0100-01-01', '0101-01-01')).toBe(365);
  });
});
