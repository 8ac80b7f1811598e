import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDayAt } from '../../sdk/rules/index.ts';
import { daysRange, startOfDay } from './day-bounds.ts';

describe('startOfDay', () => {
  it('is midnight in New York, in winter and in summer time, and on the days the clocks change', () => {
    expect(new Date(startOfDay('2026-11-23')).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(new Date(startOfDay('2026-07-04')).toISOString()).toBe('2026-07-04T04:00:00.000Z');
    expect(new Date(startOfDay('2026-03-08')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(startOfDay('2026-03-09')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(new Date(startOfDay('2026-11-01')).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(startOfDay('2026-11-02')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('puts an instant in a day exactly when the calendar does (the millisecond before and at midnight included)', () => {
    const instants = fc.oneof(
      fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-12-31T00:00:00Z') }),
      // Midnights and their neighbours, where an off-by-one would show.
      fc
        .tuple(
          fc.date({ min: new Date('2000-01-02'), max: new Date('2040-12-30'), noInvalidDate: true }),
          fc.constantFrom(-1, 0, 1),
        )
        .map(([date, delta]) => startOfDay(date.toISOString().slice(0, 10)) + delta),
    );
    fc.assert(
      fc.property(instants, (time) => {
        const day = calendarDayAt(new Date(time));
        expect(startOfDay(day)).toBeLessThanOrEqual(time);
        expect(startOfDay(addDays(day, 1))).toBeGreaterThan(time);
      }),
    );
  });
});

describe('daysRange', () => {
  it('runs from the first millisecond of `from` to the last of `to`; an absent end stays open', () => {
    expect(daysRange('2026-11-22', '2026-11-23')).toEqual({
      from: Date.parse('2026-11-22T05:00:00Z'),
      to: Date.parse('2026-11-24T05:00:00Z') - 1,
    });
    expect(daysRange(null, undefined)).toEqual({});
    expect(daysRange(undefined, '2026-11-23')).toEqual({ to: Date.parse('2026-11-24T05:00:00Z') - 1 });
  });
});
