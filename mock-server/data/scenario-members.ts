/**
 * The documented scenario members: fixed member IDs (the same for every seed and anchor date) whose
 * product, coverage, care plan, ID card, claims and Tax ID visibility are chosen to trigger one portal
 * behaviour each. Dates are relative to the anchor date (the sandbox clock's first day). The
 * scenario catalog (`GET /__admin/scenarios`) lists them from {@link scenarioEntries}.
 *
 * | ID | Scenario |
 * |---|---|
 * | K5500648801 | Ayod, Testh F: active Commercial POS, open coverage end 9999-12-31, PCP Adamski; the Care Plans QRG's care plan (active, nothing withheld) |
 * | K5500648802 | termed: coverage ended the last day of the month two months before the anchor |
 * | K5500648803 | Medicaid Enhanced Care: no referral needed (REFERRAL_NOT_REQUIRED), recertification date |
 * | K5500648804 | HARP Enhanced Care Plus: no referral needed |
 * | K5500648805 | Child Health Plus (a child): no referral needed |
 * | K5500648806 | Essential Plan: no referral needed |
 * | K5500648807 | delegated member (DELEGATED_MEMBER): Riverside Care Management Organization |
 * | K5500648808 | care plan with sensitive parts withheld (sensitivePartsWithheld: true) |
 * | K5500648809 | wholly sensitive care plan: 404 CARE_PLAN_SENSITIVE with careTeamPhone |
 * | K5500648810 | care plan completed 10 days before the anchor: shown with availableUntil = +20 days |
 * | K5500648811 | care plan completed 45 days before the anchor: 410 CARE_PLAN_EXPIRED |
 * | K5500648812 | no care plan: 404 NOT_FOUND with careTeamPhone |
 * | K5500648813 | temporary ID card (coverage started this month) |
 * | K5500648814 | claims with remittance: 9999REMIT001 paid by check 0090000001, 9999REMIT002 paid by check 0090000002 over two years ago (CHECK_IMAGE_UNAVAILABLE), 9999REMIT003 denied, 9999REMIT004 paid by EFT 0090000003 |
 * | K5500648815 | claims without remittance (remittance null, "No records found"): 9999NOREM001 in process, 9999NOREM002 received, 9999NOREM003 pended |
 * | K5500648816 | a member of Tax ID B only (claim 9999TINB0001, check 0090000004): invisible to Tax ID A users |
 * | K5500648817 | Medicare Advantage, active care plan |
 * | K5500648818 | future coverage: starts the first of next month (status future) |
 */
import type { operations } from '../../sdk/generated/portal.ts';
import { addDays, addMonthsClamped } from '../../sdk/rules/dates.ts';
import { TAX_ID_A, TAX_ID_B } from './fixtures.ts';
import type { MemberSpec } from './members.ts';
import { OPEN_COVERAGE_END } from './members.ts';
import { DELEGATED_ENTITIES } from './products.ts';
import { PROVIDER_NPIS } from './provider-directory.ts';

/**
 * The documented member ID of each scenario.
 *
 * @example
 * await client.members.get(SCENARIO_MEMBERS.termed); // status 'termed'
 */
export const SCENARIO_MEMBERS = {
  activeCommercial: 'K5500648801',
  termed: 'K5500648802',
  medicaid: 'K5500648803',
  harp: 'K5500648804',
  childHealthPlus: 'K5500648805',
  essentialPlan: 'K5500648806',
  delegated: 'K5500648807',
  carePlanSensitiveParts: 'K5500648808',
  carePlanWhollySensitive: 'K5500648809',
  carePlanCompleted10DaysAgo: 'K5500648810',
  carePlanCompleted45DaysAgo: 'K5500648811',
  noCarePlan: 'K5500648812',
  temporaryIdCard: 'K5500648813',
  claimsWithRemittance: 'K5500648814',
  claimsWithoutRemittance: 'K5500648815',
  taxIdBOnly: 'K5500648816',
  medicareAdvantage: 'K5500648817',
  futureCoverage: 'K5500648818',
} as const;

/** The key of a scenario member. */
export type ScenarioMemberKey = keyof typeof SCENARIO_MEMBERS;

/**
 * The documented claims of the scenario members (their numbers are the same for every seed).
 *
 * @example
 * await client.claims.get(SCENARIO_CLAIMS.withoutRemittance); // remittance null, 'No records found'
 */
export const SCENARIO_CLAIMS = {
  /** Paid by check 0090000001 about 20 days before the anchor; remittance and EOP available. */
  paidByCheck: '9999REMIT001',
  /** Paid by check 0090000002 more than two years before the anchor: CHECK_IMAGE_UNAVAILABLE. */
  paidOverTwoYearsAgo: '9999REMIT002',
  /** Denied, on the remittance of check 0090000001. */
  denied: '9999REMIT003',
  /** Paid by EFT (trace 0090000003): no check image (404). */
  paidByEft: '9999REMIT004',
  /** In process: no remittance ("No records found"), no EOP (404). */
  withoutRemittance: '9999NOREM001',
  /** Received, not yet processed: no remittance. */
  received: '9999NOREM002',
  /** Pended for information: no remittance. */
  pended: '9999NOREM003',
  /** A claim of Tax ID B (member K5500648816): 404 for Tax ID A users. */
  taxIdB: '9999TINB0001',
} as const;

/**
 * The documented payments (check and EFT trace numbers) of the scenario claims.
 *
 * @example
 * await fetch(`${base}/api/v1/payments/checks/${SCENARIO_CHECKS.recent}/image`); // a PNG
 */
export const SCENARIO_CHECKS = {
  /** A check issued about 20 days before the anchor: its image is available. */
  recent: '0090000001',
  /** A check issued more than two years before the anchor: 410 CHECK_IMAGE_UNAVAILABLE. */
  overTwoYearsOld: '0090000002',
  /** An EFT: no check image (404). */
  eft: '0090000003',
  /** A check to Tax ID B: 404 for Tax ID A users. */
  taxIdB: '0090000004',
} as const;

function firstOfMonth(day: string): string {
  return `${day.slice(0, 8)}01`;
}

function monthsBefore(anchorDate: string, months: number): string {
  return firstOfMonth(addMonthsClamped(anchorDate, -months));
}

type SpecBuilder = (anchorDate: string) => MemberSpec;

interface ScenarioDefinition {
  key: ScenarioMemberKey;
  label: string;
  triggers: string[];
  spec: SpecBuilder;
}

const A_ONLY = [TAX_ID_A];
const RIVERSIDE = DELEGATED_ENTITIES[0] ?? {
  entityName: 'Riverside Care Management Organization',
  phone: '(718) 555-0190',
};

function base(
  key: ScenarioMemberKey,
  person: Pick<MemberSpec, 'firstName' | 'lastName' | 'gender' | 'dateOfBirth'> & { middleInitial?: string },
  plan: Pick<MemberSpec, 'productType' | 'planName' | 'coverageStartDate'>,
  more: Partial<MemberSpec> = {},
): MemberSpec {
  return {
    memberId: SCENARIO_MEMBERS[key],
    ...person,
    ...plan,
    coverageEndDate: OPEN_COVERAGE_END,
    visibleToTaxIds: A_ONLY,
    additionalInsurance: [],
    idCardTemporary: false,
    scenario: key,
    ...more,
  };
}

const DEFINITIONS: readonly ScenarioDefinition[] = [
  {
    key: 'activeCommercial',
    label: 'Active Commercial POS member (the Care Plans QRG member), open coverage end, PCP Adamski, John',
    triggers: [
      'getMember: status active, productType commercial_pos, coverageEndDate 9999-12-31, referralRequired true',
      'getCarePlan: the QRG care plan (compatibility test, Asthma Control), nothing withheld',
      'searchMembers: firstName Te, lastName Ayo, dateOfBirth 1954-09-05',
    ],
    spec: () =>
      base(
        'activeCommercial',
        {
          firstName: 'Testh',
          lastName: 'Ayod',
          middleInitial: 'F',
          gender: 'female',
          dateOfBirth: '1954-09-05',
        },
        { productType: 'commercial_pos', planName: 'PASSAGE GOLD POS PCP', coverageStartDate: '2020-08-01' },
        {
          email: 'testh.ayod@example.com',
          pcp: { npi: PROVIDER_NPIS.adamski, taxId: TAX_ID_A },
          additionalInsurance: [
            {
              payerName: 'Aetna Life Insurance Company',
              policyNumber: 'W123456789',
              relationship: 'spouse',
              coverageStartDate: '2022-01-01',
              primacy: 'secondary',
            },
          ],
          carePlan: { kind: 'active', asInQuickReferenceGuide: true },
        },
      ),
  },
  {
    key: 'termed',
    label: 'Termed member: coverage ended two months before the anchor date',
    triggers: [
      'getMember / searchMembers: status termed, coverageEndDate the last day of the month two months ago',
      'createPreauthorization: service dates after the coverage end → SERVICE_OUTSIDE_COVERAGE',
      'createPcpMemberPanelReport: left out of the report (REPORT_ACTIVE_MEMBERS_ONLY)',
    ],
    spec: (anchor) =>
      base(
        'termed',
        {
          firstName: 'Delia',
          lastName: 'Marsh',
          middleInitial: 'R',
          gender: 'female',
          dateOfBirth: '1968-03-14',
        },
        {
          productType: 'commercial_hmo',
          planName: 'SOLO SILVER HMO',
          coverageStartDate: monthsBefore(anchor, 30),
        },
        {
          coverageEndDate: addDays(monthsBefore(anchor, 1), -1),
          pcp: { npi: PROVIDER_NPIS.lopez, taxId: TAX_ID_A },
        },
      ),
  },
  {
    key: 'medicaid',
    label: 'Medicaid Enhanced Care member: referrals not required',
    triggers: [
      'getMember: productType medicaid_enhanced_care, referralRequired false, recertificationDate set',
      'createReferral: answers "not required" (REFERRAL_NOT_REQUIRED)',
    ],
    spec: (anchor) =>
      base(
        'medicaid',
        { firstName: 'Rafael', lastName: 'Quinones', gender: 'male', dateOfBirth: '1990-06-21' },
        {
          productType: 'medicaid_enhanced_care',
          planName: 'ENHANCED CARE (MEDICAID MANAGED CARE)',
          coverageStartDate: monthsBefore(anchor, 18),
        },
        { pcp: { npi: PROVIDER_NPIS.okafor, taxId: TAX_ID_A } },
      ),
  },
  {
    key: 'harp',
    label: 'HARP Enhanced Care Plus member: referrals not required',
    triggers: [
      'getMember: productType harp_enhanced_care_plus, referralRequired false',
      'createReferral: not required',
    ],
    spec: (anchor) =>
      base(
        'harp',
        {
          firstName: 'Janelle',
          lastName: 'Whitfield',
          middleInitial: 'M',
          gender: 'female',
          dateOfBirth: '1985-11-02',
        },
        {
          productType: 'harp_enhanced_care_plus',
          planName: 'ENHANCED CARE PLUS (HARP)',
          coverageStartDate: monthsBefore(anchor, 26),
        },
        { pcp: { npi: PROVIDER_NPIS.adamski, taxId: TAX_ID_A } },
      ),
  },
  {
    key: 'childHealthPlus',
    label: 'Child Health Plus member (a child): referrals not required',
    triggers: [
      'getMember: productType child_health_plus, referralRequired false',
      'createReferral: not required',
    ],
    spec: (anchor) =>
      base(
        'childHealthPlus',
        { firstName: 'Kwame', lastName: 'Osei', gender: 'male', dateOfBirth: '2016-04-12' },
        {
          productType: 'child_health_plus',
          planName: 'CHILD HEALTH PLUS',
          coverageStartDate: monthsBefore(anchor, 40),
        },
        { pcp: { npi: PROVIDER_NPIS.chen, taxId: TAX_ID_A } },
      ),
  },
  {
    key: 'essentialPlan',
    label: 'Essential Plan member: referrals not required',
    triggers: [
      'getMember: productType essential_plan, referralRequired false',
      'createReferral: not required',
    ],
    spec: (anchor) =>
      base(
        'essentialPlan',
        {
          firstName: 'Lucia',
          lastName: 'Duarte',
          middleInitial: 'P',
          gender: 'female',
          dateOfBirth: '1979-01-30',
        },
        {
          productType: 'essential_plan',
          planName: 'ESSENTIAL PLAN 1',
          coverageStartDate: monthsBefore(anchor, 14),
        },
        { pcp: { npi: PROVIDER_NPIS.lopez, taxId: TAX_ID_A } },
      ),
  },
  {
    key: 'delegated',
    label: 'Delegated member: care management delegated to Riverside Care Management Organization',
    triggers: [
      'getMember: delegated { entityName, phone }',
      'createAdmissionNotification: answers with the delegated entity and how to reach it (DELEGATED_MEMBER)',
    ],
    spec: (anchor) =>
      base(
        'delegated',
        { firstName: 'Harold', lastName: 'Feld', gender: 'male', dateOfBirth: '1948-07-19' },
        {
          productType: 'commercial_hmo',
          planName: 'PRIME HMO 2000',
          coverageStartDate: monthsBefore(anchor, 50),
        },
        { pcp: { npi: PROVIDER_NPIS.brennan, taxId: TAX_ID_A }, delegated: RIVERSIDE },
      ),
  },
  {
    key: 'carePlanSensitiveParts',
    label: 'Care plan with sensitive parts: those parts are withheld',
    triggers: ['getCarePlan / downloadCarePlan: 200 with sensitivePartsWithheld true (CARE_PLAN_SENSITIVE)'],
    spec: (anchor) =>
      base(
        'carePlanSensitiveParts',
        { firstName: 'Ingrid', lastName: 'Lindqvist', gender: 'female', dateOfBirth: '1972-05-08' },
        {
          productType: 'commercial_ppo',
          planName: 'CHOICE GOLD PPO',
          coverageStartDate: monthsBefore(anchor, 70),
        },
        { carePlan: { kind: 'sensitive_parts' } },
      ),
  },
  {
    key: 'carePlanWhollySensitive',
    label: 'Wholly sensitive care plan: not shown in the portal',
    triggers: ['getCarePlan / downloadCarePlan: 404 CARE_PLAN_SENSITIVE with careTeamPhone 800-447-0768'],
    spec: (anchor) =>
      base(
        'carePlanWhollySensitive',
        { firstName: 'Marc', lastName: 'Baptiste', gender: 'male', dateOfBirth: '1981-09-17' },
        {
          productType: 'medicaid_enhanced_care',
          planName: 'ENHANCED CARE (MEDICAID MANAGED CARE)',
          coverageStartDate: monthsBefore(anchor, 22),
        },
        { pcp: { npi: PROVIDER_NPIS.okafor, taxId: TAX_ID_A }, carePlan: { kind: 'wholly_sensitive' } },
      ),
  },
  {
    key: 'carePlanCompleted10DaysAgo',
    label: 'Care plan completed 10 days before the anchor: available for 20 more days',
    triggers: [
      'getCarePlan: 200 with status completed, completedOn anchor − 10, availableUntil anchor + 20',
      'after advancing the clock 21 days: 410 CARE_PLAN_EXPIRED',
    ],
    spec: (anchor) =>
      base(
        'carePlanCompleted10DaysAgo',
        { firstName: 'Samira', lastName: 'Haddad', gender: 'female', dateOfBirth: '1963-12-01' },
        {
          productType: 'commercial_pos',
          planName: 'PASSAGE SILVER POS PCP',
          coverageStartDate: monthsBefore(anchor, 33),
        },
        {
          pcp: { npi: PROVIDER_NPIS.adamski, taxId: TAX_ID_A },
          carePlan: { kind: 'completed', completedDaysAgo: 10 },
        },
      ),
  },
  {
    key: 'carePlanCompleted45DaysAgo',
    label: 'Care plan completed 45 days before the anchor: no longer available',
    triggers: ['getCarePlan / downloadCarePlan: 410 CARE_PLAN_EXPIRED'],
    spec: (anchor) =>
      base(
        'carePlanCompleted45DaysAgo',
        {
          firstName: 'Daniel',
          lastName: 'Kim',
          middleInitial: 'J',
          gender: 'male',
          dateOfBirth: '1958-02-25',
        },
        {
          productType: 'medicare_advantage',
          planName: 'VIP ESSENTIAL (HMO)',
          coverageStartDate: monthsBefore(anchor, 60),
        },
        {
          pcp: { npi: PROVIDER_NPIS.brennan, taxId: TAX_ID_A },
          carePlan: { kind: 'completed', completedDaysAgo: 45 },
        },
      ),
  },
  {
    key: 'noCarePlan',
    label: 'Member without a care plan',
    triggers: ['getCarePlan / downloadCarePlan: 404 NOT_FOUND with careTeamPhone 800-390-3522'],
    spec: (anchor) =>
      base(
        'noCarePlan',
        { firstName: 'Petra', lastName: 'Novak', gender: 'female', dateOfBirth: '1995-10-10' },
        {
          productType: 'commercial_pos',
          planName: 'PASSAGE BRONZE POS',
          coverageStartDate: monthsBefore(anchor, 9),
        },
        { pcp: { npi: PROVIDER_NPIS.okafor, taxId: TAX_ID_A } },
      ),
  },
  {
    key: 'temporaryIdCard',
    label: 'New member with a temporary ID card',
    triggers: ['getMemberIdCard: temporary true; downloadMemberIdCardImage shows TEMPORARY ID CARD'],
    spec: (anchor) =>
      base(
        'temporaryIdCard',
        { firstName: 'Tobenna', lastName: 'Achebe', gender: 'male', dateOfBirth: '2001-08-08' },
        {
          productType: 'essential_plan',
          planName: 'ESSENTIAL PLAN 2',
          coverageStartDate: firstOfMonth(anchor),
        },
        { idCardTemporary: true, pcp: { npi: PROVIDER_NPIS.lopez, taxId: TAX_ID_A } },
      ),
  },
  {
    key: 'claimsWithRemittance',
    label: 'Member with claims that have a remittance (paid by check and EFT, denied)',
    triggers: [
      'searchClaims memberId=K5500648814 (last 90 days): 9999REMIT001 paid, 9999REMIT003 denied, 9999REMIT004 paid by EFT',
      'getClaim 9999REMIT001: remittance with check 0090000001; downloadExplanationOfPayment: a PDF',
      'downloadCheckImage 0090000001: a PNG; 0090000002 (issued over two years ago): 410 CHECK_IMAGE_UNAVAILABLE',
    ],
    spec: (anchor) =>
      base(
        'claimsWithRemittance',
        {
          firstName: 'Rosa',
          lastName: 'Castellano',
          middleInitial: 'M',
          gender: 'female',
          dateOfBirth: '1966-04-04',
        },
        {
          productType: 'commercial_pos',
          planName: 'PASSAGE GOLD POS PCP',
          coverageStartDate: monthsBefore(anchor, 40),
        },
        { pcp: { npi: PROVIDER_NPIS.adamski, taxId: TAX_ID_A } },
      ),
  },
  {
    key: 'claimsWithoutRemittance',
    label: 'Member with claims that have no remittance yet',
    triggers: [
      'getClaim 9999NOREM001: remittance null, remittanceMessage "No records found"',
      'downloadExplanationOfPayment 9999NOREM001: 404',
    ],
    spec: (anchor) =>
      base(
        'claimsWithoutRemittance',
        { firstName: 'Min', lastName: 'Park', gender: 'male', dateOfBirth: '1989-12-12' },
        {
          productType: 'commercial_hmo',
          planName: 'SOLO GOLD HMO',
          coverageStartDate: monthsBefore(anchor, 16),
        },
        { pcp: { npi: PROVIDER_NPIS.lopez, taxId: TAX_ID_A } },
      ),
  },
  {
    key: 'taxIdBOnly',
    label: 'Member of Tax ID B only (Seymour Street Pediatrics)',
    triggers: [
      'getMember as a Tax ID A user (admin.a): 404; as admin.b or multi.tin: 200',
      'getClaim 9999TINB0001 as a Tax ID A user: 404',
    ],
    spec: (anchor) =>
      base(
        'taxIdBOnly',
        { firstName: 'Beatriz', lastName: 'Ferreira', gender: 'female', dateOfBirth: '2012-07-07' },
        {
          productType: 'child_health_plus',
          planName: 'CHILD HEALTH PLUS',
          coverageStartDate: monthsBefore(anchor, 20),
        },
        { visibleToTaxIds: [TAX_ID_B], pcp: { npi: PROVIDER_NPIS.rivera, taxId: TAX_ID_B } },
      ),
  },
  {
    key: 'medicareAdvantage',
    label: 'Medicare Advantage member with an active care plan',
    triggers: ['getMember: productType medicare_advantage, lineOfBusiness medicare', 'getCarePlan: active'],
    spec: (anchor) =>
      base(
        'medicareAdvantage',
        {
          firstName: 'Margaret',
          lastName: 'Sullivan',
          middleInitial: 'A',
          gender: 'female',
          dateOfBirth: '1944-11-11',
        },
        {
          productType: 'medicare_advantage',
          planName: 'VIP GOLD PLUS (HMO)',
          coverageStartDate: monthsBefore(anchor, 80),
        },
        { pcp: { npi: PROVIDER_NPIS.brennan, taxId: TAX_ID_A }, carePlan: { kind: 'active' } },
      ),
  },
  {
    key: 'futureCoverage',
    label: 'Member whose coverage starts the first of next month',
    triggers: ['getMember / searchMembers: status future'],
    spec: (anchor) =>
      base(
        'futureCoverage',
        { firstName: 'Julien', lastName: 'Moreau', gender: 'male', dateOfBirth: '1993-03-03' },
        {
          productType: 'commercial_ppo',
          planName: 'CHOICE PLATINUM PPO',
          coverageStartDate: firstOfMonth(addMonthsClamped(anchor, 1)),
        },
        { idCardTemporary: true },
      ),
  },
];

const BY_ID = new Map<string, ScenarioDefinition>(
  DEFINITIONS.map((definition) => [SCENARIO_MEMBERS[definition.key], definition]),
);

/**
 * The spec of a scenario member for an anchor date, or undefined when the ID is not a scenario's.
 *
 * @example
 * scenarioMemberSpec('K5500648801', '2026-11-23')?.lastName; // 'Ayod'
 */
export function scenarioMemberSpec(memberId: string, anchorDate: string): MemberSpec | undefined {
  return BY_ID.get(memberId)?.spec(anchorDate);
}

/** Every scenario member ID, in documented order. */
export const SCENARIO_MEMBER_IDS: readonly string[] = DEFINITIONS.map(
  (definition) => SCENARIO_MEMBERS[definition.key],
);

/** A scenario member's entry of the scenario catalog (`GET /__admin/scenarios`). */
export interface ScenarioEntry {
  kind: 'member';
  id: string;
  label: string;
  triggers: string[];
}

/** Any other entry the read domains contribute to the catalog: a claim, a check, a provider, a `Prefer` value. */
export interface CatalogEntry {
  kind: 'claim' | 'provider' | 'prefer' | 'clock';
  value: string;
  operations?: (keyof operations)[];
  effect: string;
}

const MEMBER_ENTRIES: readonly ScenarioEntry[] = DEFINITIONS.map((definition) => ({
  kind: 'member',
  id: SCENARIO_MEMBERS[definition.key],
  label: definition.label,
  triggers: definition.triggers,
}));

const OTHER_ENTRIES: readonly CatalogEntry[] = [
  {
    kind: 'claim',
    value: SCENARIO_CLAIMS.paidByCheck,
    operations: ['getClaim', 'downloadExplanationOfPayment'],
    effect: `Paid claim of ${SCENARIO_MEMBERS.claimsWithRemittance} with its remittance (check ${SCENARIO_CHECKS.recent}) and an EOP PDF.`,
  },
  {
    kind: 'claim',
    value: SCENARIO_CLAIMS.denied,
    operations: ['getClaim'],
    effect: `Denied claim (CO-50) on the remittance of check ${SCENARIO_CHECKS.recent}, paid amount 0.`,
  },
  {
    kind: 'claim',
    value: SCENARIO_CLAIMS.withoutRemittance,
    operations: ['getClaim', 'downloadExplanationOfPayment'],
    effect: 'Claim in process: remittance null with remittanceMessage "No records found"; no EOP (404).',
  },
  {
    kind: 'claim',
    value: SCENARIO_CLAIMS.taxIdB,
    operations: ['getClaim'],
    effect: 'A claim of Tax ID B: 404 for Tax ID A users, 200 for admin.b and multi.tin.',
  },
  {
    kind: 'claim',
    value: SCENARIO_CHECKS.recent,
    operations: ['downloadCheckImage'],
    effect: 'A recent paper check to Tax ID A: its image as PNG (or PDF with Accept: application/pdf).',
  },
  {
    kind: 'claim',
    value: SCENARIO_CHECKS.overTwoYearsOld,
    operations: ['downloadCheckImage'],
    effect: 'A check issued more than two years ago: 410 CHECK_IMAGE_UNAVAILABLE.',
  },
  {
    kind: 'claim',
    value: SCENARIO_CHECKS.eft,
    operations: ['downloadCheckImage'],
    effect: 'An EFT payment: no check image (404).',
  },
  {
    kind: 'provider',
    value: PROVIDER_NPIS.adamski,
    operations: [
      'searchProviders',
      'getProvider',
      'checkProviderNetworkStatus',
      'createPcpMemberPanelReport',
    ],
    effect:
      'Adamski, John: family medicine PCP under Tax ID A (80 Seymour St, Hartford; 175 Scott Swamp Rd, Farmington) and Tax ID B (52 Seymour St, Middletown); in every network.',
  },
  {
    kind: 'provider',
    value: PROVIDER_NPIS.brennan,
    operations: ['checkProviderNetworkStatus'],
    effect:
      'Brennan, Patrick (Tax ID A): not in the Medicaid, HARP, Child Health Plus and Essential Plan networks, so "not in network" for their members.',
  },
  {
    kind: 'provider',
    value: PROVIDER_NPIS.patel,
    operations: ['checkProviderNetworkStatus', 'createReferral'],
    effect:
      'Patel, Raj: orthopaedic surgeon of another Tax ID (061555123, 2 Church St S, New Haven 06519); 403 NETWORK_STATUS_FORBIDDEN for Tax ID A and B users.',
  },
  {
    kind: 'prefer',
    value: 'outcome=ready',
    operations: ['exportClaims', 'createPcpMemberPanelReport'],
    effect:
      'The document is ready at once (still answered 202, Retry-After: 0) instead of after 2 minutes of mock time.',
  },
  {
    kind: 'prefer',
    value: 'outcome=failed',
    operations: ['exportClaims', 'createPcpMemberPanelReport'],
    effect:
      'The document fails after its preparation: getDocument shows status failed, downloadDocument answers 409 DOCUMENT_NOT_READY.',
  },
  {
    kind: 'prefer',
    value: 'outcome=completed',
    operations: ['requestProviderProfileUpdate'],
    effect:
      'The profile update request is completed when the plan decides it (the default): received, in_review after 1 hour, completed after 2 days of mock time.',
  },
  {
    kind: 'prefer',
    value: 'outcome=rejected',
    operations: ['requestProviderProfileUpdate'],
    effect:
      'The profile update request is rejected when the plan decides it, 2 days of mock time after submission, with a rejectionReason.',
  },
  {
    kind: 'clock',
    value: 'POST /__admin/clock/advance {"hours": 1}',
    operations: ['getProviderProfileUpdateRequest', 'listProviderProfileUpdateRequests'],
    effect:
      'A profile update request is in_review 1 hour after submission and completed or rejected 2 days after, on the MOCK clock.',
  },
  {
    kind: 'clock',
    value: 'POST /__admin/clock/advance {"minutes": 2}',
    operations: ['getDocument', 'downloadDocument'],
    effect:
      'Exports and reports are prepared in 2 minutes of MOCK time (real time and Prefer: latency never make them ready).',
  },
];

/**
 * The read domains' entries of the scenario catalog: what each documented member ID triggers, then
 * the documented claims, checks and providers and the `Prefer` values of exports and reports.
 *
 * @example
 * scenarioEntries.find((e) => e.kind === 'member' && e.id === 'K5500648809'); // … 404 CARE_PLAN_SENSITIVE …
 */
export const scenarioEntries: readonly (ScenarioEntry | CatalogEntry)[] = [
  ...MEMBER_ENTRIES,
  ...OTHER_ENTRIES,
];
