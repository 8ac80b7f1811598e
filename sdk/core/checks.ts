import type { RuleValidationResult, ValidationViolation } from '../rules/index.ts';
import { checkNpi, checkTaxId, normalizeTaxId } from '../rules/index.ts';
import { asRecord, describeValue, field } from '../rules/zod-issues.ts';

/**
 * A validation result from the rules' `check*` functions (which answer violations only): a success
 * when there are none.
 *
 * @example
 * fromViolations(checkNpi(npi, '$.npi'));
 */
export function fromViolations(violations: ValidationViolation[]): RuleValidationResult<undefined> {
  return violations.length === 0
    ? { success: true, data: undefined, warnings: [] }
    : { success: false, violations, warnings: [] };
}

/**
 * `INVALID_NPI` for a given NPI that is not one; nothing when it is left out.
 *
 * @example
 * optionalNpi(query.npi, '$.npi'); // []
 */
export function optionalNpi(value: unknown, path: string): ValidationViolation[] {
  return value === undefined ? [] : checkNpi(value, path);
}

/**
 * `INVALID_TAX_ID` for a given Tax ID that is not one; nothing when it is left out.
 *
 * @example
 * optionalTaxId('06-0646668', '$.taxId'); // []
 */
export function optionalTaxId(value: unknown, path: string): ValidationViolation[] {
  return value === undefined ? [] : checkTaxId(value, path);
}

/**
 * A Tax ID as the portal wants it (9 digits): `NN-NNNNNNN` is accepted and normalised; anything else
 * is left as it is (the portal then answers the error).
 *
 * @example
 * taxIdParam('06-0646668'); // '060646668'
 */
export function taxIdParam(value: string): string {
  return normalizeTaxId(value) ?? value;
}

/**
 * A field of an input that may not be an object at all (JavaScript callers are not held to the
 * types): the own property, or `undefined` for `null`, a string, an array….
 *
 * @example
 * readField({ npi: '1407819535' }, 'npi'); // '1407819535'
 * readField(null, 'npi'); // undefined
 */
export function readField(input: unknown, key: string): unknown {
  return field(asRecord(input), key);
}

/**
 * `VALIDATION_FAILED` at `path` when the input is not an object (a body, a query, an upload).
 *
 * @example
 * requireObject(null, '$'); // [{ code: 'VALIDATION_FAILED', path: '$', message: '$ must be an object, not null.' }]
 */
export function requireObject(input: unknown, path: string): ValidationViolation[] {
  if (asRecord(input) !== undefined) return [];
  return [
    { code: 'VALIDATION_FAILED', path, message: `${path} must be an object, not ${describeValue(input)}.` },
  ];
}
