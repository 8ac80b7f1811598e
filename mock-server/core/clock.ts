/**
 * The mock portal's controllable clock. Every time-based rule (15 idle minutes, MFA every three
 * months, 30 days of inactivity, decision timeframes, document delays) reads this clock, never the
 * real one, so QA can travel in time through `/__admin/clock`.
 */
import type { MockClock } from './types.ts';

/**
 * The instants the mock clock may stand at. Every rule the portal applies works out dates around
 * "today": 180 days ahead, two years back, members born a century ago, federal holidays of the
 * year. Within these bounds they all stay inside the calendar the rules handle (years 0001–9999);
 * outside them a clock move is refused with 400 CLOCK_OUT_OF_RANGE rather than left to break
 * every later request.
 *
 * @example
 * MOCK_CLOCK_RANGE.min; // '1900-01-01T00:00:00Z'
 */
export const MOCK_CLOCK_RANGE = { min: '1900-01-01T00:00:00Z', max: '9899-12-31T23:59:59Z' } as const;

const MIN_TIME = Date.parse(MOCK_CLOCK_RANGE.min);
const MAX_TIME = Date.parse(MOCK_CLOCK_RANGE.max);

/**
 * Thrown for an instant the mock clock cannot stand at (not a timestamp, or outside
 * {@link MOCK_CLOCK_RANGE}); the admin API answers it as 400 CLOCK_OUT_OF_RANGE.
 *
 * @example
 * try { clock.advance(1e10 * 86_400_000); } catch (e) { e instanceof ClockRangeError; } // true
 */
export class ClockRangeError extends RangeError {
  override readonly name = 'ClockRangeError';
}

function checkRange(time: number, what: string): number {
  if (!(time >= MIN_TIME && time <= MAX_TIME)) {
    throw new ClockRangeError(
      `${what} would put the clock outside ${MOCK_CLOCK_RANGE.min} – ${MOCK_CLOCK_RANGE.max}, ` +
        'the instants the portal rules handle. The clock was not moved.',
    );
  }
  return time;
}

function parseInstant(instant: Date | string): number {
  const time = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(time)) {
    throw new ClockRangeError(
      `Invalid instant ${JSON.stringify(String(instant))}: use an ISO timestamp such as 2026-11-23T14:00:00Z.`,
    );
  }
  return checkRange(time, `The instant ${JSON.stringify(String(instant))}`);
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
 * A clock that stands still at `start` and moves only when `set` or `advance` is called (forward or
 * back), always within {@link MOCK_CLOCK_RANGE}: a move outside it throws a {@link ClockRangeError}
 * and leaves the clock where it was.
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
        throw new ClockRangeError(`Cannot advance the clock by ${milliseconds} ms.`);
      time = checkRange(time + milliseconds, `Advancing by ${milliseconds} ms`);
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
