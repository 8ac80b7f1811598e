/**
 * The mock portal's controllable clock. Every time-based rule (15 idle minutes, MFA every three
 * months, 30 days of inactivity, decision timeframes, document delays) reads this clock, never the
 * real one, so QA can travel in time through `/__admin/clock`.
 */
import type { MockClock } from './types.ts';

function parseInstant(instant: Date | string): number {
  const time = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(time)) {
    throw new RangeError(
      `Invalid instant ${JSON.stringify(String(instant))}: use an ISO timestamp such as 2026-11-23T14:00:00Z.`,
    );
  }
  return time;
}

/**
 * Today's real instant truncated to the second: the default start of a clock when no `--clock` is
 * given. It is read once, when a core or sandbox is created; after that only the admin API moves
 * time. Runs started without a fixed clock therefore differ by their start instant; pass
 * `clock: '2026-11-23T14:00:00Z'` (CLI `--clock 2026-11-23T14:00:00Z`) to make runs byte-for-byte
 * identical.
 *
 * @example
 * const start = currentInstant(); // e.g. 2026-11-23T14:05:07.000Z
 */
export function currentInstant(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

/**
 * A clock that stands still at `start` and moves only when `set` or `advance` is called.
 *
 * @example
 * const clock = createMockClock('2026-11-23T14:00:00Z');
 * clock.advance(15 * 60 * 1000);
 * clock.now().toISOString(); // '2026-11-23T14:15:00.000Z'
 */
export function createMockClock(start: Date | string = currentInstant()): MockClock {
  let time = parseInstant(start);
  return {
    now: () => new Date(time),
    set(instant) {
      time = parseInstant(instant);
    },
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds))
        throw new RangeError(`Cannot advance the clock by ${milliseconds} ms.`);
      time += milliseconds;
    },
  };
}

/**
 * An ISO timestamp without milliseconds (`2026-11-23T14:00:00Z`), the shape the spec's examples use.
 *
 * @example
 * isoTimestamp(new Date('2026-11-23T14:00:00.000Z')); // '2026-11-23T14:00:00Z'
 */
export function isoTimestamp(instant: Date | number): string {
  const date = typeof instant === 'number' ? new Date(instant) : instant;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
