/**
 * Modification requests of emergent inpatient admission notifications. Seed 003: "we introduced a
 * new feature to let users request a modification to an existing preauthorization request or
 * emergent inpatient admission notification."
 */
import * as z from 'zod/mini';
import type { IsoDate } from './dates.ts';
import { compareDates, parseIsoDate } from './dates.ts';
import type { ProviderDirectory, RuleValidationResult, ValidationViolation } from './zod-issues.ts';
import {
  asRecord,
  checkProviderIdentity,
  DiagnosesSchema,
  IsoDateSchema,
  ProviderReferenceSchema,
  parseWithViolations,
  toValidationResult,
  trimmedText,
} from './zod-issues.ts';

/**
 * The body of `requestAdmissionNotificationModification`: a reason and at least one change.
 *
 * @example
 * AdmissionNotificationModificationSchema.safeParse({ reason: 'Discharged', dischargeDate: '2026-11-25' });
 */
export const AdmissionNotificationModificationSchema = z.strictObject({
  reason: trimmedText(1000),
  admissionDate: z.optional(IsoDateSchema),
  dischargeDate: z.optional(IsoDateSchema),
  attendingProvider: z.optional(ProviderReferenceSchema),
  diagnoses: z.optional(DiagnosesSchema),
});

/**
 * A parsed modification of an admission notification.
 *
 * @example
 * const change: AdmissionNotificationModification = { reason: 'Discharged', dischargeDate: '2026-11-25' };
 */
export type AdmissionNotificationModification = z.output<typeof AdmissionNotificationModificationSchema>;

/**
 * What a modification is checked against: the notification's admission date (when known) and the
 * provider directory (address + Tax ID + NPI, `PROVIDER_IDENTITY_MISMATCH`).
 *
 * @example
 * const ctx: AdmissionModificationContext = { admissionDate: '2026-11-20' };
 */
export interface AdmissionModificationContext {
  admissionDate?: IsoDate;
  providerDirectory?: ProviderDirectory;
}

const CHANGES = ['admissionDate', 'dischargeDate', 'attendingProvider', 'diagnoses'] as const;

/**
 * Validates a modification request, every violation at once: the shape (`VALIDATION_FAILED`,
 * `INVALID_NPI`, `INVALID_TAX_ID`, `INVALID_ICD10_CODE`), at least one change, a discharge date not
 * before the admission date (`SERVICE_DATES_REVERSED`) and `PROVIDER_IDENTITY_MISMATCH` for the
 * attending provider (with a directory). Never throws on any input.
 *
 * @example
 * validateAdmissionNotificationModification({ reason: 'Discharged', dischargeDate: '2026-11-18' }, {
 *   admissionDate: '2026-11-20',
 * }).violations[0]?.code; // 'SERVICE_DATES_REVERSED'
 */
export function validateAdmissionNotificationModification(
  input: unknown,
  ctx: AdmissionModificationContext = {},
): RuleValidationResult<AdmissionNotificationModification> {
  const parsed = parseWithViolations(AdmissionNotificationModificationSchema, input);
  const violations: ValidationViolation[] = [...parsed.violations];
  const root = asRecord(input);
  if (root !== undefined) {
    if (CHANGES.every((key) => root[key] === undefined)) {
      violations.push({
        code: 'VALIDATION_FAILED',
        path: '$',
        message:
          'A modification request changes something: give an admission date, a discharge date, an attending ' +
          'provider or the diagnoses.',
      });
    }
    const admission = parseIsoDate(root.admissionDate) ?? ctx.admissionDate;
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
        ctx.providerDirectory,
        'attending provider',
      ),
    );
  }
  return toValidationResult(parsed.data, violations);
}
