import { describe, expect, it } from 'vitest';
import { toResponse } from './answer.ts';
import { ProblemError, problemAnswer, statusOfCode } from './problem.ts';

describe('problems', () => {
  it('takes the status of rule codes from the rules catalog', () => {
    expect(statusOfCode('SESSION_EXPIRED')).toBe(401);
    expect(statusOfCode('ADMIN_ROLE_REQUIRED')).toBe(403);
    expect(statusOfCode('CARE_PLAN_EXPIRED')).toBe(410);
    expect(statusOfCode('INVALID_NPI')).toBe(422);
    expect(statusOfCode('NOT_FOUND')).toBe(404);
    expect(statusOfCode('IDEMPOTENCY_KEY_REUSED')).toBe(409);
  });

  it('answers 400 when every violation is a schema one, else the first rule code', () => {
    const schema = ProblemError.fromViolations([
      { code: 'VALIDATION_FAILED', path: '$.a', message: 'is required' },
    ]);
    expect(schema).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const mixed = ProblemError.fromViolations([
      { code: 'VALIDATION_FAILED', path: '$.a', message: 'is required' },
      { code: 'INVALID_NPI', path: '$.npi', message: 'check digit' },
    ]);
    expect(mixed).toMatchObject({ status: 422, code: 'INVALID_NPI' });
    expect(mixed.toDocument('req_1').violations).toHaveLength(2);
  });

  it('renders application/problem+json with the request id and extra headers', async () => {
    const response = toResponse(
      problemAnswer(
        new ProblemError('RATE_LIMITED', 'Wait.', {
          headers: { 'retry-after': '2' },
          members: { retryAfterSeconds: 2 },
        }),
        'req_9',
        '/api/v1/me',
      ),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({
      type: 'https://provider-portal-sdk.dev/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
      code: 'RATE_LIMITED',
      detail: 'Wait.',
      instance: '/api/v1/me',
      requestId: 'req_9',
      retryAfterSeconds: 2,
    });
  });
});
