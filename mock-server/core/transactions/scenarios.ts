/**
 * The QA scenarios of the transaction domains (preauthorizations, referrals, admission notifications,
 * messages): every `Prefer` value they honour and every time-driven behaviour, with what it does.
 * The core serves them, with its own, at `GET /__admin/scenarios`.
 */
import { DECISION_HOURS, DETAILS_PENDING_HOURS, TURNAROUND_BUSINESS_DAYS } from '../../../sdk/rules/index.ts';
import { SCENARIO_MEMBERS } from '../../data/scenario-members.ts';
import type { ScenarioEntry } from '../types.ts';
import { DENIAL_REASON_CODES } from './preauthorization-decisions.ts';

const DENIAL_CODES = DENIAL_REASON_CODES.join(', ');

/**
 * The transaction domains' entries of the scenario catalog.
 *
 * @example
 * scenarioEntries.filter((entry) => entry.operations?.includes('createPreauthorization'));
 */
export const scenarioEntries: ScenarioEntry[] = [
  // Preauthorizations: creation
  {
    kind: 'prefer',
    value: 'outcome=approved',
    operations: ['createPreauthorization'],
    effect:
      'The request is approved at once: status approved, a decision dated now, every line approved in full.',
  },
  {
    kind: 'prefer',
    value: 'outcome=pended',
    operations: ['createPreauthorization'],
    effect:
      `The request is pended for review and decided on the mock clock at decisionDueBy (${DECISION_HOURS.expedited} hours after ` +
      `submission for expedited, ${DECISION_HOURS.standard / 24} calendar days for standard, CMS-0057-F): read it (search or ` +
      'details) after that instant and it is approved or denied with a coded reason. Without decision=…, approved about three times in four.',
  },
  {
    kind: 'prefer',
    value: 'outcome=more_information_needed',
    operations: ['createPreauthorization'],
    effect:
      "The request asks for more information: status more_information_needed with the service type's questionnaire " +
      '(QNR-PT-0042 for physical therapy, QNR-IMG-0017 for imaging, …; QNR-GEN-0001 otherwise). Answer it with ' +
      'answerPreauthorizationQuestionnaire; unanswered at decisionDueBy, the request is denied (insufficient_information).',
  },
  {
    kind: 'prefer',
    value: 'outcome=denied',
    operations: ['createPreauthorization'],
    effect: `The request is denied at once with a coded reason (one of ${DENIAL_CODES}); pick it with denial-reason=….`,
  },
  {
    kind: 'prefer',
    value: 'outcome=pended, decision=approved|denied',
    operations: ['createPreauthorization'],
    effect: 'Sets what a pended request turns into when the clock reaches its decisionDueBy.',
  },
  {
    kind: 'prefer',
    value: 'denial-reason=<code>',
    operations: ['createPreauthorization', 'answerPreauthorizationQuestionnaire'],
    effect: `The coded reason of a denial (${DENIAL_CODES}); implies decision=denied for a pended request.`,
  },
  {
    kind: 'prefer',
    value: 'details=pending (also details-pending, or outcome=details-pending)',
    operations: ['createPreauthorization', 'getPreauthorization'],
    effect:
      `The details of the new request are not available for ${DETAILS_PENDING_HOURS} hours of mock time: getPreauthorization ` +
      'answers 409 PREAUTH_DETAILS_PENDING with retryAfterSeconds and Retry-After, search lists it with detailsAvailable ' +
      'false, and the receipt carries detailsAvailableAfter. Combine it with outcome=…; alone, the default outcome applies.',
  },
  {
    kind: 'other',
    value: 'no Prefer outcome',
    operations: ['createPreauthorization'],
    effect:
      "Deterministic for the seed and the request's content: therapy, imaging, home health, DME and behavioral health " +
      'requests ask for more information about half the time; inpatient admissions and transplants are always pended; ' +
      'the others are approved at once about one time in five and pended otherwise. A pended request for an ' +
      'out-of-network servicing provider or duplicating an earlier request is denied with out_of_network_provider or ' +
      'duplicate_request when it is denied.',
  },
  {
    kind: 'clock',
    value: 'POST /__admin/clock/advance (72 hours expedited / 7 days standard)',
    operations: ['searchPreauthorizations', 'getPreauthorization'],
    effect:
      'A pended request is decided exactly at its decisionDueBy: one second before, it is still pended; at that instant ' +
      'and after, search and details show the decision (decidedAt = decisionDueBy).',
  },
  // Preauthorizations: check tool, questionnaire, modifications
  {
    kind: 'other',
    value: 'procedure codes',
    operations: ['checkPreauthorizationRequirement'],
    effect:
      'Deterministic per seed and code, nothing stored, no tracking number: office visits (99202–99499) never need a ' +
      'preauthorization; radiology (70010–79999) that needs one is decided by Summit Radiology Benefits Management; ' +
      'therapy (97010–97799) and DME (E, K, L codes) by the plan or their vendor; the others by the plan or Meridian ' +
      'Specialty Review.',
  },
  {
    kind: 'prefer',
    value: 'outcome=pended|approved|denied|more_information_needed',
    operations: ['answerPreauthorizationQuestionnaire'],
    effect:
      'What the answers lead to: pended (the default, decided on the clock as planned), approved or denied at once, or ' +
      'a follow-up questionnaire (id …-FU1) to answer next. Answering a questionnaire that is not the open one answers 409.',
  },
  {
    kind: 'prefer',
    value: 'outcome=applied|pended',
    operations: ['requestPreauthorizationModification', 'requestAdmissionNotificationModification'],
    effect:
      'Forces the outcome of a modification. Without it, a preauthorization modification is applied at once when it only ' +
      'extends end dates (within 180 days of the request date) or lowers units, and pended otherwise (sdk/rules ' +
      'modificationOutcome); an admission modification is applied when it only adds a discharge date or replaces the ' +
      'diagnoses, and pended when it changes the admission date or the attending provider.',
  },
  // Referrals
  {
    kind: 'member',
    value: [
      SCENARIO_MEMBERS.medicaid,
      SCENARIO_MEMBERS.harp,
      SCENARIO_MEMBERS.childHealthPlus,
      SCENARIO_MEMBERS.essentialPlan,
    ].join(', '),
    operations: ['createReferral'],
    effect:
      'Medicaid Enhanced Care, HARP, Child Health Plus and Essential Plan members (and every generated member of these ' +
      'products): createReferral answers 200 outcome not_required (REFERRAL_NOT_REQUIRED) and stores nothing, since ' +
      'referrals are not needed for these products from 2023-01-01 (seed 003).',
  },
  {
    kind: 'other',
    value: 'referrals on file',
    operations: ['searchReferrals', 'getReferral'],
    effect:
      'Each Tax ID has a few referrals made by and to its providers over the last 20 months, some submitted by fax or ' +
      'phone (source fax/phone), fixed for the seed from the first time they are looked at. Referrals are listed when ' +
      'submitted within the last 24 months (REFERRAL_LOOKBACK_EXCEEDED otherwise); status expired after the end date.',
  },
  // Admission notifications
  {
    kind: 'member',
    value: SCENARIO_MEMBERS.delegated,
    operations: ['createAdmissionNotification'],
    effect:
      'A delegated member (as every generated member with `delegated` on its details): createAdmissionNotification ' +
      'answers 200 outcome delegated (DELEGATED_MEMBER) with the delegated entity and how to reach it; nothing is stored.',
  },
  {
    kind: 'prefer',
    value: 'outcome=approved|pended|more_information_needed',
    operations: ['createAdmissionNotification', 'answerConcurrentReviewQuestions'],
    effect:
      'The concurrent review status. Without it: an emergent inpatient admission asks the concurrent-review questions ' +
      '(QNR-CR-0007), a maternity or newborn case is approved at once for 2 days; answering the questions approves the ' +
      'stay for 3 days from the admission.',
  },
  // Messages
  {
    kind: 'clock',
    value: 'message status on the clock',
    operations: ['listMessages', 'getMessage'],
    effect:
      'A message is submitted on the day it is sent, in_review from the next day, and responded from its ' +
      `responseDueDate (urgent ${TURNAROUND_BUSINESS_DAYS.urgent}, high ${TURNAROUND_BUSINESS_DAYS.high}, medium ` +
      `${TURNAROUND_BUSINESS_DAYS.medium}, low ${TURNAROUND_BUSINESS_DAYS.low} business days after the submission day, ` +
      'skipping weekends and US federal holidays).',
  },
];
