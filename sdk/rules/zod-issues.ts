import * as z from 'zod/mini';
import type { IsoDate } from './dates.ts';
import { isIsoDate, parseIsoDate } from './dates.ts';
import {
  checkDiagnosisCode,
  checkNpi,
  checkPin,
  checkProcedureCode,
  checkTaxId,
  isDiagnosisCode,
  isMemberId,
  isPin,
  isProcedureCode,
  isUsPhone,
  isValidNpi,
  normalizeTaxId,
} from './identifiers.ts';
import type { RuleCode, Violation } from './violation.ts';
import { joinPath } from './violation.ts';

/**
 * The codes a validator reports: every business-rule code, plus `VALIDATION_FAILED` for an input that
 * breaks no business rule but is not well formed (a missing field, a wrong type, `2025-02-30`). The
 * mock server answers 400 when every violation is `VALIDATION_FAILED`, and 422 listing them all when
 * a business rule is broken too.
 *
 * @example
 * const code: ValidationCode = 'VALIDATION_FAILED';
 */
export type ValidationCode = RuleCode | 'VALIDATION_FAILED';

/**
 * A {@link Violation} whose code may also be `VALIDATION_FAILED`. Every `Violation` is one.
 *
 * @example
 * const v: ValidationViolation = { code: 'VALIDATION_FAILED', path: '$.memberId', message: '$.memberId is required.' };
 */
export interface ValidationViolation {
  code: ValidationCode;
  path: string;
  message: string;
}

/**
 * The result of the request validators: the parsed (normalised) input and any warnings, or every
 * violation at once. Like `ValidationResult<T>` with {@link ValidationViolation}s.
 *
 * @example
 * const result: RuleValidationResult<{ memberId: string }> = validateMemberSearch({ memberId: 'K5500648801' });
 * if (!result.success) console.log(result.violations.map((v) => v.code));
 */
export type RuleValidationResult<T> =
  | { success: true; data: T; warnings: Violation[] }
  | { success: false; violations: ValidationViolation[]; warnings: Violation[] };

/**
 * A zod 4 issue, as found in `ZodError.issues`.
 *
 * @example
 * const issues: ZodIssue[] = schema.safeParse(input).error?.issues ?? [];
 */
export type ZodIssue = z.core.$ZodIssue;

/**
 * Options of {@link zodIssuesToViolations}: the path the issue paths are relative to (default `'$'`),
 * and a hook that picks the code of an issue (return `undefined` for the default).
 *
 * @example
 * const options: IssueMappingOptions = { base: '$.body', override: () => undefined };
 */
export interface IssueMappingOptions {
  base?: string;
  /** Replaces the code and/or message of an issue's violation (return `undefined` to keep them). */
  override?: (issue: ZodIssue, path: string) => Partial<Omit<ValidationViolation, 'path'>> | undefined;
}

/**
 * Shows a value in a message without ever throwing (no `String()` of objects): strings quoted and
 * shortened, numbers and booleans as written, anything else by its kind.
 *
 * @example
 * describeValue('2025-02-30'); // '"2025-02-30"'
 * describeValue(undefined); // 'nothing'
 * describeValue([1]); // 'an array'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * The JSON path of a zod issue path under `base`: `['serviceLines', 0, 'serviceEndDate']` →
 * `'$.serviceLines[0].serviceEndDate'`.
 *
 * @example
 * issuePath(['files', 2]); // '$.files[2]'
 * issuePath([], '$.query'); // '$.query'
 */
export function issuePath(path: readonly PropertyKey[], base = '$'): string {
  const segments = path.map((segment) =>
    typeof segment === 'symbol' ? String(segment.description) : segment,
  );
  return joinPath(base, ...segments);
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  null: 'null',
};

function plural(n: number | bigint, one: string, many: string): string {
  return `${String(n)} ${n === 1 || n === 1n ? one : many}`;
}

function sizeOf(input: unknown): string {
  if (typeof input === 'string') return ` (it has ${plural(input.length, 'character', 'characters')})`;
  if (Array.isArray(input)) return ` (it has ${plural(input.length, 'item', 'items')})`;
  if (typeof input === 'number') return ` (it is ${input})`;
  return '';
}

function boundPhrase(
  origin: string,
  bound: number | bigint,
  inclusive: boolean | undefined,
  exact: boolean | undefined,
  side: 'least' | 'most',
): string {
  const quantity = exact ? 'exactly' : `at ${side}`;
  if (origin === 'string') return `must have ${quantity} ${plural(bound, 'character', 'characters')}`;
  if (origin === 'array' || origin === 'set')
    return `must have ${quantity} ${plural(bound, 'item', 'items')}`;
  if (inclusive === false) return `must be ${side === 'least' ? 'greater' : 'less'} than ${String(bound)}`;
  return `must be ${quantity} ${String(bound)}`;
}

/**
 * The message of a zod issue: what failed and what to do, naming the field by its path. Custom issues
 * (refinements of the rules module) keep their own message.
 *
 * @example
 * issueMessage({ code: 'invalid_type', expected: 'string', path: ['memberId'], message: '' }, '$.memberId');
 * // '$.memberId is required: give a string.'
 */
export function issueMessage(issue: ZodIssue, path: string): string {
  const hasInput = 'input' in issue;
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? String(issue.expected);
      if (input === undefined) return `${path} is required: give ${expected}.`;
      // An input other than undefined was reported (hasInput).
      return `${path} must be ${expected}, not ${describeValue(input)}.`;
    }
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1 && !issue.exact)
        return `${path} must not be empty.`;
      return `${path} ${boundPhrase(issue.origin, issue.minimum, issue.inclusive, issue.exact, 'least')}${sizeOf(input)}.`;
    case 'too_big':
      return `${path} ${boundPhrase(issue.origin, issue.maximum, issue.inclusive, issue.exact, 'most')}${sizeOf(input)}.`;
    case 'invalid_value':
      return `${path} must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values
        .map((v) => JSON.stringify(v))
        .join(', ')}${hasInput ? `, not ${describeValue(input)}` : ''}.`;
    case 'invalid_format':
      if (issue.format === 'email') {
        return `${path} must be an email address such as name@example.com${hasInput ? `, not ${describeValue(input)}` : ''}.`;
      }
      if (issue.format === 'regex' && issue.pattern !== undefined) {
        return `${path} does not have the expected form ${issue.pattern}${hasInput ? ` (${describeValue(input)})` : ''}.`;
      }
      return `${path} must be a valid ${issue.format}${hasInput ? `, not ${describeValue(input)}` : ''}.`;
    case 'not_multiple_of':
      return `${path} must be a multiple of ${issue.divisor}.`;
    case 'unrecognized_keys':
      return `${path} has fields that are not allowed: ${issue.keys.join(', ')}. Remove them.`;
    case 'invalid_union':
      return `${path} does not match any of the allowed forms.`;
    case 'invalid_key':
      return `${path} has an invalid key.`;
    case 'invalid_element':
      return `${path} has an invalid element.`;
    default:
      return issue.message;
  }
}

/**
 * The rule code a refinement put on an issue (`params.code`), if any.
 *
 * @example
 * issueRuleCode({ code: 'custom', params: { code: 'INVALID_NPI' }, path: [], message: '' }); // 'INVALID_NPI'
 */
export function issueRuleCode(issue: ZodIssue): ValidationCode | undefined {
  if (issue.code !== 'custom') return undefined;
  const code: unknown = issue.params?.code;
  return typeof code === 'string' ? (code as ValidationCode) : undefined;
}

/**
 * Turns the issues of a zod 4 `safeParse` error into violations: the path as a JSON path under
 * `base`, the code from `params.code` of a rule refinement (else `VALIDATION_FAILED`), and a message
 * that names the field (an unknown field is one violation per field, at its own path). Parse with
 * `{ reportInput: true }` so messages can show the offending value.
 *
 * @example
 * const parsed = z.object({ memberId: z.string() }).safeParse({}, { reportInput: true });
 * if (!parsed.success) zodIssuesToViolations(parsed.error.issues);
 * // [{ code: 'VALIDATION_FAILED', path: '$.memberId', message: '$.memberId is required: give a string.' }]
 */
export function zodIssuesToViolations(
  issues: readonly ZodIssue[],
  options: IssueMappingOptions = {},
): ValidationViolation[] {
  const base = options.base ?? '$';
  const violations: ValidationViolation[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = issuePath([...issue.path, key], base);
        violations.push({
          code: 'VALIDATION_FAILED',
          path,
          message: `${path} is not a field of this request: remove it (check its spelling).`,
        });
      }
      continue;
    }
    const path = issuePath(issue.path, base);
    const violation: ValidationViolation = {
      code: issueRuleCode(issue) ?? 'VALIDATION_FAILED',
      path,
      message: issueMessage(issue, path),
    };
    violations.push({ ...violation, ...options.override?.(issue, path) });
  }
  return violations;
}

/**
 * Parses with a zod schema (reporting inputs for the messages) and returns the data or the
 * violations, never throwing.
 *
 * @example
 * parseWithViolations(z.object({ memberId: z.string() }), { memberId: 1 });
 * // { data: undefined, violations: [{ code: 'VALIDATION_FAILED', path: '$.memberId', … }] }
 */
export function parseWithViolations<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  options: IssueMappingOptions = {},
): { data: z.output<S> | undefined; violations: ValidationViolation[] } {
  // Parsing with `reportInput` is markedly slower, so only a failed input is parsed again with it,
  // for messages that show the offending values.
  const parsed = schema.safeParse(input);
  if (parsed.success) return { data: parsed.data, violations: [] };
  const reported = schema.safeParse(input, { reportInput: true });
  const issues = reported.success ? parsed.error.issues : reported.error.issues;
  return { data: undefined, violations: zodIssuesToViolations(issues, options) };
}

/**
 * Builds a validator's result: success when there is data and no violation.
 *
 * @example
 * toValidationResult({ memberId: 'K5500648801' }, [], []); // { success: true, data: …, warnings: [] }
 */
export function toValidationResult<T>(
  data: T | undefined,
  violations: readonly ValidationViolation[],
  warnings: readonly Violation[] = [],
): RuleValidationResult<T> {
  if (violations.length === 0 && data !== undefined) return { success: true, data, warnings: [...warnings] };
  return { success: false, violations: [...violations], warnings: [...warnings] };
}

// ---------------------------------------------------------------------------------------------------
// Reading raw input defensively (the rule passes run on the raw input, beside zod, so that a broken
// field elsewhere does not hide a rule violation).

/**
 * The value as a plain record, or `undefined` when it is not an object (arrays are not records).
 *
 * @example
 * asRecord({ a: 1 }); // { a: 1 }
 * asRecord([1]); // undefined
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/**
 * Whether the value is a plain record: an object that is not `null` and not an array.
 *
 * @example
 * isRecord({ a: 1 }); // true
 * isRecord([1]); // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value when it is text with something besides whitespace, else `undefined`.
 *
 * @example
 * textOf(' Hartford '); // ' Hartford '
 * textOf('  '); // undefined
 */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The field of a record if it is an own property (never an inherited one such as `toString`).
 *
 * @example
 * field({ a: 1 }, 'a'); // 1
 * field({}, 'toString'); // undefined
 */
export function field(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
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
 * The field of a record as a real calendar date, or `undefined`.
 *
 * @example
 * dateField({ from: '2026-01-01' }, 'from'); // '2026-01-01'
 * dateField({ from: '2025-02-30' }, 'from'); // undefined
 */
export function dateField(record: Record<string, unknown> | undefined, key: string): IsoDate | undefined {
  return parseIsoDate(field(record, key));
}

/**
 * The field of a record as an array, or `undefined`.
 *
 * @example
 * arrayField({ lines: [1] }, 'lines'); // [1]
 */
export function arrayField(record: Record<string, unknown> | undefined, key: string): unknown[] | undefined {
  const value = field(record, key);
  return Array.isArray(value) ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Field schemas whose issues carry the rule codes (`params.code`) and the rules module's messages.

function ruleParams(code: RuleCode, message: (input: unknown) => string) {
  return { params: { code }, error: (issue: { input: unknown }) => message(issue.input) };
}

/**
 * Text that is trimmed first and must then have 1 to `max` characters: a name, a reason, a line of an
 * address. (Shared so every such field says the same thing when it is empty or too long.)
 *
 * @example
 * trimmedText(60).parse('  Ada '); // 'Ada'
 */
export function trimmedText(max: number) {
  return z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
}

function firstMessage(violations: Violation[], fallback: string): string {
  return violations[0]?.message ?? fallback;
}

/**
 * A calendar day `YYYY-MM-DD` that exists (`2025-02-30` is refused with `VALIDATION_FAILED`).
 *
 * @example
 * IsoDateSchema.safeParse('2024-02-29').success; // true
 * IsoDateSchema.safeParse('2025-02-30').success; // false
 */
export const IsoDateSchema = z.string().check(
  z.refine(isIsoDate, {
    error: (issue) =>
      `${describeValue(issue.input)} is not a real calendar date: write the day as YYYY-MM-DD, for example 2026-02-28.`,
  }),
);

/**
 * An NPI with a valid check digit (`INVALID_NPI`).
 *
 * @example
 * NpiSchema.safeParse('1407819535').success; // true
 */
export const NpiSchema = z.string().check(
  z.refine(
    isValidNpi,
    ruleParams('INVALID_NPI', (input) => firstMessage(checkNpi(input), 'The NPI is not valid.')),
  ),
);

/**
 * A Tax ID, `NNNNNNNNN` or `NN-NNNNNNN`, normalised to 9 digits (`INVALID_TAX_ID`).
 *
 * @example
 * TaxIdSchema.parse('06-0646668'); // '060646668'
 */
export const TaxIdSchema = z.pipe(
  z.string().check(
    z.refine(
      (value) => normalizeTaxId(value) !== undefined,
      ruleParams('INVALID_TAX_ID', (input) => firstMessage(checkTaxId(input), 'The Tax ID is not valid.')),
    ),
  ),
  z.transform((value: string) => normalizeTaxId(value) ?? value),
);

/**
 * A member ID as printed on the ID card: 6–15 upper-case letters or digits.
 *
 * @example
 * MemberIdSchema.safeParse('K5500648801').success; // true
 */
export const MemberIdSchema = z.string().check(
  z.refine(isMemberId, {
    error: (issue) =>
      `Member ID ${describeValue(issue.input)} is not valid: use the 6–15 upper-case letters or digits printed on the member's ID card.`,
  }),
);

/**
 * A CPT/HCPCS procedure code (`INVALID_CPT_CODE`).
 *
 * @example
 * ProcedureCodeSchema.safeParse('97110').success; // true
 */
export const ProcedureCodeSchema = z.string().check(
  z.refine(
    isProcedureCode,
    ruleParams('INVALID_CPT_CODE', (input) =>
      firstMessage(checkProcedureCode(input), 'The procedure code is not valid.'),
    ),
  ),
);

/**
 * An ICD-10-CM diagnosis code (`INVALID_ICD10_CODE`).
 *
 * @example
 * DiagnosisCodeSchema.safeParse('J45.40').success; // true
 */
export const DiagnosisCodeSchema = z.string().check(
  z.refine(
    isDiagnosisCode,
    ruleParams('INVALID_ICD10_CODE', (input) =>
      firstMessage(checkDiagnosisCode(input), 'The diagnosis code is not valid.'),
    ),
  ),
);

/**
 * A US phone number, 10 digits written any common way.
 *
 * @example
 * PhoneSchema.safeParse('(898) 345-0098').success; // true
 */
export const PhoneSchema = z.string().check(
  z.refine(isUsPhone, {
    error: (issue) =>
      `Phone number ${describeValue(issue.input)} is not a valid US number: give 10 digits, such as (898) 345-0098.`,
  }),
);

/**
 * An email address (at most 254 characters).
 *
 * @example
 * EmailSchema.safeParse('office.manager@example.com').success; // true
 */
export const EmailSchema = z.email().check(z.maxLength(254));

/**
 * A user PIN, exactly 4 digits (`INVALID_PIN`).
 *
 * @example
 * PinSchema.safeParse('0420').success; // true
 */
export const PinSchema = z.string().check(
  z.refine(
    isPin,
    ruleParams('INVALID_PIN', (input) => firstMessage(checkPin(input), 'The PIN is not valid.')),
  ),
);

/**
 * A postal address.
 *
 * @example
 * AddressSchema.parse({ line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' });
 */
export const AddressSchema = z.object({
  line1: trimmedText(100),
  line2: z.optional(z.string().check(z.maxLength(100))),
  city: trimmedText(60),
  state: z.string().check(
    z.refine((value) => /^[A-Z]{2}$/.test(value), {
      error: (issue) =>
        `State ${describeValue(issue.input)} is not valid: use the two-letter code, such as CT.`,
    }),
  ),
  zip: z.string().check(
    z.refine((value) => /^\d{5}(-\d{4})?$/.test(value), {
      error: (issue) =>
        `ZIP code ${describeValue(issue.input)} is not valid: use 5 digits or ZIP+4, such as 06102.`,
    }),
  ),
});

/**
 * A provider as a transaction names it: NPI, Tax ID, name and address (which must be one known
 * combination, `PROVIDER_IDENTITY_MISMATCH`, checked against a directory by the validators).
 *
 * @example
 * ProviderReferenceSchema.parse({
 *   npi: '1407819535', taxId: '060646668', name: 'Adamski, John',
 *   address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
 * });
 */
export const ProviderReferenceSchema = z.object({
  npi: NpiSchema,
  taxId: TaxIdSchema,
  name: trimmedText(120),
  address: AddressSchema,
});

/**
 * A provider reference after parsing (Tax ID normalised).
 *
 * @example
 * const provider: ProviderReference = ProviderReferenceSchema.parse(body.servicingProvider);
 */
export type ProviderReference = z.output<typeof ProviderReferenceSchema>;

/**
 * One to twelve ICD-10-CM diagnoses, `[{ code, primary? }]`.
 *
 * @example
 * DiagnosesSchema.parse([{ code: 'J45.40', primary: true }]);
 */
export const DiagnosesSchema = z
  .array(z.object({ code: DiagnosisCodeSchema, primary: z.optional(z.boolean()) }))
  .check(z.minLength(1), z.maxLength(12));

/**
 * A postal address after parsing.
 *
 * @example
 * const address: Address = { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' };
 */
export type Address = z.output<typeof AddressSchema>;

/**
 * The provider directory of the plan: whether an NPI, a (normalised) Tax ID and an address are one
 * known combination. The SDK may pass one built from `searchProviders`; the mock server its store.
 *
 * @example
 * const directory: ProviderDirectory = ({ npi, taxId }) => npi === '1407819535' && taxId === '060646668';
 */
export type ProviderDirectory = (provider: { npi: string; taxId: string; address: Address }) => boolean;

/**
 * `PROVIDER_IDENTITY_MISMATCH` when a well-formed provider reference is not a combination the
 * directory knows ("The address selected must match with the sub-specialist's Tax ID and NPI. It is a
 * combination of these three elements (address, Tax ID, and NPI) that are critical for processing
 * claims, preauthorization requests, and referral transactions.", seed 003). A malformed reference is
 * left to the schema (its NPI, Tax ID or address violations), and no directory means no check.
 *
 * @example
 * checkProviderIdentity(input.servicingProvider, '$.servicingProvider', directory, 'servicing provider');
 */
export function checkProviderIdentity(
  value: unknown,
  path: string,
  directory: ProviderDirectory | undefined,
  role = 'provider',
): Violation[] {
  if (directory === undefined) return [];
  const record = asRecord(value);
  const npi = field(record, 'npi');
  const taxId = normalizeTaxId(field(record, 'taxId'));
  const address = AddressSchema.safeParse(field(record, 'address'));
  if (!isValidNpi(npi) || taxId === undefined || !address.success) return [];
  if (directory({ npi, taxId, address: address.data })) return [];
  const { line1, city, state, zip } = address.data;
  return [
    {
      code: 'PROVIDER_IDENTITY_MISMATCH',
      path,
      message:
        `The ${role}'s address (${line1}, ${city}, ${state} ${zip}), Tax ID ${taxId} and NPI ${npi} are not ` +
        'one known combination: the address selected must match the Tax ID and NPI. Choose an address ' +
        'listed for this Tax ID and NPI in the provider directory.',
    },
  ];
}
