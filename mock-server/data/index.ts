/**
 * The deterministic data of a mock portal: members, providers, care plans, claims and payments, each
 * a pure function of (seed, anchor date, id), generated on first use and memoised in a bounded LRU.
 * Creating the data does no per-member work, so a million members start as fast as a hundred.
 */
import { isValidNpi } from '../../sdk/rules/identifiers.ts';
import { benefitsOf } from './benefits.ts';
import type { ClaimsLayer } from './claims.ts';
import { createClaimsLayer } from './claims.ts';
import { LruCache } from './lru.ts';
import {
  createMemberIndexing,
  MAX_MEMBER_COUNT,
  memberIdOf,
  memberIndexOf,
  pcpGroupsOf,
} from './member-index.ts';
import type { MemberContext } from './members.ts';
import { assembleMember, generatedMemberSpec, pcpSlotOf } from './members.ts';
import { lastNameResidues, nameMatches } from './names.ts';
import type { MemberRecord, PortalData } from './portal-data.ts';
import type { ProviderDirectory } from './providers.ts';
import { createProviderDirectory } from './providers.ts';
import { SCENARIO_MEMBER_IDS, scenarioMemberSpec } from './scenario-members.ts';

export { memberStatusOn, OPEN_COVERAGE_END } from './members.ts';
export type * from './portal-data.ts';
export { CARE_TEAM_PHONES, PRODUCTS } from './products.ts';
export { NETWORK_TAX_IDS, PROVIDER_NPIS } from './provider-directory.ts';
export type { ScenarioEntry, ScenarioMemberKey } from './scenario-members.ts';
export {
  SCENARIO_CHECKS,
  SCENARIO_CLAIMS,
  SCENARIO_MEMBER_IDS,
  SCENARIO_MEMBERS,
  scenarioEntries,
} from './scenario-members.ts';

/** Options of {@link createPortalData}. */
export interface PortalDataOptions {
  /** Same seed (and anchor date), same data, byte for byte. */
  seed: number;
  /** How many generated members (the scenario members come in addition). */
  memberCount: number;
  /** The sandbox clock's first day (YYYY-MM-DD): coverage, claims and care plans are relative to it. */
  anchorDate: string;
  /** How many generated members to keep memoised (default 20,000). */
  cacheSize?: number;
}

function normalizeLine(line: string): string {
  return line.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Creates the data of a sandbox. Nothing is generated until asked for.
 *
 * @example
 * const data = createPortalData({ seed: 42, memberCount: 1_000_000, anchorDate: '2026-11-23' });
 * data.member('K5500648801')?.details.lastName; // 'Ayod'
 * data.member(data.memberIdAt(999_999))?.details.memberId; // 'K6000999999'
 */
export function createPortalData(options: PortalDataOptions): PortalData {
  const { seed, memberCount, anchorDate } = options;
  if (!Number.isInteger(memberCount) || memberCount < 0 || memberCount > MAX_MEMBER_COUNT) {
    throw new RangeError(
      `memberCount must be an integer from 0 to ${MAX_MEMBER_COUNT}, not ${String(memberCount)}.`,
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchorDate)) {
    throw new RangeError(`anchorDate must be a day YYYY-MM-DD, not ${JSON.stringify(anchorDate)}.`);
  }
  const indexing = createMemberIndexing(seed, memberCount, anchorDate);
  const cache = new LruCache<string, MemberRecord | undefined>(options.cacheSize ?? 20_000);
  let directory: ProviderDirectory | undefined;
  const providers = (): ProviderDirectory => {
    directory ??= createProviderDirectory(seed);
    return directory;
  };
  const context = (): MemberContext => ({ seed, anchorDate, providers: providers() });

  const member = (memberId: string): MemberRecord | undefined =>
    cache.getOrCreate(memberId, () => {
      const scenario = scenarioMemberSpec(memberId, anchorDate);
      if (scenario !== undefined) return assembleMember(scenario, context());
      const index = memberIndexOf(memberId, memberCount);
      if (index === undefined) return undefined;
      return assembleMember(generatedMemberSpec(index, context(), indexing), context());
    });

  let claims: ClaimsLayer | undefined;
  const claimsLayer = (): ClaimsLayer => {
    claims ??= createClaimsLayer({
      seed,
      anchorDate,
      memberCount,
      providers: providers(),
      member,
      memberIdAt: memberIdOf,
    });
    return claims;
  };

  return {
    seed,
    memberCount,
    anchorDate,
    member,
    memberIdAt(index) {
      if (!Number.isInteger(index) || index < 0 || index >= memberCount) {
        throw new RangeError(`Member index ${index} is outside 0–${memberCount - 1}.`);
      }
      return memberIdOf(index);
    },
    membersByName({ firstName, lastName, dateOfBirth }) {
      const found: MemberRecord[] = [];
      const matches = (record: MemberRecord | undefined): record is MemberRecord =>
        record !== undefined &&
        record.details.dateOfBirth === dateOfBirth &&
        nameMatches(record.details.lastName, lastName) &&
        nameMatches(record.details.firstName, firstName);
      // Generated members: only the indices with a matching last name and that date of birth.
      for (const residue of lastNameResidues(lastName)) {
        for (const index of indexing.indicesWith(residue, dateOfBirth)) {
          const record = member(memberIdOf(index));
          if (matches(record)) found.push(record);
        }
      }
      for (const memberId of SCENARIO_MEMBER_IDS) {
        const record = member(memberId);
        if (matches(record)) found.push(record);
      }
      return found;
    },
    pcpPanel(npi, taxId, limit) {
      const pcps = providers().pcpsOfTaxId(taxId);
      const slot = pcps.findIndex((p) => p.profile.npi === npi);
      const members: MemberRecord[] = [];
      let truncated = false;
      for (const memberId of SCENARIO_MEMBER_IDS) {
        const record = member(memberId);
        if (record?.details.pcp?.npi === npi && record.pcpTaxId === taxId) members.push(record);
      }
      if (slot >= 0) {
        const groups = pcpGroupsOf(taxId);
        // Indices whose PCP slot is `slot`: 10 × (slot + n × block) + group.
        outer: for (let block = 0; ; block++) {
          const base = 10 * (slot + pcps.length * block);
          if (base >= memberCount) break;
          for (const group of groups) {
            const index = base + group;
            if (index >= memberCount) break outer;
            if (pcpSlotOf(index, pcps.length) !== slot) continue;
            const record = member(memberIdOf(index));
            if (record?.details.pcp?.npi !== npi) continue;
            if (members.length >= limit) {
              truncated = true;
              break outer;
            }
            members.push(record);
          }
        }
      }
      return { members: members.slice(0, limit), truncated: truncated || members.length > limit };
    },
    provider: (npi) => (isValidNpi(npi) ? providers().byNpi(npi) : undefined),
    providersOfTaxId: (taxId) => providers().ofTaxId(taxId),
    isKnownProviderIdentity({ npi, taxId, address }) {
      const provider = providers().byNpi(npi);
      if (provider === undefined) return false;
      const line1 = normalizeLine(address.line1);
      const zip = address.zip.slice(0, 5);
      return provider.locations.some(
        (location) =>
          location.taxId === taxId &&
          normalizeLine(location.address.line1) === line1 &&
          location.address.zip.slice(0, 5) === zip,
      );
    },
    claimsSubmittedBetween: (taxIds, from, to) => claimsLayer().claimsSubmittedBetween(taxIds, from, to),
    claim: (claimNumber) => claimsLayer().claim(claimNumber),
    payment: (checkNumber) => claimsLayer().payment(checkNumber),
    benefits(memberId, planYear) {
      const record = member(memberId);
      return record === undefined ? undefined : benefitsOf(seed, record, planYear);
    },
  };
}
