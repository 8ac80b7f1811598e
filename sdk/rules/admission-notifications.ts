import * as z from 'zod/mini';
import type { RuleContext } from './context.ts';
import { resolveContext } from './context.ts';
import type { IsoDate } from './dates.ts';
import { compareDates } from './dates.ts';
import { type CoverageSpan, outsideCoverage } from './service-window.ts';
import type { Violation } from './violation.ts';
import type { ProviderDirectory, RuleValidationResult, ValidationViolation } from './zod-issues.ts';
import {
  asRecord,
  checkProviderIdentity,
  DiagnosesSchema,
  dateField,
  field,
  IsoDateSchema,
  MemberIdSchema,
  ProviderReferenceSchema,
  parseWithViolations,
  toValidationResult,
} from './zod-issues.ts';

/**
 * The kinds of admission notification: an emergent inpatient admission (no preauthorization needed),
 * a maternity case or a newborn.
 *
 * @example
 * ADMISSION_TYPES.includes('newborn'); // true
 */
export const ADMISSION_TYPES = ['emergent_inpatient', 'maternity', 'newborn'] as const;

/**
 * One of {@link ADMISSION_TYPES}.
 *
 * @example
 * const admissionType: AdmissionType = 'newborn';
 */
export type AdmissionType = (typeof ADMISSION_TYPES)[number];

/**
 * The newborn of a `newborn` notification.
 *
 * @example
 * AdmissionNewbornSchema.parse({ birthDate: '2026-11-21', sex: 'female', birthWeightGrams: 3280 });
 */
export const AdmissionNewbornSchema = z.strictObject({
  birthDate: IsoDateSchema,
  sex: z.enum(['female', 'male', 'undetermined']),
  birthWeightGrams: z.int().check(z.minimum(200), z.maximum(7000)),
});

/**
 * The body of `createAdmissionNotification` (field names of docs/spec-conventions.md).
 *
 * @example
 * const parsed = AdmissionNotificationCreateSchema.safeParse(body);
 */
export const AdmissionNotificationCreateSchema = z.strictObject({
  memberId: MemberIdSchema,
  admissionType: z.enum(ADMISSION_TYPES),
  admissionDate: IsoDateSchema,
  facility: ProviderReferenceSchema,
  attendingProvider: z.optional(ProviderReferenceSchema),
  diagnoses: DiagnosesSchema,
  newborn: z.optional(AdmissionNewbornSchema),
});

/**
 * A parsed admission notification (Tax IDs normalised).
 *
 * @example
 * const result = validateAdmissionNotificationCreate(body);
 * if (result.success) { const notification: AdmissionNotificationCreate = result.data; }
 */
export type AdmissionNotificationCreate = z.output<typeof AdmissionNotificationCreateSchema>;

/**
 * The context of {@link validateAdmissionNotificationCreate}: the clock, and optionally the provider
 * directory (`PROVIDER_IDENTITY_MISMATCH`).
 *
 * @example
 * const ctx: AdmissionNotificationContext = { clock: fixedClock('2026-11-22T15:00:00Z') };
 */
export interface AdmissionNotificationContext extends RuleContext {
  providerDirectory?: ProviderDirectory;
  /** The member's coverage: the admission date lies within it (`SERVICE_OUTSIDE_COVERAGE`). */
  coverage?: CoverageSpan;
}

function admissionRules(
  input: unknown,
  ctx: AdmissionNotificationContext,
  today: IsoDate,
): ValidationViolation[] {
  const root = asRecord(input);
  if (root === undefined) return [];
  const out: ValidationViolation[] = [];
  const admissionDate = dateField(root, 'admissionDate');
  if (admissionDate !== undefined && ctx.coverage !== undefined) {
    const outside = outsideCoverage(admissionDate, '$.admissionDate', 'start', 'the admission', ctx.coverage);
    if (outside !== undefined) out.push(outside);
  }
  if (admissionDate !== undefined && compareDates(admissionDate, today) > 0) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.admissionDate',
      message:
        `The admission date ${admissionDate} is in the future (today is ${today}): an admission is notified ` +
        'once it has happened. Give the day the member was admitted.',
    });
  }
  const admissionType = field(root, 'admissionType');
  const newbornValue = field(root, 'newborn');
  if (admissionType === 'newborn' && newbornValue === undefined) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.newborn',
      message:
        'A newborn notification needs the newborn: give newborn.birthDate, newborn.sex and newborn.birthWeightGrams.',
    });
  }
  if (typeof admissionType === 'string' && admissionType !== 'newborn' && newbornValue !== undefined) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.newborn',
      message: `The newborn block goes only with admissionType newborn, not ${admissionType}: remove it or change the type.`,
    });
  }
  const birthDate = dateField(asRecord(newbornValue), 'birthDate');
  if (birthDate !== undefined && compareDates(birthDate, today) > 0) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.newborn.birthDate',
      message: `The birth date ${birthDate} is in the future (today is ${today}): give the day the baby was born.`,
    });
  } else if (
    birthDate !== undefined &&
    admissionDate !== undefined &&
    compareDates(birthDate, admissionDate) > 0
  ) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.newborn.birthDate',
      message: `The birth date ${birthDate} is after the admission date ${admissionDate}: a newborn is admitted on or after the day of birth.`,
    });
  }
  out.push(
    ...checkProviderIdentity(field(root, 'facility'), '$.facility', ctx.providerDirectory, 'facility'),
    ...checkProviderIdentity(
      field(root, 'attendingProvider'),
      '$.attendingProvider',
      ctx.providerDirectory,
      'attending provider',
    ),
  );
  return out;
}

/**
 * Validates an admission notification, every violation at once: the shape (`VALIDATION_FAILED`,
 * `INVALID_NPI`, `INVALID_TAX_ID`, `INVALID_ICD10_CODE`), the admission date not in the future, the
 * `newborn` block given exactly when `admissionType` is `newborn`, and `PROVIDER_IDENTITY_MISMATCH`
 * for the facility and attending provider (with a directory). Never throws on any input.
 *
 * @example
 * validateAdmissionNotificationCreate(body, { clock: fixedClock('2026-11-22T15:00:00Z') });
 */
export function validateAdmissionNotificationCreate(
  input: unknown,
  ctx: AdmissionNotificationContext = {},
): RuleValidationResult<AdmissionNotificationCreate> {
  const { today } = resolveContext(ctx);
  const parsed = parseWithViolations(AdmissionNotificationCreateSchema, input);
  return toValidationResult(parsed.data, [...parsed.violations, ...admissionRules(input, ctx, today)]);
}

/**
 * The organisation that manages a delegated member's admissions, and how to reach it.
 *
 * @example
 * const entity: DelegatedEntity = { name: 'Hudson IPA UM', phone: '(914) 555-0100', instructions: 'Call within 24 hours.' };
 */
export interface DelegatedEntity {
  name: string;
  phone: string;
  fax?: string;
  website?: string;
  instructions: string;
}

/**
 * The answer to a notification for a delegated member (nothing is stored).
 *
 * @example
 * const answer: DelegatedOutcome = delegatedOutcome(entity);
 */
export interface DelegatedOutcome {
  outcome: 'delegated';
  code: 'DELEGATED_MEMBER';
  delegatedEntity: DelegatedEntity;
  message: string;
}

/**
 * The `DELEGATED_MEMBER` outcome of a notification for a delegated member: "For EmblemHealth's
 * delegated membership, you will need to notify the delegated entity directly. … you will be able to
 * identify if the member falls under a delegated arrangement and will be provided with instructions
 * for contacting the correct organization." (seed 003)
 *
 * @example
 * delegatedOutcome({ name: 'Hudson IPA UM', phone: '(914) 555-0100', instructions: 'Call within 24 hours.' }).message;
 * // 'This member falls under a delegated arrangement: notify Hudson IPA UM directly at (914) 555-0100. Call within 24 hours.'
 */
export function delegatedOutcome(delegatedEntity: DelegatedEntity): DelegatedOutcome {
  return {
    outcome: 'delegated',
    code: 'DELEGATED_MEMBER',
    delegatedEntity,
    message:
      `This member falls under a delegated arrangement: notify ${delegatedEntity.name} directly at ` +
      `${delegatedEntity.phone}. ${delegatedEntity.instructions}`,
  };
}

/**
 * The `DELEGATED_MEMBER` outcome as a violation-shaped notice (for clients that list notices).
 *
 * @example
 * delegatedNotice(entity); // { code: 'DELEGATED_MEMBER', path: '$.memberId', message: '…' }
 */
export function delegatedNotice(delegatedEntity: DelegatedEntity): Violation {
  return { code: 'DELEGATED_MEMBER', path: '$.memberId', message: delegatedOutcome(delegatedEntity).message };
}
