import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearLimits } from '../../test/support/boundaries.ts';
import { pinRangeError, pinViolations } from '../../test/support/violations.ts';
import { fixedClock } from './clock.ts';
import { addDays } from './dates.ts';
import {
  earliestReferralSearchDate,
  earliestReferralStartDate,
  PRODUCT_TYPES,
  referralRequired,
  validateReferralCreate,
  validateReferralSearch,
} from './referrals.ts';
import type { RuleValidationResult } from './zod-issues.ts';

// 10:00 in New York on 2026-11-22: the request date. Day −30 is 2026-10-23, day −31 is 2026-10-22.
const clock = fixedClock('2026-11-22T15:00:00Z');
const ctx = { clock };
const address = { line1: '80 Seymour St', city: 'Hartford', state: 'CT', zip: '06102' };

function referral(overrides: Record<string, unknown> = {}) {
  return {
    memberId: 'K5500648801',
    referringProvider: { npi: '1407819535', taxId: '060646668', name: 'Adamski, John', address },
    specialist: {
      npi: '1234567893',
      taxId: '11-3456782',
      name: 'Okafor, Grace',
      address: { line1: '1250 Broadway', line2: 'Floor 12', city: 'New York', state: 'NY', zip: '10001' },
    },
    startDate: '2026-11-16',
    endDate: '2027-05-15',
    visits: 6,
    diagnoses: [{ code: 'I48.91', primary: true }, { code: 'I10' }],
    ...overrides,
  };
}

function codes(result: RuleValidationResult<unknown>, pin = true) {
  const violations = result.success ? [] : result.violations;
  if (pin) pinViolations(violations);
  return violations.map((v) => [v.code, v.path]);
}

describe('validateReferralCreate', () => {
  it('accepts a well-formed referral and normalises Tax IDs', () => {
    const result = validateReferralCreate(referral(), ctx);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.specialist.taxId).toBe('113456782');
  });

  it('earliestReferralStartDate is the request date − 30 days', () => {
    expect(earliestReferralStartDate('2026-11-22')).toBe('2026-10-23');
    expect(earliestReferralStartDate('2024-03-01')).toBe('2024-01-31');
  });

  it('accepts a start backdated exactly 30 days and refuses 31 (REFERRAL_BACKDATE_EXCEEDED)', () => {
    expect(validateReferralCreate(referral({ startDate: '2026-10-23' }), ctx).success).toBe(true);
    const result = validateReferralCreate(referral({ startDate: '2026-10-22' }), ctx);
    expect(codes(result)).toEqual([['REFERRAL_BACKDATE_EXCEEDED', '$.startDate']]);
    expect(result.success ? '' : result.violations[0]?.message).toContain('2026-10-23');
  });

  it('property: a start n days before the request date passes exactly when n ≤ 30', () => {
    // 30 days back is the limit; 0 (the request date itself) is where backdating starts.
    const days = nearLimits([0, 30], fc.integer({ min: -60, max: 400 }));
    fc.assert(
      fc.property(days.arbitrary, (n) => {
        const startDate = addDays('2026-11-22', -n);
        const result = validateReferralCreate(referral({ startDate, endDate: '2027-12-31' }), ctx);
        return result.success === n <= 30;
      }),
      { examples: days.examples },
    );
  });

  it('refuses an end date before the start date (SERVICE_DATES_REVERSED) and accepts equal dates', () => {
    expect(codes(validateReferralCreate(referral({ endDate: '2026-11-15' }), ctx))).toEqual([
      ['SERVICE_DATES_REVERSED', '$.endDate'],
    ]);
    expect(validateReferralCreate(referral({ endDate: '2026-11-16' }), ctx).success).toBe(true);
    const { endDate: _omitted, ...withoutEnd } = referral();
    expect(validateReferralCreate(withoutEnd, ctx).success).toBe(true);
  });

  it('reports identifiers and dates all together', () => {
    const result = validateReferralCreate(
      referral({
        referringProvider: { npi: '1407819536', taxId: '06064666', name: 'Adamski, John', address },
        diagnoses: [{ code: 'I48.91' }, { code: '148' }],
        startDate: '2026-09-01',
        endDate: '2025-02-30',
      }),
      ctx,
    );
    expect(codes(result)).toEqual([
      ['INVALID_NPI', '$.referringProvider.npi'],
      ['INVALID_TAX_ID', '$.referringProvider.taxId'],
      ['VALIDATION_FAILED', '$.endDate'],
      ['INVALID_ICD10_CODE', '$.diagnoses[1].code'],
      ['REFERRAL_BACKDATE_EXCEEDED', '$.startDate'],
    ]);
  });

  it('checks both providers against a directory (PROVIDER_IDENTITY_MISMATCH)', () => {
    const result = validateReferralCreate(referral(), {
      clock,
      providerDirectory: (p) => p.npi === '1234567893',
    });
    expect(codes(result)).toEqual([['PROVIDER_IDENTITY_MISMATCH', '$.referringProvider']]);
  });

  it('returns REFERRAL_NOT_REQUIRED as a warning: success stays true', () => {
    const result = validateReferralCreate(referral(), { clock, productType: 'essential_plan' });
    expect(result.success).toBe(true);
    expect(result.warnings).toEqual([
      {
        code: 'REFERRAL_NOT_REQUIRED',
        path: '$',
        message: expect.stringContaining(
          'As of January 1, 2023, referrals are no longer needed for Essential Plan',
        ),
      },
    ]);
    expect(validateReferralCreate(referral(), { clock, productType: 'commercial_hmo' }).warnings).toEqual([]);
  });

  it('keeps the warning next to violations', () => {
    const result = validateReferralCreate(referral({ visits: 0 }), {
      clock,
      productType: 'child_health_plus',
    });
    expect(result.success).toBe(false);
    expect(codes(result)).toEqual([['VALIDATION_FAILED', '$.visits']]);
    expect(result.warnings.map((w) => w.code)).toEqual(['REFERRAL_NOT_REQUIRED']);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateReferralCreate(input, { clock, productType: 'medicaid_enhanced_care' });
        return result.success ? true : result.violations.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('referralRequired', () => {
  it('is not required for the four products from 2023-01-01', () => {
    for (const product of [
      'medicaid_enhanced_care',
      'harp_enhanced_care_plus',
      'child_health_plus',
      'essential_plan',
    ] as const) {
      expect(referralRequired(product, '2022-12-31')).toBe(true);
      expect(referralRequired(product, '2023-01-01')).toBe(false);
      expect(referralRequired(product, '2026-11-22')).toBe(false);
    }
  });

  it('stays required for the other products', () => {
    const others = PRODUCT_TYPES.filter(
      (p) => !p.includes('enhanced') && p !== 'child_health_plus' && p !== 'essential_plan',
    );
    expect(others).toEqual(['commercial_hmo', 'commercial_pos', 'commercial_ppo', 'medicare_advantage']);
    for (const product of others) expect(referralRequired(product, '2026-11-22')).toBe(true);
  });

  it('throws on an invalid date', () => {
    pinRangeError(() => referralRequired('essential_plan', '2023-02-30'));
  });
});

describe('validateReferralSearch', () => {
  it('reaches back exactly 24 months: the same calendar day passes, a day more fails', () => {
    const ok = validateReferralSearch({ from: '2024-11-22', to: '2026-11-22' }, ctx);
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data.direction).toBe('all');
    expect(codes(validateReferralSearch({ from: '2024-11-21', to: '2026-11-22' }, ctx))).toEqual([
      ['REFERRAL_LOOKBACK_EXCEEDED', '$.from'],
    ]);
  });

  it('clamps 29 February', () => {
    expect(earliestReferralSearchDate('2028-02-29')).toBe('2026-02-28');
    const leap = { clock: fixedClock('2028-02-29T15:00:00Z') };
    expect(validateReferralSearch({ from: '2026-02-28', to: '2028-02-29' }, leap).success).toBe(true);
    expect(codes(validateReferralSearch({ from: '2026-02-27', to: '2028-02-29' }, leap))).toEqual([
      ['REFERRAL_LOOKBACK_EXCEEDED', '$.from'],
    ]);
  });

  it('needs from on or before to, valid dates, a direction and a valid NPI', () => {
    expect(codes(validateReferralSearch({ from: '2026-11-02', to: '2026-11-01' }, ctx))).toEqual([
      ['VALIDATION_FAILED', '$.from'],
    ]);
    expect(
      validateReferralSearch({ from: '2026-11-01', to: '2026-11-01', direction: 'made' }, ctx).success,
    ).toBe(true);
    expect(
      codes(
        validateReferralSearch(
          { from: '2026-02-30', to: '2026-11-01', direction: 'sent', providerNpi: '1' },
          ctx,
        ),
      ),
    ).toEqual([
      ['VALIDATION_FAILED', '$.direction'],
      ['VALIDATION_FAILED', '$.from'],
      ['INVALID_NPI', '$.providerNpi'],
    ]);
  });

  it('never throws, whatever the query', () => {
    fc.assert(
      fc.property(fc.anything(), (query) => {
        const result = validateReferralSearch(query, ctx);
        return result.success ? true : result.violations.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('not an object at all', () => {
  it('is one violation at $, for a referral and a referral search', () => {
    expect(codes(validateReferralCreate(null, ctx))).toEqual([['VALIDATION_FAILED', '$']]);
    expect(codes(validateReferralSearch('x', ctx))).toEqual([['VALIDATION_FAILED', '$']]);
  });
});

describe('the words and paths of the referral rules', () => {
  it('name the specialist when it is the one the directory does not know', () => {
    const result = validateReferralCreate(referral(), {
      clock,
      providerDirectory: (p) => p.npi === '1407819535',
    });
    expect(result.success ? [] : result.violations).toEqual([
      {
        code: 'PROVIDER_IDENTITY_MISMATCH',
        path: '$.specialist',
        message:
          "The specialist's address (1250 Broadway, New York, NY 10001), Tax ID 113456782 and NPI 1234567893 are " +
          'not one known combination: the address selected must match the Tax ID and NPI. Choose an address ' +
          'listed for this Tax ID and NPI in the provider directory.',
      },
    ]);
  });

  it('give REFERRAL_NOT_REQUIRED whole, with the product named', () => {
    expect(validateReferralCreate(referral(), { clock, productType: 'essential_plan' }).warnings).toEqual([
      {
        code: 'REFERRAL_NOT_REQUIRED',
        path: '$',
        message:
          'As of January 1, 2023, referrals are no longer needed for Essential Plan members: the member can see ' +
          'the specialist without one, and no referral is stored.',
      },
    ]);
  });
});

describe('one of two dates missing', () => {
  it('is reported on its own, without comparing the dates', () => {
    const onlyEnd = validateReferralCreate(referral({ startDate: undefined }), ctx);
    expect(onlyEnd.success ? [] : onlyEnd.violations).toEqual([
      { code: 'VALIDATION_FAILED', path: '$.startDate', message: '$.startDate is required: give a string.' },
    ]);
    expect(validateReferralSearch({ from: '2026-01-01' }, ctx)).toEqual({
      success: false,
      violations: [{ code: 'VALIDATION_FAILED', path: '$.to', message: '$.to is required: give a string.' }],
      warnings: [],
    });
    expect(validateReferralSearch({ to: '2026-03-31' }, ctx)).toEqual({
      success: false,
      violations: [
        { code: 'VALIDATION_FAILED', path: '$.from', message: '$.from is required: give a string.' },
      ],
      warnings: [],
    });
  });
});

describe('the member coverage (SERVICE_OUTSIDE_COVERAGE)', () => {
  it('holds the start and end dates of the referral, inclusive of its first and last day', () => {
    const exact = { clock, coverage: { startDate: '2026-11-16', endDate: '2027-05-15' } };
    expect(validateReferralCreate(referral(), exact).success).toBe(true);
    expect(validateReferralCreate(referral({ endDate: undefined }), exact).success).toBe(true);
    const coverage = { startDate: '2026-11-17', endDate: '2027-05-14' };
    const words = (which: string, date: string) =>
      `The service ${which} date ${date} of the referral is outside the member's coverage (2026-11-17 to ` +
      "2027-05-14): the service dates must coincide with the member's coverage dates. Choose dates within the coverage.";
    expect(validateReferralCreate(referral(), { clock, coverage })).toEqual({
      success: false,
      violations: [
        { code: 'SERVICE_OUTSIDE_COVERAGE', path: '$.startDate', message: words('start', '2026-11-16') },
        { code: 'SERVICE_OUTSIDE_COVERAGE', path: '$.endDate', message: words('end', '2027-05-15') },
      ],
      warnings: [],
    });
  });
});
