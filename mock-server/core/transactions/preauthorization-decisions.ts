/**
 * How the mock plan decides a new preauthorization request. QA picks the outcome with
 * `Prefer: outcome=approved|pended|more_information_needed|denied` (and, for a pended request, the
 * decision it turns into with `decision=approved|denied` and `denial-reason=<code>`); without them
 * the outcome is a deterministic function of the sandbox's seed and the request's content:
 * - therapy, imaging, home health, DME and behavioral health requests ask for more information with
 *   the service type's questionnaire about half the time (seed 003: "Preauthorization requests that
 *   trigger the collection of additional clinical information");
 * - inpatient admissions and transplants are always pended for review;
 * - the others are approved at once about one time in five ("In some cases, we may be able to
 *   provide approval during the initial transaction", seed 003) and pended otherwise.
 * A pended request is approved about three times in four when it is decided; a denial always carries a
 * coded reason (out-of-network servicing provider, duplicate request, or a clinical reason).
 */
import type { PreauthorizationCreate } from '../../../sdk/rules/index.ts';
import type { PreferOptions } from '../types.ts';
import { choose, fraction } from './determinism.ts';
import type {
  PlannedDecision,
  PreauthorizationDenialReason,
  PreauthorizationRecord,
  PreauthorizationStatus,
} from './preauthorization-records.ts';
import { preferChoice } from './prefer.ts';
import { PREAUTHORIZATION_QUESTIONNAIRES, preauthorizationQuestionnaire } from './questionnaires.ts';
import type { Questionnaire } from './schemas.ts';

/** The outcomes `Prefer: outcome=` may pick at creation. */
export const PREAUTHORIZATION_CREATE_OUTCOMES = [
  'approved',
  'pended',
  'more_information_needed',
  'denied',
] as const satisfies readonly PreauthorizationStatus[];

/** The denial reason codes of the contract (`PreauthorizationDenialReasonCode`). */
export const DENIAL_REASON_CODES = [
  'not_medically_necessary',
  'not_a_covered_benefit',
  'insufficient_information',
  'out_of_network_provider',
  'member_not_eligible',
  'duplicate_request',
] as const satisfies readonly PreauthorizationDenialReason['code'][];

const DENIAL_DESCRIPTIONS: Readonly<Record<PreauthorizationDenialReason['code'], string>> = {
  not_medically_necessary:
    'The clinical records do not show that the requested services are medically necessary for the diagnoses ' +
    'given (for example, no trial of conservative treatment).',
  not_a_covered_benefit: "The requested services are not a covered benefit of the member's plan.",
  insufficient_information:
    'The clinical information needed to decide the request was not received; submit a new request with the ' +
    'clinical documentation.',
  out_of_network_provider:
    "The servicing provider is not in the member's network and no network exception applies.",
  member_not_eligible:
    'The member is not eligible for the requested services on the requested service dates.',
  duplicate_request: 'A request for the same member, services and dates is already on file.',
};

/** Service types never approved at once: always reviewed by Utilization Management. */
const ALWAYS_REVIEWED = new Set<string>(['inpatient_admission', 'transplant']);

/**
 * What identifies a request's content for the deterministic choices: the same request body (and
 * seed) always gets the same outcome.
 *
 * @example
 * contentKey(body); // '["K5500648801","physical_therapy","standard",…]'
 */
export function contentKey(input: PreauthorizationCreate): string {
  return JSON.stringify([
    input.memberId,
    input.serviceType,
    input.urgency,
    input.serviceStartDate,
    input.serviceEndDate,
    input.serviceLines.map((line) => [line.procedureCode, line.units]),
  ]);
}

/**
 * The status a new request gets, and its questionnaire when it asks for more information.
 *
 * @example
 * initialOutcome(42, body, { outcome: 'approved' }); // { status: 'approved' }
 */
export function initialOutcome(
  seed: number,
  input: PreauthorizationCreate,
  prefer: PreferOptions,
): { status: PreauthorizationStatus; questionnaire?: Questionnaire } {
  const chosen = preferChoice(prefer, 'outcome', PREAUTHORIZATION_CREATE_OUTCOMES);
  const withQuestions = (status: PreauthorizationStatus) =>
    status === 'more_information_needed'
      ? { status, questionnaire: preauthorizationQuestionnaire(input.serviceType) }
      : { status };
  if (chosen !== undefined) return withQuestions(chosen);
  const draw = fraction(seed, `preauthorization-outcome:${contentKey(input)}`);
  if (PREAUTHORIZATION_QUESTIONNAIRES[input.serviceType] !== undefined && draw < 0.5) {
    return withQuestions('more_information_needed');
  }
  if (!ALWAYS_REVIEWED.has(input.serviceType) && draw >= 0.8) return { status: 'approved' };
  return { status: 'pended' };
}

/** What the decision may depend on besides the seed. */
export interface DecisionFacts {
  /** The servicing provider is out of the plan's network. */
  servicingOutOfNetwork: boolean;
  /** An earlier request of the same member, service type and dates, if any. */
  duplicateOf: PreauthorizationRecord | undefined;
}

/**
 * A coded denial reason with its description (seed: the contract's `PreauthorizationDenialReasonCode`).
 *
 * @example
 * denialReason('duplicate_request').description; // 'A request for the same member, …'
 */
export function denialReason(
  code: PreauthorizationDenialReason['code'],
  detail?: string,
): PreauthorizationDenialReason {
  return {
    code,
    description: detail === undefined ? DENIAL_DESCRIPTIONS[code] : `${DENIAL_DESCRIPTIONS[code]} ${detail}`,
  };
}

function realisticDenial(seed: number, key: string, facts: DecisionFacts): PreauthorizationDenialReason {
  if (facts.duplicateOf !== undefined) {
    return denialReason('duplicate_request', `See Reference ID ${facts.duplicateOf.referenceId}.`);
  }
  if (facts.servicingOutOfNetwork) return denialReason('out_of_network_provider');
  return denialReason(
    choose(seed, `denial-reason:${key}`, ['not_medically_necessary', 'not_a_covered_benefit'] as const),
  );
}

/**
 * The decision a request gets when it is decided (at once for `denied`, on the clock for `pended`):
 * `Prefer: decision=` and `denial-reason=` when given, otherwise approved three times in four.
 *
 * @example
 * plannedDecision(42, key, { decision: 'denied', 'denial-reason': 'not_a_covered_benefit' }, facts);
 * // { status: 'denied', denialReason: { code: 'not_a_covered_benefit', description: '…' } }
 */
export function plannedDecision(
  seed: number,
  key: string,
  prefer: PreferOptions,
  facts: DecisionFacts,
  deniedAtOnce = false,
): PlannedDecision {
  const preferred = preferChoice(prefer, 'decision', ['approved', 'denied'] as const);
  const reasonCode =
    preferChoice(prefer, 'denial-reason', DENIAL_REASON_CODES) ??
    preferChoice(prefer, 'denialReason', DENIAL_REASON_CODES);
  const status =
    deniedAtOnce || reasonCode !== undefined
      ? 'denied'
      : (preferred ?? (fraction(seed, `preauthorization-decision:${key}`) < 0.75 ? 'approved' : 'denied'));
  if (status === 'approved') return { status };
  return {
    status,
    denialReason: reasonCode === undefined ? realisticDenial(seed, key, facts) : denialReason(reasonCode),
  };
}
