/**
 * Validation of responses against the contract, for the contract suite (Node): ajv compiles each
 * response schema when first needed and caches it. It generates code at run time, which the mock
 * itself never does (its request validators are compiled at build time: validation.ts), so nothing
 * on the mock's request path imports this module.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import spec from '../generated/openapi.json' with { type: 'json' };
import { indexOperations, type SpecOperation } from './spec-index.ts';
import type { OperationId } from './types.ts';
import { toViolations, type Validate } from './validation.ts';
import { absolutize, ajvOptions, SPEC_ID, UNCONSTRAINED_FORMATS } from './validation-schemas.ts';

type Json = Record<string, unknown>;
interface AjvInstance {
  addSchema(schema: unknown, key?: string): AjvInstance;
  addFormat(name: string, format: unknown): AjvInstance;
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

const OPENAPI_DOCUMENT = spec as unknown as Json;
/** The full index, with the response schemas the mock's own index leaves out. */
const OPERATIONS = new Map<string, SpecOperation>(
  indexOperations(OPENAPI_DOCUMENT).map((operation) => [operation.operationId, operation]),
);

let ajv: AjvInstance | undefined;
const cache = new Map<string, Validate>();

function compiled(key: string, schema: unknown): Validate {
  let validate = cache.get(key);
  if (validate === undefined) {
    if (ajv === undefined) {
      ajv = new Ajv2020(ajvOptions(false));
      addFormats(ajv);
      for (const format of UNCONSTRAINED_FORMATS) ajv.addFormat(format, true);
      ajv.addSchema({ $id: SPEC_ID, components: OPENAPI_DOCUMENT.components }, SPEC_ID);
    }
    validate = ajv.compile(absolutize(schema));
    cache.set(key, validate);
  }
  return validate;
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
  const operation = OPERATIONS.get(operationId);
  if (operation === undefined) throw new RangeError(`The spec has no operation ${operationId}.`);
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
  const validate = compiled(`${operationId}:${status}:${media}`, entry.schema);
  if (validate(body)) return { valid: true, errors: [] };
  return {
    valid: false,
    errors: toViolations(validate.errors, '$').map((violation) => `${violation.path}: ${violation.message}`),
  };
}
