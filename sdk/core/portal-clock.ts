/**
 * A clock that follows the portal's own time, learned from its answers, so that a client talking to
 * a mock portal whose clock is pinned (`--clock`) or moved (`/__admin/clock`) checks its rules
 * (180-day window, 30-day backdate, two-year lookbacks) and its idle timer against the portal's
 * "today", not the machine's.
 *
 * - The mock portal stamps every answer with `X-Mock-Clock: <its current instant>`. Its clock stands
 *   still unless moved, so the followed clock stands still too: it reads exactly the last instant seen.
 * - Any other portal: the answer's `Date` header, plus the time that passed here since that answer.
 * - Before the first answer: the fallback clock (default the system clock).
 */
import type { Clock } from '../rules/index.ts';
import { systemClock } from '../rules/index.ts';

/**
 * The header the mock portal sends its current instant in, on every answer.
 *
 * @example
 * response.headers.get(MOCK_CLOCK_HEADER); // '2026-11-23T14:00:00Z'
 */
export const MOCK_CLOCK_HEADER = 'X-Mock-Clock';

/**
 * A clock that learns the portal's time from its answers.
 *
 * @example
 * const clock = createPortalClock();
 * clock.observe(response.headers);
 * today(clock); // the portal's calendar day
 */
export interface PortalClock extends Clock {
  /** Learns the portal's time from an answer's headers (`X-Mock-Clock`, else `Date`). */
  observe(headers: Headers): void;
  /** The portal's instant last learned, or undefined before any answer carried one. */
  readonly observed: Date | undefined;
}

/** Options of {@link createPortalClock}. */
export interface PortalClockOptions {
  /** What to read before any answer was seen (default the system clock). */
  fallback?: Clock;
  /** The local clock that measures time passing between a real portal's answers (default the system clock). */
  local?: Clock;
}

/**
 * Creates a clock that follows the portal's time (what `createPortalClient({ clock: 'portal' })` uses).
 *
 * @example
 * const clock = createPortalClock({ fallback: fixedClock('2026-11-23T14:00:00Z') });
 * const portal = createPortalClient({ baseUrl, clock });
 */
export function createPortalClock(options: PortalClockOptions = {}): PortalClock {
  const fallback = options.fallback ?? systemClock;
  const local = options.local ?? systemClock;
  // The portal's instant when last seen, and the local instant then (undefined: a frozen mock clock).
  let portalTime: number | undefined;
  let seenAt: number | undefined;
  return {
    now() {
      if (portalTime === undefined) return fallback.now();
      return new Date(seenAt === undefined ? portalTime : portalTime + (local.now().getTime() - seenAt));
    },
    observe(headers) {
      const mock = Date.parse(headers.get(MOCK_CLOCK_HEADER) ?? '');
      if (!Number.isNaN(mock)) {
        portalTime = mock;
        seenAt = undefined;
        return;
      }
      const date = Date.parse(headers.get('date') ?? '');
      if (!Number.isNaN(date)) {
        portalTime = date;
        seenAt = local.now().getTime();
      }
    },
    get observed() {
      return portalTime === undefined ? undefined : new Date(portalTime);
    },
  };
}

/**
 * Whether a clock learns from the portal's answers (has `observe`).
 *
 * @example
 * if (observesPortal(clock)) clock.observe(response.headers);
 */
export function observesPortal(clock: Clock): clock is PortalClock {
  return typeof (clock as Partial<PortalClock>).observe === 'function';
}
