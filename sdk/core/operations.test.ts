import { describe, expect, it } from 'vitest';
import { CREATE, LIST, matchOperation, OPERATIONS, PUBLIC } from './operations.ts';

describe('matchOperation', () => {
  it('finds the operation of a method and a path, path parameters one segment each', () => {
    expect(matchOperation('GET', '/members/K5500648801/benefits')).toEqual({
      operationId: 'getBenefitsSummary',
      flags: OPERATIONS.getBenefitsSummary[2],
    });
    expect(matchOperation('patch', '/tax-ids/060646668/users/USR-000042')?.operationId).toBe(
      'updateUserRole',
    );
    expect(matchOperation('POST', '/preauthorizations')).toEqual({
      operationId: 'createPreauthorization',
      flags: CREATE,
    });
    expect(matchOperation('POST', '/session')).toEqual({ operationId: 'signIn', flags: PUBLIC });
  });

  it('matches whole paths only: nothing before, after, or across segments', () => {
    expect(matchOperation('GET', '/members/K55/00648801/benefits')).toBeUndefined();
    expect(matchOperation('GET', '/v2/members/K5500648801/benefits')).toBeUndefined();
    expect(matchOperation('GET', '/members/K5500648801/benefits/2026')).toBeUndefined();
    expect(matchOperation('GET', '/members//benefits')).toBeUndefined();
    expect(matchOperation('PUT', '/preauthorizations')).toBeUndefined();
  });

  it('keeps the flags of the contract', () => {
    expect(OPERATIONS.searchClaims[2] & LIST).toBe(LIST);
    expect(OPERATIONS.requestPasswordReset[2]).toBe(PUBLIC);
    expect(OPERATIONS.makeUserAdmin[2]).toBe(0);
  });
});
