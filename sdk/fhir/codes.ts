/**
 * The code mappings between the portal's JSON and PAS: service types (X12 1365), urgency (process
 * priority), review actions (X12 306) and procedure code systems. One table per mapping, read both
 * ways, so that what the builder writes the parser reads back unchanged.
 */
import type { CodeableConcept } from '@medplum/fhirtypes';
import type { components } from '../generated/portal.ts';
import { SYSTEMS } from './systems.ts';

type Schemas = components['schemas'];
export type PreauthorizationServiceType = Schemas['PreauthorizationServiceType'];
export type PreauthorizationUrgency = Schemas['PreauthorizationUrgency'];
export type PreauthorizationStatus = Schemas['PreauthorizationStatus'];

/**
 * The X12 1365 Service Type Code (UM03, `Claim.item.category` in PAS: "Since PAS requests only have
 * item-level information, a category is required for conformance with the X12 278 request") of each
 * of the portal's service types, with its X12 name. The portal's own code travels beside it, so the
 * mapping back is exact even where X12 is coarser.
 */
export const SERVICE_TYPE_X12: Readonly<
  Record<PreauthorizationServiceType, { code: string; display: string }>
> = {
  outpatient_procedure: { code: '2', display: 'Surgical' },
  inpatient_admission: { code: '48', display: 'Hospital - Inpatient' },
  home_health_care: { code: '42', display: 'Home Health Care' },
  durable_medical_equipment: { code: 'DM', display: 'Durable Medical Equipment' },
  physical_therapy: { code: 'PT', display: 'Physical Therapy' },
  occupational_therapy: { code: 'AD', display: 'Occupational Therapy' },
  speech_therapy: { code: 'AF', display: 'Speech Therapy' },
  imaging: { code: '62', display: 'MRI/CAT Scan' },
  behavioral_health: { code: 'MH', display: 'Mental Health' },
  skilled_nursing: { code: 'AG', display: 'Skilled Nursing Care' },
  infusion_therapy: { code: '1', display: 'Medical Care' },
  transplant: { code: '70', display: 'Transplants' },
};

/**
 * The portal's service type of an X12 1365 code, or undefined when the code is not one the portal
 * offers.
 *
 * @example
 * serviceTypeOfX12('PT'); // 'physical_therapy'
 */
export function serviceTypeOfX12(code: string): PreauthorizationServiceType | undefined {
  for (const [type, x12] of Object.entries(SERVICE_TYPE_X12)) {
    if (x12.code === code) return type as PreauthorizationServiceType;
  }
  return undefined;
}

/** Whether a service type is billed on an institutional claim (admissions, skilled nursing). */
export function claimTypeOf(
  serviceType: PreauthorizationServiceType | undefined,
): 'institutional' | 'professional' {
  return serviceType === 'inpatient_admission' || serviceType === 'skilled_nursing'
    ? 'institutional'
    : 'professional';
}

/**
 * `Claim.priority` (process priority) of an urgency: an expedited request is `stat` (decided within
 * 72 hours), a standard one `normal` (7 calendar days).
 *
 * @example
 * priorityOf('expedited'); // 'stat'
 */
export function priorityOf(urgency: PreauthorizationUrgency): 'stat' | 'normal' {
  return urgency === 'expedited' ? 'stat' : 'normal';
}

/** The urgency of a process priority code (`stat` → expedited, `normal`/`deferred` → standard). */
export function urgencyOfPriority(code: string | undefined): PreauthorizationUrgency | undefined {
  if (code === 'stat') return 'expedited';
  if (code === 'normal' || code === 'deferred') return 'standard';
  return undefined;
}

/** The X12 306 review actions (HCR01) this project answers, with their X12 names. */
export const REVIEW_ACTIONS = {
  A1: 'Certified in total',
  A3: 'Not Certified',
  A4: 'Pended',
  A6: 'Modified',
} as const;

/** An X12 306 review action code. */
export type ReviewActionCode = keyof typeof REVIEW_ACTIONS;

/**
 * The review action of one service line: certified in total (A1) when every requested unit was
 * approved, modified (A6) when fewer were, not certified (A3) when denied, pended (A4) while the
 * request is pended or waits for more information (PAS: "Whether a response is considered 'pended',
 * 'denied', or 'successful' depends on the review action code returned in the response").
 *
 * @example
 * reviewActionOf('approved', { units: 10, approvedUnits: 6 }); // 'A6'
 */
export function reviewActionOf(
  status: PreauthorizationStatus,
  line: { units: number; approvedUnits?: number },
): ReviewActionCode {
  if (status === 'denied') return 'A3';
  if (status !== 'approved') return 'A4';
  return (line.approvedUnits ?? line.units) < line.units ? 'A6' : 'A1';
}

/**
 * The code system of a procedure code: CPT for five digits (or four and F, T or U), HCPCS Level II
 * for a letter and four digits.
 *
 * @example
 * procedureSystemOf('J1745'); // the HCPCS system
 */
export function procedureSystemOf(code: string): string {
  return /^[A-Z]\d{4}$/.test(code) ? SYSTEMS.hcpcs : SYSTEMS.cpt;
}

/**
 * The code system of a procedure modifier: CPT (Level I) for two digits and the anesthesia physical
 * status modifiers P1–P6, HCPCS Level II for the rest (GP, RT, KX, RR…). PAS binds `item.modifier`
 * (X12 278 Requested Service Modifier Type, required) to both systems, so each modifier goes under
 * the one that defines it.
 *
 * @example
 * modifierSystemOf('59'); // the CPT system
 * modifierSystemOf('GP'); // the HCPCS system
 */
export function modifierSystemOf(code: string): string {
  return /^(\d{2}|P[1-6])$/.test(code) ? SYSTEMS.cpt : SYSTEMS.hcpcs;
}

/**
 * A CodeableConcept of one coding.
 *
 * @example
 * concept(SYSTEMS.processPriority, 'stat'); // { coding: [{ system: '…/processpriority', code: 'stat' }] }
 */
export function concept(system: string, code: string, display?: string): CodeableConcept {
  return { coding: [{ system, code, ...(display === undefined ? {} : { display }) }] };
}
