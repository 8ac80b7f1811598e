/**
 * A portal refusal as the FHIR face answers it: the same status (PAS: "4XX – transaction failed",
 * with an OperationOutcome; "5XX (…) no OperationOutcome will be returned"), the portal's problem
 * turned into issues, and the headers a client acts on (`Retry-After`, `Preference-Applied`, `Allow`).
 */
import type { Answer } from '../answer.ts';
import { jsonOf } from './context.ts';
import { fhirAnswer, outcomeOfProblem, type ProblemLike } from './outcome.ts';

const KEPT_HEADERS = ['retry-after', 'preference-applied', 'allow', 'idempotent-replayed'] as const;

/**
 * The headers of a portal answer the FHIR answer keeps.
 *
 * @example
 * keptHeaders(created.answer); // { 'preference-applied': 'outcome=pended' }
 */
export function keptHeaders(answer: Answer): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = answer.headers[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/**
 * The FHIR answer of a refused portal call.
 *
 * @example
 * return refusal(created.answer, (path) => fhirPathOf(path, reading.paths));
 */
export function refusal(answer: Answer, pathOf?: (path: string) => string | undefined): Answer {
  const problem = (jsonOf(answer) ?? {}) as ProblemLike;
  return fhirAnswer(answer.status, outcomeOfProblem(answer.status, problem, pathOf), keptHeaders(answer));
}
