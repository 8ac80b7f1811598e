/**
 * Modification requests of admission notifications: their check and their outcome.
 *
 * The check is composed of the rules module's schemas and rule helpers (INVALID_NPI, INVALID_TAX_ID,
 * INVALID_ICD10_CODE through its zod schemas; PROVIDER_IDENTITY_MISMATCH through
 * `checkProviderIdentity`), plus the one comparison sdk/rules has no admission-modification
 * validator for yet: a discharge date not before the admission date (SERVICE_DATES_REVERSED).
 * TODO(lead): move `validateAdmissionModification` into sdk/rules (admission-notifications.ts) so the
 * SDK checks it too.
 *
 * The outcome is mock behaviour (seed 003: "If all requested changes can be processed by our systems
 * without staff intervention, the confirmation will let you know the modifications have been made. If
 * staff intervention is needed, the request will be pended"): a discharge date and new diagnoses are
 * applied at once; a corrected admission date or another attending provider is pended for review.
 */
import { z } from 'zod';
import type { components } from '../../../sdk/generated/portal.ts';
import type { ProviderDirectory, ValidationViolation } from '../../../sdk/rules/index.ts';
import {
  checkProviderIdentity,
  compareDates,
  DiagnosesSchema,
  IsoDateSchema,
  MODIFICATION_OUTCOME_MESSAGES,
  ProviderReferenceSchema,
  parseIsoDate,
  parseWithViolations,
} from '../../../sdk/rules/index.ts';
import type { PreferOptions } from '../types.ts';
import type { AdmissionRecord } from './admission-records.ts';
import { preferChoice } from './prefer.ts';
import { codedDiagnoses, providerReference } from './shapes.ts';

type Schemas = components['schemas'];

const AdmissionModificationSchema = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
  admissionDate: IsoDateSchema.optional(),
  dischargeDate: IsoDateSchema.optional(),
  attendingProvider: ProviderReferenceSchema.optional(),
  diagnoses: DiagnosesSchema.optional(),
});

/** A parsed modification of an admission notification. */
export type AdmissionModification = z.output<typeof AdmissionModificationSchema>;

/**
 * Every violation of a modification request against the notification it changes (all at once).
 *
 * @example
 * validateAdmissionModification({ reason: 'Discharged', dischargeDate: '2026-11-20' }, record, directory);
 * // { success: false, violations: [{ code: 'SERVICE_DATES_REVERSED', path: '$.dischargeDate', … }] }
 */
export function validateAdmissionModification(
  input: unknown,
  record: Pick<AdmissionRecord, 'admissionDate'> | undefined,
  directory: ProviderDirectory,
): { success: true; data: AdmissionModification } | { success: false; violations: ValidationViolation[] } {
  const parsed = parseWithViolations(AdmissionModificationSchema, input);
  const violations: ValidationViolation[] = [...parsed.violations];
  const root = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : undefined;
  if (root !== undefined) {
    const changes = ['admissionDate', 'dischargeDate', 'attendingProvider', 'diagnoses'].filter(
      (key) => root[key] !== undefined,
    );
    if (changes.length === 0) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: '$',
        message:
          'A modification request changes something: give an admission date, a discharge date, an attending ' +
          'provider or the diagnoses.',
      });
    }
    const admission = parseIsoDate(root.admissionDate) ?? record?.admissionDate;
    const discharge = parseIsoDate(root.dischargeDate);
    if (admission !== undefined && discharge !== undefined && compareDates(discharge, admission) < 0) {
      violations.push({
        code: 'SERVICE_DATES_REVERSED',
        path: '$.dischargeDate',
        message: `The discharge date ${discharge} is before the admission date ${admission}: give a discharge date on or after ${admission}.`,
      });
    }
    violations.push(
      ...checkProviderIdentity(
        root.attendingProvider,
        '$.attendingProvider',
        directory,
        'attending provider',
      ),
    );
  }
  if (violations.length > 0 || parsed.data === undefined) return { success: false, violations };
  return { success: true, data: parsed.data };
}

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
