/**
 * An admission notification as the mock portal keeps it, and the views the contract answers with.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { isoTimestamp } from '../clock.ts';
import type { Attachment, CodedDiagnosis, ProviderReference, Questionnaire } from './schemas.ts';

type Schemas = components['schemas'];

/** An emergent inpatient admission, maternity or newborn notification. */
export interface AdmissionRecord {
  /** The plan the member belongs to (data/health-plans.ts), kept from when the record was made. */
  healthPlan: Schemas['HealthPlan'];
  trackingNumber: string;
  /** The facility's and the attending provider's Tax IDs: their users see the notification. */
  taxIds: string[];
  createdBy: string;
  memberId: string;
  memberName: string;
  admissionType: Schemas['AdmissionNotificationType'];
  admissionDate: string;
  dischargeDate?: string;
  facility: ProviderReference;
  attendingProvider?: ProviderReference;
  diagnoses: CodedDiagnosis[];
  newborn?: Schemas['AdmissionNewborn'];
  reviewStatus: Schemas['ConcurrentReviewStatus'];
  approvedThrough?: string;
  submittedAt: number;
  /** The open concurrent-review questions, while `more_information_needed`. */
  concurrentReview?: Questionnaire;
  attachments: Attachment[];
  modifications: Schemas['AdmissionNotificationModification'][];
}

/**
 * The answer of a created notification (`AdmissionNotificationCreated`).
 *
 * @example
 * const body: components['schemas']['AdmissionNotificationCreated'] = toCreated(record);
 */
export function toCreated(record: AdmissionRecord): Schemas['AdmissionNotificationCreated'] {
  return structuredClone({
    outcome: 'created' as const,
    trackingNumber: record.trackingNumber,
    reviewStatus: record.reviewStatus,
    submittedAt: isoTimestamp(record.submittedAt),
    ...(record.concurrentReview === undefined ? {} : { concurrentReview: record.concurrentReview }),
  });
}

/**
 * One search row (`AdmissionNotificationSummary`).
 *
 * @example
 * toAdmissionSummary(record).facilityName; // 'Mercy General Hospital'
 */
export function toAdmissionSummary(record: AdmissionRecord): Schemas['AdmissionNotificationSummary'] {
  return {
    healthPlan: record.healthPlan,
    trackingNumber: record.trackingNumber,
    memberId: record.memberId,
    memberName: record.memberName,
    admissionType: record.admissionType,
    admissionDate: record.admissionDate,
    facilityName: record.facility.name,
    reviewStatus: record.reviewStatus,
    submittedAt: isoTimestamp(record.submittedAt),
  };
}

/**
 * The details of a notification (`AdmissionNotification`).
 *
 * @example
 * const body: components['schemas']['AdmissionNotification'] = toAdmission(record);
 */
export function toAdmission(record: AdmissionRecord): Schemas['AdmissionNotification'] {
  return structuredClone({
    healthPlan: record.healthPlan,
    trackingNumber: record.trackingNumber,
    memberId: record.memberId,
    memberName: record.memberName,
    admissionType: record.admissionType,
    admissionDate: record.admissionDate,
    ...(record.dischargeDate === undefined ? {} : { dischargeDate: record.dischargeDate }),
    facility: record.facility,
    ...(record.attendingProvider === undefined ? {} : { attendingProvider: record.attendingProvider }),
    diagnoses: record.diagnoses,
    ...(record.newborn === undefined ? {} : { newborn: record.newborn }),
    reviewStatus: record.reviewStatus,
    ...(record.approvedThrough === undefined ? {} : { approvedThrough: record.approvedThrough }),
    submittedAt: isoTimestamp(record.submittedAt),
    ...(record.concurrentReview === undefined ? {} : { concurrentReview: record.concurrentReview }),
    attachments: record.attachments,
    modifications: record.modifications,
  });
}
