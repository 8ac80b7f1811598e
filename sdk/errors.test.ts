import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  errorFromResponse,
  GoneError,
  NotFoundError,
  PermissionDeniedError,
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
