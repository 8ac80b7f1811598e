import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  AddressSchema,
  arrayField,
  asRecord,
  checkProviderIdentity,
  DiagnosisCodeSchema,
  dateField,
  describeValue,
  field,
  IsoDateSchema,
  issueMessage,
  issuePath,
  issueRuleCode,
  NpiSchema,
  PhoneSchema,
  PinSchema,
  ProcedureCodeSchema,
  parseWithViolations,
  TaxIdSchema,
  toValidationResult,
  zodIssuesToViolations,
} from './zod-issues.ts';

function issuesOf(schema: z.ZodMiniType, input: unknown) {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : parsed.error.issues;
}

describe('zodIssuesToViolations', () => {
  it('turns issue paths into JSON paths', () => {
    expect(issuePath([])).toBe('$');
    expect(issuePath(['serviceLines', 0, 'serviceEndDate'])).toBe('$.serviceLines[0].serviceEndDate');
    expect(issuePath(['files', 2], '$.body')).toBe('$.body.files[2]');
    expect(issuePath(['odd key'])).toBe("$['odd key']");
  });

  it('takes the rule code from params.code of a refinement, else VALIDATION_FAILED', () => {
    const schema = z.object({ npi: NpiSchema, count: z.int() });
    expect(zodIssuesToViolations(issuesOf(schema, { npi: '1234567890', count: 'x' }))).toEqual([
      { code: 'INVALID_NPI', path: '$.npi', message: expect.stringContaining('"1234567890"') },
      { code: 'VALIDATION_FAILED', path: '$.count', message: '$.count must be a number, not "x".' },
    ]);
  });

  it('writes messages that name the field, the limit and the value', () => {
    const schema = z.object({
      name: z.string().check(z.minLength(1)),
      tags: z.array(z.string()).check(z.maxLength(2)),
      units: z.int().check(z.minimum(1), z.maximum(999)),
      kind: z.enum(['a', 'b']),
      email: z.email(),
      pin: z.string().check(z.length(4)),
    });
    const messages = zodIssuesToViolations(
      issuesOf(schema, { name: '', tags: ['x', 'y', 'z'], units: 1000, kind: 'c', email: 'no', pin: '123' }),
    ).map((v) => v.message);
    expect(messages).toEqual([
      '$.name must not be empty.',
      '$.tags must have at most 2 items (it has 3 items).',
      '$.units must be at most 999 (it is 1000).',
      '$.kind must be one of "a", "b", not "c".',
      '$.email must be an email address such as name@example.com, not "no".',
      '$.pin must have exactly 4 characters (it has 3 characters).',
    ]);
  });

  it('says a missing field is required', () => {
    expect(zodIssuesToViolations(issuesOf(z.object({ memberId: z.string() }), {}))).toEqual([
      { code: 'VALIDATION_FAILED', path: '$.memberId', message: '$.memberId is required: give a string.' },
    ]);
  });

  it('reports each unknown field at its own path', () => {
    expect(
      zodIssuesToViolations(issuesOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })),
    ).toEqual([
      { code: 'VALIDATION_FAILED', path: '$.b', message: expect.stringContaining('not a field') },
      { code: 'VALIDATION_FAILED', path: '$.c', message: expect.stringContaining('not a field') },
    ]);
  });

  it('lets the caller override code and message', () => {
    const violations = zodIssuesToViolations(issuesOf(z.object({ lines: z.array(z.string()) }), {}), {
      override: (_issue, path) => (path === '$.lines' ? { code: 'SERVICE_LINE_REQUIRED' } : undefined),
    });
    expect(violations[0]?.code).toBe('SERVICE_LINE_REQUIRED');
    expect(violations[0]?.message).toBe('$.lines is required: give a list.');
  });

  it('parseWithViolations never throws and reports the input of the issues', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const { data, violations } = parseWithViolations(z.object({ a: IsoDateSchema }), input);
        return (data === undefined) === violations.length > 0;
      }),
    );
  });
});

describe('field schemas', () => {
  it('IsoDateSchema accepts real dates only, with a clear message', () => {
    expect(IsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    const violations = zodIssuesToViolations(issuesOf(IsoDateSchema, '2025-02-30'));
    expect(violations).toEqual([
      {
        code: 'VALIDATION_FAILED',
        path: '$',
        message:
          '"2025-02-30" is not a real calendar date: write the day as YYYY-MM-DD, for example 2026-02-28.',
      },
    ]);
  });

  it('TaxIdSchema normalises NN-NNNNNNN and refuses other shapes with INVALID_TAX_ID', () => {
    expect(TaxIdSchema.parse('06-0646668')).toBe('060646668');
    expect(TaxIdSchema.parse('060646668')).toBe('060646668');
    expect(zodIssuesToViolations(issuesOf(TaxIdSchema, '0606466681'))[0]?.code).toBe('INVALID_TAX_ID');
  });

  it('carries the identifier codes', () => {
    expect(zodIssuesToViolations(issuesOf(ProcedureCodeSchema, '9711'))[0]?.code).toBe('INVALID_CPT_CODE');
    expect(zodIssuesToViolations(issuesOf(DiagnosisCodeSchema, 'j45'))[0]?.code).toBe('INVALID_ICD10_CODE');
    expect(zodIssuesToViolations(issuesOf(PinSchema, '12345'))[0]?.code).toBe('INVALID_PIN');
    expect(zodIssuesToViolations(issuesOf(NpiSchema, '1407819530'))[0]?.code).toBe('INVALID_NPI');
  });

  it('AddressSchema explains state and ZIP code', () => {
    const messages = zodIssuesToViolations(
      issuesOf(AddressSchema, { line1: '1 Main St', city: 'Hartford', state: 'ct', zip: '0610' }),
    ).map((v) => [v.path, v.message]);
    expect(messages).toEqual([
      ['$.state', 'State "ct" is not valid: use the two-letter code, such as CT.'],
      ['$.zip', 'ZIP code "0610" is not valid: use 5 digits or ZIP+4, such as 06102.'],
    ]);
  });
});

describe('checkProviderIdentity', () => {
  const provider = {
    npi: '1407819535',
    taxId: '06-0646668',
    name: 'Adamski, John',
    address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
  };

  it('is silent without a directory, for a known combination and for a malformed provider', () => {
    expect(checkProviderIdentity(provider, '$.p', undefined)).toEqual([]);
    expect(checkProviderIdentity(provider, '$.p', ({ taxId }) => taxId === '060646668')).toEqual([]);
    expect(checkProviderIdentity({ ...provider, npi: 'x' }, '$.p', () => false)).toEqual([]);
    expect(checkProviderIdentity(null, '$.p', () => false)).toEqual([]);
  });

  it('reports an unknown combination at the provider path', () => {
    expect(checkProviderIdentity(provider, '$.specialist', () => false, 'specialist')).toEqual([
      {
        code: 'PROVIDER_IDENTITY_MISMATCH',
        path: '$.specialist',
        message: expect.stringContaining(
          "The specialist's address (80 Seymour St, Hartford, CT 06102), Tax ID 060646668",
        ),
      },
    ]);
  });
});

describe('raw input helpers', () => {
  it('read own fields only, defensively', () => {
    expect(asRecord([])).toBeUndefined();
    expect(asRecord(null)).toBeUndefined();
    expect(field({}, 'toString')).toBeUndefined();
    expect(field(undefined, 'a')).toBeUndefined();
    expect(dateField({ d: '2025-02-30' }, 'd')).toBeUndefined();
    expect(dateField({ d: '2024-02-29' }, 'd')).toBe('2024-02-29');
    expect(arrayField({ a: 'x' }, 'a')).toBeUndefined();
  });

  it('describeValue never throws', () => {
    expect(describeValue({ toString: 1 })).toBe('an object');
    expect(describeValue('x'.repeat(100))).toHaveLength(60);
    expect(describeValue(Symbol('s'))).toBe('a symbol');
    fc.assert(fc.property(fc.anything(), (value) => typeof describeValue(value) === 'string'));
  });

  it('toValidationResult succeeds only with data and no violation', () => {
    expect(toValidationResult(1, [])).toEqual({ success: true, data: 1, warnings: [] });
    expect(toValidationResult(undefined, []).success).toBe(false);
    expect(toValidationResult(1, [{ code: 'VALIDATION_FAILED', path: '$', message: 'x' }]).success).toBe(
      false,
    );
  });
});

describe('AddressSchema state and ZIP are whole-value matches', () => {
  const address = (state: string, zip: string) =>
    AddressSchema.safeParse({ line1: '1 Main St', city: 'Hartford', state, zip }).success;
  it('accepts CT with 06102 or 06102-1234', () => {
    expect(address('CT', '06102')).toBe(true);
    expect(address('CT', '06102-1234')).toBe(true);
  });
  it('refuses anything before or after, and a short ZIP+4', () => {
    expect(address('XCT', '06102')).toBe(false);
    expect(address('CTX', '06102')).toBe(false);
    expect(address('CT', 'x06102')).toBe(false);
    expect(address('CT', '06102x')).toBe(false);
    expect(address('CT', '06102-12')).toBe(false);
    expect(address('CT', '06102-abcd')).toBe(false);
  });
});

describe('issueMessage, for every kind of zod issue', () => {
  type Issue = Parameters<typeof issueMessage>[0];
  const issue = (fields: Record<string, unknown>) =>
    ({ path: [], message: 'zod said so', ...fields }) as unknown as Issue;
  it('says what failed and what to do (pinned)', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['missing string', { code: 'invalid_type', expected: 'string', input: undefined }],
      ['number given', { code: 'invalid_type', expected: 'string', input: 42 }],
      ['unknown type name', { code: 'invalid_type', expected: 'bigint', input: 'x' }],
      ['empty string', { code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: '' }],
      ['exactly 1 character', { code: 'too_small', origin: 'string', minimum: 1, exact: true, input: '' }],
      [
        'at least 2 characters',
        { code: 'too_small', origin: 'string', minimum: 2, inclusive: true, input: 'a' },
      ],
      ['at least 1 item', { code: 'too_small', origin: 'array', minimum: 1, inclusive: true, input: [] }],
      ['at least 2 items of a set', { code: 'too_small', origin: 'set', minimum: 2, inclusive: true }],
      [
        'number greater than',
        { code: 'too_small', origin: 'number', minimum: 0, inclusive: false, input: 0 },
      ],
      ['number at least', { code: 'too_small', origin: 'number', minimum: 1, inclusive: true, input: 0 }],
      ['at most 1 item', { code: 'too_big', origin: 'array', maximum: 1, inclusive: true, input: [1, 2] }],
      [
        'at most 3 characters',
        { code: 'too_big', origin: 'string', maximum: 3, inclusive: true, input: 'abcd' },
      ],
      ['number less than', { code: 'too_big', origin: 'number', maximum: 10, inclusive: false, input: 10 }],
      ['bigint at most', { code: 'too_big', origin: 'bigint', maximum: 1n, inclusive: true }],
      ['one value', { code: 'invalid_value', values: ['newborn'], input: 'x' }],
      ['one of values', { code: 'invalid_value', values: ['a', 'b'] }],
      ['email', { code: 'invalid_format', format: 'email', input: 'x@' }],
      ['email without input', { code: 'invalid_format', format: 'email' }],
      ['regex', { code: 'invalid_format', format: 'regex', pattern: '/^a$/', input: 'b' }],
      ['regex without pattern', { code: 'invalid_format', format: 'regex', input: 'b' }],
      ['other format', { code: 'invalid_format', format: 'uuid', input: 'b' }],
      ['multiple of', { code: 'not_multiple_of', divisor: 5 }],
      ['unrecognized keys', { code: 'unrecognized_keys', keys: ['a', 'b'] }],
      ['union', { code: 'invalid_union', errors: [] }],
      ['key', { code: 'invalid_key', origin: 'record', issues: [] }],
      ['element', { code: 'invalid_element', origin: 'map', key: 'k', issues: [] }],
      ['custom', { code: 'custom' }],
    ];
    expect(
      cases.map(([name, fields]) => `${name}: ${issueMessage(issue(fields), '$.field')}`),
    ).toMatchSnapshot();
  });

  it('reads the rule code of a refinement only', () => {
    expect(issueRuleCode(issue({ code: 'custom', params: { code: 'INVALID_NPI' } }))).toBe('INVALID_NPI');
    expect(issueRuleCode(issue({ code: 'custom', params: { code: 7 } }))).toBeUndefined();
    expect(issueRuleCode(issue({ code: 'custom' }))).toBeUndefined();
    expect(issueRuleCode(issue({ code: 'invalid_type', params: { code: 'INVALID_NPI' } }))).toBeUndefined();
  });

  it('paths: numbers as indexes, symbols by their description, under a base', () => {
    expect(issuePath(['files', 2, Symbol('extra')], '$.body')).toBe('$.body.files[2].extra');
    expect(issuePath([])).toBe('$');
  });

  it('describeValue: short texts whole, long ones cut at 57 characters, every other kind by its kind', () => {
    expect(describeValue('x'.repeat(60))).toBe(JSON.stringify('x'.repeat(60)));
    expect(describeValue('x'.repeat(61))).toBe(JSON.stringify(`${'x'.repeat(57)}…`));
    expect([0, false, undefined, null, [1], {}, 1n, Symbol('s')].map(describeValue)).toEqual([
      '0',
      'false',
      'nothing',
      'null',
      'an array',
      'an object',
      'a bigint',
      'a symbol',
    ]);
  });
});

describe('edges of the messages and paths, pinned one by one', () => {
  type Issue = Parameters<typeof issueMessage>[0];
  const issue = (fields: Record<string, unknown>) =>
    ({ path: [], message: 'zod said so', ...fields }) as unknown as Issue;

  it('counts one item, and a bigint bound of one, in the singular', () => {
    expect(
      issueMessage(
        issue({ code: 'too_small', origin: 'array', minimum: 2, inclusive: true, input: [1] }),
        '$.x',
      ),
    ).toBe('$.x must have at least 2 items (it has 1 item).');
    expect(
      issueMessage(
        issue({ code: 'too_big', origin: 'array', maximum: 1n, inclusive: true, input: [1, 2] }),
        '$.x',
      ),
    ).toBe('$.x must have at most 1 item (it has 2 items).');
  });

  it('names the format, not a pattern, for formats other than regex, and leaves out an input not reported', () => {
    expect(
      issueMessage(
        issue({ code: 'invalid_format', format: 'uuid', pattern: '/^[0-9a-f-]+$/', input: 'b' }),
        '$.x',
      ),
    ).toBe('$.x must be a valid uuid, not "b".');
    expect(issueMessage(issue({ code: 'invalid_format', format: 'regex', pattern: '/^a$/' }), '$.x')).toBe(
      '$.x does not have the expected form /^a$/.',
    );
    expect(issueMessage(issue({ code: 'invalid_format', format: 'uuid' }), '$.x')).toBe(
      '$.x must be a valid uuid.',
    );
  });

  it('puts the paths under the base given', () => {
    const issues = z.object({ from: z.string() }).safeParse({}, { reportInput: true });
    expect(issues.success).toBe(false);
    if (!issues.success) {
      expect(zodIssuesToViolations(issues.error.issues, { base: '$.query' })).toEqual([
        {
          code: 'VALIDATION_FAILED',
          path: '$.query.from',
          message: '$.query.from is required: give a string.',
        },
      ]);
    }
  });

  it('words a phone number that is not one', () => {
    expect(parseWithViolations(z.object({ phone: PhoneSchema }), { phone: '555-0100' }).violations).toEqual([
      {
        code: 'VALIDATION_FAILED',
        path: '$.phone',
        message: 'Phone number "555-0100" is not a valid US number: give 10 digits, such as (898) 345-0098.',
      },
    ]);
  });
});

describe('checkProviderIdentity, its words and what it leaves to the schema', () => {
  const provider = {
    npi: '1407819535',
    taxId: '06-0646668',
    address: { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' },
  };

  it('calls the provider "provider" unless told otherwise', () => {
    expect(checkProviderIdentity(provider, '$.p', () => false)).toEqual([
      {
        code: 'PROVIDER_IDENTITY_MISMATCH',
        path: '$.p',
        message:
          "The provider's address (80 Seymour St, Hartford, CT 06102), Tax ID 060646668 and NPI 1407819535 are not " +
          'one known combination: the address selected must match the Tax ID and NPI. Choose an address listed ' +
          'for this Tax ID and NPI in the provider directory.',
      },
    ]);
  });

  it('does not ask the directory about a malformed Tax ID or address', () => {
    expect(checkProviderIdentity({ ...provider, taxId: '06-064666' }, '$.p', () => false)).toEqual([]);
    expect(
      checkProviderIdentity({ ...provider, address: { line1: '80 Seymour St' } }, '$.p', () => false),
    ).toEqual([]);
  });
});
