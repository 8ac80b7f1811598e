import type { ValidationViolation } from '../rules/index.ts';
import { normalizeTaxId } from '../rules/index.ts';
import { asRecord, describeValue } from '../rules/zod-issues.ts';

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
