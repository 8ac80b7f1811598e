/**
 * A referral as the mock portal keeps it, and the views the contract answers with. A referral is
 * `active` until its end date passes or its visits are used (then `expired`, on the mock clock), or
 * `cancelled`.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { addDays, addMonthsClamped, compareDates } from '../../../sdk/rules/index.ts';
import { isoTimestamp } from '../clock.ts';
import type { CodedDiagnosis, ProviderReference } from './schemas.ts';

type Schemas = components['schemas'];

/** A referral (created through the API, or on file from fax, phone or the portal). */
export interface ReferralRecord {
  /** The plan the member belongs to (data/health-plans.ts), kept from when the record was made. */
  healthPlan: Schemas['HealthPlan'];
  trackingNumber: string;
  /** The referring provider's and the specialist's Tax IDs: their users see the referral. */
  taxIds: string[];
  memberId: string;
  memberName: string;
  referringProvider: ProviderReference;
  specialist: ProviderReference;
  startDate: string;
  endDate: string;
  visits: number;
  visitsUsed: number;
  diagnoses: CodedDiagnosis[];
  reason?: string;
  /** `cancelled` is kept; `expired` is worked out on the clock. */
  cancelled: boolean;
  submittedAt: number;
  source: Schemas['ReferralSource'];
}

/**
 * The plan's default referral period, when a referral is created without an end date: six months,
 * the start day included (mock behaviour: the contract leaves the length to the plan).
 *
 * @example
 * defaultReferralEndDate('2026-11-16'); // '2027-05-15'
 */
export function defaultReferralEndDate(startDate: string): string {
  return addDays(addMonthsClamped(startDate, 6), -1);
}

/**
 * The status of a referral on `today`.
 *
 * @example
 * referralStatus(record, '2027-06-01'); // 'expired' after its end date
 */
export function referralStatus(record: ReferralRecord, today: string): Schemas['ReferralStatus'] {
  if (record.cancelled) return 'cancelled';
  if (compareDates(record.endDate, today) < 0 || record.visitsUsed >= record.visits) return 'expired';
  return 'active';
}

/**
 * The details of a referral (`Referral`).
 *
 * @example
 * const body: components['schemas']['Referral'] = toReferral(record, today);
 */
export function toReferral(record: ReferralRecord, today: string): Schemas['Referral'] {
  return structuredClone({
    healthPlan: record.healthPlan,
    trackingNumber: record.trackingNumber,
    memberId: record.memberId,
    memberName: record.memberName,
    referringProvider: record.referringProvider,
    specialist: record.specialist,
    startDate: record.startDate,
    endDate: record.endDate,
    visits: record.visits,
    visitsUsed: record.visitsUsed,
    diagnoses: record.diagnoses,
    ...(record.reason === undefined ? {} : { reason: record.reason }),
    status: referralStatus(record, today),
    submittedAt: isoTimestamp(record.submittedAt),
    source: record.source,
  });
}

/**
 * One search row of a referral (`ReferralSummary`), seen from one side.
 *
 * @example
 * toReferralSummary(record, 'received', today);
 */
export function toReferralSummary(
  record: ReferralRecord,
  direction: Schemas['ReferralDirection'],
  today: string,
): Schemas['ReferralSummary'] {
  return {
    healthPlan: record.healthPlan,
    trackingNumber: record.trackingNumber,
    direction,
    memberId: record.memberId,
    memberName: record.memberName,
    referringProviderName: record.referringProvider.name,
    referringProviderNpi: record.referringProvider.npi,
    specialistName: record.specialist.name,
    specialistNpi: record.specialist.npi,
    startDate: record.startDate,
    endDate: record.endDate,
    visits: record.visits,
    visitsUsed: record.visitsUsed,
    status: referralStatus(record, today),
    submittedAt: isoTimestamp(record.submittedAt),
    source: record.source,
  };
}
