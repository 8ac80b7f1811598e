import { describe, expect, it } from 'vitest';
import { routeRequest } from './router.ts';
import { SPEC_OPERATIONS } from './spec.ts';

describe('routeRequest', () => {
  it('finds the operation and decodes path parameters', () => {
    const match = routeRequest('GET', '/api/v1/members/K5500648801/id-card/front');
    expect(match).toMatchObject({
      kind: 'operation',
      operation: { operationId: 'downloadMemberIdCardImage' },
      params: { memberId: 'K5500648801', side: 'front' },
    });
  });

  it('routes every operation of the spec from its own path template', () => {
    for (const operation of SPEC_OPERATIONS) {
      const path = operation.path.replace(/\{[^}]+\}/g, 'X1');
      const match = routeRequest(operation.method, `/api/v1${path}`);
      expect(match.kind === 'operation' && match.operation.operationId, `${operation.method} ${path}`).toBe(
        operation.operationId,
      );
    }
  });

  it('prefers literal segments over parameters', () => {
    expect(routeRequest('GET', '/api/v1/members/K1/care-plan')).toMatchObject({
      operation: { operationId: 'getCarePlan' },
    });
    expect(routeRequest('GET', '/api/v1/accounts/links')).toMatchObject({
      operation: { operationId: 'listLinkedAccounts' },
    });
  });

  it('says not-found or method-not-allowed', () => {
    expect(routeRequest('GET', '/api/v1/nothing')).toEqual({ kind: 'not-found' });
    expect(routeRequest('GET', '/elsewhere')).toEqual({ kind: 'not-found' });
    expect(routeRequest('PUT', '/api/v1/session')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['POST', 'DELETE'],
    });
  });
});
