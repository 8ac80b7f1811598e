/**
 * How the mock plan reviews admission notifications. "In some cases, we may be able to provide an
 * initial concurrent review approval during the initial transaction." (seed 003). QA picks the
 * review status with `Prefer: outcome=approved|pended|more_information_needed`; without it an
 * emergent inpatient admission asks the concurrent-review questions and a maternity or newborn case
 * is approved at once for two days. Answering the questions approves three days from the admission.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import type { DelegatedEntity } from '../../../sdk/rules/index.ts';
import { addDays } from '../../../sdk/rules/index.ts';
import type { MemberRecord } from '../../data/portal-data.ts';
import type { PreferOptions } from '../types.ts';
import type { AdmissionRecord } from './admission-records.ts';
import { preferChoice } from './prefer.ts';
import { CONCURRENT_REVIEW_QUESTIONNAIRES, followUpQuestionnaire } from './questionnaires.ts';
import type { Questionnaire } from './schemas.ts';

type ReviewStatus = components['schemas']['ConcurrentReviewStatus'];

const REVIEW_STATUSES = [
  'approved',
  'pended',
  'more_information_needed',
] as const satisfies readonly ReviewStatus[];

/** Days approved at once for a maternity or newborn case. */
export const INITIAL_APPROVAL_DAYS = 2;
/** Days approved once the concurrent-review questions are answered. */
export const ANSWERED_APPROVAL_DAYS = 3;

/** The review of a new notification. */
export interface InitialReview {
  reviewStatus: ReviewStatus;
  approvedThrough?: string;
  concurrentReview?: Questionnaire;
}

/**
 * The concurrent review status a new notification gets.
 *
 * @example
 * initialReview('emergent_inpatient', '2026-11-22', {}); // more_information_needed with QNR-CR-0007
 * initialReview('newborn', '2026-11-21', {}); // { reviewStatus: 'approved', approvedThrough: '2026-11-23' }
 */
export function initialReview(
  admissionType: string,
  admissionDate: string,
  prefer: PreferOptions,
): InitialReview {
  const chosen =
    preferChoice(prefer, 'outcome', REVIEW_STATUSES) ??
    (admissionType === 'emergent_inpatient' ? 'more_information_needed' : 'approved');
  if (chosen === 'approved') {
    return { reviewStatus: chosen, approvedThrough: addDays(admissionDate, INITIAL_APPROVAL_DAYS) };
  }
  if (chosen === 'more_information_needed') {
    const questionnaire =
      CONCURRENT_REVIEW_QUESTIONNAIRES[admissionType] ?? CONCURRENT_REVIEW_QUESTIONNAIRES.emergent_inpatient;
    return {
      reviewStatus: chosen,
      ...(questionnaire === undefined ? {} : { concurrentReview: questionnaire }),
    };
  }
  return { reviewStatus: chosen };
}

/**
 * Applies the outcome of answered concurrent-review questions to the notification and says what
 * happened: approved (the default), pended, or follow-up questions.
 *
 * @example
 * const message = reviewAnswered(record, ctx.prefer);
 */
export function reviewAnswered(record: AdmissionRecord, prefer: PreferOptions): string {
  const chosen = preferChoice(prefer, 'outcome', REVIEW_STATUSES) ?? 'approved';
  const answered = record.concurrentReview;
  delete record.concurrentReview;
  record.reviewStatus = chosen;
  if (chosen === 'approved') {
    record.approvedThrough = addDays(record.admissionDate, ANSWERED_APPROVAL_DAYS);
    return (
      `An initial concurrent review approval was given for ${ANSWERED_APPROVAL_DAYS} days, through ` +
      `${record.approvedThrough}. Notify us of any extension of the stay.`
    );
  }
  if (chosen === 'more_information_needed' && answered !== undefined) {
    record.concurrentReview = followUpQuestionnaire(answered);
    return 'Thank you. The concurrent review needs a little more information: answer the follow-up questions.';
  }
  return 'The answers were sent to our Utilization Management team for the concurrent review. Return to the portal for its status.';
}

/** How to reach every delegated entity: "you will be provided with instructions for contacting the correct organization" (seed 003). */
const DELEGATED_INSTRUCTIONS =
  'Notify the delegated entity by phone within 24 hours of the admission, quoting the member ID; admissions of ' +
  'delegated members cannot be notified through this portal.';

/**
 * The delegated entity of a member, as the DELEGATED_MEMBER answer names it, or undefined when the
 * member is not delegated.
 *
 * @example
 * delegatedEntityOf(member); // { name: 'Healthfirst Care Management', phone: '(888) 555-0187', instructions: '…' }
 */
export function delegatedEntityOf(member: MemberRecord): DelegatedEntity | undefined {
  const delegated = member.details.delegated;
  if (delegated === undefined) return undefined;
  return { name: delegated.entityName, phone: delegated.phone, instructions: DELEGATED_INSTRUCTIONS };
}
