/**
 * Which health plan a member belongs to. EmblemHealth and ConnectiCare share the portal ("EmblemHealth
 * and ConnectiCare continue to update the provider portals", seed 003); each member belongs to one,
 * and what is about a member (claims, authorizations, referrals, admission notifications, messages)
 * belongs to that member's plan.
 *
 * The New York State programs (Medicaid "Enhanced Care", HARP "Enhanced Care Plus", Child Health Plus,
 * the Essential Plan: seed 003 names them together) are EmblemHealth's. Every other member's plan
 * follows the last digit of the member ID, so that it is the same for every seed and can be read off
 * an ID: even → EmblemHealth, odd → ConnectiCare (K5500648801: ConnectiCare).
 */
import type { components } from '../../sdk/generated/portal.ts';
import type { HealthPlan } from '../../sdk/rules/index.ts';

export { HEALTH_PLANS } from '../../sdk/rules/index.ts';

type ProductType = components['schemas']['ProductType'];

const NEW_YORK_PROGRAMS: ReadonlySet<ProductType> = new Set<ProductType>([
  'medicaid_enhanced_care',
  'harp_enhanced_care_plus',
  'child_health_plus',
  'essential_plan',
]);

/**
 * The health plan of a member.
 *
 * @example
 * healthPlanOfMember('K5500648801', 'commercial_pos'); // 'connecticare'
 * healthPlanOfMember('K5500648802', 'commercial_pos'); // 'emblemhealth'
 * healthPlanOfMember('K5500648803', 'medicaid_enhanced_care'); // 'emblemhealth'
 */
export function healthPlanOfMember(memberId: string, productType: ProductType): HealthPlan {
  if (NEW_YORK_PROGRAMS.has(productType)) return 'emblemhealth';
  const last = Number(memberId.at(-1));
  return Number.isInteger(last) && last % 2 === 1 ? 'connecticare' : 'emblemhealth';
}
