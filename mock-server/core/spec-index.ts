/**
 * How the mock indexes the spec's operations: method, path template, parameters with `$ref`s
 * resolved, security, whether it takes an `Idempotency-Key`. `npm run generate` writes the index
 * (mock-server/generated/operations.json); this module reads no file, so the generator can run it on
 * a fresh merge.
 */
import type { OperationId } from './types.ts';

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
  /** The request body's content by media type, if any (in SPEC_OPERATIONS, without schemas). */
  requestBody:
    | { required: boolean; content: Record<string, { schema?: Record<string, unknown> }> }
    | undefined;
  /** Response objects by status (`$ref`s resolved one level; in SPEC_OPERATIONS, without schemas). */
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
  tags: string[];
  summary: string;
}

type Json = Record<string, unknown>;

/** Resolves a local `$ref` (`#/components/...`) of the document. */
export function resolveRef<T = Json>(value: unknown, document: unknown): T {
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
 * The index as `npm run generate` writes it (mock-server/generated/operations.json): every operation
 * without its body and response schemas, which the mock does not read at run time.
 *
 * @example
 * JSON.stringify(withoutSchemas(indexOperations(document)));
 */
export function withoutSchemas(index: readonly SpecOperation[]): SpecOperation[] {
  const strip = (content: Record<string, { schema?: Record<string, unknown> }> | undefined) =>
    Object.fromEntries(Object.keys(content ?? {}).map((media) => [media, {}]));
  return index.map((operation) => ({
    ...operation,
    requestBody:
      operation.requestBody === undefined
        ? undefined
        : {
            required: operation.requestBody.required === true,
            content: strip(operation.requestBody.content),
          },
    responses: Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => [
        status,
        response.content === undefined ? {} : { content: strip(response.content) },
      ]),
    ),
  }));
}
