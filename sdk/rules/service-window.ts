import * as z from 'zod/mini';
import type { RuleContext } from './context.ts';
import { resolveContext } from './context.ts';
import type { IsoDate } from './dates.ts';
import { addDays, parseIsoDate } from './dates.ts';
import type { Violation } from './violation.ts';
import { joinPath } from './violation.ts';
import type { ProviderDirectory, RuleValidationResult, ValidationViolation, ZodIssue } from './zod-issues.ts';
import {
  arrayField,
  asRecord,
  checkProviderIdentity,
  DiagnosesSchema,
  dateField,
  describeValue,
  field,
  IsoDateSchema,
  MemberIdSchema,
  ProcedureCodeSchema,
  ProviderReferenceSchema,
  parseWithViolations,
  toValidationResult,
  trimmedText,
} from './zod-issues.ts';

/**
 * "The service end date cannot be more than 180 days from the request date." (seed 003): the limit,
 * inclusive of day 180.
 *
 * @example
 * addDays('2026-01-01', SERVICE_WINDOW_DAYS); // '2026-06-30', the latest service end date
 */
export const SERVICE_WINDOW_DAYS = 180;

/**
 * The coverage end date of an open-ended coverage ("a default date that is something like
 * 12/31/9999", seed 003).
 *
 * @example
 * coverage.endDate === OPEN_COVERAGE_END; // the coverage has no end
 */
export const OPEN_COVERAGE_END: IsoDate = '9999-12-31';

/**
 * At most this many service lines in one preauthorization request.
 *
 * @example
 * input.serviceLines.length <= MAX_SERVICE_LINES;
 */
export const MAX_SERVICE_LINES = 50;

/**
 * The urgencies of a preauthorization request: `expedited` is decided within 72 hours, `standard`
 * within 7 calendar days (CMS-0057-F).
 *
 * @example
 * PREAUTHORIZATION_URGENCIES.includes('expedited'); // true
 */
export const PREAUTHORIZATION_URGENCIES = ['standard', 'expedited'] as const;

/**
 * `standard` or `expedited`.
 *
 * @example
 * const urgency: PreauthorizationUrgency = 'expedited';
 */
export type PreauthorizationUrgency = (typeof PREAUTHORIZATION_URGENCIES)[number];

/**
 * The service types of a preauthorization request (the contract's `PreauthorizationServiceType`).
 *
 * @example
 * PREAUTHORIZATION_SERVICE_TYPES.includes('physical_therapy'); // true
 */
export const PREAUTHORIZATION_SERVICE_TYPES = [
  'outpatient_procedure',
  'inpatient_admission',
  'home_health_care',
  'durable_medical_equipment',
  'physical_therapy',
  'occupational_therapy',
  'speech_therapy',
  'imaging',
  'behavioral_health',
  'skilled_nursing',
  'infusion_therapy',
  'transplant',
] as const;

/**
 * One of {@link PREAUTHORIZATION_SERVICE_TYPES}.
 *
 * @example
 * const serviceType: PreauthorizationServiceType = 'physical_therapy';
 */
export type PreauthorizationServiceType = (typeof PREAUTHORIZATION_SERVICE_TYPES)[number];

/**
 * The member's coverage span; an open coverage ends on `9999-12-31`.
 *
 * @example
 * const coverage: CoverageSpan = { startDate: '2020-08-01', endDate: '9999-12-31' };
 */
export interface CoverageSpan {
  startDate: IsoDate;
  endDate: IsoDate;
}

/**
 * The context of the preauthorization validators: the clock (the request date is today), and
 * optionally the member's coverage (`SERVICE_OUTSIDE_COVERAGE`) and the provider directory
 * (`PROVIDER_IDENTITY_MISMATCH`); without them those two rules are not checked.
 *
 * @example
 * const ctx: PreauthorizationContext = { clock: fixedClock('2026-01-01T15:00:00Z'), coverage };
 */
export interface PreauthorizationContext extends RuleContext {
  coverage?: CoverageSpan;
  providerDirectory?: ProviderDirectory;
}

const ModifierSchema = z.string().check(
  z.refine((value) => /^[A-Z0-9]{2}$/.test(value), {
    error: (issue) =>
      `Modifier ${describeValue(issue.input)} is not valid: a modifier is two upper-case letters or digits, such as GP, RT or 59.`,
  }),
);

/**
 * One service line of a new preauthorization request, with its own CPT/HCPCS code.
 *
 * @example
 * PreauthorizationServiceLineSchema.parse({
 *   procedureCode: '97110', units: 24, serviceStartDate: '2026-01-05', serviceEndDate: '2026-03-31',
 * });
 */
export const PreauthorizationServiceLineSchema = z.strictObject({
  procedureCode: ProcedureCodeSchema,
  units: z.int().check(z.minimum(1), z.maximum(999)),
  serviceStartDate: IsoDateSchema,
  serviceEndDate: IsoDateSchema,
  modifiers: z.optional(z.array(ModifierSchema).check(z.maxLength(4))),
});

/**
 * The body of `createPreauthorization` (field names of docs/spec-conventions.md). The schema checks
 * each field (identifiers carry their rule codes); {@link validatePreauthorizationCreate} adds the
 * rules that need today's date, the coverage and the provider directory.
 *
 * @example
 * const parsed = PreauthorizationCreateSchema.safeParse(body);
 */
export const PreauthorizationCreateSchema = z.strictObject({
  memberId: MemberIdSchema,
  urgency: z.enum(PREAUTHORIZATION_URGENCIES),
  serviceType: z.enum(PREAUTHORIZATION_SERVICE_TYPES),
  requestingProvider: ProviderReferenceSchema,
  servicingProvider: ProviderReferenceSchema,
  diagnoses: DiagnosesSchema,
  serviceStartDate: IsoDateSchema,
  serviceEndDate: IsoDateSchema,
  serviceLines: z.array(PreauthorizationServiceLineSchema).check(
    z.refine((lines) => lines.length > 0, {
      params: { code: 'SERVICE_LINE_REQUIRED' },
      error:
        'A preauthorization request needs at least one service line, each with its own CPT/HCPCS code: add one.',
    }),
    z.maxLength(MAX_SERVICE_LINES),
  ),
  notes: z.optional(z.string().check(z.maxLength(2000))),
});

/**
 * A parsed preauthorization request (Tax IDs normalised).
 *
 * @example
 * const result = validatePreauthorizationCreate(body);
 * if (result.success) { const request: PreauthorizationCreate = result.data; }
 */
export type PreauthorizationCreate = z.output<typeof PreauthorizationCreateSchema>;

/**
 * The latest allowed service end date of a request made on `requestDate`: 180 days later, inclusive
 * ("The service end date cannot be more than 180 days from the request date.", seed 003).
 *
 * @example
 * latestServiceEndDate('2026-01-01'); // '2026-06-30' (passes; 2026-07-01 fails)
 */
export function latestServiceEndDate(requestDate: IsoDate): IsoDate {
  return addDays(requestDate, SERVICE_WINDOW_DAYS);
}

function requireCoverage(coverage: CoverageSpan | undefined): CoverageSpan | undefined {
  if (coverage === undefined) return undefined;
  if (parseIsoDate(coverage.startDate) === undefined || parseIsoDate(coverage.endDate) === undefined) {
    throw new RangeError(
      `Invalid coverage ${describeValue(coverage.startDate)} to ${describeValue(coverage.endDate)}: expected YYYY-MM-DD dates.`,
    );
  }
  return coverage;
}

/**
 * Compares two dates already known to be valid `YYYY-MM-DD` strings: with 4-digit years their text
 * order is their calendar order, so this skips re-parsing them (validation stays well under 50 µs).
 */
function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function coverageText(coverage: CoverageSpan): string {
  return `${coverage.startDate} to ${coverage.endDate === OPEN_COVERAGE_END ? 'open-ended' : coverage.endDate}`;
}

interface WindowCheck {
  /** e.g. 'the request', 'service line 3' */
  label: string;
  base: string;
  start: IsoDate | undefined;
  end: IsoDate | undefined;
  /** The request date the 180 days count from, or undefined to skip the check. */
  requestDate: IsoDate | undefined;
  /** `latestServiceEndDate(requestDate)`, computed once per validation. */
  latest: IsoDate | undefined;
  coverage: CoverageSpan | undefined;
  /** Which of the dates to check against the limit and coverage (a modification checks only what it changes). */
  checkStart?: boolean;
  checkEnd?: boolean;
  /** Identifier-like keys (default serviceStartDate / serviceEndDate), appended to `base` as `.key`. */
  startKey?: string;
  endKey?: string;
}

/**
 * `SERVICE_OUTSIDE_COVERAGE` when a date of a request lies outside the member's coverage ("The service
 * dates must coincide with the member's coverage dates", seed 003), otherwise `undefined`. Every create
 * that names a member (preauthorizations, referrals, admission notifications) checks its dates with it.
 *
 * @example
 * outsideCoverage('2026-12-01', '$.startDate', 'start', 'the referral', { startDate: '2020-01-01', endDate: '2026-09-30' });
 * // { code: 'SERVICE_OUTSIDE_COVERAGE', path: '$.startDate', … }
 */
export function outsideCoverage(
  date: IsoDate,
  path: string,
  which: 'start' | 'end',
  label: string,
  coverage: CoverageSpan,
): Violation | undefined {
  if (compareDates(date, coverage.startDate) >= 0 && compareDates(date, coverage.endDate) <= 0)
    return undefined;
  return {
    code: 'SERVICE_OUTSIDE_COVERAGE',
    path,
    message:
      `The service ${which} date ${date} of ${label} is outside the member's coverage ` +
      `(${coverageText(coverage)}): the service dates must coincide with the member's coverage dates. ` +
      'Choose dates within the coverage.',
  };
}

// Hot path (once per service line): no closures, and paths are built only for a violation.
function windowViolations(check: WindowCheck): Violation[] {
  const out: Violation[] = [];
  const { start, end, coverage, requestDate, latest, label, base } = check;
  const startKey = check.startKey ?? 'serviceStartDate';
  const endKey = check.endKey ?? 'serviceEndDate';
  const checkStart = check.checkStart ?? true;
  const checkEnd = check.checkEnd ?? true;
  if (start !== undefined && end !== undefined && compareDates(start, end) > 0 && (checkStart || checkEnd)) {
    out.push({
      code: 'SERVICE_DATES_REVERSED',
      path: `${base}.${checkStart ? startKey : endKey}`,
      message:
        `The service start date ${start} of ${label} is after its service end date ${end}: ` +
        'the service starts on or before the day it ends. Swap or correct the dates.',
    });
  }
  if (checkEnd && end !== undefined && requestDate !== undefined && latest !== undefined) {
    if (compareDates(end, latest) > 0) {
      out.push({
        code: 'SERVICE_END_BEYOND_180_DAYS',
        path: `${base}.${endKey}`,
        message:
          `The service end date ${end} of ${label} is more than ${SERVICE_WINDOW_DAYS} days from the request ` +
          `date ${requestDate}: the service end date cannot be more than ${SERVICE_WINDOW_DAYS} days from the ` +
          `request date. End the service on or before ${latest}, and request the rest later.`,
      });
    }
  }
  if (coverage !== undefined) {
    const startOutside =
      checkStart && start !== undefined
        ? outsideCoverage(start, `${base}.${startKey}`, 'start', label, coverage)
        : undefined;
    if (startOutside !== undefined) out.push(startOutside);
    const endOutside =
      checkEnd && end !== undefined
        ? outsideCoverage(end, `${base}.${endKey}`, 'end', label, coverage)
        : undefined;
    if (endOutside !== undefined) out.push(endOutside);
  }
  return out;
}

function lineLabel(index: number): string {
  return `service line ${index + 1}`;
}

/**
 * The rules of a new preauthorization request that the schema alone cannot check, on the raw input
 * (so that a malformed field elsewhere hides none of them): service dates not reversed, the end at
 * most 180 days after today (the request date), within the coverage, and each provider one known
 * combination of address, Tax ID and NPI.
 */
function preauthorizationCreateRules(
  input: unknown,
  ctx: PreauthorizationContext,
  today: IsoDate,
  wellFormed: boolean,
): Violation[] {
  const root = asRecord(input);
  if (root === undefined) return [];
  // After a successful parse every date is known to be valid: read it without parsing it again.
  const readDate = wellFormed ? validDateField : dateField;
  const coverage = requireCoverage(ctx.coverage);
  const latest = latestServiceEndDate(today);
  const out = windowViolations({
    label: 'the request',
    base: '$',
    start: readDate(root, 'serviceStartDate'),
    end: readDate(root, 'serviceEndDate'),
    requestDate: today,
    latest,
    coverage,
  });
  const lines = arrayField(root, 'serviceLines') ?? [];
  for (let index = 0; index < lines.length; index++) {
    const line = asRecord(lines[index]);
    const found = windowViolations({
      label: lineLabel(index),
      base: `$.serviceLines[${index}]`,
      start: readDate(line, 'serviceStartDate'),
      end: readDate(line, 'serviceEndDate'),
      requestDate: today,
      latest,
      coverage,
    });
    for (const v of found) out.push(v);
  }
  out.push(
    ...checkProviderIdentity(
      field(root, 'requestingProvider'),
      '$.requestingProvider',
      ctx.providerDirectory,
      'requesting provider',
    ),
    ...checkProviderIdentity(
      field(root, 'servicingProvider'),
      '$.servicingProvider',
      ctx.providerDirectory,
      'servicing provider',
    ),
  );
  return out;
}

function validDateField(record: Record<string, unknown> | undefined, key: string): IsoDate | undefined {
  const value = field(record, key);
  return typeof value === 'string' ? value : undefined;
}

const ANY_INDEX = Symbol('any index');

function isPath(path: readonly PropertyKey[], ...expected: (string | typeof ANY_INDEX)[]): boolean {
  return (
    path.length === expected.length &&
    expected.every((segment, i) =>
      segment === ANY_INDEX ? typeof path[i] === 'number' : path[i] === segment,
    )
  );
}

/**
 * Validates a new preauthorization request and reports every violation at once: the shape of each
 * field (`VALIDATION_FAILED`, `INVALID_NPI`, `INVALID_TAX_ID`, `INVALID_CPT_CODE`,
 * `INVALID_ICD10_CODE`, `SERVICE_LINE_REQUIRED`), and the request and each line against
 * `SERVICE_DATES_REVERSED`, `SERVICE_END_BEYOND_180_DAYS` (today is the request date),
 * `SERVICE_OUTSIDE_COVERAGE` (with `ctx.coverage`) and `PROVIDER_IDENTITY_MISMATCH` (with
 * `ctx.providerDirectory`). Never throws on any input.
 *
 * @example
 * const result = validatePreauthorizationCreate(body, { clock: fixedClock('2026-01-01T15:00:00Z') });
 * if (!result.success) for (const v of result.violations) console.log(v.code, v.path);
 */
export function validatePreauthorizationCreate(
  input: unknown,
  ctx: PreauthorizationContext = {},
): RuleValidationResult<PreauthorizationCreate> {
  const { today } = resolveContext(ctx);
  const parsed = parseWithViolations(PreauthorizationCreateSchema, input, { override: serviceLineIssue });
  const violations: ValidationViolation[] = [
    ...parsed.violations,
    ...preauthorizationCreateRules(input, ctx, today, parsed.data !== undefined),
  ];
  return toValidationResult(parsed.data, violations);
}

/** "each with its own CPT code" (seed 003): no lines, or a line without a code, is SERVICE_LINE_REQUIRED. */
function serviceLineIssue(issue: ZodIssue): Partial<Omit<ValidationViolation, 'path'>> | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (isPath(issue.path, 'serviceLines')) {
    return {
      code: 'SERVICE_LINE_REQUIRED',
      message:
        'A preauthorization request needs a list of service lines (serviceLines), at least one, each ' +
        'with its own CPT/HCPCS code.',
    };
  }
  if (isPath(issue.path, 'serviceLines', ANY_INDEX, 'procedureCode') && issue.input === undefined) {
    const index = Number(issue.path[1]);
    return {
      code: 'SERVICE_LINE_REQUIRED',
      message: `Service line ${index + 1} has no procedure code: each service line has its own CPT/HCPCS code.`,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Modifications

/**
 * The changes to one service line in a modification request.
 *
 * @example
 * PreauthorizationModificationLineSchema.parse({ lineNumber: 1, serviceEndDate: '2026-05-31' });
 */
export const PreauthorizationModificationLineSchema = z.object({
  lineNumber: z.int().check(z.minimum(1)),
  units: z.optional(z.int().check(z.minimum(1))),
  serviceStartDate: z.optional(IsoDateSchema),
  serviceEndDate: z.optional(IsoDateSchema),
});

/**
 * The body of a modification request (`PreauthorizationModificationCreate`): a reason and a new
 * service end date and/or line changes. Fields a modification cannot change are refused by
 * {@link validatePreauthorizationModification} with `PREAUTH_NOT_EDITABLE`.
 *
 * @example
 * PreauthorizationModificationCreateSchema.parse({ reason: 'More time needed', serviceEndDate: '2026-05-31' });
 */
export const PreauthorizationModificationCreateSchema = z.object({
  reason: trimmedText(1000),
  serviceEndDate: z.optional(IsoDateSchema),
  lines: z.optional(
    z.array(PreauthorizationModificationLineSchema).check(z.minLength(1), z.maxLength(MAX_SERVICE_LINES)),
  ),
});

/**
 * A parsed modification request.
 *
 * @example
 * const change: PreauthorizationModificationCreate = { reason: 'More time needed', serviceEndDate: '2026-05-31' };
 */
export type PreauthorizationModificationCreate = z.output<typeof PreauthorizationModificationCreateSchema>;

/**
 * What a modification is checked against: the submitted preauthorization (its request date, service
 * dates and lines; a line's `lineNumber` defaults to its position from 1).
 *
 * @example
 * const original: PreauthorizationOriginal = {
 *   requestDate: '2026-01-01', serviceStartDate: '2026-01-05', serviceEndDate: '2026-03-31',
 *   serviceLines: [{ lineNumber: 1, units: 24, serviceStartDate: '2026-01-05', serviceEndDate: '2026-03-31' }],
 * };
 */
export interface PreauthorizationOriginal {
  requestDate: IsoDate;
  serviceStartDate: IsoDate;
  serviceEndDate: IsoDate;
  serviceLines: readonly {
    lineNumber?: number;
    units: number;
    serviceStartDate: IsoDate;
    serviceEndDate: IsoDate;
  }[];
}

/**
 * The context of {@link validatePreauthorizationModification}: that of the create validator plus the
 * original preauthorization (without it, only the shape and the modification's own dates are checked).
 *
 * @example
 * const ctx: PreauthorizationModificationContext = { original, coverage };
 */
export interface PreauthorizationModificationContext extends PreauthorizationContext {
  original?: PreauthorizationOriginal;
}

/** Fields of a preauthorization that "cannot be changed" once submitted (seed 003). */
const LOCKED_FIELDS = new Set([
  'memberId',
  'urgency',
  'serviceType',
  'requestingProvider',
  'servicingProvider',
  'diagnoses',
  'serviceStartDate',
  'serviceLines',
  'notes',
]);
const MODIFICATION_FIELDS = new Set(['reason', 'serviceEndDate', 'lines']);
const LOCKED_LINE_FIELDS = new Set(['procedureCode', 'modifiers']);
const MODIFICATION_LINE_FIELDS = new Set(['lineNumber', 'units', 'serviceStartDate', 'serviceEndDate']);

function unknownKeyViolations(
  record: Record<string, unknown> | undefined,
  base: string,
  allowed: ReadonlySet<string>,
  locked: ReadonlySet<string>,
): ValidationViolation[] {
  if (record === undefined) return [];
  const out: ValidationViolation[] = [];
  for (const key of Object.keys(record)) {
    if (allowed.has(key)) continue;
    const path = joinPath(base, key);
    out.push(
      locked.has(key)
        ? {
            code: 'PREAUTH_NOT_EDITABLE',
            path,
            message:
              `${path} cannot be changed: once a preauthorization request is submitted it cannot be changed, ` +
              'except its service end date, service line dates and units through a modification request. ' +
              'For other changes, call the Utilization Management department or submit a new request.',
          }
        : {
            code: 'VALIDATION_FAILED',
            path,
            message: `${path} is not a field of a modification request: remove it (check its spelling).`,
          },
    );
  }
  return out;
}

function originalLines(original: PreauthorizationOriginal) {
  return original.serviceLines.map((line, index) => ({ ...line, lineNumber: line.lineNumber ?? index + 1 }));
}

function modificationRules(input: unknown, ctx: PreauthorizationModificationContext): ValidationViolation[] {
  const root = asRecord(input);
  if (root === undefined) return [];
  const coverage = requireCoverage(ctx.coverage);
  const original = ctx.original;
  const latest = original === undefined ? undefined : latestServiceEndDate(original.requestDate);
  const out: ValidationViolation[] = unknownKeyViolations(root, '$', MODIFICATION_FIELDS, LOCKED_FIELDS);
  const endDate = dateField(root, 'serviceEndDate');
  const rawLines = field(root, 'lines');
  if (field(root, 'serviceEndDate') === undefined && rawLines === undefined) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$',
      message:
        'A modification request changes something: give a new serviceEndDate, or lines with new dates or ' +
        'fewer units.',
    });
  }
  out.push(
    ...windowViolations({
      label: 'the request',
      base: '$',
      start: original?.serviceStartDate,
      end: endDate,
      requestDate: original?.requestDate,
      latest,
      coverage,
      checkStart: false,
    }),
  );
  const lines = Array.isArray(rawLines) ? rawLines : [];
  const known = original === undefined ? undefined : originalLines(original);
  const seen = new Set<number>();
  lines.forEach((value, index) => {
    const line = asRecord(value);
    const base = joinPath('$', 'lines', index);
    out.push(...unknownKeyViolations(line, base, MODIFICATION_LINE_FIELDS, LOCKED_LINE_FIELDS));
    const lineNumber = field(line, 'lineNumber');
    if (typeof lineNumber !== 'number' || !Number.isInteger(lineNumber)) return;
    if (seen.has(lineNumber)) {
      out.push({
        code: 'VALIDATION_FAILED',
        path: joinPath(base, 'lineNumber'),
        message: `Line ${lineNumber} appears more than once: give all the changes of a line in one entry.`,
      });
      return;
    }
    seen.add(lineNumber);
    const before = known?.find((candidate) => candidate.lineNumber === lineNumber);
    if (known !== undefined && before === undefined) {
      out.push({
        code: 'PREAUTH_NOT_EDITABLE',
        path: joinPath(base, 'lineNumber'),
        message:
          `Line ${lineNumber} is not a service line of this preauthorization (it has lines 1–${known.length}): ` +
          'additional services require a new preauthorization request.',
      });
      return;
    }
    const units = field(line, 'units');
    if (before !== undefined && typeof units === 'number' && units > before.units) {
      // "home care agencies may ask for more time to use approved visits. However, additional visits
      // and/or additional services require a new preauthorization request." (seed 003)
      out.push({
        code: 'PREAUTH_NOT_EDITABLE',
        path: joinPath(base, 'units'),
        message:
          `Line ${lineNumber} asks for ${units} units, more than the ${before.units} requested: a modification ` +
          'may ask for more time to use approved visits, but additional visits require a new preauthorization ' +
          'request.',
      });
    }
    const newStart = dateField(line, 'serviceStartDate');
    const newEnd = dateField(line, 'serviceEndDate');
    out.push(
      ...windowViolations({
        label: `service line ${lineNumber}`,
        base,
        start: newStart ?? before?.serviceStartDate,
        end: newEnd ?? before?.serviceEndDate,
        requestDate: original?.requestDate,
        latest,
        coverage,
        checkStart: newStart !== undefined,
        checkEnd: newEnd !== undefined,
      }),
    );
  });
  return out;
}

/**
 * Validates a modification request of a submitted preauthorization, every violation at once: its
 * shape; `PREAUTH_NOT_EDITABLE` for the fields a modification cannot change (member, providers,
 * diagnoses, codes, …), for lines the original does not have and for more units than requested
 * ("additional visits and/or additional services require a new preauthorization request", seed 003);
 * new dates `SERVICE_END_BEYOND_180_DAYS` from the ORIGINAL request date, `SERVICE_DATES_REVERSED`
 * against the dates they keep, and `SERVICE_OUTSIDE_COVERAGE` (with `ctx.coverage`). Never throws on
 * any input.
 *
 * @example
 * validatePreauthorizationModification(
 *   { reason: 'Member was hospitalized; more time is needed', serviceEndDate: '2026-06-30' },
 *   { original },
 * ); // success when 2026-06-30 is within 180 days of original.requestDate
 */
export function validatePreauthorizationModification(
  input: unknown,
  ctx: PreauthorizationModificationContext = {},
): RuleValidationResult<PreauthorizationModificationCreate> {
  const parsed = parseWithViolations(PreauthorizationModificationCreateSchema, input);
  return toValidationResult(parsed.data, [...parsed.violations, ...modificationRules(input, ctx)]);
}

/**
 * `[]` for a request that may still be modified, otherwise one `PREAUTH_NOT_EDITABLE` violation: a
 * denied request is decided, and a modification cannot turn it into an approval ("additional visits
 * and/or additional services require a new preauthorization request", seed 003); submit a new request
 * (or appeal the denial through the Message Center's Grievances and Appeals category).
 *
 * @example
 * requireModifiable('denied'); // [{ code: 'PREAUTH_NOT_EDITABLE', path: '$', … }]
 * requireModifiable('approved'); // []
 */
export function requireModifiable(status: string): Violation[] {
  if (status !== 'denied') return [];
  return [
    {
      code: 'PREAUTH_NOT_EDITABLE',
      path: '$',
      message:
        'This preauthorization request was denied, so it cannot be modified: submit a new preauthorization ' +
        'request, or appeal the denial in the Message Center (category Grievances and Appeals).',
    },
  ];
}

/**
 * `applied` when the systems can make every change without staff: extensions of end dates (within
 * the limits the validator checks) and fewer units; `pended` for anything else (a new start date, an
 * earlier end date, more units, an unknown line), sent to Utilization Management. "If all requested
 * changes can be processed by our systems without staff intervention, the confirmation will let you
 * know the modifications have been made. If staff intervention is needed, the request will be pended
 * and sent to our Utilization Management team for review." (seed 003)
 *
 * @example
 * modificationOutcome(original, { reason: 'More time', serviceEndDate: '2026-05-31' }); // 'applied'
 * modificationOutcome(original, { reason: 'Move', lines: [{ lineNumber: 1, serviceStartDate: '2026-02-01' }] }); // 'pended'
 */
export function modificationOutcome(
  original: PreauthorizationOriginal,
  modification: PreauthorizationModificationCreate,
): ModificationOutcome {
  const latest = latestServiceEndDate(original.requestDate);
  const isExtension = (before: IsoDate, after: IsoDate | undefined) =>
    after === undefined || (compareDates(after, before) >= 0 && compareDates(after, latest) <= 0);
  if (!isExtension(original.serviceEndDate, modification.serviceEndDate)) return 'pended';
  const known = originalLines(original);
  for (const change of modification.lines ?? []) {
    const before = known.find((line) => line.lineNumber === change.lineNumber);
    if (before === undefined) return 'pended';
    if (change.units !== undefined && change.units > before.units) return 'pended';
    if (change.serviceStartDate !== undefined && change.serviceStartDate !== before.serviceStartDate) {
      return 'pended';
    }
    if (!isExtension(before.serviceEndDate, change.serviceEndDate)) return 'pended';
  }
  return 'applied';
}

/**
 * `applied` (made at once) or `pended` (sent to Utilization Management for review).
 *
 * @example
 * const outcome: ModificationOutcome = modificationOutcome(original, change); // 'applied' | 'pended'
 */
export type ModificationOutcome = 'applied' | 'pended';

/**
 * The confirmation shown for each outcome of a modification request (seed 003).
 *
 * @example
 * MODIFICATION_OUTCOME_MESSAGES.applied; // 'The modifications have been made.'
 */
export const MODIFICATION_OUTCOME_MESSAGES: Readonly<Record<ModificationOutcome, string>> = Object.freeze({
  applied: 'The modifications have been made.',
  pended:
    'The request was pended and sent to our Utilization Management team for review. Return to the portal ' +
    "for your request's status.",
});

// ---------------------------------------------------------------------------------------------------
// Decision and details timing

const HOUR_MS = 3_600_000;

/**
 * Hours within which the plan decides, by urgency (CMS-0057-F: 72 hours for expedited, 7 calendar
 * days for standard requests).
 *
 * @example
 * DECISION_HOURS.expedited; // 72
 */
export const DECISION_HOURS: Readonly<Record<PreauthorizationUrgency, number>> = Object.freeze({
  expedited: 72,
  standard: 7 * 24,
});

function toInstant(value: Date | string, name: string): number {
  const time = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (Number.isNaN(time))
    throw new RangeError(`Invalid ${name} ${describeValue(value)}: expected an ISO timestamp.`);
  return time;
}

/**
 * When the plan decides at the latest (CMS-0057-F): 72 hours after submission for `expedited`,
 * 7 calendar days (7 × 24 hours, to the instant) for `standard`. Throws a RangeError for an invalid
 * instant.
 *
 * @example
 * preauthorizationDecisionDueBy('expedited', new Date('2026-11-23T14:05:00Z')); // 2026-11-26T14:05:00Z
 * preauthorizationDecisionDueBy('standard', '2026-11-23T14:05:00Z'); // 2026-11-30T14:05:00Z
 */
export function preauthorizationDecisionDueBy(
  urgency: PreauthorizationUrgency,
  submittedAt: Date | string,
): Date {
  const hours = DECISION_HOURS[urgency];
  if (hours === undefined)
    throw new RangeError(`Unknown urgency ${describeValue(urgency)}: standard or expedited.`);
  return new Date(toInstant(submittedAt, 'submission instant') + hours * HOUR_MS);
}

/**
 * How long after submission a preauthorization's details become available, by default ("if the
 * Reference ID is not hyperlinked yet, please check back in a few hours as preauthorization details
 * are not yet available", seed 003).
 *
 * @example
 * DETAILS_PENDING_HOURS; // 4
 */
export const DETAILS_PENDING_HOURS = 4;

/**
 * When the details of a just-submitted preauthorization become available (`PREAUTH_DETAILS_PENDING`
 * before then): `hours` after submission (default 4). Throws a RangeError for an invalid instant.
 *
 * @example
 * detailsAvailableAt(new Date('2026-11-23T14:05:00Z')); // 2026-11-23T18:05:00Z
 */
export function detailsAvailableAt(submittedAt: Date | string, hours = DETAILS_PENDING_HOURS): Date {
  return new Date(toInstant(submittedAt, 'submission instant') + hours * HOUR_MS);
}

/**
 * `[]` once the details of a preauthorization are available, otherwise one `PREAUTH_DETAILS_PENDING`
 * violation saying when to look again.
 *
 * @example
 * checkDetailsAvailable('2026-11-23T14:05:00Z', { clock: fixedClock('2026-11-23T15:00:00Z') });
 * // [{ code: 'PREAUTH_DETAILS_PENDING', path: '$', message: '… available from 2026-11-23T18:05:00.000Z …' }]
 */
export function checkDetailsAvailable(
  submittedAt: Date | string,
  ctx: RuleContext = {},
  hours = DETAILS_PENDING_HOURS,
): Violation[] {
  const { now } = resolveContext(ctx);
  const availableAt = detailsAvailableAt(submittedAt, hours);
  if (now.getTime() >= availableAt.getTime()) return [];
  return [
    {
      code: 'PREAUTH_DETAILS_PENDING',
      path: '$',
      message:
        `The details of this preauthorization are not available yet: they become available a few hours after ` +
        `submission, from ${availableAt.toISOString()}. Check back then.`,
    },
  ];
}
