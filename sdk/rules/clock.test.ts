import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearLimits } from '../../test/support/boundaries.ts';
import { pinRangeError } from '../../test/support/violations.ts';
import { calendarDayAt, fixedClock, PLAN_TIME_ZONE, systemClock, today } from './clock.ts';
import { daysBetween, formatIsoDate, isIsoDate } from './dates.ts';

describe('today', () => {
  it('is the calendar day in America/New_York', () => {
    expect(PLAN_TIME_ZONE).toBe('America/New_York');
    expect(today(fixedClock('2026-11-23T04:59:59Z'))).toBe('2026-11-22');
    expect(today(fixedClock('2026-11-23T05:00:00Z'))).toBe('2026-11-23');
    expect(today(fixedClock('2026-11-23T04:59:59.999Z'))).toBe('2026-11-22');
  });

  it('follows the spring-forward change on 2026-03-08 (EST → EDT)', () => {
    expect(today(fixedClock('2026-03-08T04:59:59Z'))).toBe('2026-03-07');
    expect(today(fixedClock('2026-03-08T05:00:00Z'))).toBe('2026-03-08');
    // 02:00 EST becomes 03:00 EDT at 07:00Z; the day does not change.
    expect(today(fixedClock('2026-03-08T06:59:59Z'))).toBe('2026-03-08');
    expect(today(fixedClock('2026-03-08T07:00:00Z'))).toBe('2026-03-08');
    // From then on midnight is 04:00Z.
    expect(today(fixedClock('2026-03-09T03:59:59Z'))).toBe('2026-03-08');
    expect(today(fixedClock('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
  });

  it('follows the fall-back change on 2026-11-01 (EDT → EST)', () => {
    expect(today(fixedClock('2026-11-01T03:59:59Z'))).toBe('2026-10-31');
    expect(today(fixedClock('2026-11-01T04:00:00Z'))).toBe('2026-11-01');
    // 01:30 happens twice (05:30Z EDT and 06:30Z EST): both are 2026-11-01.
    expect(today(fixedClock('2026-11-01T05:30:00Z'))).toBe('2026-11-01');
    expect(today(fixedClock('2026-11-01T06:30:00Z'))).toBe('2026-11-01');
    // From then on midnight is 05:00Z.
    expect(today(fixedClock('2026-11-02T04:59:59Z'))).toBe('2026-11-01');
    expect(today(fixedClock('2026-11-02T05:00:00Z'))).toBe('2026-11-02');
  });

  it('accepts another time zone', () => {
    const clock = fixedClock('2026-11-23T04:59:59Z');
    expect(today(clock, 'UTC')).toBe('2026-11-23');
    expect(today(clock, 'Asia/Tokyo')).toBe('2026-11-23');
    expect(today(clock, 'America/Los_Angeles')).toBe('2026-11-22');
    pinRangeError(() => today(clock, 'Not/A_Zone'));
  });

  it('uses the system clock by default', () => {
    const day = today();
    expect(isIsoDate(day)).toBe(true);
    expect(Math.abs(daysBetween(formatIsoDate(new Date()), day))).toBeLessThanOrEqual(1);
    expect(systemClock.now()).toBeInstanceOf(Date);
  });

  it('is the UTC day of the instant shifted by the New York offset (−4 h or −5 h)', () => {
    // New York midnights (EST, EDT) and both 2026 daylight-saving switches, to the millisecond.
    const instants = nearLimits(
      [Date.UTC(2026, 10, 23, 5), Date.UTC(2026, 6, 1, 4), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)],
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
    );
    fc.assert(
      fc.property(instants.arbitrary, (ms) => {
        const day = calendarDayAt(new Date(ms));
        const candidates = [
          formatIsoDate(new Date(ms - 4 * 3_600_000)),
          formatIsoDate(new Date(ms - 5 * 3_600_000)),
        ];
        expect(candidates).toContain(day);
        expect(calendarDayAt(new Date(ms), 'UTC')).toBe(formatIsoDate(new Date(ms)));
      }),
      { examples: instants.examples },
    );
  });
});

describe('fixedClock', () => {
  it('always answers the same instant, as a fresh Date', () => {
    const clock = fixedClock('2026-11-22T15:00:00Z');
    const first = clock.now();
    first.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(clock.now()).not.toBe(clock.now());
  });

  it('copies a Date argument', () => {
    const instant = new Date('2026-11-22T15:00:00Z');
    const clock = fixedClock(instant);
    instant.setUTCDate(1);
    expect(clock.now().toISOString()).toBe('2026-11-22T15:00:00.000Z');
  });

  it('refuses an invalid instant', () => {
    pinRangeError(() => fixedClock('not a time'));
    pinRangeError(() => fixedClock(new Date(Number.NaN)));
  });
});

describe('calendarDayAt', () => {
  it('accepts ISO strings and refuses invalid instants', () => {
    expect(calendarDayAt('2026-11-23T04:59:59Z')).toBe('2026-11-22');
    expect(calendarDayAt('2026-11-22T23:59:59-05:00')).toBe('2026-11-22');
    pinRangeError(() => calendarDayAt('yesterday'));
  });

  it('answers years 0001 and 9999 and refuses instants outside them, named in the message', () => {
    expect(calendarDayAt('0001-01-01T12:00:00Z')).toBe('0001-01-01');
    expect(calendarDayAt('9999-12-31T12:00:00Z')).toBe('9999-12-31');
    // 1 BC: Intl answers year 2 with era "BC"; without the era it would read as 0002-06-15.
    expect(() => calendarDayAt('-000001-06-15T12:00:00Z')).toThrow(
      new RangeError('Instant -000001-06-15T12:00:00.000Z is outside years 0001–9999.'),
    );
    expect(() => calendarDayAt('+010000-01-01T12:00:00Z')).toThrow(
      new RangeError('Instant +010000-01-01T12:00:00.000Z is outside years 0001–9999.'),
    );
    expect(() => calendarDayAt('-000001-06-15T12:00:00Z')).toThrow(RangeError);
  });
});
