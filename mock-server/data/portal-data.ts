/**
 * What the deterministic data layer offers the handlers. An entity is a pure function of
 * (seed, id): nothing is generated until asked for, so a million members start as fast as a hundred.
 * The implementation is `createPortalData` in data/index.ts; records are shaped like the spec's
 * schemas (components['schemas'][...]) so handlers answer them as they are.
 *
 * Relative dates (coverage, claims, care plans) are computed from `anchorDate`, the sandbox clock's
 * first day: the same (seed, anchorDate) gives the same bytes.
 */
import type { components } from '../../sdk/generated/portal.ts';

type Schemas = components['schemas'];

/** A sensitive part of a care plan (withheld by sdk/rules `withholdSensitiveParts`). */
export interface SensitiveFlag {
  sensitive?: true;
}

export type CarePlanSourceItem = Schemas['CarePlanGoalItem'] & SensitiveFlag;
export interface CarePlanSourceGoal extends Omit<Schemas['CarePlanGoal'], 'items'>, SensitiveFlag {
  items: CarePlanSourceItem[];
}
export interface CarePlanSourceProblem extends Omit<Schemas['CarePlanProblem'], 'goals'>, SensitiveFlag {
  goals: CarePlanSourceGoal[];
}

/** How a member's care plan behaves (documented per scenario member). */
export type CarePlanKind = 'active' | 'sensitive_parts' | 'wholly_sensitive' | 'completed';

/**
 * A member's care plan as the care team keeps it: every part, the sensitive ones flagged. The handler
 * decides what may be shown (sdk/rules `carePlanAvailability`, `withholdSensitiveParts`).
 */
export interface CarePlanRecord {
  kind: CarePlanKind;
  /** True when the whole plan is sensitive (CARE_PLAN_SENSITIVE: not shown at all). */
  whollySensitive: boolean;
  plan: Omit<Schemas['CarePlan'], 'problems' | 'sensitivePartsWithheld' | 'availableUntil'> & {
    problems: CarePlanSourceProblem[];
  };
}

/** A member with what the portal knows beyond the details page. */
export interface MemberRecord {
  /** The member's details; `status` is as of the anchor date (see `memberStatusOn` in data/members.ts). */
  details: Schemas['MemberDetails'];
  summary: Schemas['MemberSummary'];
  /** Tax IDs whose providers may see this member (the member's PCP group, claims, referrals). */
  visibleToTaxIds: string[];
  /** The network of the member's plan (network status checks compare it with the provider's networks). */
  networkName: string;
  /** The care/case management team of the member's plan. */
  careTeamPhone: string;
  /** The Tax ID of the member's PCP location, when the member has a PCP. */
  pcpTaxId?: string;
  idCard: { temporary: boolean; issuedOn: string };
  /** The care plan, or undefined when the member has none. */
  carePlan?: CarePlanRecord;
  /** The scenario key, for the documented scenario members (scenario-members.ts). */
  scenario?: string;
}

/** A practice location of a provider under one Tax ID (one provider search row). */
export interface ProviderLocation {
  taxId: string;
  addressId: string;
  address: Schemas['Address'];
  phone: string;
  inNetwork: boolean;
}

export interface ProviderRecord {
  /** The plan's Provider ID / billing number (seed 002: associating and linking accounts name it). */
  providerId: string;
  /** The whole profile, every Tax ID and address (handlers narrow it to the user's Tax IDs). */
  profile: Schemas['ProviderProfile'];
  /** The first search row. */
  summary: Schemas['ProviderSummary'];
  /** One search row per Tax ID and practice location. */
  rows: Schemas['ProviderSummary'][];
  locations: readonly ProviderLocation[];
  /** The Tax ID each profile address belongs to, by addressId (a user sees only their Tax IDs' addresses). */
  addressTaxIds: Readonly<Record<string, string>>;
  /** The networks the provider participates in (compared with a member's plan network). */
  networks: readonly string[];
  /** Whether the provider may be a member's PCP. */
  primaryCare: boolean;
}

/** A claim with the Tax ID it was billed under. */
export interface ClaimRecord {
  claim: Schemas['Claim'];
  taxId: string;
}

/** A payment (a paper check, an EFT or a virtual card) to one Tax ID. */
export interface PaymentRecord {
  checkNumber: string;
  taxId: string;
  method: Schemas['ClaimPaymentMethod'];
  issuedOn: string;
  amount: number;
  payeeName: string;
  claimNumbers: string[];
}

/** The members of one PCP's panel, as far as the data layer enumerated them. */
export interface PcpPanel {
  members: MemberRecord[];
  /** True when the panel has more members than the limit asked for. */
  truncated: boolean;
}

export interface PortalData {
  readonly seed: number;
  readonly memberCount: number;
  /** The day relative dates are computed from (YYYY-MM-DD). */
  readonly anchorDate: string;
  /** The member with that ID, or undefined when the ID is not one of this data set's. */
  member(memberId: string): MemberRecord | undefined;
  /** The ID of the generated member at an index (0 ≤ index < memberCount). */
  memberIdAt(index: number): string;
  /**
   * Every member whose first and last names match the partial terms (sdk-style partial match, see
   * data/names.ts) and who was born on that day: generated and scenario members, unsorted and not
   * filtered by Tax ID. Never scans the members (see data/member-index.ts).
   */
  membersByName(query: { firstName: string; lastName: string; dateOfBirth: string }): MemberRecord[];
  /** The members whose PCP is that NPI at that Tax ID, in index order, at most `limit`. */
  pcpPanel(npi: string, taxId: string, limit: number): PcpPanel;
  /** The provider with that NPI, or undefined. */
  provider(npi: string): ProviderRecord | undefined;
  /** The providers of one Tax ID. */
  providersOfTaxId(taxId: string): ProviderRecord[];
  /** Whether address + Tax ID + NPI are one known combination (PROVIDER_IDENTITY_MISMATCH). */
  isKnownProviderIdentity(identity: {
    npi: string;
    taxId: string;
    address: { line1: string; zip: string };
  }): boolean;
  /** The claims billed under those Tax IDs and submitted from `from` to `to` (inclusive), newest first. */
  claimsSubmittedBetween(taxIds: readonly string[], from: string, to: string): ClaimRecord[];
  /** The claim with that number, or undefined. */
  claim(claimNumber: string): ClaimRecord | undefined;
  /** The payment with that check (or EFT trace) number, or undefined. */
  payment(checkNumber: string): PaymentRecord | undefined;
  /** The member's benefits summary for a plan year, or undefined for an unknown member. */
  benefits(memberId: string, planYear: number): Schemas['BenefitsSummary'] | undefined;
}
