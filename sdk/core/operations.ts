import { OPERATION_TABLE } from '../generated/operations.ts';
import type { operations, paths } from '../generated/portal.ts';

export { CREATE, LIST, PUBLIC } from './operation-flags.ts';

/**
 * Every operationId of the contract.
 *
 * @example
 * const id: OperationId = 'createPreauthorization';
 */
export type OperationId = keyof operations;

/**
 * How an operation is sent: method, path template, and {@link PUBLIC} / {@link CREATE} / {@link LIST} flags.
 *
 * @example
 * const meta: OperationMeta = ['GET', '/members', LIST];
 */
export type OperationMeta = readonly [
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: keyof paths,
  flags: number,
];

/**
 * What the transport needs to know about each operation of the spec, also for calls made through
 * `portal.raw`: generated from openapi/portal.yaml by `npm run generate` (public when
 * `security: []`, create when it declares the Idempotency-Key header, list when it
 * takes `page`), so it cannot drift from the contract; the type makes a missing operation a compile
 * error.
 *
 * @example
 * OPERATIONS.createPreauthorization; // ['POST', '/preauthorizations', CREATE]
 */
export const OPERATIONS = OPERATION_TABLE satisfies { readonly [K in OperationId]: OperationMeta };

interface CompiledOperation {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  flags: number;
}

let compiled: CompiledOperation[] | undefined;

function compile(): CompiledOperation[] {
  compiled ??= (Object.entries(OPERATIONS) as [OperationId, OperationMeta][]).map(
    ([operationId, [method, path, flags]]) => ({
      operationId,
      method,
      flags,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }),
  );
  return compiled;
}

/**
 * The operation a request is for, from its method and its path relative to the base URL's path.
 * Undefined for anything outside the contract.
 *
 * @example
 * matchOperation('POST', '/preauthorizations')?.operationId; // 'createPreauthorization'
 * matchOperation('GET', '/members/K5500648801/benefits')?.operationId; // 'getBenefitsSummary'
 */
export function matchOperation(
  method: string,
  path: string,
): { operationId: OperationId; flags: number } | undefined {
  const m = method.toUpperCase();
  const found = compile().find((op) => op.method === m && op.pattern.test(path));
  return found === undefined ? undefined : { operationId: found.operationId, flags: found.flags };
}
