/**
 * Modification requests of admission notifications: their outcome and how they are applied. The
 * check is the rules module's `validateAdmissionNotificationModification`, shared with the SDK.
 *
 * The outcome is mock behaviour (seed 003: "If all requested changes can be processed by our systems
 * without staff intervention, the confirmation will let you know the modifications have been made. If
 * staff intervention is needed, the request will be pended"): a discharge date and new diagnoses are
 * applied at once; a corrected admission date or another attending provider is pended for review.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import type { AdmissionNotificationModification } from '../../../sdk/rules/index.ts';
import { MODIFICATION_OUTCOME_MESSAGES } from '../../../sdk/rules/index.ts';
import type { PreferOptions } from '../types.ts';
import type { AdmissionRecord } from './admission-records.ts';
import { preferChoice } from './prefer.ts';
import { codedDiagnoses, providerReference } from './shapes.ts';

type Schemas = components['schemas'];
type AdmissionModification = AdmissionNotificationModification;

/**
 * `applied` when only the discharge date and the diagnoses change, `pended` otherwise, unless
 * `Prefer: outcome=applied|pended` says.
 *
 * @example
 * admissionModificationOutcome({ reason: 'Discharged', dischargeDate: '2026-11-25' }, {}); // 'applied'
 */
export function admissionModificationOutcome(
  change: AdmissionModification,
  prefer: PreferOptions,
): Schemas['ModificationOutcome'] {
  const preferred = preferChoice(prefer, 'outcome', ['applied', 'pended'] as const);
  if (preferred !== undefined) return preferred;
  return change.admissionDate === undefined && change.attendingProvider === undefined ? 'applied' : 'pended';
}

/**
 * Makes the changes of an applied modification.
 *
 * @example
 * applyAdmissionModification(record, change);
 */
export function applyAdmissionModification(record: AdmissionRecord, change: AdmissionModification): void {
  if (change.admissionDate !== undefined) record.admissionDate = change.admissionDate;
  if (change.dischargeDate !== undefined) record.dischargeDate = change.dischargeDate;
  if (change.attendingProvider !== undefined) {
    record.attendingProvider = providerReference(change.attendingProvider);
    record.taxIds = [...new Set([...record.taxIds, change.attendingProvider.taxId])];
  }
  if (change.diagnoses !== undefined) record.diagnoses = codedDiagnoses(change.diagnoses);
}

/** The confirmation of each outcome (the rules module's wording for preauthorizations, seed 003). */
export const ADMISSION_MODIFICATION_MESSAGES = MODIFICATION_OUTCOME_MESSAGES;
