import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinViolations } from '../../test/support/violations.ts';
import { fixedClock } from './clock.ts';
import { earliestEligibilityDate, validateMemberSearch, withoutBlankParameters } from './member-search.ts';
import type { RuleValidationResult } from './zod-issues.ts';

const ctx = { clock: fixedClock('2026-11-22T15:00:00Z') };
const byName = { firstName: 'Testh', lastName: 'Ayod', dateOfBirth: '1954-09-05' };

function codes(result: RuleValidationResult<unknown>, pin = true) {
  const violations = result.success ? [] : result.violations;
  if (pin) pinViolations(violations);
  return violations.map((v) => [v.code, v.path]);
}

describe('validateMemberSearch', () => {
  it('accepts a search by member ID', () => {
    // Strict: no asOf key at all when none was asked for.
    expect(validateMemberSearch({ memberId: 'K5500648801' }, ctx)).toStrictEqual({
      success: true,
      data: { memberId: 'K5500648801' },
      warnings: [],
    });
  });

  it('accepts a search by first name + last name + date of birth, names trimmed', () => {
    expect(validateMemberSearch({ ...byName, firstName: '  Te ', asOf: '2026-01-01' }, ctx)).toEqual({
      success: true,
      data: { firstName: 'Te', lastName: 'Ayod', dateOfBirth: '1954-09-05', asOf: '2026-01-01' },
      warnings: [],
    });
  });

  describe('MEMBER_SEARCH_INCOMPLETE', () => {
    it('refuses an empty search, also one of blank parameters', () => {
      expect(codes(validateMemberSearch({}, ctx))).toEqual([['MEMBER_SEARCH_INCOMPLETE', '$']]);
      expect(codes(validateMemberSearch({ memberId: '', firstName: '  ', page: '2' }, ctx))).toEqual([
        ['MEMBER_SEARCH_INCOMPLETE', '$'],
      ]);
    });

    it('names each missing part of the name form', () => {
      expect(codes(validateMemberSearch({ firstName: 'Testh', lastName: 'Ayod' }, ctx))).toEqual([
        ['MEMBER_SEARCH_INCOMPLETE', '$.dateOfBirth'],
      ]);
      expect(codes(validateMemberSearch({ lastName: 'Ayod' }, ctx))).toEqual([
        ['MEMBER_SEARCH_INCOMPLETE', '$.firstName'],
        ['MEMBER_SEARCH_INCOMPLETE', '$.dateOfBirth'],
      ]);
    });

    it('counts a parameter given as undefined as not given', () => {
      expect(validateMemberSearch({ memberId: undefined, ...byName }, ctx)).toStrictEqual({
        success: true,
        data: byName,
        warnings: [],
      });
    });

    it('names every name field given beside a member ID', () => {
      expect(codes(validateMemberSearch({ memberId: 'K5500648801', ...byName }, ctx))).toEqual([
        ['MEMBER_SEARCH_INCOMPLETE', '$'],
      ]);
    });

    it('refuses a member ID and a name at once', () => {
      expect(codes(validateMemberSearch({ memberId: 'K5500648801', lastName: 'Ayod' }, ctx))).toEqual([
        ['MEMBER_SEARCH_INCOMPLETE', '$'],
      ]);
    });
  });

  describe('SEARCH_TERM_TOO_SHORT', () => {
    it('refuses 1 character and accepts 2, after trimming', () => {
      expect(codes(validateMemberSearch({ ...byName, firstName: 'T' }, ctx))).toEqual([
        ['SEARCH_TERM_TOO_SHORT', '$.firstName'],
      ]);
      expect(codes(validateMemberSearch({ ...byName, lastName: ' A ' }, ctx))).toEqual([
        ['SEARCH_TERM_TOO_SHORT', '$.lastName'],
      ]);
      expect(validateMemberSearch({ ...byName, firstName: 'Te', lastName: 'Ay' }, ctx).success).toBe(true);
    });

    it('answers a failure with no warnings', () => {
      expect(validateMemberSearch({ ...byName, firstName: 'T' }, ctx)).toEqual({
        success: false,
        violations: [expect.objectContaining({ code: 'SEARCH_TERM_TOO_SHORT', path: '$.firstName' })],
        warnings: [],
      });
    });

    it('leaves a name that is not a string to the schema', () => {
      expect(codes(validateMemberSearch({ ...byName, firstName: 5, lastName: ['Ayod'] }, ctx))).toEqual([
        ['VALIDATION_FAILED', '$.firstName'],
        ['VALIDATION_FAILED', '$.lastName'],
      ]);
    });

    it('counts characters, not UTF-16 units', () => {
      expect(codes(validateMemberSearch({ ...byName, firstName: '𝒜' }, ctx))).toEqual([
        ['SEARCH_TERM_TOO_SHORT', '$.firstName'],
      ]);
      expect(validateMemberSearch({ ...byName, lastName: 'Ö’' }, ctx).success).toBe(true);
    });

    it('property: a name term passes exactly when it has at least 2 characters after trimming', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 8 }), (name) => {
          const term = name.trim();
          if (term === '') return true; // blank counts as not given
          const result = validateMemberSearch({ ...byName, lastName: name }, ctx);
          const tooShort = codes(result, false).some(([code]) => code === 'SEARCH_TERM_TOO_SHORT');
          return tooShort === [...term].length < 2;
        }),
        // 1, 2 and 3 characters after trimming: the limit and its neighbours.
        { examples: [['a'], [' a '], ['ab'], [' ab '], ['abc']] },
      );
    });
  });

  describe('ELIGIBILITY_LOOKBACK_EXCEEDED', () => {
    it('accepts exactly two years back and refuses a day more', () => {
      expect(earliestEligibilityDate('2026-11-22')).toBe('2024-11-22');
      expect(validateMemberSearch({ memberId: 'K5500648801', asOf: '2024-11-22' }, ctx).success).toBe(true);
      expect(codes(validateMemberSearch({ memberId: 'K5500648801', asOf: '2024-11-21' }, ctx))).toEqual([
        ['ELIGIBILITY_LOOKBACK_EXCEEDED', '$.asOf'],
      ]);
    });

    it('maps 29 February to 28 February', () => {
      const leap = { clock: fixedClock('2028-02-29T15:00:00Z') };
      expect(validateMemberSearch({ memberId: 'K5500648801', asOf: '2026-02-28' }, leap).success).toBe(true);
      expect(codes(validateMemberSearch({ memberId: 'K5500648801', asOf: '2026-02-27' }, leap))).toEqual([
        ['ELIGIBILITY_LOOKBACK_EXCEEDED', '$.asOf'],
      ]);
    });
  });

  it('refuses invalid dates clearly, and a date of birth in the future', () => {
    const result = validateMemberSearch({ ...byName, dateOfBirth: '2025-02-30', asOf: '2026-13-01' }, ctx);
    expect(codes(result)).toEqual([
      ['VALIDATION_FAILED', '$.dateOfBirth'],
      ['VALIDATION_FAILED', '$.asOf'],
    ]);
    expect(result.success ? '' : result.violations[0]?.message).toContain(
      '"2025-02-30" is not a real calendar date',
    );
    expect(codes(validateMemberSearch({ ...byName, dateOfBirth: '2026-11-23' }, ctx))).toEqual([
      ['VALIDATION_FAILED', '$.dateOfBirth'],
    ]);
    // Born today is not in the future.
    expect(validateMemberSearch({ ...byName, dateOfBirth: '2026-11-22' }, ctx).success).toBe(true);
  });

  it('reports every problem together', () => {
    expect(codes(validateMemberSearch({ firstName: 'T', lastName: 'A', asOf: '2020-01-01' }, ctx))).toEqual([
      ['MEMBER_SEARCH_INCOMPLETE', '$.dateOfBirth'],
      ['SEARCH_TERM_TOO_SHORT', '$.firstName'],
      ['SEARCH_TERM_TOO_SHORT', '$.lastName'],
      ['ELIGIBILITY_LOOKBACK_EXCEEDED', '$.asOf'],
    ]);
  });

  it('refuses a malformed member ID', () => {
    expect(codes(validateMemberSearch({ memberId: 'k55' }, ctx))).toEqual([
      ['VALIDATION_FAILED', '$.memberId'],
    ]);
  });

  it('never throws, whatever the query', () => {
    for (const query of [null, undefined, 1, 'K5500648801', [], [{ memberId: 'K5500648801' }]]) {
      expect(validateMemberSearch(query, ctx).success).toBe(false);
    }
    fc.assert(
      fc.property(fc.anything(), (query) => {
        const result = validateMemberSearch(query, ctx);
        return result.success ? true : result.violations.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('withoutBlankParameters', () => {
  it('leaves out empty and blank strings, keeps everything else as given', () => {
    expect(
      withoutBlankParameters({ memberId: 'K5500648801', firstName: ' ', lastName: '', pageSize: 0 }),
    ).toEqual({
      memberId: 'K5500648801',
      pageSize: 0,
    });
    expect(withoutBlankParameters({ firstName: ' Te ' })).toEqual({ firstName: ' Te ' });
    expect(withoutBlankParameters(null)).toBeNull();
  });
});

describe('not an object at all', () => {
  it('is one violation at $', () => {
    expect(codes(validateMemberSearch(null, ctx))).toEqual([['VALIDATION_FAILED', '$']]);
    expect(codes(validateMemberSearch([], ctx))).toEqual([['VALIDATION_FAILED', '$']]);
    expect(validateMemberSearch(null, ctx)).toEqual({
      success: false,
      violations: [expect.objectContaining({ code: 'VALIDATION_FAILED', path: '$' })],
      warnings: [],
    });
  });
});
