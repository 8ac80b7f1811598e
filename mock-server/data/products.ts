/**
 * The plans and products members are enrolled in: commercial (HMO, POS, PPO), Medicare Advantage,
 * Medicaid Enhanced Care, HARP Enhanced Care Plus, Child Health Plus and the Essential Plan, with
 * the line of business, underwriting company, network and care team each implies.
 */
import type { components } from '../../sdk/generated/portal.ts';

type ProductType = components['schemas']['ProductType'];
type LineOfBusiness = components['schemas']['MemberLineOfBusiness'];

/** The care/case management teams of the seeds (Provider Portal FAQ, "Care/Case Management Teams"). */
export const CARE_TEAM_PHONES = {
  emblemHealth: '800-447-0768',
  connectiCare: '800-390-3522',
} as const;

/** What a product implies for a member. */
export interface Product {
  productType: ProductType;
  lineOfBusiness: LineOfBusiness;
  /** Plan names of the product; a member gets one of them. */
  planNames: readonly string[];
  underwritingCompany: string;
  /** The provider network of the product (network status checks compare it with the provider's). */
  networkName: string;
  careTeamPhone: string;
  /** Government programs recertify eligibility every year. */
  recertifies: boolean;
  /** Whether members of the product usually choose a PCP. */
  pcpLikely: boolean;
}

/**
 * Every product of the contract's `ProductType`.
 *
 * @example
 * PRODUCTS.commercial_pos.networkName; // 'PASSAGE'
 */
export const PRODUCTS: Readonly<Record<ProductType, Product>> = {
  commercial_hmo: {
    productType: 'commercial_hmo',
    lineOfBusiness: 'commercial',
    planNames: ['SOLO SILVER HMO', 'SOLO GOLD HMO', 'PRIME HMO 2000'],
    underwritingCompany: 'HIP',
    networkName: 'PRIME',
    careTeamPhone: CARE_TEAM_PHONES.emblemHealth,
    recertifies: false,
    pcpLikely: true,
  },
  commercial_pos: {
    productType: 'commercial_pos',
    lineOfBusiness: 'commercial',
    planNames: ['PASSAGE GOLD POS PCP', 'PASSAGE SILVER POS PCP', 'PASSAGE BRONZE POS'],
    underwritingCompany: 'CBI',
    networkName: 'PASSAGE',
    careTeamPhone: CARE_TEAM_PHONES.connectiCare,
    recertifies: false,
    pcpLikely: true,
  },
  commercial_ppo: {
    productType: 'commercial_ppo',
    lineOfBusiness: 'commercial',
    planNames: ['CHOICE PLATINUM PPO', 'CHOICE GOLD PPO'],
    underwritingCompany: 'CCI',
    networkName: 'CHOICE',
    careTeamPhone: CARE_TEAM_PHONES.connectiCare,
    recertifies: false,
    pcpLikely: false,
  },
  medicare_advantage: {
    productType: 'medicare_advantage',
    lineOfBusiness: 'medicare',
    planNames: ['VIP ESSENTIAL (HMO)', 'VIP GOLD PLUS (HMO)', 'CHOICE MEDICARE (PPO)'],
    underwritingCompany: 'GHI',
    networkName: 'VIP',
    careTeamPhone: CARE_TEAM_PHONES.emblemHealth,
    recertifies: false,
    pcpLikely: true,
  },
  medicaid_enhanced_care: {
    productType: 'medicaid_enhanced_care',
    lineOfBusiness: 'medicaid',
    planNames: ['ENHANCED CARE (MEDICAID MANAGED CARE)'],
    underwritingCompany: 'HIP',
    networkName: 'ENHANCED CARE',
    careTeamPhone: CARE_TEAM_PHONES.emblemHealth,
    recertifies: true,
    pcpLikely: true,
  },
  harp_enhanced_care_plus: {
    productType: 'harp_enhanced_care_plus',
    lineOfBusiness: 'harp',
    planNames: ['ENHANCED CARE PLUS (HARP)'],
    underwritingCompany: 'HIP',
    networkName: 'ENHANCED CARE',
    careTeamPhone: CARE_TEAM_PHONES.emblemHealth,
    recertifies: true,
    pcpLikely: true,
  },
  child_health_plus: {
    productType: 'child_health_plus',
    lineOfBusiness: 'child_health_plus',
    planNames: ['CHILD HEALTH PLUS'],
    underwritingCompany: 'HIP',
    networkName: 'ENHANCED CARE',
    careTeamPhone: CARE_TEAM_PHONES.emblemHealth,
    recertifies: true,
    pcpLikely: true,
  },
  essential_plan: {
    productType: 'essential_plan',
    lineOfBusiness: 'essential_plan',
    planNames: ['ESSENTIAL PLAN 1', 'ESSENTIAL PLAN 2', 'ESSENTIAL PLAN 3'],
    underwritingCompany: 'HIP',
    networkName: 'ESSENTIAL',
    careTeamPhone: CARE_TEAM_PHONES.emblemHealth,
    recertifies: true,
    pcpLikely: true,
  },
};

/**
 * Every network name a provider may participate in.
 *
 * @example
 * NETWORK_NAMES.includes('PASSAGE'); // true
 */
export const NETWORK_NAMES: readonly string[] = [
  ...new Set(Object.values(PRODUCTS).map((p) => p.networkName)),
];

/**
 * The entities the plan delegates some members' care management to (`DELEGATED_MEMBER`): an
 * admission notification for such a member goes to the entity, not through the portal (seed 003).
 *
 * @example
 * DELEGATED_ENTITIES[0].entityName; // 'Riverside Care Management Organization'
 */
export const DELEGATED_ENTITIES: readonly components['schemas']['MemberDelegatedEntity'][] = [
  { entityName: 'Riverside Care Management Organization', phone: '(718) 555-0190' },
  { entityName: 'Hudson Valley Independent Practice Association', phone: '(914) 555-0144' },
  { entityName: 'Long Island Care Partners', phone: '(516) 555-0172' },
];

/** Other payers a member may also be covered by (coordination of benefits). */
export const OTHER_PAYERS: readonly string[] = [
  'Aetna Life Insurance Company',
  'UnitedHealthcare Insurance Company',
  'Cigna Health and Life Insurance Company',
  'Anthem Blue Cross and Blue Shield',
  'Medicare Part B',
  'Oxford Health Plans',
];
