/**
 * Errors of the FHIR face as PAS wants them (specification.html, "HTTP Responses"): "4XX – transaction
 * failed – bad request (…) There will be an OperationOutcome returned", "5XX – transaction failed –
 * service unavailable or timeout (…) NOTE that no OperationOutcome will be returned in this instance".
 *
 * Every issue carries the FHIR issue type (`code`), the portal's own stable rule code as
 * `details.coding` (the same code `application/problem+json` answers under /api/v1, so one table of
 * codes serves both faces), the sentence (`diagnostics`) and the FHIRPath of the element to fix
 * (`expression`). No PHI: the sentences are the portal's, which never name a member.
 */
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { FhirIssue, FhirIssueType } from '../../../sdk/fhir/issues.ts';
import { PORTAL_SYSTEMS } from '../../../sdk/fhir/systems.ts';
import type { Answer } from '../answer.ts';

/** The media type of every FHIR answer (FHIR R4 http.html: "application/fhir+json"). */
export const FHIR_JSON = 'application/fhir+json';

/** The problem document fields an outcome is made of (a portal `Problem`, or part of one). */
export interface ProblemLike {
  code?: string;
  title?: string;
  detail?: string;
  violations?: readonly { code?: string; path?: string; message?: string }[];
}

/** The FHIR issue type of a portal answer's status. */
function issueTypeOf(status: number, code: string | undefined): FhirIssueType {
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409) return code === 'IDEMPOTENCY_KEY_REUSED' ? 'conflict' : 'duplicate';
  if (status === 413) return 'too-costly';
  if (status === 415 || status === 406) return 'not-supported';
  if (status === 429) return 'throttled';
  if (status === 422) return 'business-rule';
  if (status === 400) return code === 'VALIDATION_FAILED' ? 'structure' : 'invalid';
  return 'processing';
}

/** One issue: its type, the portal code (details), the sentence and the element. */
function issueOf(
  type: FhirIssueType,
  code: string | undefined,
  title: string | undefined,
  diagnostics: string | undefined,
  expression: string | undefined,
): OperationOutcomeIssue {
  const issue: OperationOutcomeIssue = { severity: 'error', code: type };
  if (code !== undefined) {
    issue.details = {
      coding: [{ system: PORTAL_SYSTEMS.problemCode, code }],
      ...(title === undefined ? {} : { text: title }),
    };
  } else if (title !== undefined) issue.details = { text: title };
  if (diagnostics !== undefined) issue.diagnostics = diagnostics;
  if (expression !== undefined) issue.expression = [expression];
  return issue;
}

/**
 * The OperationOutcome of a refused portal answer: one issue per rule violation (its code, sentence
 * and element), or one for the problem itself. `pathOf` turns a portal field path (`$.serviceLines[0].units`)
 * into the FHIRPath of the Bundle element it came from.
 *
 * @example
 * outcomeOfProblem(422, problem, (path) => fhirPathOf(path, reading.paths));
 */
export function outcomeOfProblem(
  status: number,
  problem: ProblemLike,
  pathOf: (path: string) => string | undefined = () => undefined,
): OperationOutcome {
  const violations = problem.violations ?? [];
  const issue: OperationOutcomeIssue[] =
    violations.length > 0
      ? violations.map((violation) => {
          const code = violation.code ?? problem.code;
          return issueOf(
            issueTypeOf(status, code),
            code,
            problem.title,
            violation.message,
            violation.path === undefined ? undefined : pathOf(violation.path),
          );
        })
      : [issueOf(issueTypeOf(status, problem.code), problem.code, problem.title, problem.detail, undefined)];
  return { resourceType: 'OperationOutcome', issue };
}

/**
 * The OperationOutcome of what a reader found wrong with a Bundle (`code` is the portal code the
 * issues are refused with: VALIDATION_FAILED).
 *
 * @example
 * outcomeOfIssues(reading.issues);
 */
export function outcomeOfIssues(issues: readonly FhirIssue[], code = 'VALIDATION_FAILED'): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((issue) => issueOf(issue.code, code, undefined, issue.diagnostics, issue.expression)),
  };
}

/**
 * A FHIR answer: the resource as `application/fhir+json`; a 5XX answers no body (PAS: "no
 * OperationOutcome will be returned in this instance").
 *
 * @example
 * fhirAnswer(200, bundle);
 */
export function fhirAnswer(status: number, resource: unknown, headers: Record<string, string> = {}): Answer {
  if (status >= 500) return { status, headers: { ...headers }, body: null };
  return {
    status,
    headers: { 'content-type': `${FHIR_JSON}; charset=utf-8`, ...headers },
    body: JSON.stringify(resource),
  };
}
