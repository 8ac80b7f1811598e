/**
 * What the request validators check, shared by the build-time compiler (`npm run generate` writes
 * mock-server/generated/validators.ts with ajv's standalone code) and the run-time one of the
 * contract suite (response-validation.ts): the ajv options, the spec's components under one id, and
 * the schema of each operation's path, query and header parameters and JSON body.
 */
import type { SpecOperation } from './spec-index.ts';

type Json = Record<string, unknown>;

/** The id the spec's components are registered under, so that `$ref`s resolve across schemas. */
export const SPEC_ID = 'https://provider-portal-sdk.dev/openapi.json';

/** ajv options (JSON Schema 2020-12); parameters arrive as strings, so they are coerced. */
export function ajvOptions(coerce: boolean): Record<string, unknown> {
  return {
    strict: false,
    allErrors: true,
    multipleOfPrecision: 2,
    validateSchema: false,
    ...(coerce ? { coerceTypes: 'array' } : {}),
  };
}

/** OpenAPI formats that carry no constraint (ajv-formats knows the others). */
export const UNCONSTRAINED_FORMATS = ['password', 'binary'] as const;

/** A deep copy of a schema whose local `$ref`s point into the registered spec document. */
export function absolutize(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absolutize);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${SPEC_ID}${value}`
        : absolutize(value);
  }
  return copy;
}

function parameterSchema(operation: SpecOperation, location: 'path' | 'query' | 'header'): Json {
  const properties: Json = {};
  const required: string[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in !== location) continue;
    const name = location === 'header' ? parameter.name.toLowerCase() : parameter.name;
    properties[name] = parameter.schema;
    if (parameter.required) required.push(name);
  }
  return { type: 'object', properties, required };
}

/** Where a request validator looks. */
export type RequestPart = 'path' | 'query' | 'header' | 'body';

/**
 * The name of an operation's validator for a part, as the generated module exports it.
 *
 * @example
 * validatorName('signIn', 'body'); // 'signIn_body'
 */
export function validatorName(operationId: string, part: RequestPart): string {
  return `${operationId}_${part}`;
}

/**
 * Every request validator an operation needs: its name, whether it coerces strings, and its schema
 * (with absolute `$ref`s).
 *
 * @example
 * requestSchemas(specOperation('signIn')).map((s) => s.name); // ['signIn_body']
 */
export function requestSchemas(
  operation: SpecOperation,
): { name: string; coerce: boolean; schema: unknown }[] {
  const schemas: { name: string; coerce: boolean; schema: unknown }[] = [];
  for (const part of ['path', 'query', 'header'] as const) {
    if (!operation.parameters.some((p) => p.in === part)) continue;
    schemas.push({
      name: validatorName(operation.operationId, part),
      coerce: true,
      schema: absolutize(parameterSchema(operation, part)),
    });
  }
  const body = operation.requestBody?.content['application/json']?.schema;
  if (body !== undefined) {
    schemas.push({
      name: validatorName(operation.operationId, 'body'),
      coerce: false,
      schema: absolutize(body),
    });
  }
  return schemas;
}
