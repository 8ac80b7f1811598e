import { describe, expect, it } from 'vitest';
import { type IdempotencyScope, idempotencyStoreKey } from './idempotency-scope.ts';

const scope: IdempotencyScope = {
  sandboxId: 'default',
  userId: 'u-1',
  operationId: 'requestPreauthorizationModification',
  params: { referenceId: 'PA-00000001' },
};

describe('idempotencyStoreKey', () => {
  it('is the same for the same request, whatever the order of the path parameters', () => {
    expect(idempotencyStoreKey(scope, 'k')).toBe(idempotencyStoreKey({ ...scope }, 'k'));
    const a = idempotencyStoreKey({ ...scope, params: { taxId: '060646668', userId: 'u-9' } }, 'k');
    const b = idempotencyStoreKey({ ...scope, params: { userId: 'u-9', taxId: '060646668' } }, 'k');
    expect(a).toBe(b);
    expect(a).toBe(
      '["default","u-1","requestPreauthorizationModification",[["taxId","060646668"],["userId","u-9"]],"k"]',
    );
  });

  it('differs in every part of the scope, and in the key', () => {
    const base = idempotencyStoreKey(scope, 'k');
    const others = [
      idempotencyStoreKey({ ...scope, sandboxId: 'sbx_2' }, 'k'),
      idempotencyStoreKey({ ...scope, userId: 'u-2' }, 'k'),
      idempotencyStoreKey({ ...scope, userId: null }, 'k'),
      idempotencyStoreKey({ ...scope, operationId: 'requestAdmissionNotificationModification' }, 'k'),
      idempotencyStoreKey({ ...scope, params: { referenceId: 'PA-00000002' } }, 'k'),
      idempotencyStoreKey({ ...scope, params: {} }, 'k'),
      idempotencyStoreKey(scope, 'k2'),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it('cannot be forged by separators inside a key or a parameter', () => {
    const left = idempotencyStoreKey({ ...scope, params: { referenceId: 'a","b' } }, 'c');
    const right = idempotencyStoreKey({ ...scope, params: { referenceId: 'a' } }, 'b","c');
    expect(left).not.toBe(right);
  });
});
