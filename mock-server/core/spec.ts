/**
 * The contract, as the mock portal reads it: the generated JSON copy of openapi/portal.yaml, and an
 * index of its operations (method, path template, parameters with `$ref`s resolved, security,
 * whether it takes an `Idempotency-Key`). Nothing here reads files, so the MSW entry can run in a
 * browser.
 */
import spec from '../generated/openapi.json' with { type: 'json' };
import type { OperationId } from './types.ts';

/** The OpenAPI document (JSON). */
export const OPENAPI_DOCUMENT: Record<string, unknown> = spec as unknown as Record<string, unknown>;

/** The base path of every operation (`servers[0].url` without the origin). */
export const API_BASE_PATH = '/api/v1';

/** An OpenAPI parameter with its `$ref` resolved. */
export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Record<string, unknown>;
}

/** One operation of the spec. */
export interface SpecOperation {
  operationId: OperationId;
  method: string;
  /** The path template under the base path, e.g. `/members/{memberId}`. */
  path: string;
  parameters: SpecParameter[];
  /** False for `security: []` (sign-in, recovery, registration). */
  secured: boolean;
  /** The operation declares the `Idempotency-Key` header. */
  idempotent: boolean;
  /** The request body's content by media type, if any. */
  requestBody:
    | { required: boolean; content: Record<string, { schema?: Record<string, unknown> }> }
    | undefined;
  /** Response objects by status (`$ref`s resolved one level). */
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
  tags: string[];
  summary: string;
}

type Json = Record<string, unknown>;

/** Resolves a local `$ref` (`#/components/...`) of the document (the portal's spec by default). */
export function resolveRef<T = Json>(value: unknown, document: unknown = spec): T {
  let current = value as Json;
  while (current !== null && typeof current === 'object' && typeof current.$ref === 'string') {
    const pointer = (current.$ref as string).replace(/^#\//, '').split('/');
    let target: unknown = document;
    for (const segment of pointer) target = (target as Json)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = target as Json;
  }
  return current as T;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * The operations of an OpenAPI document, in its order (`npm run generate` indexes the fresh merged
 * spec with it to compile the validators).
 *
 * @example
 * indexOperations(OPENAPI_DOCUMENT).length; // every operation of the portal
 */
export function indexOperations(document: unknown): SpecOperation[] {
  const resolve = <T>(value: unknown) => resolveRef<T>(value, document);
  const paths = (document as { paths: Record<string, Json> }).paths;
  const globalSecurity = (document as { security?: unknown[] }).security ?? [];
  const result: SpecOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    const shared = ((item.parameters as unknown[]) ?? []).map((p) => resolve<SpecParameter>(p));
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (operation === undefined) continue;
      const own = ((operation.parameters as unknown[]) ?? []).map((p) => resolve<SpecParameter>(p));
      const parameters = [
        ...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)),
        ...own,
      ].map((p) => ({ ...p, required: p.required === true || p.in === 'path' }));
      const security = (operation.security as unknown[] | undefined) ?? globalSecurity;
      const responses: SpecOperation['responses'] = {};
      for (const [status, response] of Object.entries((operation.responses as Json) ?? {})) {
        responses[status] = resolve(response);
      }
      result.push({
        operationId: operation.operationId as OperationId,
        method: method.toUpperCase(),
        path,
        parameters,
        secured: security.length > 0,
        idempotent: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
        requestBody:
          operation.requestBody === undefined
            ? undefined
            : (resolve(operation.requestBody) as SpecOperation['requestBody']),
        responses,
        tags: (operation.tags as string[]) ?? [],
        summary: (operation.summary as string) ?? '',
      });
    }
  }
  return result;
}

/**
 * Every operation of the spec, in the spec's order.
 *
 * @example
 * SPEC_OPERATIONS.find((op) => op.operationId === 'signIn')?.secured; // false
 */
export const SPEC_OPERATIONS: readonly SpecOperation[] = indexOperations(spec);

const BY_ID = new Map(SPEC_OPERATIONS.map((op) => [op.operationId, op]));

/**
 * The operation with that id.
 *
 * @example
 * specOperation('getMember').path; // '/members/{memberId}'
 */
export function specOperation(operationId: OperationId | string): SpecOperation {
  const operation = BY_ID.get(operationId as OperationId);
  if (operation === undefined) throw new RangeError(`The spec has no operation ${operationId}.`);
  return operation;
}
