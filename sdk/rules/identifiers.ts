import type { Violation } from './violation.ts';
import { violation } from './violation.ts';

/** The card issuer prefix of health-care NPIs; the Luhn check digit is computed over it + the 9 digits. */
const NPI_PREFIX = '80840';

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/**
 * The Luhn check digit of an NPI from its first 9 digits, computed over the `80840` prefix (CMS NPI
 * standard). Throws a RangeError unless `first9` is exactly 9 digits.
 *
 * @example
 * npiCheckDigit('123456789'); // 3 → NPI 1234567893
 */
export function npiCheckDigit(first9: string): number {
  if (typeof first9 !== 'string' || !/^\d{9}$/.test(first9)) {
    throw new RangeError(`Invalid NPI stem ${describe(first9)}: expected exactly 9 digits.`);
  }
  const payload = NPI_PREFIX + first9;
  let sum = 0;
  // Double every second digit from the right of the payload (the check digit will be appended after).
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Whether a value is an NPI: a string of exactly 10 digits whose last digit is the Luhn check digit over
 * the `80840` prefix (`INVALID_NPI`).
 *
 * @example
 * isValidNpi('1234567893'); // true
 * isValidNpi('1234567890'); // false (wrong check digit)
 */
export function isValidNpi(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{10}$/.test(value)) return false;
  return npiCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/**
 * The 9-digit form of a Tax ID (TIN/EIN) given as `NNNNNNNNN` or `NN-NNNNNNN`, or `undefined` when it
 * is neither (`INVALID_TAX_ID`).
 *
 * @example
 * normalizeTaxId('06-0646668'); // '060646668'
 * normalizeTaxId('0606466681'); // undefined (10 digits)
 */
export function normalizeTaxId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{9}$/.test(value)) return value;
  if (/^\d{2}-\d{7}$/.test(value)) return value.replace('-', '');
  return undefined;
}

/**
 * Whether a value is a CPT/HCPCS procedure code: 5 digits (CPT Category I), 4 digits + F/T/U (CPT
 * Category II, III, PLA), or a letter + 4 digits (HCPCS Level II). Codes are upper case.
 *
 * @example
 * isProcedureCode('97110'); // true
 * isProcedureCode('E0601'); // true
 * isProcedureCode('e0601'); // false
 */
export function isProcedureCode(value: unknown): value is string {
  return typeof value === 'string' && /^(\d{5}|\d{4}[FTU]|[A-Z]\d{4})$/.test(value);
}

/**
 * Whether a value has the shape of an ICD-10-CM diagnosis code: a letter, a digit, a letter or digit,
 * then optionally a dot (which may be left out) and 1–4 letters or digits. Codes are upper case.
 *
 * @example
 * isDiagnosisCode('J45.40'); // true
 * isDiagnosisCode('A00'); // true
 * isDiagnosisCode('145.0'); // false
 */
export function isDiagnosisCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]\d[A-Z0-9](\.?[A-Z0-9]{1,4})?$/.test(value);
}

/**
 * Whether a value is a member ID as printed on the ID card: 6–15 upper-case letters or digits.
 *
 * @example
 * isMemberId('K5500648801'); // true
 * isMemberId('k5500648801'); // false
 */
export function isMemberId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z0-9]{6,15}$/.test(value);
}

const US_PHONE = /^(?:\+?1[ .-]?)?(?:\((\d{3})\)|(\d{3}))[ .-]?(\d{3})[ .-]?(\d{4})$/;

/**
 * Whether a value is a US (NANP) phone number: 10 digits, optionally preceded by 1 or +1, written with
 * common punctuation (spaces, dots, dashes, parentheses around the area code); neither the area code nor
 * the exchange starts with 0 or 1.
 *
 * @example
 * isUsPhone('(898) 345-0098'); // true
 * isUsPhone('+1 898.345.0098'); // true
 * isUsPhone('555-0100'); // false (7 digits)
 */
export function isUsPhone(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = US_PHONE.exec(value);
  if (!match) return false;
  const area = match[1] ?? match[2] ?? '';
  const exchange = match[3] ?? '';
  return /^[2-9]/.test(area) && /^[2-9]/.test(exchange);
}

/**
 * Whether a value is a user PIN: exactly 4 digits (seed 000, `INVALID_PIN`).
 *
 * @example
 * isPin('0420'); // true
 * isPin('42'); // false
 */
export function isPin(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}$/.test(value);
}

/**
 * `[]` when a value is a valid NPI, otherwise one `INVALID_NPI` violation at `path`.
 *
 * @example
 * checkNpi('1234567890', '$.senderNpi'); // [{ code: 'INVALID_NPI', path: '$.senderNpi', message: … }]
 */
export function checkNpi(value: unknown, path = '$'): Violation[] {
  if (isValidNpi(value)) return [];
  const reason =
    typeof value === 'string' && /^\d{10}$/.test(value)
      ? 'its check digit does not match (Luhn over the 80840 prefix), so a digit is probably mistyped'
      : 'an NPI is exactly 10 digits';
  return [
    violation('INVALID_NPI', path, `NPI ${describe(value)} is not valid: ${reason}. Check the number.`),
  ];
}

/**
 * `[]` when a value is a Tax ID (`NNNNNNNNN` or `NN-NNNNNNN`), otherwise one `INVALID_TAX_ID` violation.
 *
 * @example
 * checkTaxId('06-0646668', '$.organization.taxId'); // []
 */
export function checkTaxId(value: unknown, path = '$'): Violation[] {
  if (normalizeTaxId(value) !== undefined) return [];
  return [
    violation(
      'INVALID_TAX_ID',
      path,
      `Tax ID ${describe(value)} is not valid: a Tax ID (TIN/EIN) is 9 digits, written NNNNNNNNN or NN-NNNNNNN.`,
    ),
  ];
}

/**
 * `[]` when a value is a CPT/HCPCS code, otherwise one `INVALID_CPT_CODE` violation.
 *
 * @example
 * checkProcedureCode('9711', '$.serviceLines[0].procedureCode'); // [{ code: 'INVALID_CPT_CODE', … }]
 */
export function checkProcedureCode(value: unknown, path = '$'): Violation[] {
  if (isProcedureCode(value)) return [];
  return [
    violation(
      'INVALID_CPT_CODE',
      path,
      `Procedure code ${describe(value)} is not a CPT/HCPCS code: use 5 digits (97110), 4 digits + F, T or U ` +
        '(0001F), or an upper-case letter + 4 digits (E0601).',
    ),
  ];
}

/**
 * `[]` when a value has the shape of an ICD-10-CM code, otherwise one `INVALID_ICD10_CODE` violation.
 *
 * @example
 * checkDiagnosisCode('J4', '$.diagnoses[0].code'); // [{ code: 'INVALID_ICD10_CODE', … }]
 */
export function checkDiagnosisCode(value: unknown, path = '$'): Violation[] {
  if (isDiagnosisCode(value)) return [];
  return [
    violation(
      'INVALID_ICD10_CODE',
      path,
      `Diagnosis code ${describe(value)} is not an ICD-10-CM code: use an upper-case letter, a digit, a letter ` +
        'or digit, then optionally a dot and 1–4 letters or digits (A00, M54.5, J45.40).',
    ),
  ];
}

/**
 * `[]` when a value is a 4-digit PIN, otherwise one `INVALID_PIN` violation.
 *
 * @example
 * checkPin('12345', '$.leadSiteManager.pin'); // [{ code: 'INVALID_PIN', … }]
 */
export function checkPin(value: unknown, path = '$'): Violation[] {
  if (isPin(value)) return [];
  const shown = typeof value === 'string' ? `of ${value.length} characters` : describe(value);
  return [violation('INVALID_PIN', path, `The PIN (${shown}) is not valid: a PIN is exactly 4 digits.`)];
}
