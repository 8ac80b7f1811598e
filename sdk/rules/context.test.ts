import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, defaultBusinessCalendar } from './business-days.ts';
import { fixedClock, PLAN_TIME_ZONE, systemClock } from './clock.ts';
import { resolveContext } from './context.ts';

describe('resolveContext', () => {
  it('fills in the system clock, the federal-holiday calendar and the plan zone', () => {
    const ctx = resolveContext();
    expect(ctx.clock).toBe(systemClock);
    expect(ctx.calendar).toBe(defaultBusinessCalendar);
    expect(ctx.timeZone).toBe(PLAN_TIME_ZONE);
    expect(ctx.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads today in America/New_York, exact at midnight', () => {
    expect(resolveContext({ clock: fixedClock('2026-11-23T04:59:59.999Z') }).today).toBe('2026-11-22');
    expect(resolveContext({ clock: fixedClock('2026-11-23T05:00:00Z') }).today).toBe('2026-11-23');
    // Summer time: New York is UTC−4.
    expect(resolveContext({ clock: fixedClock('2026-07-01T03:59:59Z') }).today).toBe('2026-06-30');
    expect(resolveContext({ clock: fixedClock('2026-07-01T04:00:00Z') }).today).toBe('2026-07-01');
  });

  it('honours another time zone and calendar', () => {
    const calendar = createBusinessCalendar({ holidays: () => [] });
    const ctx = resolveContext({ clock: fixedClock('2026-11-23T04:59:59Z'), timeZone: 'UTC', calendar });
    expect(ctx.today).toBe('2026-11-23');
    expect(ctx.calendar).toBe(calendar);
  });

  it('reads the clock once, so now and today agree', () => {
    let calls = 0;
    const clock = {
      now: () => {
        calls += 1;
        return new Date(Date.UTC(2026, 10, 23, 4, 59, 59, 999) + calls);
      },
    };
    const ctx = resolveContext({ clock });
    expect(calls).toBe(1);
    expect(ctx.now.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(ctx.today).toBe('2026-11-23');
  });

  it('answers each instant with its own day (the cache never returns a stale day)', () => {
    expect(resolveContext({ clock: fixedClock('2026-11-23T05:00:00Z') }).today).toBe('2026-11-23');
    expect(resolveContext({ clock: fixedClock('2026-11-23T05:00:00Z'), timeZone: 'Asia/Tokyo' }).today).toBe(
      '2026-11-23',
    );
    expect(resolveContext({ clock: fixedClock('2026-11-23T15:00:00Z'), timeZone: 'Asia/Tokyo' }).today).toBe(
      '2026-11-24',
    );
    expect(resolveContext({ clock: fixedClock('2026-11-23T15:00:00Z') }).today).toBe('2026-11-23');
  });
});
