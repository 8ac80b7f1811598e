/**
 * Members: a generated member is a pure function of (seed, anchor date, index); a scenario member of
 * its documented spec (scenario-members.ts). Both are assembled by {@link assembleMember} from a
 * {@link MemberSpec}, with no faker call inside, so assembling never interleaves two entities' draws.
 */
import type { components } from '../../sdk/generated/portal.ts';
import { addDays, addMonthsClamped, compareDates, daysBetween } from '../../sdk/rules/dates.ts';
import { referralRequired } from '../../sdk/rules/referrals.ts';
import { generateCarePlan } from './care-plans.ts';
import { withFaker } from './faker-source.ts';
import { hashOf, Rng } from './hash.ts';
import { healthPlanOfMember } from './health-plans.ts';
import type { MemberIndexing } from './member-index.ts';
import { memberIdOf, pcpTaxIdOf, visibleTaxIdsOf } from './member-index.ts';
import type { CarePlanKind, MemberRecord } from './portal-data.ts';
import { DELEGATED_ENTITIES, OTHER_PAYERS, PRODUCTS } from './products.ts';
import type { ProviderDirectory } from './providers.ts';

type Schemas = components['schemas'];
type ProductType = Schemas['ProductType'];

/** The open coverage end: "The Coverage End Date is open-ended" (Provider Portal FAQ). */
export const OPEN_COVERAGE_END = '9999-12-31';

/** Everything that decides a member; assembled into a {@link MemberRecord} by {@link assembleMember}. */
export interface MemberSpec {
  memberId: string;
  firstName: string;
  lastName: string;
  middleInitial?: string;
  gender: Schemas['MemberGender'];
  dateOfBirth: string;
  email?: string;
  productType: ProductType;
  planName: string;
  coverageStartDate: string;
  coverageEndDate: string;
  visibleToTaxIds: string[];
  pcp?: { npi: string; taxId: string };
  delegated?: Schemas['MemberDelegatedEntity'];
  additionalInsurance: Schemas['MemberAdditionalInsurance'][];
  idCardTemporary: boolean;
  carePlan?: { kind: CarePlanKind; completedDaysAgo?: number; asInQuickReferenceGuide?: boolean };
  scenario?: string;
}

/**
 * A member's status on a day: `future` before the coverage starts, `termed` after it ends, `active`
 * in between.
 *
 * @example
 * memberStatusOn({ coverageStartDate: '2020-08-01', coverageEndDate: '9999-12-31' }, '2026-11-23'); // 'active'
 */
export function memberStatusOn(
  coverage: { coverageStartDate: string; coverageEndDate: string },
  day: string,
): Schemas['MemberStatus'] {
  if (compareDates(day, coverage.coverageStartDate) < 0) return 'future';
  if (compareDates(day, coverage.coverageEndDate) > 0) return 'termed';
  return 'active';
}

function firstOfMonth(day: string): string {
  return `${day.slice(0, 8)}01`;
}

function nextRecertification(coverageStartDate: string, anchorDate: string): string {
  let anniversary = addMonthsClamped(coverageStartDate, 12);
  while (compareDates(anniversary, anchorDate) <= 0) anniversary = addMonthsClamped(anniversary, 12);
  return addDays(anniversary, -1);
}

/** What assembling needs besides the spec. */
export interface MemberContext {
  seed: number;
  anchorDate: string;
  providers: ProviderDirectory;
}

/**
 * Assembles a member record from its spec (details, search row, ID card, care plan).
 *
 * @example
 * assembleMember(spec, { seed: 42, anchorDate: '2026-11-23', providers }).details.memberId;
 */
export function assembleMember(spec: MemberSpec, context: MemberContext): MemberRecord {
  const product = PRODUCTS[spec.productType];
  const status = memberStatusOn(spec, context.anchorDate);
  let pcp: Schemas['MemberPcp'] | undefined;
  if (spec.pcp !== undefined) {
    const provider = context.providers.byNpi(spec.pcp.npi);
    const location = provider?.locations.find((l) => l.taxId === spec.pcp?.taxId) ?? provider?.locations[0];
    if (provider !== undefined && location !== undefined) {
      pcp = {
        npi: provider.profile.npi,
        name: provider.profile.name,
        phone: location.phone,
        location: location.address,
      };
    }
  }
  const healthPlan = healthPlanOfMember(spec.memberId, spec.productType);
  const details: Schemas['MemberDetails'] = {
    healthPlan,
    status,
    memberId: spec.memberId,
    firstName: spec.firstName,
    lastName: spec.lastName,
    dateOfBirth: spec.dateOfBirth,
    gender: spec.gender,
    planName: spec.planName,
    productType: spec.productType,
    coverageStartDate: spec.coverageStartDate,
    coverageEndDate: spec.coverageEndDate,
    lineOfBusiness: product.lineOfBusiness,
    underwritingCompany: product.underwritingCompany,
    additionalInsurance: spec.additionalInsurance,
    referralRequired: referralRequired(spec.productType, context.anchorDate),
  };
  if (spec.middleInitial !== undefined) details.middleInitial = spec.middleInitial;
  if (spec.email !== undefined) details.email = spec.email;
  if (pcp !== undefined) details.pcp = pcp;
  if (product.recertifies && status !== 'termed') {
    details.recertificationDate = nextRecertification(spec.coverageStartDate, context.anchorDate);
  }
  if (spec.delegated !== undefined) details.delegated = spec.delegated;
  const summary: Schemas['MemberSummary'] = {
    healthPlan,
    memberId: spec.memberId,
    firstName: spec.firstName,
    lastName: spec.lastName,
    coverageStartDate: spec.coverageStartDate,
    coverageEndDate: spec.coverageEndDate,
    coverageType: 'medical',
    status,
    dateOfBirth: spec.dateOfBirth,
    gender: spec.gender,
    productType: spec.productType,
  };
  if (spec.middleInitial !== undefined) summary.middleInitial = spec.middleInitial;
  // "When an actual ID card is not available, we will show a temporary ID card." (Provider Portal FAQ)
  const idCard = spec.idCardTemporary
    ? { temporary: true, issuedOn: addDays(minDate(context.anchorDate, spec.coverageStartDate), -2) }
    : { temporary: false, issuedOn: addDays(spec.coverageStartDate, -12) };
  const record: MemberRecord = {
    details,
    summary,
    visibleToTaxIds: spec.visibleToTaxIds,
    networkName: product.networkName,
    careTeamPhone: product.careTeamPhone,
    idCard,
  };
  if (spec.pcp !== undefined && pcp !== undefined) record.pcpTaxId = spec.pcp.taxId;
  if (spec.scenario !== undefined) record.scenario = spec.scenario;
  if (spec.carePlan !== undefined) {
    const input: Parameters<typeof generateCarePlan>[0] = {
      seed: context.seed,
      memberId: spec.memberId,
      memberName: `${spec.firstName} ${spec.lastName}`,
      dateOfBirth: spec.dateOfBirth,
      careTeamPhone: product.careTeamPhone,
      kind: spec.carePlan.kind,
      anchorDate: context.anchorDate,
    };
    if (pcp !== undefined) input.pcp = pcp;
    if (spec.carePlan.completedDaysAgo !== undefined) input.completedDaysAgo = spec.carePlan.completedDaysAgo;
    if (spec.carePlan.asInQuickReferenceGuide === true) input.asInQuickReferenceGuide = true;
    record.carePlan = generateCarePlan(input);
  }
  return record;
}

function minDate(a: string, b: string): string {
  return compareDates(a, b) <= 0 ? a : b;
}

function ageOn(dateOfBirth: string, day: string): number {
  return Math.floor(daysBetween(dateOfBirth, day) / 365.25);
}

function productFor(age: number, rng: Rng): ProductType {
  if (age < 19) {
    return rng.weighted({
      child_health_plus: 40,
      medicaid_enhanced_care: 30,
      commercial_pos: 15,
      commercial_hmo: 15,
    });
  }
  if (age >= 65) {
    return rng.weighted({
      medicare_advantage: 70,
      commercial_ppo: 10,
      commercial_pos: 5,
      medicaid_enhanced_care: 15,
    });
  }
  return rng.weighted({
    commercial_hmo: 15,
    commercial_pos: 25,
    commercial_ppo: 15,
    medicaid_enhanced_care: 15,
    harp_enhanced_care_plus: 5,
    essential_plan: 12,
    medicare_advantage: 3,
  });
}

function emailOf(first: string, last: string, n: number): string {
  const clean = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
  return `${clean(first)}.${clean(last)}${n}@example.com`;
}

/**
 * The spec of the generated member at an index: the last name and date of birth come from the
 * reversible indexing (member-index.ts), everything else from `hashOf(seed, 'member', index)` and a
 * faker seeded likewise.
 *
 * @example
 * generatedMemberSpec(7, { seed: 42, anchorDate: '2026-11-23', providers }, indexing).memberId; // 'K6000000007'
 */
export function generatedMemberSpec(
  index: number,
  context: MemberContext,
  indexing: MemberIndexing,
): MemberSpec {
  const { seed, anchorDate } = context;
  const rng = new Rng(hashOf(seed, 'member', index));
  const lastName = indexing.lastNameOf(index);
  const dateOfBirth = indexing.dateOfBirthOf(index);
  const age = ageOn(dateOfBirth, anchorDate);
  const productType = productFor(age, rng);
  const product = PRODUCTS[productType];
  const gender: Schemas['MemberGender'] = rng.chance(0.01) ? 'unknown' : rng.chance(0.5) ? 'female' : 'male';

  // Coverage: most members are enrolled with an open end; some have ended (termed), a few start next month.
  const earliestStart = firstOfMonth(addMonthsClamped(dateOfBirth, 1));
  const coverageRoll = rng.next();
  let coverageStartDate: string;
  let coverageEndDate = OPEN_COVERAGE_END;
  if (coverageRoll < 0.03) {
    coverageStartDate = firstOfMonth(addMonthsClamped(anchorDate, 1));
  } else {
    coverageStartDate = firstOfMonth(addMonthsClamped(anchorDate, -rng.between(0, 96)));
    if (compareDates(coverageStartDate, earliestStart) < 0) coverageStartDate = earliestStart;
    if (coverageRoll < 0.13) {
      const monthsCovered = Math.max(1, daysBetween(coverageStartDate, anchorDate) / 30.5);
      const end = addDays(
        firstOfMonth(addMonthsClamped(coverageStartDate, rng.between(1, Math.ceil(monthsCovered)))),
        -1,
      );
      coverageEndDate = compareDates(end, anchorDate) < 0 ? end : addDays(firstOfMonth(anchorDate), -1);
      if (compareDates(coverageEndDate, coverageStartDate) < 0)
        coverageEndDate = addDays(coverageStartDate, 27);
    }
  }

  const pcpTaxId = pcpTaxIdOf(index);
  const pcps = context.providers.pcpsOfTaxId(pcpTaxId);
  const hasPcp = pcps.length > 0 && rng.chance(product.pcpLikely ? 0.88 : 0.25);
  const pcpProvider = hasPcp ? pcps[Math.floor(index / 10) % pcps.length] : undefined;

  const delegated =
    (productType === 'commercial_hmo' ||
      productType === 'medicaid_enhanced_care' ||
      productType === 'medicare_advantage') &&
    rng.chance(0.05)
      ? rng.pick(DELEGATED_ENTITIES)
      : undefined;

  const additionalInsurance: Schemas['MemberAdditionalInsurance'][] = [];
  if (rng.chance(0.1)) {
    const payerName = age >= 65 && rng.chance(0.5) ? 'Medicare Part B' : rng.pick(OTHER_PAYERS);
    additionalInsurance.push({
      payerName,
      policyNumber: `W${String(rng.between(100_000_000, 999_999_999))}`,
      relationship: age < 19 ? 'child' : rng.pick(['self', 'spouse', 'other'] as const),
      coverageStartDate: firstOfMonth(addMonthsClamped(anchorDate, -rng.between(1, 60))),
      primacy: payerName === 'Medicare Part B' ? 'primary' : 'secondary',
    });
  }

  const recentlyEnrolled = daysBetween(coverageStartDate, anchorDate) < 30;
  const carePlanKind = rng.weighted({
    none: 70,
    active: 18,
    sensitive_parts: 4,
    wholly_sensitive: 2,
    completed: 6,
  });

  const drawn = withFaker(hashOf(seed, 'member-faker', index), (faker) => {
    const sex = gender === 'unknown' ? undefined : gender;
    return {
      firstName: faker.person.firstName(sex),
      middleInitial: faker.string.alpha({ length: 1, casing: 'upper' }),
      emailNumber: faker.number.int({ min: 1, max: 99 }),
      planName: faker.helpers.arrayElement(product.planNames),
    };
  });

  const spec: MemberSpec = {
    memberId: memberIdOf(index),
    firstName: drawn.firstName,
    lastName,
    gender,
    dateOfBirth,
    productType,
    planName: drawn.planName,
    coverageStartDate,
    coverageEndDate,
    visibleToTaxIds: visibleTaxIdsOf(index),
    additionalInsurance,
    idCardTemporary: recentlyEnrolled || rng.chance(0.03),
  };
  if (rng.chance(0.7)) spec.middleInitial = drawn.middleInitial;
  if (age >= 18 && rng.chance(0.55)) spec.email = emailOf(drawn.firstName, lastName, drawn.emailNumber);
  if (pcpProvider !== undefined) spec.pcp = { npi: pcpProvider.profile.npi, taxId: pcpTaxId };
  if (delegated !== undefined) spec.delegated = delegated;
  if (carePlanKind !== 'none') {
    spec.carePlan =
      carePlanKind === 'completed'
        ? { kind: 'completed', completedDaysAgo: rng.between(1, 120) }
        : { kind: carePlanKind };
  }
  return spec;
}

/** Whether a generated member's PCP slot (index-based) is that position among its Tax ID's PCPs. */
export function pcpSlotOf(index: number, pcpCount: number): number {
  return Math.floor(index / 10) % pcpCount;
}
