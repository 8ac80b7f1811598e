import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearLimits } from '../../test/support/boundaries.ts';
import { pinRangeError, pinViolations } from '../../test/support/violations.ts';
import { fixedClock } from './clock.ts';
import { addDays } from './dates.ts';
import type { PreauthorizationOriginal } from './service-window.ts';
import {
  checkDetailsAvailable,
  detailsAvailableAt,
  latestServiceEndDate,
  modificationOutcome,
  preauthorizationDecisionDueBy,
  requireModifiable,
  validatePreauthorizationCreate,
  validatePreauthorizationModification,
} from './service-window.ts';
import type { RuleValidationResult } from './zod-issues.ts';

// 10:00 in New York on 2026-01-01: the request date. Day 180 is 2026-06-30, day 181 is 2026-07-01.
const clock = fixedClock('2026-01-01T15:00:00Z');
const ctx = { clock };

const address = { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' };

function request(overrides: Record<string, unknown> = {}) {
  return {
    memberId: 'K5500648801',
    urgency: 'standard',
    serviceType: 'physical_therapy',
    requestingProvider: { npi: '1407819535', taxId: '06-0646668', name: 'Adamski, John', address },
    servicingProvider: { npi: '1234567893', taxId: '113456782', name: 'Riverside Physical Therapy', address },
    diagnoses: [{ code: 'M54.5', primary: true }],
    serviceStartDate: '2026-01-05',
    serviceEndDate: '2026-03-31',
    serviceLines: [
      { procedureCode: '97110', units: 24, serviceStartDate: '2026-01-05', serviceEndDate: '2026-03-31' },
    ],
    ...overrides,
  };
}

function violationsOf(result: RuleValidationResult<unknown>, pin = true) {
  const violations = result.success ? [] : result.violations;
  if (pin) pinViolations(violations);
  return violations.map((v) => [v.code, v.path]);
}

describe('validatePreauthorizationCreate', () => {
  it('accepts a well-formed request and normalises Tax IDs', () => {
    const result = validatePreauthorizationCreate(request(), ctx);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.requestingProvider.taxId).toBe('060646668');
      expect(result.warnings).toEqual([]);
    }
  });

  it('latestServiceEndDate is the request date + 180 days', () => {
    expect(latestServiceEndDate('2026-01-01')).toBe('2026-06-30');
    expect(latestServiceEndDate('2024-01-01')).toBe('2024-06-29'); // leap year
  });

  it('passes a service end date exactly 180 days after the request date, on the request and a line', () => {
    const result = validatePreauthorizationCreate(
      request({
        serviceEndDate: '2026-06-30',
        serviceLines: [
          { procedureCode: '97110', units: 24, serviceStartDate: '2026-01-05', serviceEndDate: '2026-06-30' },
        ],
      }),
      ctx,
    );
    expect(result.success).toBe(true);
  });

  it('refuses 181 days with SERVICE_END_BEYOND_180_DAYS on the request and on each line', () => {
    const result = validatePreauthorizationCreate(
      request({
        serviceEndDate: '2026-07-01',
        serviceLines: [
          { procedureCode: '97110', units: 24, serviceStartDate: '2026-01-05', serviceEndDate: '2026-06-30' },
          { procedureCode: '97140', units: 12, serviceStartDate: '2026-01-05', serviceEndDate: '2026-07-01' },
        ],
      }),
      ctx,
    );
    expect(violationsOf(result)).toEqual([
      ['SERVICE_END_BEYOND_180_DAYS', '$.serviceEndDate'],
      ['SERVICE_END_BEYOND_180_DAYS', '$.serviceLines[1].serviceEndDate'],
    ]);
    const message = result.success ? '' : (result.violations[0]?.message ?? '');
    expect(message).toContain('2026-07-01');
    expect(message).toContain('2026-06-30');
    expect(message).toContain('180 days');
  });

  it('counts from the request date in New York, not in UTC', () => {
    // 23:59:59 on 2025-12-31 in New York: the request date is 2025-12-31, so 2026-06-30 is day 181.
    const result = validatePreauthorizationCreate(request({ serviceEndDate: '2026-06-30' }), {
      clock: fixedClock('2026-01-01T04:59:59Z'),
    });
    expect(violationsOf(result)).toEqual([['SERVICE_END_BEYOND_180_DAYS', '$.serviceEndDate']]);
  });

  it('property: a line ending n days after the request date fails exactly when n > 180', () => {
    const days = nearLimits([180], fc.integer({ min: 0, max: 400 }));
    fc.assert(
      fc.property(days.arbitrary, (n) => {
        const end = addDays('2026-01-01', n);
        const result = validatePreauthorizationCreate(
          request({
            serviceStartDate: '2026-01-01',
            serviceEndDate: '2026-01-01',
            serviceLines: [
              { procedureCode: '97110', units: 1, serviceStartDate: '2026-01-01', serviceEndDate: end },
            ],
          }),
          ctx,
        );
        const beyond = violationsOf(result, false).some(([code]) => code === 'SERVICE_END_BEYOND_180_DAYS');
        return beyond === n > 180 && result.success === n <= 180;
      }),
      { examples: days.examples },
    );
  });

  it('refuses reversed dates on the request and on each line (SERVICE_DATES_REVERSED)', () => {
    const result = validatePreauthorizationCreate(
      request({
        serviceStartDate: '2026-02-01',
        serviceEndDate: '2026-01-31',
        serviceLines: [
          { procedureCode: '97110', units: 24, serviceStartDate: '2026-03-02', serviceEndDate: '2026-03-01' },
        ],
      }),
      ctx,
    );
    expect(violationsOf(result)).toEqual([
      ['SERVICE_DATES_REVERSED', '$.serviceStartDate'],
      ['SERVICE_DATES_REVERSED', '$.serviceLines[0].serviceStartDate'],
    ]);
  });

  it('accepts a one-day service (start = end)', () => {
    const result = validatePreauthorizationCreate(
      request({
        serviceStartDate: '2026-01-05',
        serviceEndDate: '2026-01-05',
        serviceLines: [
          { procedureCode: '97110', units: 1, serviceStartDate: '2026-01-05', serviceEndDate: '2026-01-05' },
        ],
      }),
      ctx,
    );
    expect(result.success).toBe(true);
  });

  describe('coverage (SERVICE_OUTSIDE_COVERAGE)', () => {
    it('accepts dates on the first and last day of coverage', () => {
      const coverage = { startDate: '2026-01-05', endDate: '2026-03-31' };
      expect(validatePreauthorizationCreate(request(), { clock, coverage }).success).toBe(true);
    });

    it('refuses each date outside the coverage, with its path', () => {
      const coverage = { startDate: '2026-01-06', endDate: '2026-03-30' };
      const result = validatePreauthorizationCreate(request(), { clock, coverage });
      expect(violationsOf(result)).toEqual([
        ['SERVICE_OUTSIDE_COVERAGE', '$.serviceStartDate'],
        ['SERVICE_OUTSIDE_COVERAGE', '$.serviceEndDate'],
        ['SERVICE_OUTSIDE_COVERAGE', '$.serviceLines[0].serviceStartDate'],
        ['SERVICE_OUTSIDE_COVERAGE', '$.serviceLines[0].serviceEndDate'],
      ]);
    });

    it('treats 9999-12-31 as an open coverage end', () => {
      const coverage = { startDate: '2020-08-01', endDate: '9999-12-31' };
      const result = validatePreauthorizationCreate(request(), { clock, coverage });
      expect(result.success).toBe(true);
    });

    it('throws on an invalid coverage (a programming error, not an input error)', () => {
      expect(() =>
        validatePreauthorizationCreate(request(), {
          clock,
          coverage: { startDate: '2026-02-30', endDate: '9999-12-31' },
        }),
      ).toThrow(RangeError);
      pinRangeError(() =>
        validatePreauthorizationCreate(request(), {
          clock,
          coverage: { startDate: '2020-08-01', endDate: '2026-02-30' },
        }),
      );
    });
  });

  describe('service lines and codes', () => {
    it('refuses an empty list of service lines', () => {
      expect(violationsOf(validatePreauthorizationCreate(request({ serviceLines: [] }), ctx))).toEqual([
        ['SERVICE_LINE_REQUIRED', '$.serviceLines'],
      ]);
    });

    it('refuses a request without service lines', () => {
      const { serviceLines: _omitted, ...withoutLines } = request();
      expect(violationsOf(validatePreauthorizationCreate(withoutLines, ctx))).toEqual([
        ['SERVICE_LINE_REQUIRED', '$.serviceLines'],
      ]);
    });

    it('refuses a line without its own CPT/HCPCS code', () => {
      const result = validatePreauthorizationCreate(
        request({
          serviceLines: [{ units: 1, serviceStartDate: '2026-01-05', serviceEndDate: '2026-01-05' }],
        }),
        ctx,
      );
      expect(violationsOf(result)).toEqual([['SERVICE_LINE_REQUIRED', '$.serviceLines[0].procedureCode']]);
    });

    it('refuses malformed codes and identifiers with their own codes', () => {
      const result = validatePreauthorizationCreate(
        request({
          requestingProvider: { npi: '1407819530', taxId: '060646668', name: 'Adamski, John', address },
          servicingProvider: { npi: '1234567893', taxId: '11-345678', name: 'Riverside PT', address },
          diagnoses: [{ code: 'J4' }],
          serviceLines: [
            { procedureCode: '9711', units: 1, serviceStartDate: '2026-01-05', serviceEndDate: '2026-01-05' },
          ],
        }),
        ctx,
      );
      expect(violationsOf(result)).toEqual([
        ['INVALID_NPI', '$.requestingProvider.npi'],
        ['INVALID_TAX_ID', '$.servicingProvider.taxId'],
        ['INVALID_ICD10_CODE', '$.diagnoses[0].code'],
        ['INVALID_CPT_CODE', '$.serviceLines[0].procedureCode'],
      ]);
    });

    it('accepts CPT category II and HCPCS level II codes', () => {
      const lines = ['0001F', 'E0601'].map((procedureCode) => ({
        procedureCode,
        units: 1,
        serviceStartDate: '2026-01-05',
        serviceEndDate: '2026-01-05',
      }));
      expect(validatePreauthorizationCreate(request({ serviceLines: lines }), ctx).success).toBe(true);
    });
  });

  describe('modifiers', () => {
    const line = (modifiers: unknown) => ({
      procedureCode: '97110',
      units: 1,
      serviceStartDate: '2026-01-05',
      serviceEndDate: '2026-01-05',
      modifiers,
    });

    it('accepts up to four modifiers of two upper-case letters or digits', () => {
      const result = validatePreauthorizationCreate(
        request({ serviceLines: [line(['GP', 'RT', '59', 'KX'])] }),
        ctx,
      );
      expect(result.success).toBe(true);
    });

    it('refuses a modifier that is not exactly two upper-case letters or digits, each with its path', () => {
      const result = validatePreauthorizationCreate(
        request({ serviceLines: [line(['gp', 'GPX', 'XGP', 'G'])] }),
        ctx,
      );
      expect(violationsOf(result)).toEqual([
        ['VALIDATION_FAILED', '$.serviceLines[0].modifiers[0]'],
        ['VALIDATION_FAILED', '$.serviceLines[0].modifiers[1]'],
        ['VALIDATION_FAILED', '$.serviceLines[0].modifiers[2]'],
        ['VALIDATION_FAILED', '$.serviceLines[0].modifiers[3]'],
      ]);
    });

    it('refuses a fifth modifier', () => {
      const result = validatePreauthorizationCreate(
        request({ serviceLines: [line(['GP', 'RT', '59', 'KX', '25'])] }),
        ctx,
      );
      expect(violationsOf(result)).toEqual([['VALIDATION_FAILED', '$.serviceLines[0].modifiers']]);
    });
  });

  describe('the shape of service lines', () => {
    it('a line that is not an object is a malformed line, not a missing list', () => {
      expect(violationsOf(validatePreauthorizationCreate(request({ serviceLines: ['97110'] }), ctx))).toEqual(
        [['VALIDATION_FAILED', '$.serviceLines[0]']],
      );
    });

    it('a line without units is missing its units, not its procedure code', () => {
      const result = validatePreauthorizationCreate(
        request({
          serviceLines: [
            { procedureCode: '97110', serviceStartDate: '2026-01-05', serviceEndDate: '2026-01-05' },
          ],
        }),
        ctx,
      );
      expect(violationsOf(result)).toEqual([['VALIDATION_FAILED', '$.serviceLines[0].units']]);
    });

    it('a procedure code of the wrong type is a wrong type, not a missing code', () => {
      const result = validatePreauthorizationCreate(
        request({
          serviceLines: [
            { procedureCode: 97110, units: 1, serviceStartDate: '2026-01-05', serviceEndDate: '2026-01-05' },
          ],
        }),
        ctx,
      );
      expect(violationsOf(result)).toEqual([['VALIDATION_FAILED', '$.serviceLines[0].procedureCode']]);
    });

    it('a date that is not a real date is not compared with the other dates', () => {
      // "2026-13-01" sorts after "2026-03-31" as text: read as a date it would also be "reversed".
      const result = validatePreauthorizationCreate(
        request({
          serviceStartDate: '2026-13-01',
          serviceLines: [
            {
              procedureCode: '97110',
              units: 1,
              serviceStartDate: '2026-13-01',
              serviceEndDate: '2026-03-31',
            },
          ],
        }),
        { ...ctx, coverage: { startDate: '2026-01-01', endDate: '2026-12-31' } },
      );
      expect(violationsOf(result)).toEqual([
        ['VALIDATION_FAILED', '$.serviceStartDate'],
        ['VALIDATION_FAILED', '$.serviceLines[0].serviceStartDate'],
      ]);
    });
  });

  it('reports three problems as three violations with their paths, together', () => {
    const result = validatePreauthorizationCreate(
      request({
        memberId: 'K5500648801',
        servicingProvider: { npi: '1234567890', taxId: '113456782', name: 'Riverside PT', address },
        serviceEndDate: '2026-07-01',
        serviceLines: [
          { procedureCode: 'ABCDE', units: 24, serviceStartDate: '2026-01-05', serviceEndDate: '2026-03-31' },
        ],
      }),
      ctx,
    );
    expect(result.success).toBe(false);
    expect(violationsOf(result)).toEqual([
      ['INVALID_NPI', '$.servicingProvider.npi'],
      ['INVALID_CPT_CODE', '$.serviceLines[0].procedureCode'],
      ['SERVICE_END_BEYOND_180_DAYS', '$.serviceEndDate'],
    ]);
  });

  it('refuses 2025-02-30 as a date with a clear violation', () => {
    const result = validatePreauthorizationCreate(request({ serviceStartDate: '2025-02-30' }), ctx);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.violations).toHaveLength(1);
      expect(result.violations[0]).toMatchObject({ code: 'VALIDATION_FAILED', path: '$.serviceStartDate' });
      expect(result.violations[0]?.message).toContain('"2025-02-30" is not a real calendar date');
      expect(result.violations[0]?.message).toContain('YYYY-MM-DD');
    }
  });

  it('refuses fields the contract does not define', () => {
    expect(violationsOf(validatePreauthorizationCreate(request({ requestedBy: 'me' }), ctx))).toEqual([
      ['VALIDATION_FAILED', '$.requestedBy'],
    ]);
  });

  it('names missing fields and wrong types', () => {
    const result = validatePreauthorizationCreate(
      request({ memberId: undefined, urgency: 'soon', notes: 5 }),
      ctx,
    );
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.violations.map((v) => v.message)).toEqual([
        '$.memberId is required: give a string.',
        '$.urgency must be one of "standard", "expedited", not "soon".',
        '$.notes must be a string, not 5.',
      ]);
    }
  });

  describe('provider identity (PROVIDER_IDENTITY_MISMATCH)', () => {
    const known = new Set(['1407819535|060646668|06102']);
    const providerDirectory = (p: { npi: string; taxId: string; address: { zip: string } }) =>
      known.has(`${p.npi}|${p.taxId}|${p.address.zip}`);

    it('checks both providers against the directory, with normalised Tax IDs', () => {
      const result = validatePreauthorizationCreate(request(), { clock, providerDirectory });
      expect(violationsOf(result)).toEqual([['PROVIDER_IDENTITY_MISMATCH', '$.servicingProvider']]);
      const message = result.success ? '' : (result.violations[0]?.message ?? '');
      expect(message).toContain('113456782');
      expect(message).toContain('1234567893');
    });

    it('names the requesting provider and its path when it is the one that does not match', () => {
      const result = validatePreauthorizationCreate(request(), {
        clock,
        providerDirectory: (p) => p.npi === '1234567893',
      });
      expect(violationsOf(result)).toEqual([['PROVIDER_IDENTITY_MISMATCH', '$.requestingProvider']]);
      const message = result.success ? '' : (result.violations[0]?.message ?? '');
      expect(message).toMatch(/^The requesting provider's address/);
    });

    it('does not ask the directory about a malformed provider', () => {
      let calls = 0;
      const result = validatePreauthorizationCreate(
        request({ servicingProvider: { npi: '1', taxId: '113456782', name: 'x', address } }),
        {
          clock,
          providerDirectory: () => {
            calls += 1;
            return true;
          },
        },
      );
      expect(calls).toBe(1);
      expect(violationsOf(result)).toEqual([['INVALID_NPI', '$.servicingProvider.npi']]);
    });
  });

  it('never throws, whatever the input, and succeeds only without violations', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validatePreauthorizationCreate(input, ctx);
        return result.success ? result.warnings.length === 0 : result.violations.length > 0;
      }),
      { numRuns: 300 },
    );
    for (const input of [null, undefined, 0, 42, 'x', [], [request()], { serviceLines: 'x' }, true]) {
      const result = validatePreauthorizationCreate(input, ctx);
      expect(result.success).toBe(false);
    }
  });

  it('never throws on deeply wrong objects shaped like a request', () => {
    const wrong = fc.record({
      memberId: fc.anything(),
      serviceStartDate: fc.oneof(fc.string(), fc.anything()),
      serviceEndDate: fc.oneof(fc.constant('2026-02-30'), fc.anything()),
      serviceLines: fc.oneof(fc.array(fc.anything()), fc.anything()),
      requestingProvider: fc.anything(),
      servicingProvider: fc.record({ npi: fc.anything(), taxId: fc.anything(), address: fc.anything() }),
      diagnoses: fc.anything(),
    });
    fc.assert(
      fc.property(wrong, (input) => {
        const result = validatePreauthorizationCreate(input, { clock, providerDirectory: () => false });
        return result.success === false;
      }),
      { numRuns: 300 },
    );
  });
});

describe('validatePreauthorizationModification', () => {
  const original: PreauthorizationOriginal = {
    requestDate: '2026-01-01',
    serviceStartDate: '2026-01-05',
    serviceEndDate: '2026-03-31',
    serviceLines: [
      { lineNumber: 1, units: 24, serviceStartDate: '2026-01-05', serviceEndDate: '2026-03-31' },
      { lineNumber: 2, units: 12, serviceStartDate: '2026-01-05', serviceEndDate: '2026-02-28' },
    ],
  };
  // Months later: the limit still counts from the ORIGINAL request date.
  const later = { clock: fixedClock('2026-05-01T15:00:00Z'), original };
  const reason = 'Member was hospitalized for 2 weeks; more time is needed to use the approved visits.';

  it('accepts an end date exactly 180 days after the original request date', () => {
    const result = validatePreauthorizationModification({ reason, serviceEndDate: '2026-06-30' }, later);
    expect(result.success).toBe(true);
  });

  it('refuses 181 days after the original request date, on the request and a line', () => {
    const result = validatePreauthorizationModification(
      { reason, serviceEndDate: '2026-07-01', lines: [{ lineNumber: 2, serviceEndDate: '2026-07-01' }] },
      later,
    );
    expect(violationsOf(result)).toEqual([
      ['SERVICE_END_BEYOND_180_DAYS', '$.serviceEndDate'],
      ['SERVICE_END_BEYOND_180_DAYS', '$.lines[0].serviceEndDate'],
    ]);
  });

  it('refuses fields a modification cannot change with PREAUTH_NOT_EDITABLE', () => {
    const result = validatePreauthorizationModification(
      {
        reason,
        memberId: 'K5500648899',
        diagnoses: [],
        lines: [{ lineNumber: 1, procedureCode: '97112', serviceEndDate: '2026-04-30' }],
        extra: 1,
      },
      later,
    );
    expect(violationsOf(result)).toEqual([
      ['PREAUTH_NOT_EDITABLE', '$.memberId'],
      ['PREAUTH_NOT_EDITABLE', '$.diagnoses'],
      ['VALIDATION_FAILED', '$.extra'],
      ['PREAUTH_NOT_EDITABLE', '$.lines[0].procedureCode'],
    ]);
  });

  it('refuses more units than requested and unknown lines ("additional visits … require a new preauthorization")', () => {
    const result = validatePreauthorizationModification(
      {
        reason,
        lines: [
          { lineNumber: 1, units: 25 },
          { lineNumber: 3, units: 1 },
        ],
      },
      later,
    );
    expect(violationsOf(result)).toEqual([
      ['PREAUTH_NOT_EDITABLE', '$.lines[0].units'],
      ['PREAUTH_NOT_EDITABLE', '$.lines[1].lineNumber'],
    ]);
  });

  it('accepts the same units as requested, refuses one more', () => {
    expect(
      validatePreauthorizationModification({ reason, lines: [{ lineNumber: 1, units: 24 }] }, later).success,
    ).toBe(true);
    expect(
      violationsOf(
        validatePreauthorizationModification({ reason, lines: [{ lineNumber: 1, units: 25 }] }, later),
      ),
    ).toEqual([['PREAUTH_NOT_EDITABLE', '$.lines[0].units']]);
  });

  it('checks a new line end date against the line start it keeps, and a new start against its end', () => {
    expect(
      violationsOf(
        validatePreauthorizationModification(
          { reason, lines: [{ lineNumber: 2, serviceEndDate: '2026-01-04' }] },
          later,
        ),
      ),
    ).toEqual([['SERVICE_DATES_REVERSED', '$.lines[0].serviceEndDate']]);
    expect(
      validatePreauthorizationModification(
        { reason, lines: [{ lineNumber: 2, serviceEndDate: '2026-01-05' }] },
        later,
      ).success,
    ).toBe(true);
    expect(
      validatePreauthorizationModification(
        { reason, lines: [{ lineNumber: 2, serviceStartDate: '2026-02-28' }] },
        later,
      ).success,
    ).toBe(true);
  });

  it('accepts fewer units', () => {
    expect(
      validatePreauthorizationModification({ reason, lines: [{ lineNumber: 1, units: 20 }] }, later).success,
    ).toBe(true);
  });

  it('checks new dates against the dates they keep', () => {
    const result = validatePreauthorizationModification(
      { reason, serviceEndDate: '2026-01-04', lines: [{ lineNumber: 2, serviceStartDate: '2026-03-01' }] },
      later,
    );
    expect(violationsOf(result)).toEqual([
      ['SERVICE_DATES_REVERSED', '$.serviceEndDate'],
      ['SERVICE_DATES_REVERSED', '$.lines[0].serviceStartDate'],
    ]);
  });

  it('checks coverage when given', () => {
    const result = validatePreauthorizationModification(
      { reason, serviceEndDate: '2026-05-01' },
      { ...later, coverage: { startDate: '2025-01-01', endDate: '2026-04-30' } },
    );
    expect(violationsOf(result)).toEqual([['SERVICE_OUTSIDE_COVERAGE', '$.serviceEndDate']]);
  });

  it('checks only the dates a modification changes against the coverage', () => {
    // The original start (2026-01-05) is before this coverage and the line 2 end after it: not changed,
    // so not refused; the changed date is.
    const coverage = { startDate: '2026-02-01', endDate: '2026-12-31' };
    expect(
      validatePreauthorizationModification({ reason, serviceEndDate: '2026-04-30' }, { ...later, coverage })
        .success,
    ).toBe(true);
    const narrow = { startDate: '2026-01-01', endDate: '2026-02-01' };
    expect(
      validatePreauthorizationModification(
        { reason, lines: [{ lineNumber: 2, serviceStartDate: '2026-01-06' }] },
        { ...later, coverage: narrow },
      ).success,
    ).toBe(true);
    expect(
      violationsOf(
        validatePreauthorizationModification(
          { reason, lines: [{ lineNumber: 2, serviceStartDate: '2025-12-31' }] },
          { ...later, coverage: narrow },
        ),
      ),
    ).toEqual([['SERVICE_OUTSIDE_COVERAGE', '$.lines[0].serviceStartDate']]);
    // An open-ended coverage is described as such.
    const open = validatePreauthorizationModification(
      { reason, lines: [{ lineNumber: 2, serviceStartDate: '2025-12-31' }] },
      { ...later, coverage: { startDate: '2026-01-01', endDate: '9999-12-31' } },
    );
    expect(open.success ? '' : open.violations[0]?.message).toContain('(2026-01-01 to open-ended)');
  });

  it('needs something to change, and a reason', () => {
    expect(violationsOf(validatePreauthorizationModification({ reason: ' ' }, later))).toEqual([
      ['VALIDATION_FAILED', '$.reason'],
      ['VALIDATION_FAILED', '$'],
    ]);
  });

  it('refuses a line listed twice', () => {
    const result = validatePreauthorizationModification(
      {
        reason,
        lines: [
          { lineNumber: 1, units: 20 },
          { lineNumber: 1, serviceEndDate: '2026-04-30' },
        ],
      },
      later,
    );
    expect(violationsOf(result)).toEqual([['VALIDATION_FAILED', '$.lines[1].lineNumber']]);
  });

  it('without the original, a line that changes only one date is checked on that date alone', () => {
    expect(
      validatePreauthorizationModification(
        { reason, lines: [{ lineNumber: 1, serviceEndDate: '2026-05-01' }] },
        { clock },
      ).success,
    ).toBe(true);
    expect(
      validatePreauthorizationModification(
        { reason, lines: [{ lineNumber: 1, serviceStartDate: '2026-05-01' }] },
        { clock },
      ).success,
    ).toBe(true);
  });

  it('without the original, checks only the shape and the modification’s own dates', () => {
    const result = validatePreauthorizationModification(
      { reason, lines: [{ lineNumber: 9, serviceStartDate: '2026-05-02', serviceEndDate: '2026-05-01' }] },
      { clock },
    );
    expect(violationsOf(result)).toEqual([['SERVICE_DATES_REVERSED', '$.lines[0].serviceStartDate']]);
  });

  it('a line that is not an object is refused by its shape alone', () => {
    expect(violationsOf(validatePreauthorizationModification({ reason, lines: [5] }, later))).toEqual([
      ['VALIDATION_FAILED', '$.lines[0]'],
    ]);
  });

  it('a line without a whole line number is refused by its shape alone, not looked up', () => {
    const result = validatePreauthorizationModification(
      { reason, lines: [{ units: 1 }, { lineNumber: 1.5, units: 1 }, { lineNumber: '1', units: 99 }] },
      later,
    );
    expect(violationsOf(result)).toEqual([
      ['VALIDATION_FAILED', '$.lines[0].lineNumber'],
      ['VALIDATION_FAILED', '$.lines[1].lineNumber'],
      ['VALIDATION_FAILED', '$.lines[2].lineNumber'],
    ]);
  });

  it('units that are not a number are refused by their shape, not compared with the units requested', () => {
    expect(
      violationsOf(
        validatePreauthorizationModification({ reason, lines: [{ lineNumber: 1, units: '30' }] }, later),
      ),
    ).toEqual([['VALIDATION_FAILED', '$.lines[0].units']]);
  });

  it('without the original, new units are not compared with anything', () => {
    expect(
      validatePreauthorizationModification({ reason, lines: [{ lineNumber: 1, units: 30 }] }, { clock })
        .success,
    ).toBe(true);
  });

  it('numbers the original lines from 1 when they carry no line number', () => {
    const unnumbered: PreauthorizationOriginal = {
      ...original,
      serviceLines: original.serviceLines.map(({ lineNumber: _n, ...line }) => line),
    };
    const ctx2 = { clock, original: unnumbered };
    expect(
      violationsOf(
        validatePreauthorizationModification({ reason, lines: [{ lineNumber: 2, units: 13 }] }, ctx2),
      ),
    ).toEqual([['PREAUTH_NOT_EDITABLE', '$.lines[0].units']]);
    expect(
      validatePreauthorizationModification({ reason, lines: [{ lineNumber: 2, units: 12 }] }, ctx2).success,
    ).toBe(true);
    expect(
      violationsOf(
        validatePreauthorizationModification({ reason, lines: [{ lineNumber: 3, units: 1 }] }, ctx2),
      ),
    ).toEqual([['PREAUTH_NOT_EDITABLE', '$.lines[0].lineNumber']]);
    expect(modificationOutcome(unnumbered, { reason, lines: [{ lineNumber: 2, units: 12 }] })).toBe(
      'applied',
    );
    expect(modificationOutcome(unnumbered, { reason, lines: [{ lineNumber: 3, units: 1 }] })).toBe('pended');
  });

  it('does not check the dates a line keeps, even when the original broke today’s rules', () => {
    // An original whose line 3 ends after day 180 and whose line 4 is reversed: a change that leaves
    // those dates as they are is not refused for them.
    const odd: PreauthorizationOriginal = {
      ...original,
      serviceLines: [
        ...original.serviceLines,
        { lineNumber: 3, units: 5, serviceStartDate: '2026-01-05', serviceEndDate: '2026-07-15' },
        { lineNumber: 4, units: 5, serviceStartDate: '2026-03-01', serviceEndDate: '2026-02-01' },
      ],
    };
    const oddCtx = { clock, original: odd };
    expect(
      validatePreauthorizationModification(
        {
          reason,
          lines: [
            { lineNumber: 3, serviceStartDate: '2026-01-10' },
            { lineNumber: 3 + 1, units: 4 },
          ],
        },
        oddCtx,
      ).success,
    ).toBe(true);
    expect(
      violationsOf(
        validatePreauthorizationModification(
          { reason, lines: [{ lineNumber: 3, serviceEndDate: '2026-07-14' }] },
          oddCtx,
        ),
      ),
    ).toEqual([['SERVICE_END_BEYOND_180_DAYS', '$.lines[0].serviceEndDate']]);
  });

  describe('requireModifiable', () => {
    it('refuses only a denied request', () => {
      const denied = requireModifiable('denied');
      expect(denied.map((v) => [v.code, v.path])).toEqual([['PREAUTH_NOT_EDITABLE', '$']]);
      pinViolations(denied);
      for (const status of ['approved', 'pending', 'pended', 'partially_approved', '']) {
        expect(requireModifiable(status)).toEqual([]);
      }
    });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validatePreauthorizationModification(input, later);
        return result.success ? true : result.violations.length > 0;
      }),
      { numRuns: 300 },
    );
  });

  describe('modificationOutcome', () => {
    it('applies end-date extensions within the limit and unit decreases at once', () => {
      expect(modificationOutcome(original, { reason, serviceEndDate: '2026-06-30' })).toBe('applied');
      expect(
        modificationOutcome(original, {
          reason,
          lines: [
            { lineNumber: 1, units: 20 },
            { lineNumber: 2, serviceEndDate: '2026-03-31' },
          ],
        }),
      ).toBe('applied');
    });

    it('at the edges: the same units, the same end date and the same start date are still applied', () => {
      expect(modificationOutcome(original, { reason, lines: [{ lineNumber: 1, units: 24 }] })).toBe(
        'applied',
      );
      expect(modificationOutcome(original, { reason, lines: [{ lineNumber: 1, units: 25 }] })).toBe('pended');
      expect(modificationOutcome(original, { reason, serviceEndDate: '2026-03-31' })).toBe('applied');
      expect(modificationOutcome(original, { reason, serviceEndDate: '2026-03-30' })).toBe('pended');
      expect(
        modificationOutcome(original, { reason, lines: [{ lineNumber: 2, serviceStartDate: '2026-01-05' }] }),
      ).toBe('applied');
      expect(
        modificationOutcome(original, { reason, lines: [{ lineNumber: 2, serviceEndDate: '2026-02-27' }] }),
      ).toBe('pended');
      expect(
        modificationOutcome(original, { reason, lines: [{ lineNumber: 2, serviceEndDate: '2026-06-30' }] }),
      ).toBe('applied');
      expect(
        modificationOutcome(original, { reason, lines: [{ lineNumber: 2, serviceEndDate: '2026-07-01' }] }),
      ).toBe('pended');
    });

    it('pends anything else for Utilization Management review', () => {
      expect(modificationOutcome(original, { reason, lines: [{ lineNumber: 1, units: 30 }] })).toBe('pended');
      expect(
        modificationOutcome(original, { reason, lines: [{ lineNumber: 1, serviceStartDate: '2026-01-10' }] }),
      ).toBe('pended');
      expect(modificationOutcome(original, { reason, serviceEndDate: '2026-03-01' })).toBe('pended');
      expect(modificationOutcome(original, { reason, serviceEndDate: '2026-07-01' })).toBe('pended');
      expect(modificationOutcome(original, { reason, lines: [{ lineNumber: 7, units: 1 }] })).toBe('pended');
    });
  });
});

describe('decision and details timing', () => {
  it('decides expedited requests within 72 hours and standard ones within 7 calendar days (CMS-0057-F)', () => {
    const submittedAt = new Date('2026-11-23T14:05:00Z');
    expect(preauthorizationDecisionDueBy('expedited', submittedAt).toISOString()).toBe(
      '2026-11-26T14:05:00.000Z',
    );
    expect(preauthorizationDecisionDueBy('standard', '2026-11-23T14:05:00Z').toISOString()).toBe(
      '2026-11-30T14:05:00.000Z',
    );
    pinRangeError(() => preauthorizationDecisionDueBy('standard', 'not a date'));
    pinRangeError(() => preauthorizationDecisionDueBy('urgent' as never, submittedAt));
  });

  it('makes details available 4 hours after submission by default', () => {
    expect(detailsAvailableAt('2026-11-23T14:05:00Z').toISOString()).toBe('2026-11-23T18:05:00.000Z');
    expect(detailsAvailableAt('2026-11-23T14:05:00Z', 1).toISOString()).toBe('2026-11-23T15:05:00.000Z');
    pinRangeError(() => detailsAvailableAt('yesterday'));
  });

  it('answers PREAUTH_DETAILS_PENDING until then, exactly', () => {
    const submittedAt = '2026-11-23T14:05:00Z';
    const pending = checkDetailsAvailable(submittedAt, { clock: fixedClock('2026-11-23T18:04:59.999Z') });
    expect(pending).toEqual([expect.objectContaining({ code: 'PREAUTH_DETAILS_PENDING', path: '$' })]);
    pinViolations(pending);
    expect(checkDetailsAvailable(submittedAt, { clock: fixedClock('2026-11-23T18:05:00Z') })).toEqual([]);
  });
});

describe('not an object at all', () => {
  it('is one violation at $, for a request and a modification', () => {
    expect(violationsOf(validatePreauthorizationCreate(null, ctx))).toEqual([['VALIDATION_FAILED', '$']]);
    expect(violationsOf(validatePreauthorizationModification(7, { clock }))).toEqual([
      ['VALIDATION_FAILED', '$'],
    ]);
  });
});
