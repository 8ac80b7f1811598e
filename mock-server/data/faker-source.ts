/**
 * One reusable faker instance, reseeded for each entity: creating a Faker is costly, reseeding is
 * not. Generation is synchronous, and a generator never calls another generator while it holds the
 * instance (that would interleave two entities' draws and make the output depend on call order);
 * {@link withFaker} throws if that ever happens.
 *
 * The instance uses a mulberry32 randomizer instead of faker's default Mersenne Twister: seeding the
 * Twister costs ~125 µs (it fills 624 words), 25 times more than generating a member, and a member is
 * seeded once. The output is as deterministic, only different from faker's default for a seed.
 */
import type { Faker, Randomizer } from '@faker-js/faker';
import { faker as baseFaker } from '@faker-js/faker/locale/base';
import { FAKER_LOCALE } from './faker-locale.ts';

function mulberry32(): Randomizer {
  let state = 0;
  // Faker calls these unbound: closures, not methods.
  return {
    next: () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    seed: (seed) => {
      state = Array.isArray(seed)
        ? seed.reduce((acc: number, part: number) => (Math.imul(acc, 31) + part) >>> 0, 0)
        : seed >>> 0;
    },
  };
}

/**
 * faker's class, reached through its smallest entry point: importing `Faker` from the package's main
 * entry loads every locale (about 150 ms of a CLI's start, more than the rest of the mock together);
 * `locale/base` loads the class and the locale-neutral data only.
 */
const FakerClass = baseFaker.constructor as typeof Faker;

let instance: Faker | undefined;
let busy = false;

/**
 * Runs `generate` with the shared faker seeded with `seed`.
 *
 * @example
 * const name = withFaker(hashOf(42, 'member', 7), (faker) => faker.person.firstName('female'));
 */
export function withFaker<T>(seed: number, generate: (faker: Faker) => T): T {
  if (busy) {
    throw new Error(
      'withFaker was re-entered: a generator asked for another entity while drawing its own values. ' +
        'Resolve the other entity before calling withFaker.',
    );
  }
  instance ??= new FakerClass({ locale: [FAKER_LOCALE], randomizer: mulberry32() });
  busy = true;
  try {
    instance.seed(seed);
    return generate(instance);
  } finally {
    busy = false;
  }
}
