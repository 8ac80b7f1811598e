/**
 * How a generated member's identity follows from its index, reversibly, so that nothing needs a scan
 * over a million members:
 *
 * - member ID: `K6` + the index on 9 digits (`K6000000042` is index 42); any other ID is not a
 *   generated member (the documented scenario members use `K55006488NN`, scenario-members.ts);
 * - last name: `LAST_NAMES[index mod L]` (L = the list's length, coprime with 10);
 * - date of birth: day `(q × A + B(r)) mod D` of a 94-year range ending a year before the anchor date,
 *   where `r = index mod L`, `q = floor(index / L)`, A is a prime coprime with D and B(r) a seeded
 *   offset. For a last-name residue and a date of birth, `q ≡ (d − B(r)) × A⁻¹ (mod D)`: a name
 *   search by last name + date of birth enumerates at most ⌈memberCount / (L × D)⌉ indices per
 *   matching last name (one, for a million members) and generates only those;
 * - Tax ID visibility and PCP: `index mod 10` picks the group (0–5: Tax ID A, 6–8: Tax ID B, 9: both;
 *   the PCP comes from Tax ID A for 0–5 and 9, from Tax ID B for 6–8) and `floor(index / 10) mod n`
 *   the PCP among that Tax ID's n primary care providers, so a PCP's panel is enumerable too.
 */
import { addDays, fromEpochDay, toEpochDay } from '../../sdk/rules/dates.ts';
import { TAX_ID_A, TAX_ID_B } from './fixtures.ts';
import { hashOf } from './hash.ts';
import { LAST_NAMES } from './names.ts';

/** The prefix of generated member IDs. */
export const GENERATED_MEMBER_PREFIX = 'K6';
const GENERATED_ID = /^K6(\d{9})$/;

/** The largest member count the ID scheme supports (9 digits). */
export const MAX_MEMBER_COUNT = 999_999_999;

/**
 * The member ID of a generated member.
 *
 * @example
 * memberIdOf(42); // 'K6000000042'
 */
export function memberIdOf(index: number): string {
  return `${GENERATED_MEMBER_PREFIX}${String(index).padStart(9, '0')}`;
}

/**
 * The index of a generated member ID, or undefined when the ID is not one (or is beyond `memberCount`).
 *
 * @example
 * memberIndexOf('K6000000042', 100); // 42
 * memberIndexOf('K6000000142', 100); // undefined
 */
export function memberIndexOf(memberId: string, memberCount: number): number | undefined {
  const match = GENERATED_ID.exec(memberId);
  if (match === null) return undefined;
  const index = Number(match[1]);
  return index < memberCount ? index : undefined;
}

/** The visibility group of an index: 0–5 Tax ID A, 6–8 Tax ID B, 9 both. */
export function groupOf(index: number): number {
  return index % 10;
}

/**
 * The Tax IDs whose users may see a generated member.
 *
 * @example
 * visibleTaxIdsOf(3); // ['060646668'] (Tax ID A)
 * visibleTaxIdsOf(9); // both
 */
export function visibleTaxIdsOf(index: number): string[] {
  const group = groupOf(index);
  if (group <= 5) return [TAX_ID_A];
  if (group <= 8) return [TAX_ID_B];
  return [TAX_ID_A, TAX_ID_B];
}

/** The Tax ID whose PCPs a generated member's PCP comes from. */
export function pcpTaxIdOf(index: number): string {
  const group = groupOf(index);
  return group >= 6 && group <= 8 ? TAX_ID_B : TAX_ID_A;
}

/** The groups whose members see (and take their PCP from) a Tax ID. */
export function pcpGroupsOf(taxId: string): number[] {
  if (taxId === TAX_ID_A) return [0, 1, 2, 3, 4, 5, 9];
  if (taxId === TAX_ID_B) return [6, 7, 8];
  return [];
}

/** The groups whose members a Tax ID sees. */
export function visibleGroupsOf(taxId: string): number[] {
  if (taxId === TAX_ID_A) return [0, 1, 2, 3, 4, 5, 9];
  if (taxId === TAX_ID_B) return [6, 7, 8, 9];
  return [];
}

/** Days in the date-of-birth range (94 years). */
const DOB_SPAN_DAYS = 94 * 365;
/** A prime that does not divide DOB_SPAN_DAYS (= 2 × 5 × 47 × 73), so q ↦ q × A mod D is a bijection. */
const DOB_STRIDE = 7919;

function modInverse(a: number, m: number): number {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const quotient = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  if (oldR !== 1) throw new RangeError(`${a} has no inverse modulo ${m}.`);
  return ((oldS % m) + m) % m;
}

const DOB_STRIDE_INVERSE = modInverse(DOB_STRIDE, DOB_SPAN_DAYS);

function mulMod(a: number, b: number, m: number): number {
  // a, b < 2^16 · 2^16 here, but stay exact for any index: BigInt only when the product is large.
  const product = a * b;
  if (Number.isSafeInteger(product)) return product % m;
  return Number((BigInt(a) * BigInt(b)) % BigInt(m));
}

/** The indexing of one data set (seed and anchor date): dates of birth and their inverse. */
export interface MemberIndexing {
  readonly memberCount: number;
  lastNameOf(index: number): string;
  dateOfBirthOf(index: number): string;
  /** The indices (below memberCount) with that last-name residue and that date of birth, ascending. */
  indicesWith(residue: number, dateOfBirth: string): number[];
}

/**
 * The reversible indexing of a data set.
 *
 * @example
 * const indexing = createMemberIndexing(42, 1000, '2026-11-23');
 * const dob = indexing.dateOfBirthOf(7);
 * indexing.indicesWith(7 % LAST_NAMES.length, dob); // [7]
 */
export function createMemberIndexing(seed: number, memberCount: number, anchorDate: string): MemberIndexing {
  const names = LAST_NAMES.length;
  // The range ends a year before the anchor, so every member is at least a year old.
  const firstDay = toEpochDay(addDays(anchorDate, -365 - DOB_SPAN_DAYS));
  const offsets = new Map<number, number>();
  const offsetOf = (residue: number): number => {
    let offset = offsets.get(residue);
    if (offset === undefined) {
      offset = hashOf(seed, 'dob-offset', residue) % DOB_SPAN_DAYS;
      offsets.set(residue, offset);
    }
    return offset;
  };
  return {
    memberCount,
    lastNameOf: (index) => LAST_NAMES[index % names] as string,
    dateOfBirthOf: (index) => {
      const residue = index % names;
      const q = Math.floor(index / names);
      const day = (mulMod(q % DOB_SPAN_DAYS, DOB_STRIDE, DOB_SPAN_DAYS) + offsetOf(residue)) % DOB_SPAN_DAYS;
      return fromEpochDay(firstDay + day);
    },
    indicesWith: (residue, dateOfBirth) => {
      const day = toEpochDay(dateOfBirth) - firstDay;
      if (day < 0 || day >= DOB_SPAN_DAYS) return [];
      const shifted = (((day - offsetOf(residue)) % DOB_SPAN_DAYS) + DOB_SPAN_DAYS) % DOB_SPAN_DAYS;
      const q0 = mulMod(shifted, DOB_STRIDE_INVERSE, DOB_SPAN_DAYS);
      const indices: number[] = [];
      for (let q = q0; q * names + residue < memberCount; q += DOB_SPAN_DAYS)
        indices.push(q * names + residue);
      return indices;
    },
  };
}
