/**
 * Validation of requests against the contract: path, query and header parameters and JSON bodies
 * before a handler runs (400 VALIDATION_FAILED with every schema error). The validators are ajv's
 * standalone code, compiled by `npm run generate` (mock-server/generated/validators.ts): no code is
 * generated at run time, so the mock runs under a content security policy without `'unsafe-eval'`.
 * Responses are checked in the contract suite by response-validation.ts.
 */
import type { SpecOperation } from './spec.ts';
import type { PortalRequest, RuleViolation } from './types.ts';
import { type RequestPart, validatorName } from './validation-schemas.ts';

type Json = Record<string, unknown>;
/** An ajv error, as the validators report it. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
/** A compiled validator: answers whether the data is valid and leaves its errors on `errors`. */
export type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

type Validators = Record<string, Validate | undefined>;
let loaded: Validators | undefined;
let loading: Promise<Validators> | undefined;

/**
 * The compiled validators, imported on first need: they are 660 kB of code, and parsing them at start
 * delayed every answer, including those of requests with nothing to validate (`GET /me`).
 */
function loadValidators(): Promise<Validators> {
  loading ??= import('../generated/validators.ts').then((module) => {
    loaded = module as unknown as Validators;
    return loaded;
  });
  return loading;
}

function compiled(
  VALIDATORS: Validators,
  operation: SpecOperation,
  part: Exclude<RequestPart, 'body'>,
): Validate {
  const validate = VALIDATORS[validatorName(operation.operationId, part)];
  if (validate === undefined) {
    throw new Error(
      `No compiled ${part} validator for ${operation.operationId}: run \`npm run generate\` after changing the spec.`,
    );
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

/** The VALIDATION_FAILED violations of ajv errors, with JSON paths under `base`. */
export function toViolations(errors: readonly AjvError[] | null | undefined, base: string): RuleViolation[] {
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

function isArraySchema(schema: Json): boolean {
  return schema.type === 'array';
}

/** What a request carries, as the validator reads it. */
export interface RequestParts {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: PortalRequest['headers'];
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
 * await validateRequest(specOperation('signIn'), { params: {}, query, headers, body: {}, hasJsonBody: true });
 * // [{ code: 'VALIDATION_FAILED', path: '$.username', message: "must have required property 'username'" }, …]
 */
export async function validateRequest(
  operation: SpecOperation,
  parts: RequestParts,
): Promise<RuleViolation[]> {
  const violations: RuleViolation[] = [];
  if (operation.parameters.length === 0 && operation.requestBody === undefined) return violations;
  const VALIDATORS = loaded ?? (await loadValidators());
  if (operation.parameters.some((p) => p.in === 'path')) {
    const validate = compiled(VALIDATORS, operation, 'path');
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
    const validate = compiled(VALIDATORS, operation, 'query');
    if (!validate(values)) violations.push(...toViolations(validate.errors, '$.query'));
  }
  const headerParameters = operation.parameters.filter((p) => p.in === 'header');
  if (headerParameters.length > 0) {
    const values: Json = {};
    for (const parameter of headerParameters) {
      const value = parts.headers.get(parameter.name);
      if (value !== null) values[parameter.name.toLowerCase()] = value;
    }
    const validate = compiled(VALIDATORS, operation, 'header');
    if (!validate(values)) violations.push(...toViolations(validate.errors, '$.header'));
  }
  // The index carries no body schema (the compiled validator is the schema): a JSON body is checked
  // when the operation takes one and the spec gave it a schema (a validator was compiled).
  const bodyValidator = VALIDATORS[validatorName(operation.operationId, 'body')];
  if (operation.requestBody?.content['application/json'] !== undefined && bodyValidator !== undefined) {
    if (!parts.hasJsonBody) {
      if (operation.requestBody.required === true) {
        violations.push({ code: 'VALIDATION_FAILED', path: '$', message: 'a JSON request body is required' });
      }
    } else if (!bodyValidator(parts.body)) {
      violations.push(...toViolations(bodyValidator.errors, '$'));
    }
  }
  return violations;
}
