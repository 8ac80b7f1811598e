/**
 * Boundaries in properties: a fast-check property over a limit draws from a wide range and would
 * almost never land on the limit itself (a 180-day check moved by a day passed 8 runs of 8). This
 * puts the limit and its neighbours first (`examples`, run before any random value) and keeps them
 * likely afterwards (`fc.oneof`), so an off-by-one fails on the first run.
 */
import fc from 'fast-check';

/** An arbitrary biased to the limits and their neighbours, and those values as fast-check examples. */
export interface NearLimits {
  arbitrary: fc.Arbitrary<number>;
  /** Every `limit - step`, `limit` and `limit + step`, each a one-argument example. */
  examples: [number][];
}

/**
 * The limits and their neighbours (± `step`), then any value of `wide`.
 *
 * @example
 * const days = nearLimits([180], fc.integer({ min: 0, max: 400 }));
 * fc.assert(fc.property(days.arbitrary, (n) => check(n)), { examples: days.examples });
 */
export function nearLimits(limits: readonly number[], wide: fc.Arbitrary<number>, step = 1): NearLimits {
  const near = [...new Set(limits.flatMap((limit) => [limit - step, limit, limit + step]))];
  return {
    arbitrary: fc.oneof(fc.constantFrom(...near), wide),
    examples: near.map((value) => [value]),
  };
}
