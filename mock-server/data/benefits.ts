/**
 * Benefits summaries: the cost share of each service category for a product, and the amounts a member
 * has met this plan year (a function of seed, member and year).
 */
import type { components } from '../../sdk/generated/portal.ts';
import { cents, hashOf, Rng } from './hash.ts';
import type { MemberRecord } from './portal-data.ts';

type Schemas = components['schemas'];
type Category = Schemas['BenefitServiceCategory'];

interface Tier {
  deductible: number;
  outOfPocket: number;
  /** Copays by category; missing categories use the coinsurance. */
  copays: Partial<Record<Category, number>>;
  coinsurance: number;
  outOfNetworkCoinsurance: number | null;
}

const GOVERNMENT: Tier = {
  deductible: 0,
  outOfPocket: 0,
  copays: {},
  coinsurance: 0,
  outOfNetworkCoinsurance: null,
};

const TIERS: Readonly<Record<Schemas['ProductType'], Tier>> = {
  commercial_hmo: {
    deductible: 1000,
    outOfPocket: 7000,
    copays: {
      primary_care_visit: 20,
      specialist_visit: 45,
      urgent_care: 60,
      emergency_room: 350,
      telehealth_visit: 0,
    },
    coinsurance: 20,
    outOfNetworkCoinsurance: null,
  },
  commercial_pos: {
    deductible: 1500,
    outOfPocket: 6000,
    copays: {
      primary_care_visit: 25,
      specialist_visit: 50,
      urgent_care: 75,
      emergency_room: 400,
      physical_therapy: 40,
    },
    coinsurance: 20,
    outOfNetworkCoinsurance: 40,
  },
  commercial_ppo: {
    deductible: 750,
    outOfPocket: 5000,
    copays: { primary_care_visit: 30, specialist_visit: 55, urgent_care: 75, emergency_room: 300 },
    coinsurance: 10,
    outOfNetworkCoinsurance: 30,
  },
  medicare_advantage: {
    deductible: 0,
    outOfPocket: 4900,
    copays: {
      primary_care_visit: 0,
      specialist_visit: 35,
      urgent_care: 40,
      emergency_room: 100,
      ambulance: 250,
    },
    coinsurance: 20,
    outOfNetworkCoinsurance: null,
  },
  medicaid_enhanced_care: GOVERNMENT,
  harp_enhanced_care_plus: GOVERNMENT,
  child_health_plus: GOVERNMENT,
  essential_plan: { ...GOVERNMENT, copays: { specialist_visit: 0, emergency_room: 0 } },
};

const CATEGORIES: readonly { category: Category; preauthorization: boolean; notes?: string }[] = [
  { category: 'preventive_care', preauthorization: false, notes: 'Covered in full in network.' },
  { category: 'primary_care_visit', preauthorization: false },
  { category: 'specialist_visit', preauthorization: false },
  { category: 'telehealth_visit', preauthorization: false },
  { category: 'urgent_care', preauthorization: false },
  { category: 'emergency_room', preauthorization: false, notes: 'Copay waived if admitted.' },
  { category: 'inpatient_hospital', preauthorization: true },
  { category: 'outpatient_surgery', preauthorization: true },
  { category: 'laboratory', preauthorization: false },
  { category: 'advanced_imaging', preauthorization: true, notes: 'MRI, CT and PET scans.' },
  {
    category: 'physical_therapy',
    preauthorization: true,
    notes: 'Up to 30 visits a plan year, combined with occupational therapy.',
  },
  { category: 'home_health_care', preauthorization: true },
  { category: 'durable_medical_equipment', preauthorization: true },
  { category: 'behavioral_health_outpatient', preauthorization: false },
];

/**
 * The benefits summary of a member for a plan year.
 *
 * @example
 * benefitsOf(42, member, 2026).services[0]?.category; // 'preventive_care'
 */
export function benefitsOf(seed: number, member: MemberRecord, planYear: number): Schemas['BenefitsSummary'] {
  const tier = TIERS[member.details.productType];
  const rng = new Rng(hashOf(seed, 'benefits', member.details.memberId, planYear));
  const deductibleMet = cents(tier.deductible * rng.next());
  const outOfPocketMet = cents(Math.max(deductibleMet, tier.outOfPocket * rng.next() * 0.5));
  const services: Schemas['BenefitService'][] = CATEGORIES.map((entry) => {
    const copay = entry.category === 'preventive_care' ? 0 : tier.copays[entry.category];
    const inNetwork: Schemas['BenefitCostShare'] =
      copay !== undefined
        ? { copay }
        : { coinsurancePercent: entry.category === 'laboratory' ? 0 : tier.coinsurance };
    const service: Schemas['BenefitService'] = {
      category: entry.category,
      inNetwork,
      preauthorizationRequired: entry.preauthorization,
    };
    if (tier.outOfNetworkCoinsurance !== null)
      service.outOfNetwork = { coinsurancePercent: tier.outOfNetworkCoinsurance };
    if (entry.notes !== undefined) service.notes = entry.notes;
    return service;
  });
  return {
    memberId: member.details.memberId,
    planName: member.details.planName,
    planYear,
    deductible: { individual: tier.deductible, family: tier.deductible * 2, met: deductibleMet },
    outOfPocketMax: { individual: tier.outOfPocket, family: tier.outOfPocket * 2, met: outOfPocketMet },
    services,
  };
}
