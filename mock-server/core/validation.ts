/**
 * Validation against the contract with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses): request
 * parameters and JSON bodies before a handler runs (400 VALIDATION_FAILED with every schema error),
 * and responses in the contract suite ({@link validateResponse}). Validators are compiled lazily,
 * once per operation and location, and cached.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { OPENAPI_DOCUMENT, type SpecOperation, specOperation } from './spec.ts';
import type { OperationId, RuleViolation } from './types.ts';

type Json = Record<string, unknown>;
interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvInstance {
  addSchema(schema: unknown, key?: string): AjvInstance;
  addFormat(name: string, format: unknown): AjvInstance;
  addVocabulary(keywords: string[]): AjvInstance;
  compile(schema: unknown): Validate;
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;

// ajv and ajv-formats are CommonJS: their default export is `module.exports` (Node) or `.default`
// (bundlers), so take whichever is the function.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvConstructor }).default ??
  Ajv2020Module) as unknown as AjvConstructor;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: AjvInstance,
) => void;

const SPEC_ID = 'https://provider-portal-sdk.dev/openapi.json';

function createAjv(coerce: boolean): AjvInstance {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    multipleOfPrecision: 2,
    validateSchema: false,
    ...(coerce ? { coerceTypes: 'array' } : {}),
  });
  addFormats(ajv);
  // OpenAPI formats that carry no constraint.
  ajv.addFormat('password', true);
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: SPEC_ID, components: (OPENAPI_DOCUMENT as Json).components }, SPEC_ID);
  return ajv;
}

let strictAjv: AjvInstance | undefined;
let coercingAjv: AjvInstance | undefined;
const cache = new Map<string, Validate>();

/** A deep copy of a schema whose local `$ref`s point into the registered spec document. */
function absolutize(schema: unknown): unknown {
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

function compiled(key: string, coerce: boolean, build: () => unknown): Validate {
  let validate = cache.get(key);
  if (validate === undefined) {
    if (coerce && coercingAjv === undefined) coercingAjv = createAjv(true);
    if (!coerce && strictAjv === undefined) strictAjv = createAjv(false);
    const ajv = (coerce ? coercingAjv : strictAjv) as AjvInstance;
    validate = ajv.compile(absolutize(build()));
    cache.set(key, validate);
  }
  return validate;
}

function jsonPath(base: string, instancePath: string): string {
  let path = base;
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(segment)
      ? `[${segment}]`
      : /^[A-Za-z_$][\w$]*$/.test(segment)
        ? `.${segment}`
        : `['${segment}']`;
  }
  return path;
}

function toViolations(errors: readonly AjvError[] | null | undefined, base: string): RuleViolation[] {
  const seen = new Set<string>();
  const violations: RuleViolation[] = [];
  for (const error of errors ?? []) {
    let path = jsonPath(base, error.instancePath);
    let message = error.message ?? 'is not valid';
    if (error.keyword === 'required') path = jsonPath(path, `/${String(error.params.missingProperty)}`);
    if (error.keyword === 'additionalProperties') {
      path = jsonPath(path, `/${String(error.params.additionalProperty)}`);
      message = 'is not a property of this request; remove it';
    }
    if (error.keyword === 'enum')
      message += `: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ code: 'VALIDATION_FAILED', path, message });
  }
  return violations;
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

function isArraySchema(schema: Json): boolean {
  return schema.type === 'array';
}

/** What a request carries, as the validator reads it. */
export interface RequestParts {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  /** The parsed JSON body, or undefined when the request has none or is multipart. */
  body: unknown;
  /** Whether a JSON body was present (so that `null` counts as sent). */
  hasJsonBody: boolean;
}

/**
 * Every schema violation of a request's path, query and header parameters and its JSON body, as
 * VALIDATION_FAILED violations with JSON paths (`$.memberId`, `$.query.pageSize`).
 *
 * @example
 * validateRequest(specOperation('signIn'), { params: {}, query, headers, body: {}, hasJsonBody: true });
 * // [{ code: 'VALIDATION_FAILED', path: '$.username', message: "must have required property 'username'" }, …]
 */
export function validateRequest(operation: SpecOperation, parts: RequestParts): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const id = operation.operationId;
  if (operation.parameters.some((p) => p.in === 'path')) {
    const validate = compiled(`${id}:path`, true, () => parameterSchema(operation, 'path'));
    const values = { ...parts.params };
    if (!validate(values)) violations.push(...toViolations(validate.errors, '$.path'));
  }
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  if (queryParameters.length > 0) {
    const values: Json = {};
    for (const parameter of queryParameters) {
      if (!parts.query.has(parameter.name)) continue;
      values[parameter.name] = isArraySchema(parameter.schema)
        ? parts.query.getAll(parameter.name)
        : parts.query.get(parameter.name);
    }
    const validate = compiled(`${id}:query`, true, () => parameterSchema(operation, 'query'));
    if (!validate(values)) violations.push(...toViolations(validate.errors, '$.query'));
  }
  const headerParameters = operation.parameters.filter((p) => p.in === 'header');
  if (headerParameters.length > 0) {
    const values: Json = {};
    for (const parameter of headerParameters) {
      const value = parts.headers.get(parameter.name);
      if (value !== null) values[parameter.name.toLowerCase()] = value;
    }
    const validate = compiled(`${id}:header`, true, () => parameterSchema(operation, 'header'));
    if (!validate(values)) violations.push(...toViolations(validate.errors, '$.header'));
  }
  const jsonContent = operation.requestBody?.content['application/json'];
  if (jsonContent?.schema !== undefined) {
    if (!parts.hasJsonBody) {
      if (operation.requestBody?.required === true) {
        violations.push({ code: 'VALIDATION_FAILED', path: '$', message: 'a JSON request body is required' });
      }
    } else {
      const validate = compiled(`${id}:body`, false, () => jsonContent.schema);
      if (!validate(parts.body)) violations.push(...toViolations(validate.errors, '$'));
    }
  }
  return violations;
}

/** The outcome of {@link validateResponse}. */
export interface ResponseValidation {
  valid: boolean;
  errors: string[];
}

function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Checks a response against the contract: the spec declares the status for the operation, the
 * content type is one it declares for that status, and a JSON (or problem+json) body validates
 * against the declared schema. Binary bodies are checked by content type only.
 *
 * @example
 * const result = validateResponse('getMember', 200, 'application/json', body);
 * if (!result.valid) console.error(result.errors);
 */
export function validateResponse(
  operationId: OperationId | string,
  status: number,
  contentType: string | null | undefined,
  body: unknown,
): ResponseValidation {
  const operation = specOperation(operationId);
  const response =
    operation.responses[String(status)] ??
    operation.responses[`${String(status)[0]}XX`] ??
    operation.responses.default;
  if (response === undefined) {
    return {
      valid: false,
      errors: [
        `${operationId} does not declare status ${status} (declared: ${Object.keys(operation.responses).join(', ')})`,
      ],
    };
  }
  const content = response.content ?? {};
  const declared = Object.keys(content);
  const media = mediaType(contentType);
  if (declared.length === 0) {
    const empty = body === undefined || body === null || body === '';
    return empty
      ? { valid: true, errors: [] }
      : { valid: false, errors: [`${operationId} ${status} declares no body`] };
  }
  const entry = content[media];
  if (entry === undefined) {
    return {
      valid: false,
      errors: [
        `${operationId} ${status}: content type ${media || '(none)'} is not declared (${declared.join(', ')})`,
      ],
    };
  }
  if (!(media === 'application/json' || media.endsWith('+json')) || entry.schema === undefined) {
    return { valid: true, errors: [] };
  }
  const validate = compiled(`${operationId}:response:${status}:${media}`, false, () => entry.schema);
  if (validate(body)) return { valid: true, errors: [] };
  return {
    valid: false,
    errors: toViolations(validate.errors, '$').map((violation) => `${violation.path}: ${violation.message}`),
  };
}
