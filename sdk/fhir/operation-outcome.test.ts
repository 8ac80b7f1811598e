import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  errorFromResponse,
  NotFoundError,
  SessionExpiredError,
  UnprocessableEntityError,
} from '../errors.ts';
import { isOperationOutcome, problemOfOperationOutcome } from './operation-outcome.ts';
import { PORTAL_SYSTEMS } from './systems.ts';

function issue(
  code: string,
  portalCode?: string,
  extra: Partial<OperationOutcomeIssue> = {},
): OperationOutcomeIssue {
  return {
    severity: 'error',
    code: code as OperationOutcomeIssue['code'],
    ...(portalCode === undefined
      ? {}
      : {
          details: {
            coding: [{ system: PORTAL_SYSTEMS.problemCode, code: portalCode }],
            text: `Title of ${portalCode}`,
          },
        }),
    ...extra,
  };
}

function outcome(...issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

const END = 'Bundle.entry[0].resource.item[0].servicedPeriod.end';
const EVENT_END = 'Bundle.entry[0].resource.supportingInfo[0].timingPeriod.end';

describe('problemOfOperationOutcome', () => {
  it('reads the rule code, title, message and FHIRPath of every error issue', () => {
    const problem = problemOfOperationOutcome(
      422,
      outcome(
        issue('business-rule', 'SERVICE_END_BEYOND_180_DAYS', {
          diagnostics: 'The request ends more than 180 days out.',
          expression: [EVENT_END],
        }),
        issue('business-rule', 'SERVICE_END_BEYOND_180_DAYS', {
          diagnostics: 'Line 1 ends more than 180 days out.',
          expression: [END, 'Claim.item[0].servicedPeriod.end'],
        }),
      ),
    );
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Title of SERVICE_END_BEYOND_180_DAYS',
      status: 422,
      code: 'SERVICE_END_BEYOND_180_DAYS',
      detail: 'The request ends more than 180 days out.',
      violations: [
        {
          code: 'SERVICE_END_BEYOND_180_DAYS',
          path: EVENT_END,
          message: 'The request ends more than 180 days out.',
        },
        { code: 'SERVICE_END_BEYOND_180_DAYS', path: END, message: 'Line 1 ends more than 180 days out.' },
      ],
    });
  });

  it('keeps each issue its own code, and the first one with a code names the problem', () => {
    const problem = problemOfOperationOutcome(
      422,
      outcome(
        issue('processing', undefined, { diagnostics: 'No portal code here.' }),
        issue('business-rule', 'INVALID_CPT_CODE', {
          expression: ['Bundle.entry[0].resource.item[1].productOrService'],
        }),
      ),
    );
    // 'processing' has no protocol code of its own: the first issue with one names the problem.
    expect(problem?.code).toBe('INVALID_CPT_CODE');
    expect(problem?.violations).toEqual([
      {
        code: 'INVALID_CPT_CODE',
        path: 'Bundle.entry[0].resource.item[1].productOrService',
        message: 'Title of INVALID_CPT_CODE',
      },
    ]);
  });

  it("falls back to the FHIR issue type's protocol code, then to the status's", () => {
    expect(problemOfOperationOutcome(404, outcome(issue('not-found')))?.code).toBe('NOT_FOUND');
    expect(
      problemOfOperationOutcome(400, outcome(issue('structure', undefined, { expression: ['Bundle'] }))),
    ).toEqual({
      type: 'about:blank',
      title: 'HTTP 400',
      status: 400,
      code: 'VALIDATION_FAILED',
      violations: [{ code: 'VALIDATION_FAILED', path: 'Bundle', message: '' }],
    });
    expect(problemOfOperationOutcome(503, outcome(issue('processing')))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(problemOfOperationOutcome(500, outcome())?.code).toBe('INTERNAL_ERROR');
  });

  it('ignores a code from another system or not shaped like a stable code', () => {
    const problem = problemOfOperationOutcome(
      422,
      outcome({
        severity: 'error',
        code: 'business-rule',
        details: {
          coding: [
            { system: 'http://example.org/other', code: 'SERVICE_END_BEYOND_180_DAYS' },
            { system: PORTAL_SYSTEMS.problemCode, code: 'K5500648801 is termed' },
          ],
        },
      }),
    );
    expect(problem?.code).toBe('VALIDATION_FAILED');
  });

  it('counts only error and fatal issues when there are any, and the deprecated location when there is no expression', () => {
    const problem = problemOfOperationOutcome(
      422,
      outcome(
        {
          severity: 'warning',
          code: 'business-rule',
          diagnostics: 'Only a warning.',
          expression: ['Bundle.meta'],
        },
        issue('required', 'SERVICE_LINE_REQUIRED', {
          diagnostics: 'No items.',
          location: ['Bundle.entry[0].resource.item'],
        }),
      ),
    );
    expect(problem?.violations).toEqual([
      { code: 'SERVICE_LINE_REQUIRED', path: 'Bundle.entry[0].resource.item', message: 'No items.' },
    ]);
  });

  it('an issue with the content that names no element is a violation at Bundle; a login issue is not', () => {
    const rule = problemOfOperationOutcome(
      422,
      outcome(issue('business-rule', 'PROVIDER_IDENTITY_MISMATCH', { diagnostics: 'Unknown provider.' })),
    );
    expect(rule?.violations).toEqual([
      { code: 'PROVIDER_IDENTITY_MISMATCH', path: 'Bundle', message: 'Unknown provider.' },
    ]);
    const invalid = problemOfOperationOutcome(
      400,
      outcome(issue('invalid', undefined, { diagnostics: 'Not JSON.' })),
    );
    expect(invalid?.code).toBe('VALIDATION_FAILED');
    expect(invalid?.violations).toEqual([
      { code: 'VALIDATION_FAILED', path: 'Bundle', message: 'Not JSON.' },
    ]);
    const login = problemOfOperationOutcome(401, outcome(issue('login', 'SESSION_EXPIRED')));
    expect(login?.code).toBe('SESSION_EXPIRED');
    expect(login?.violations).toBeUndefined();
  });

  it('reads only warnings when nothing else is there', () => {
    const problem = problemOfOperationOutcome(
      400,
      outcome({ severity: 'warning', code: 'value', diagnostics: 'Odd.', expression: ['Bundle.type'] }),
    );
    expect(problem?.violations).toEqual([
      { code: 'VALIDATION_FAILED', path: 'Bundle.type', message: 'Odd.' },
    ]);
  });

  it('answers undefined for anything that is not an OperationOutcome, and never throws', () => {
    for (const body of [
      undefined,
      null,
      'oops',
      [],
      { resourceType: 'Bundle' },
      { resourceType: 'OperationOutcome' },
      { type: 'about:blank', title: 'x', status: 400, code: 'VALIDATION_FAILED' },
    ]) {
      expect(problemOfOperationOutcome(400, body)).toBeUndefined();
    }
    const junk = {
      resourceType: 'OperationOutcome',
      issue: [null, 7, { details: { coding: 'x' }, expression: 'Bundle' }],
    };
    expect(() => problemOfOperationOutcome(400, junk)).not.toThrow();
    expect(problemOfOperationOutcome(400, junk)?.code).toBe('VALIDATION_FAILED');
  });
});

describe('isOperationOutcome', () => {
  it('needs the resource type and an issue list', () => {
    expect(isOperationOutcome(outcome())).toBe(true);
    expect(isOperationOutcome({ resourceType: 'OperationOutcome', issue: {} })).toBe(false);
    expect(isOperationOutcome({ resourceType: 'Bundle', issue: [] })).toBe(false);
  });
});

describe('with errorFromResponse, the same typed errors as the portal API', () => {
  it('422 with a rule code: UnprocessableEntityError with the FHIRPath in its violations and message', () => {
    const body = outcome(
      issue('business-rule', 'SERVICE_END_BEYOND_180_DAYS', { diagnostics: 'Too far.', expression: [END] }),
    );
    const error = errorFromResponse(
      422,
      problemOfOperationOutcome(422, body),
      new Headers({ 'X-Request-Id': 'req_1' }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe('SERVICE_END_BEYOND_180_DAYS');
    expect(error.violations).toEqual([
      { code: 'SERVICE_END_BEYOND_180_DAYS', path: END, message: 'Too far.' },
    ]);
    expect(error.message).toContain(`Broken at ${END} (SERVICE_END_BEYOND_180_DAYS)`);
    expect(error.message).not.toContain('Too far.');
    expect(error.requestId).toBe('req_1');
  });

  it('401 SESSION_EXPIRED, 404 and 400 pick their classes', () => {
    const expired = outcome(issue('login', 'SESSION_EXPIRED'));
    expect(errorFromResponse(401, problemOfOperationOutcome(401, expired))).toBeInstanceOf(
      SessionExpiredError,
    );
    expect(
      errorFromResponse(404, problemOfOperationOutcome(404, outcome(issue('not-found')))),
    ).toBeInstanceOf(NotFoundError);
    expect(
      errorFromResponse(
        400,
        problemOfOperationOutcome(400, outcome(issue('structure', undefined, { expression: ['Bundle'] }))),
      ),
    ).toBeInstanceOf(BadRequestError);
  });

  it('a path that is not an element path stays out of the message', () => {
    const body = outcome(
      issue('business-rule', 'INVALID_NPI', { expression: ["Bundle.entry.where(fullUrl='K5500648801')"] }),
    );
    const error = errorFromResponse(422, problemOfOperationOutcome(422, body));
    expect(error.message).not.toContain('K5500648801');
    expect(error.message).toContain('$ (INVALID_NPI)');
  });
});
