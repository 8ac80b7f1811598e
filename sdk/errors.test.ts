import { describe, expect, it } from 'vitest';
import { redactUrl } from './core/redact.ts';
import {
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  DocumentFailedError,
  errorFromResponse,
  GoneError,
  MockPortalRequiredError,
  NotFoundError,
  PermissionDeniedError,
  PollingTimeoutError,
  PortalApiError,
  PortalError,
  PortalValidationError,
  RateLimitError,
  RuleViolationError,
  ServerError,
  SessionExpiredError,
  toProblem,
  UnprocessableEntityError,
} from './errors.ts';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  type: 'about:blank',
  title: `Title ${code}`,
  status,
  code,
  detail: `Detail of ${code}.`,
  ...extra,
});

describe('errorFromResponse', () => {
  it.each([
    [400, 'VALIDATION_FAILED', BadRequestError],
    [401, 'UNAUTHENTICATED', AuthenticationError],
    [401, 'SESSION_EXPIRED', SessionExpiredError],
    [403, 'ADMIN_ROLE_REQUIRED', PermissionDeniedError],
    [404, 'NOT_FOUND', NotFoundError],
    [409, 'IDEMPOTENCY_KEY_REUSED', ConflictError],
    [410, 'CHECK_IMAGE_UNAVAILABLE', GoneError],
    [422, 'SERVICE_END_BEYOND_180_DAYS', UnprocessableEntityError],
    [429, 'RATE_LIMITED', RateLimitError],
    [500, 'INTERNAL_ERROR', ServerError],
    [503, 'SERVICE_UNAVAILABLE', ServerError],
  ])('answers %i %s with %o', (status, code, Class) => {
    const error = errorFromResponse(status, problem(status, code), { 'X-Request-Id': 'req_1' });
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(PortalApiError);
    expect(error).toBeInstanceOf(PortalError);
    expect(error).toMatchObject({ status, code, requestId: 'req_1' });
    expect(error.problem.detail).toBe(`Detail of ${code}.`);
    expect(error.name).toBe(Class.name);
  });

  it('keeps every violation of a 422 and says what to do', () => {
    const violations = [
      { code: 'SERVICE_END_BEYOND_180_DAYS', path: '$.serviceEndDate', message: 'Too late.' },
      { code: 'INVALID_NPI', path: '$.servicingProvider.npi', message: 'Bad check digit.' },
    ];
    const error = errorFromResponse(422, problem(422, 'SERVICE_END_BEYOND_180_DAYS', { violations }));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.violations).toEqual(violations);
    expect(error.message).toContain('$.servicingProvider.npi');
    expect(error.message).toContain('Fix every listed violation');
  });

  it('reads Retry-After in seconds or as a date, else the problem retryAfterSeconds', () => {
    const now = new Date('2026-11-23T14:00:00Z');
    expect(errorFromResponse(429, problem(429, 'RATE_LIMITED'), { 'Retry-After': '7' }).retryAfter).toBe(7);
    const dated = errorFromResponse(
      429,
      problem(429, 'RATE_LIMITED'),
      { 'Retry-After': 'Mon, 23 Nov 2026 14:00:30 GMT' },
      now,
    );
    expect(dated.retryAfter).toBe(30);
    expect(
      errorFromResponse(409, problem(409, 'DOCUMENT_NOT_READY', { retryAfterSeconds: 60 })).retryAfter,
    ).toBe(60);
  });

  it('makes a problem of a body that is not one', () => {
    const error = errorFromResponse(502, '<html>Bad gateway</html>', {});
    expect(error).toBeInstanceOf(ServerError);
    expect(error.code).toBe('INTERNAL_ERROR');
    expect(error.problem.detail).toBe('<html>Bad gateway</html>');
    expect(toProblem(404, undefined).code).toBe('NOT_FOUND');
  });

  it('prefers the X-Request-Id header over the problem requestId', () => {
    expect(errorFromResponse(404, problem(404, 'NOT_FOUND', { requestId: 'req_body' }), {}).requestId).toBe(
      'req_body',
    );
    expect(
      errorFromResponse(404, problem(404, 'NOT_FOUND', { requestId: 'req_body' }), {
        'X-Request-Id': 'req_h',
      }).requestId,
    ).toBe('req_h');
  });
});

describe('client-side errors', () => {
  it('SessionExpiredError.clientSide says nothing was sent and what to do', () => {
    const error = SessionExpiredError.clientSide(new Date('2026-11-23T14:15:00Z'));
    expect(error).toMatchObject({ status: 401, code: 'SESSION_EXPIRED', requestId: undefined });
    expect(error.message).toContain('was not sent');
    expect(error.message).toContain('portal.session.signIn()');
  });

  it('PortalValidationError lists every violation', () => {
    const error = new PortalValidationError('createReferral', [
      { code: 'REFERRAL_BACKDATE_EXCEEDED', path: '$.startDate', message: 'Too early.' },
      { code: 'INVALID_NPI', path: '$.specialist.npi', message: 'Bad NPI.' },
    ]);
    expect(error.message).toMatch(/createReferral was not sent: the input breaks 2 rules/);
    expect(error.violations.map((v) => v.code)).toEqual(['REFERRAL_BACKDATE_EXCEEDED', 'INVALID_NPI']);
    expect(error).toBeInstanceOf(PortalError);
  });
});

describe('PHI never in error.message (issue 11, finding 7)', () => {
  // Values a portal puts in problems: a member ID, a name, a date of birth, coverage dates, a
  // registration code, an Idempotency-Key, an email.
  const PHI = [
    'K5500648801',
    'Maria Lopez',
    'Lopez',
    '1961-04-17',
    '2026-01-01',
    '2026-12-31',
    'RC-8F3K-2Q9P',
    'idem-7f1c2b9e-key',
    'mlopez@example.com',
  ];
  const full = (status: number, code: string) => ({
    type: 'https://provider-portal-sdk.dev/problems/x',
    title: 'Member K5500648801 (Maria Lopez, born 1961-04-17) not covered',
    status,
    code,
    detail:
      'Member K5500648801 Maria Lopez, DOB 1961-04-17, is covered 2026-01-01 to 2026-12-31; registration code RC-8F3K-2Q9P; Idempotency-Key "idem-7f1c2b9e-key"; mlopez@example.com.',
    requestId: 'req_00000042',
    violations: [
      {
        code: 'SERVICE_OUTSIDE_COVERAGE',
        path: '$.serviceLines[0].serviceEndDate',
        message: 'K5500648801 Maria Lopez is covered 2026-01-01 to 2026-12-31 (born 1961-04-17).',
      },
      { code: 'RC-8F3K-2Q9P', path: '$.K5500648801 Lopez', message: 'idem-7f1c2b9e-key' },
    ],
    careTeamPhone: '800-447-0768',
  });

  it.each([
    [400, 'VALIDATION_FAILED'],
    [401, 'UNAUTHENTICATED'],
    [401, 'SESSION_EXPIRED'],
    [403, 'TAX_ID_NOT_AUTHORIZED'],
    [404, 'NOT_FOUND'],
    [409, 'IDEMPOTENCY_KEY_REUSED'],
    [410, 'CHECK_IMAGE_UNAVAILABLE'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [422, 'SERVICE_OUTSIDE_COVERAGE'],
    [429, 'TOO_MANY_ATTEMPTS'],
    [500, 'INTERNAL_ERROR'],
    [503, 'SERVICE_UNAVAILABLE'],
  ])('%i %s: says what failed and what to do, keeps the whole problem on error.problem', (status, code) => {
    const error = errorFromResponse(status, full(status, code), { 'X-Request-Id': 'req_00000042' });
    for (const value of PHI) expect(error.message).not.toContain(value);
    expect(error.message).toContain(`HTTP ${status} ${code}`);
    expect(error.message).toContain('req_00000042');
    expect(error.problem.detail).toContain('K5500648801');
    expect(error.violations[0]?.message).toContain('2026-12-31');
  });

  it('a code or request id that is not one is left out too', () => {
    const error = errorFromResponse(404, { ...full(404, 'K5500648801'), requestId: 'Maria Lopez' }, {});
    for (const value of PHI) expect(error.message).not.toContain(value);
  });

  it('PortalValidationError names paths and codes, not the rule messages that quote the input', () => {
    const error = new PortalValidationError('createPreauthorization', [
      {
        code: 'SERVICE_OUTSIDE_COVERAGE',
        path: '$.serviceLines[0].serviceEndDate',
        message: 'K5500648801 Maria Lopez is covered 2026-01-01 to 2026-12-31.',
      },
    ]);
    for (const value of PHI) expect(error.message).not.toContain(value);
    expect(error.message).toContain('$.serviceLines[0].serviceEndDate (SERVICE_OUTSIDE_COVERAGE)');
  });

  it('the other error classes carry no input either', () => {
    const others = [
      new MockPortalRequiredError(redactUrl('http://portal.example/api/v1/members/K5500648801')),
      new DocumentFailedError('DOC-000001'),
      new PollingTimeoutError('DOC-000001', 60_000),
      new APIUserAbortError(),
      SessionExpiredError.clientSide(new Date('2026-11-23T14:15:00Z')),
    ];
    for (const error of others) for (const value of PHI) expect(error.message).not.toContain(value);
  });
});
