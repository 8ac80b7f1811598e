/**
 * An OperationOutcome (what the FHIR face answers on an error) read as the portal's problem document,
 * so that one factory, `errorFromResponse`, picks the same typed error for both faces: the rule code
 * travels in `issue.details.coding` (system {@link PORTAL_SYSTEMS.problemCode}), the element in
 * `issue.expression` (FHIRPath), the sentence in `issue.diagnostics`.
 *
 * FHIR R4 OperationOutcome: https://hl7.org/fhir/R4/operationoutcome.html
 */
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { toProblem } from '../errors.ts';
import type { components } from '../generated/portal.ts';
import { isRecord, textOf } from '../rules/zod-issues.ts';
import { PORTAL_SYSTEMS } from './systems.ts';

type Problem = components['schemas']['Problem'];
type ProblemCode = components['schemas']['ProblemCode'];
type ProblemViolation = components['schemas']['Violation'];

/**
 * The portal code of an issue that names none of the portal's codes, by its FHIR issue type (the
 * IssueType value set): the protocol code the portal answers for the same failure.
 */
const CODE_OF_ISSUE_TYPE: Readonly<Record<string, ProblemCode>> = {
  invalid: 'VALIDATION_FAILED',
  structure: 'VALIDATION_FAILED',
  required: 'VALIDATION_FAILED',
  value: 'VALIDATION_FAILED',
  invariant: 'VALIDATION_FAILED',
  'code-invalid': 'VALIDATION_FAILED',
  'not-supported': 'VALIDATION_FAILED',
  'business-rule': 'VALIDATION_FAILED',
  login: 'UNAUTHENTICATED',
  security: 'UNAUTHENTICATED',
  forbidden: 'PERMISSION_REQUIRED',
  'not-found': 'NOT_FOUND',
  duplicate: 'ALREADY_EXISTS',
  throttled: 'RATE_LIMITED',
  exception: 'INTERNAL_ERROR',
  transient: 'SERVICE_UNAVAILABLE',
};

/** A code shaped like the portal's stable codes (upper-case words joined by underscores). */
const STABLE_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** The portal's rule code an issue names (`details.coding` of the problem-code system), if any. */
function portalCodeOf(issue: OperationOutcomeIssue): string | undefined {
  const codings = Array.isArray(issue.details?.coding) ? issue.details.coding : [];
  for (const coding of codings) {
    if (!isRecord(coding) || coding.system !== PORTAL_SYSTEMS.problemCode) continue;
    const code = textOf(coding.code);
    if (code !== undefined && STABLE_CODE.test(code)) return code;
  }
  return undefined;
}

function codeOf(issue: OperationOutcomeIssue): string | undefined {
  return portalCodeOf(issue) ?? (typeof issue.code === 'string' ? CODE_OF_ISSUE_TYPE[issue.code] : undefined);
}

/** The issue types that say what is wrong with the request's content (a violation, wherever it is). */
const CONTENT_ISSUE_TYPES: ReadonlySet<string> = new Set([
  'invalid',
  'structure',
  'required',
  'value',
  'invariant',
  'code-invalid',
  'business-rule',
  'not-supported',
]);

/**
 * The element an issue is about: its first FHIRPath `expression`, else its (deprecated) `location`;
 * for an issue with the request's content that names neither, the request Bundle itself.
 */
function pathOf(issue: OperationOutcomeIssue): string | undefined {
  const expression = Array.isArray(issue.expression) ? textOf(issue.expression[0]) : undefined;
  const location = Array.isArray(issue.location) ? textOf(issue.location[0]) : undefined;
  const content = typeof issue.code === 'string' && CONTENT_ISSUE_TYPES.has(issue.code);
  return expression ?? location ?? (content ? 'Bundle' : undefined);
}

/**
 * Whether a value is an OperationOutcome (a resource of that type with an `issue` list).
 *
 * @example
 * isOperationOutcome({ resourceType: 'OperationOutcome', issue: [] }); // true
 */
export function isOperationOutcome(value: unknown): value is OperationOutcome {
  return isRecord(value) && value.resourceType === 'OperationOutcome' && Array.isArray(value.issue);
}

/**
 * The problem document of an OperationOutcome answered with an error `status`, ready for
 * `errorFromResponse(status, problem, headers)`: `code` is the portal's code of the first error issue
 * (`details.coding` of {@link PORTAL_SYSTEMS.problemCode}, else the protocol code of its FHIR issue
 * type, else the one `toProblem` names for the status), `title` its `details.text`, `detail`
 * its `diagnostics`, and every issue with an `expression` is a violation `{ code, path, message }`
 * whose path is that FHIRPath (an issue with the content, such as `business-rule` or `structure`,
 * that names no element is one at `Bundle`; an issue of another type without one, such as `login`,
 * is the problem itself). Only `fatal` and `error` issues count when there are any. Undefined
 * when the value is not an OperationOutcome. Pure: it never throws.
 *
 * @example
 * const problem = problemOfOperationOutcome(422, {
 *   resourceType: 'OperationOutcome',
 *   issue: [{ severity: 'error', code: 'business-rule',
 *     details: { coding: [{ system: PORTAL_SYSTEMS.problemCode, code: 'SERVICE_END_BEYOND_180_DAYS' }], text: 'Too far out' },
 *     diagnostics: 'End the service on or before 2027-05-22.',
 *     expression: ['Bundle.entry[0].resource.item[0].servicedPeriod.end'] }],
 * });
 * // { type: 'about:blank', title: 'Too far out', status: 422, code: 'SERVICE_END_BEYOND_180_DAYS', detail: …,
 * //   violations: [{ code: 'SERVICE_END_BEYOND_180_DAYS', path: 'Bundle.entry[0].resource.item[0].servicedPeriod.end', message: … }] }
 */
export function problemOfOperationOutcome(status: number, outcome: unknown): Problem | undefined {
  if (!isOperationOutcome(outcome)) return undefined;
  const all = outcome.issue.filter(isRecord) as OperationOutcomeIssue[];
  const errors = all.filter((issue) => issue.severity === 'fatal' || issue.severity === 'error');
  const issues = errors.length > 0 ? errors : all;
  const first = issues[0];
  // Without a code of its own, the one the factory names for the status (as for any other body).
  const code = issues.map(codeOf).find((found) => found !== undefined) ?? toProblem(status, undefined).code;
  const violations: ProblemViolation[] = [];
  for (const issue of issues) {
    const path = pathOf(issue);
    if (path === undefined) continue;
    violations.push({
      code: (codeOf(issue) ?? code) as ProblemCode,
      path,
      message: textOf(issue.diagnostics) ?? textOf(issue.details?.text) ?? '',
    });
  }
  const title = textOf(first?.details?.text) ?? textOf(first?.diagnostics) ?? `HTTP ${status}`;
  const detail = textOf(first?.diagnostics);
  return {
    type: 'about:blank',
    title,
    status,
    code: code as ProblemCode,
    ...(detail === undefined ? {} : { detail }),
    ...(violations.length === 0 ? {} : { violations }),
  } as Problem;
}
