import { describe, expect, it } from 'vitest';
import { validateResponse } from './response-validation.ts';
import { specOperation } from './spec.ts';
import { validateRequest } from './validation.ts';

const parts = (body: unknown, query = '') => ({
  params: {},
  query: new URLSearchParams(query),
  headers: new Headers(),
  body,
  hasJsonBody: body !== undefined,
});

describe('validateRequest', () => {
  it('reports every schema error with a JSON path', async () => {
    const violations = await validateRequest(specOperation('signIn'), parts({ username: 'ab', extra: 1 }));
    expect(violations.map((v) => v.path).sort()).toEqual(['$.extra', '$.password', '$.username']);
    expect(violations.every((v) => v.code === 'VALIDATION_FAILED')).toBe(true);
  });

  it('coerces and checks query parameters', async () => {
    expect(
      await validateRequest(specOperation('listLinkedAccounts'), parts(undefined, 'page=2&pageSize=10')),
    ).toEqual([]);
    expect(
      await validateRequest(specOperation('listLinkedAccounts'), parts(undefined, 'pageSize=500')),
    ).toMatchObject([{ path: '$.query.pageSize' }]);
  });

  it('requires a JSON body where the spec does', async () => {
    expect(await validateRequest(specOperation('signIn'), parts(undefined))).toMatchObject([{ path: '$' }]);
  });

  it('an operation with no parameter and no body has nothing to check (the validators are not loaded for it)', async () => {
    expect(await validateRequest(specOperation('getCurrentUser'), parts(undefined))).toEqual([]);
  });
});

describe('validateResponse', () => {
  it('checks the status is declared and the body matches', () => {
    expect(validateResponse('recoverUsername', 202, 'application/json', { message: 'ok' }).valid).toBe(true);
    expect(validateResponse('recoverUsername', 202, 'application/json', {}).valid).toBe(false);
    expect(validateResponse('recoverUsername', 404, 'application/problem+json', {}).errors[0]).toContain(
      'does not declare',
    );
    expect(validateResponse('signOut', 204, null, undefined).valid).toBe(true);
  });

  it('checks problem documents against the Problem schema', () => {
    const problem = { type: 'https://x.example/p', title: 'Sign in', status: 401, code: 'UNAUTHENTICATED' };
    expect(validateResponse('getCurrentUser', 401, 'application/problem+json', problem).valid).toBe(true);
    expect(
      validateResponse('getCurrentUser', 401, 'application/problem+json', { ...problem, code: 'NOPE' }).valid,
    ).toBe(false);
  });
});
