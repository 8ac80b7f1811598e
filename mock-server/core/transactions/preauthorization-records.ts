/**
 * A stored preauthorization request and the views the contract answers with (receipt, search row,
 * details). The request is decided on the sandbox's MOCK clock: a `pended` request turns into its
 * planned decision at `decisionDueBy` (CMS-0057-F: 72 hours expedited, 7 calendar days standard), so
 * whoever reads it after that instant sees the decision, on search and details alike.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { isoTimestamp } from '../clock.ts';
import type { IndexSpec } from '../record-index.ts';
import type { Attachment, CodedDiagnosis, ProviderReference, Questionnaire } from './schemas.ts';

type Schemas = components['schemas'];
export type PreauthorizationStatus = Schemas['PreauthorizationStatus'];
export type PreauthorizationDecision = Schemas['PreauthorizationDecision'];
export type PreauthorizationDenialReason = Schemas['PreauthorizationDenialReason'];
export type PreauthorizationServiceLine = Schemas['PreauthorizationServiceLine'];
export type PreauthorizationModification = Schemas['PreauthorizationModification'];

/** The decision a pended request turns into at its due time. */
export interface PlannedDecision {
  status: 'approved' | 'denied';
  denialReason?: PreauthorizationDenialReason;
}

/** A preauthorization request as the mock portal keeps it. */
/** Preauthorization requests by Tax ID and member, in the order they were submitted. */
export const PREAUTHORIZATION_INDEX: IndexSpec<PreauthorizationRecord> = {
  name: 'preauthorizations',
  groupsOf: (record) => record.taxIds,
  memberOf: (record) => record.memberId,
  timeOf: (record) => record.submittedAt,
  idOf: (record) => record.referenceId,
};

export interface PreauthorizationRecord {
  /** The plan the member belongs to (data/health-plans.ts), kept from when the record was made. */
  healthPlan: Schemas['HealthPlan'];
  referenceId: string;
  /** The Tax IDs whose users see the request: the requesting and the servicing provider's. */
  taxIds: string[];
  createdBy: string;
  memberId: string;
  memberName: string;
  status: PreauthorizationStatus;
  urgency: Schemas['PreauthorizationUrgency'];
  serviceType: Schemas['PreauthorizationServiceType'];
  requestDate: string;
  submittedAt: number;
  decisionDueBy: number;
  requestingProvider: ProviderReference;
  servicingProvider: ProviderReference;
  diagnoses: CodedDiagnosis[];
  serviceStartDate: string;
  serviceEndDate: string;
  serviceLines: PreauthorizationServiceLine[];
  notes?: string;
  decision?: PreauthorizationDecision;
  /** The open questionnaire, while `more_information_needed`. */
  questionnaire?: Questionnaire;
  /** What the request becomes when it is decided on the clock. */
  planned: PlannedDecision;
  /** Until then, details answer 409 PREAUTH_DETAILS_PENDING (only with the `details=pending` scenario). */
  detailsAvailableAt?: number;
  attachments: Attachment[];
  modifications: PreauthorizationModification[];
}

/**
 * The `insufficient_information` denial of a request whose questionnaire was not answered by the due
 * time.
 */
export const INSUFFICIENT_INFORMATION: PreauthorizationDenialReason = {
  code: 'insufficient_information',
  description:
    'The additional clinical information requested was not received by the decision due date; submit a new ' +
    'request with the clinical documentation.',
};

/**
 * Records a decision on the request: its status, the decision, and the approved units of each line
 * (all requested units when approved, none when denied).
 *
 * @example
 * decide(record, { status: 'approved' }, clock.now().getTime());
 */
export function decide(record: PreauthorizationRecord, planned: PlannedDecision, decidedAt: number): void {
  record.status = planned.status;
  record.decision = {
    status: planned.status,
    decidedAt: isoTimestamp(decidedAt),
    ...(planned.denialReason === undefined ? {} : { denialReason: planned.denialReason }),
  };
  delete record.questionnaire;
  for (const line of record.serviceLines) line.approvedUnits = planned.status === 'approved' ? line.units : 0;
}

/**
 * Brings a request up to date with the clock: at `decisionDueBy`, a `pended` request is decided as
 * planned, and a `more_information_needed` one whose questions were not answered is denied
 * (`insufficient_information`). Before that instant nothing changes (71:59 after an expedited
 * submission it is still pended). Returns the record for chaining.
 *
 * @example
 * settle(record, ctx.sandbox.clock.now().getTime()).status; // 'approved' once 72 h have passed
 */
export function settle(record: PreauthorizationRecord, now: number): PreauthorizationRecord {
  if (now < record.decisionDueBy) return record;
  if (record.status === 'pended') decide(record, record.planned, record.decisionDueBy);
  else if (record.status === 'more_information_needed') {
    decide(record, { status: 'denied', denialReason: INSUFFICIENT_INFORMATION }, record.decisionDueBy);
  }
  return record;
}

/**
 * Whether the request's details can be opened at `now`.
 *
 * @example
 * detailsAvailable(record, now); // false within 4 hours of a `details=pending` submission
 */
export function detailsAvailable(record: PreauthorizationRecord, now: number): boolean {
  return record.detailsAvailableAt === undefined || now >= record.detailsAvailableAt;
}

/**
 * The receipt of a request (`PreauthorizationReceipt`): after create and after answering its
 * questionnaire.
 *
 * @example
 * const body: components['schemas']['PreauthorizationReceipt'] = toReceipt(record);
 */
export function toReceipt(record: PreauthorizationRecord): Schemas['PreauthorizationReceipt'] {
  // A copy: an Idempotency-Key replay answers this receipt again, whatever happened to the record since.
  return structuredClone({
    referenceId: record.referenceId,
    status: record.status,
    urgency: record.urgency,
    submittedAt: isoTimestamp(record.submittedAt),
    decisionDueBy: isoTimestamp(record.decisionDueBy),
    ...(record.decision === undefined ? {} : { decision: record.decision }),
    ...(record.questionnaire === undefined ? {} : { questionnaire: record.questionnaire }),
    ...(record.detailsAvailableAt === undefined
      ? {}
      : { detailsAvailableAfter: isoTimestamp(record.detailsAvailableAt) }),
  });
}

/**
 * One search row of a request (`PreauthorizationSummary`).
 *
 * @example
 * toSummary(record, now).detailsAvailable; // true
 */
export function toSummary(record: PreauthorizationRecord, now: number): Schemas['PreauthorizationSummary'] {
  return {
    healthPlan: record.healthPlan,
    referenceId: record.referenceId,
    memberId: record.memberId,
    memberName: record.memberName,
    status: record.status,
    urgency: record.urgency,
    serviceType: record.serviceType,
    requestDate: record.requestDate,
    submittedAt: isoTimestamp(record.submittedAt),
    serviceStartDate: record.serviceStartDate,
    serviceEndDate: record.serviceEndDate,
    servicingProviderName: record.servicingProvider.name,
    decisionDueBy: isoTimestamp(record.decisionDueBy),
    detailsAvailable: detailsAvailable(record, now),
  };
}

/**
 * The details of a request (`Preauthorization`).
 *
 * @example
 * const body: components['schemas']['Preauthorization'] = toDetails(record);
 */
export function toDetails(record: PreauthorizationRecord): Schemas['Preauthorization'] {
  return structuredClone({
    healthPlan: record.healthPlan,
    referenceId: record.referenceId,
    memberId: record.memberId,
    memberName: record.memberName,
    status: record.status,
    urgency: record.urgency,
    serviceType: record.serviceType,
    requestDate: record.requestDate,
    submittedAt: isoTimestamp(record.submittedAt),
    decisionDueBy: isoTimestamp(record.decisionDueBy),
    requestingProvider: record.requestingProvider,
    servicingProvider: record.servicingProvider,
    diagnoses: record.diagnoses,
    serviceStartDate: record.serviceStartDate,
    serviceEndDate: record.serviceEndDate,
    serviceLines: record.serviceLines,
    ...(record.notes === undefined ? {} : { notes: record.notes }),
    ...(record.decision === undefined ? {} : { decision: record.decision }),
    ...(record.questionnaire === undefined ? {} : { questionnaire: record.questionnaire }),
    attachments: record.attachments,
    modifications: record.modifications,
  });
}
