/**
 * The parts of faker's English locale the generators draw from: person names and addresses (with the
 * metadata faker reads). The built package replaces this module with these parts alone, as data
 * (tsup.config.ts), so a page that runs the mock does not carry the rest of the locale (commerce,
 * lorem, music, vehicles, …: some 88 kB of its 114 kB gzipped). Same definitions, same draws:
 * test/mock-server/built-data.test.ts compares the built mock's data with the source's.
 */
import { en, type LocaleDefinition } from '@faker-js/faker';

/** faker's `en` locale, restricted to what the mock draws from. */
export const FAKER_LOCALE: LocaleDefinition = {
  ...(en.metadata === undefined ? {} : { metadata: en.metadata }),
  ...(en.person === undefined ? {} : { person: en.person }),
  ...(en.location === undefined ? {} : { location: en.location }),
};
