/**
 * The health plans as PAS Insurer Organizations ("An organization who provides insurance and is the
 * receiver of a prior authorization request": `active = true`, type from X12 98, here PR "Payer").
 */
import type { Organization } from '@medplum/fhirtypes';
import type { HealthPlan } from '../rules/health-plans.ts';
import { PAS_PROFILES, PORTAL_SYSTEMS, SYSTEMS } from './systems.ts';

export type { HealthPlan };

/** The names the plans go by. */
export const HEALTH_PLAN_NAMES: Readonly<Record<HealthPlan, string>> = {
  emblemhealth: 'EmblemHealth',
  connecticare: 'ConnectiCare',
};

/**
 * The PAS Insurer Organization of a health plan (its id is the plan's code).
 *
 * @example
 * insurerOfPlan('connecticare').name; // 'ConnectiCare'
 */
export function insurerOfPlan(plan: HealthPlan): Organization {
  return {
    resourceType: 'Organization',
    id: plan,
    meta: { profile: [PAS_PROFILES.insurer] },
    identifier: [{ system: PORTAL_SYSTEMS.healthPlan, value: plan }],
    active: true,
    type: [{ coding: [{ system: SYSTEMS.x12EntityIdentifier, code: 'PR', display: 'Payer' }] }],
    name: HEALTH_PLAN_NAMES[plan],
  };
}

/**
 * The health plan an insurer Organization names (by its identifier), or undefined.
 *
 * @example
 * planOfInsurer(insurerOfPlan('emblemhealth')); // 'emblemhealth'
 */
export function planOfInsurer(organization: Organization | undefined): HealthPlan | undefined {
  const value = organization?.identifier?.find(
    (identifier) => identifier?.system === PORTAL_SYSTEMS.healthPlan,
  )?.value;
  return value === 'emblemhealth' || value === 'connecticare' ? value : undefined;
}
