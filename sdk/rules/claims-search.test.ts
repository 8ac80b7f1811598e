import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearLimits } from '../../test/support/boundaries.ts';
import { pinRangeError, pinViolations } from '../../test/support/violations.ts';
import { checkImageAvailable, earliestClaimsSearchDate, validateClaimsSearch } from './claims-search.ts';
import { fixedClock } from './clock.ts';
import { addDays } from './dates.ts';
import type { RuleValidationResult } from './zod-issues.ts';

const ctx = { clock: fixedClock('2026-11-22T15:00:00Z') }; // today is 2026-11-22 in New York

function codes(result: RuleValidationResult<unknown>, pin = true) {
  const violations = result.success ? [] : result.violations;
  if (pin) pinViolations(violations);
  return violations.map((v) => [v.code, v.path]);
}

describe('validateClaimsSearch', () => {
  it('accepts a 90-day window counting both ends and refuses 91 (CLAIMS_WINDOW_TOO_WIDE)', () => {
    expect(validateClaimsSearch({ from: '2026-01-01', to: '2026-03-31' }, ctx).success).toBe(true);
    const result = validateClaimsSearch({ from: '2026-01-01', to: '2026-04-01' }, ctx);
    expect(codes(result)).toEqual([['CLAIMS_WINDOW_TOO_WIDE', '$.to']]);
    expect(result.success ? '' : result.violations[0]?.message).toContain('covers 91 days');
    expect(result.success ? '' : result.violations[0]?.message).toContain('2026-01-01 to 2026-03-31');
  });

  it('accepts a one-day window', () => {
    expect(validateClaimsSearch({ from: '2026-11-22', to: '2026-11-22' }, ctx).success).toBe(true);
  });

  it('property: a window of n days passes exactly when n ≤ 90', () => {
    const days = nearLimits([90], fc.integer({ min: 1, max: 200 }));
    fc.assert(
      fc.property(days.arbitrary, (n) => {
        const from = '2026-05-01';
        const to = addDays(from, n - 1);
        return validateClaimsSearch({ from, to }, ctx).success === n <= 90;
      }),
      { examples: days.examples },
    );
  });

  it('reaches back two years: on 2026-11-22, 2024-11-22 is inside and 2024-11-21 outside', () => {
    expect(earliestClaimsSearchDate('2026-11-22')).toBe('2024-11-22');
    expect(validateClaimsSearch({ from: '2024-11-22', to: '2025-01-31' }, ctx).success).toBe(true);
    expect(codes(validateClaimsSearch({ from: '2024-11-21', to: '2025-01-31' }, ctx))).toEqual([
      ['CLAIMS_LOOKBACK_EXCEEDED', '$.from'],
    ]);
  });

  it('maps 29 February to 28 February', () => {
    const leap = { clock: fixedClock('2028-02-29T15:00:00Z') };
    expect(validateClaimsSearch({ from: '2026-02-28', to: '2026-03-31' }, leap).success).toBe(true);
    expect(codes(validateClaimsSearch({ from: '2026-02-27', to: '2026-03-31' }, leap))).toEqual([
      ['CLAIMS_LOOKBACK_EXCEEDED', '$.from'],
    ]);
  });

  it('refuses from after to, and to after today', () => {
    expect(codes(validateClaimsSearch({ from: '2026-11-02', to: '2026-11-01' }, ctx))).toEqual([
      ['VALIDATION_FAILED', '$.from'],
    ]);
    expect(codes(validateClaimsSearch({ from: '2026-11-01', to: '2026-11-23' }, ctx))).toEqual([
      ['VALIDATION_FAILED', '$.to'],
    ]);
  });

  it('reports everything together: too wide, too old and malformed filters', () => {
    const result = validateClaimsSearch(
      { from: '2024-01-01', to: '2024-12-31', providerNpi: '1407819530', claimNumber: '26C', status: 'lost' },
      ctx,
    );
    expect(codes(result)).toEqual([
      ['VALIDATION_FAILED', '$.claimNumber'],
      ['INVALID_NPI', '$.providerNpi'],
      ['VALIDATION_FAILED', '$.status'],
      ['CLAIMS_WINDOW_TOO_WIDE', '$.to'],
      ['CLAIMS_LOOKBACK_EXCEEDED', '$.from'],
    ]);
  });

  it('refuses 2025-02-30 clearly and missing dates', () => {
    const result = validateClaimsSearch({ from: '2025-02-30' }, ctx);
    expect(codes(result)).toEqual([
      ['VALIDATION_FAILED', '$.from'],
      ['VALIDATION_FAILED', '$.to'],
    ]);
    expect(result.success ? [] : result.violations.map((v) => v.message)).toEqual([
      '"2025-02-30" is not a real calendar date: write the day as YYYY-MM-DD, for example 2026-02-28.',
      '$.to is required: give a string.',
    ]);
  });

  it('ignores paging parameters and keeps the filters', () => {
    const result = validateClaimsSearch(
      { from: '2026-09-01', to: '2026-11-22', memberId: 'K5500648801', status: 'paid', page: '2' },
      ctx,
    );
    expect(result).toEqual({
      success: true,
      data: { from: '2026-09-01', to: '2026-11-22', memberId: 'K5500648801', status: 'paid' },
      warnings: [],
    });
  });

  it('never throws, whatever the query', () => {
    fc.assert(
      fc.property(fc.anything(), (query) => {
        const result = validateClaimsSearch(query, ctx);
        return result.success ? true : result.violations.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkImageAvailable', () => {
  it('keeps check images for the past two years, exactly', () => {
    expect(checkImageAvailable('2024-11-22', ctx)).toEqual([]);
    expect(checkImageAvailable('2026-11-22', ctx)).toEqual([]);
    expect(checkImageAvailable('2024-11-21', ctx)).toEqual([
      {
        code: 'CHECK_IMAGE_UNAVAILABLE',
        path: '$',
        message:
          'The check issued on 2024-11-21 is older than two years (images are kept from 2024-11-22): check images ' +
          'are available for the past two years. Ask for an older one through the Message Center or Customer Service.',
      },
    ]);
  });

  it('throws on an invalid issue date', () => {
    pinRangeError(() => checkImageAvailable('2024-02-30', ctx));
  });
});

describe('claim numbers', () => {
  const window = { from: '2026-09-01', to: '2026-11-22' };
  it('are the 4-digit year then 6–12 upper-case letters or digits, as a whole', () => {
    for (const claimNumber of ['2026C00123', '2026C00123456789']) {
      expect(validateClaimsSearch({ ...window, claimNumber }, ctx).success, claimNumber).toBe(true);
    }
    for (const claimNumber of [
      'X2026C00123',
      '2026C00123456789X',
      '202C00123',
      'ABCDC00123',
      '2026c00123',
      '2026C0012',
    ]) {
      expect(codes(validateClaimsSearch({ ...window, claimNumber }, ctx), false), claimNumber).toEqual([
        ['VALIDATION_FAILED', '$.claimNumber'],
      ]);
    }
  });
});

describe('not an object at all', () => {
  it('is one violation at $', () => {
    expect(codes(validateClaimsSearch(null, ctx))).toEqual([['VALIDATION_FAILED', '$']]);
  });
});

describe('one of the two dates missing or invalid', () => {
  it('is reported on its own, without comparing the dates', () => {
    const toRequired = {
      code: 'VALIDATION_FAILED',
      path: '$.to',
      message: '$.to is required: give a string.',
    };
    expect(validateClaimsSearch({ from: '2026-01-01' }, ctx)).toEqual({
      success: false,
      violations: [toRequired],
      warnings: [],
    });
    expect(validateClaimsSearch({ to: '2026-03-31' }, ctx)).toEqual({
      success: false,
      violations: [
        { code: 'VALIDATION_FAILED', path: '$.from', message: '$.from is required: give a string.' },
      ],
      warnings: [],
    });
    expect(validateClaimsSearch({ from: '2026-01-01', to: '2026-02-30' }, ctx)).toEqual({
      success: false,
      violations: [
        {
          code: 'VALIDATION_FAILED',
          path: '$.to',
          message:
            '"2026-02-30" is not a real calendar date: write the day as YYYY-MM-DD, for example 2026-02-28.',
        },
      ],
      warnings: [],
    });
  });
});
