/**
 * The last names of generated members, and how a partial name matches. A member's last name is
 * `LAST_NAMES[index mod LAST_NAMES.length]` (member-index.ts), so the members a last-name term can
 * match are found by testing the list, not the members.
 */
import { FAKER_LOCALE } from './faker-locale.ts';

const HYPHENATED = ['Garcia-Lopez', 'Smith-Jones', 'Rivera-Ortiz', "O'Brien-Walsh", 'Kowalczyk-Nowak'];

function buildLastNames(): readonly string[] {
  const generic = (FAKER_LOCALE.person?.last_name as { generic?: string[] } | undefined)?.generic ?? [];
  const names = [...new Set([...generic, ...HYPHENATED])].sort();
  // Keep the length coprime with 10, so the visibility group (index mod 10) and the last name
  // (index mod length) vary independently.
  while (names.length % 2 === 0 || names.length % 5 === 0) names.pop();
  return Object.freeze(names);
}

/**
 * The last names of generated members (faker's English list and a few hyphenated names), sorted.
 *
 * @example
 * LAST_NAMES.includes('Smith-Jones'); // true
 */
export const LAST_NAMES: readonly string[] = buildLastNames();

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Whether a partial search term matches a name: case, accents, spaces, hyphens and apostrophes are
 * ignored, and the term matches the start of the name or of any of its parts ("an exact match to a
 * full name with a hyphen is not needed", Provider Portal FAQ): `jones` and `smithjo` both match
 * `Smith-Jones`.
 *
 * @example
 * nameMatches('Smith-Jones', 'jones'); // true
 * nameMatches("O'Brien-Walsh", 'obri'); // true
 * nameMatches('Ayod', 'yod'); // false
 */
export function nameMatches(name: string, term: string): boolean {
  const wanted = fold(term);
  if (wanted === '') return false;
  if (fold(name).startsWith(wanted)) return true;
  return name.split(/[\s-]+/).some((part) => fold(part).startsWith(wanted));
}

/**
 * The positions in {@link LAST_NAMES} that a last-name term matches.
 *
 * @example
 * lastNameResidues('Smith-J').map((i) => LAST_NAMES[i]); // ['Smith-Jones']
 */
export function lastNameResidues(term: string): number[] {
  const residues: number[] = [];
  LAST_NAMES.forEach((name, index) => {
    if (nameMatches(name, term)) residues.push(index);
  });
  return residues;
}
