import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinViolations } from '../../test/support/violations.ts';
import {
  delegatedNotice,
  delegatedOutcome,
  validateAdmissionNotificationCreate,
} from './admission-notifications.ts';
import { fixedClock } from './clock.ts';
import type { RuleValidationResult } from './zod-issues.ts';

const clock = fixedClock('2026-11-22T15:00:00Z'); // 2026-11-22 in New York
const ctx = { clock };
const hospital = {
  npi: '1003000126',
  taxId: '222334444',
  name: 'Mercy General Hospital',
  address: { line1: '1 Hospital Plaza', city: 'Bronx', state: 'NY', zip: '10461' },
};

function notification(overrides: Record<string, unknown> = {}) {
  return {
    memberId: 'K5500648801',
    admissionType: 'emergent_inpatient',
    admissionDate: '2026-11-22',
    facility: hospital,
    attendingProvider: { ...hospital, npi: '1982473104', name: 'Reyes, Daniel' },
    diagnoses: [{ code: 'J45.52', primary: true }, { code: 'J96.01' }],
    ...overrides,
  };
}

const newborn = { birthDate: '2026-11-21', sex: 'female', birthWeightGrams: 3280 };

function codes(result: RuleValidationResult<unknown>, pin = true) {
  const violations = result.success ? [] : result.violations;
  if (pin) pinViolations(violations);
  return violations.map((v) => [v.code, v.path]);
}

describe('validateAdmissionNotificationCreate', () => {
  it('accepts an emergent inpatient admission today', () => {
    expect(validateAdmissionNotificationCreate(notification(), ctx).success).toBe(true);
  });

  it('refuses an admission date in the future (tomorrow), accepts today', () => {
    expect(
      codes(validateAdmissionNotificationCreate(notification({ admissionDate: '2026-11-23' }), ctx)),
    ).toEqual([['VALIDATION_FAILED', '$.admissionDate']]);
    // 23:59 on 2026-11-22 in New York is already the 23rd in UTC: still today.
    const lateEvening = { clock: fixedClock('2026-11-23T04:59:00Z') };
    expect(
      validateAdmissionNotificationCreate(notification({ admissionDate: '2026-11-22' }), lateEvening).success,
    ).toBe(true);
  });

  it('requires the newborn block exactly when admissionType is newborn', () => {
    expect(
      codes(validateAdmissionNotificationCreate(notification({ admissionType: 'newborn' }), ctx)),
    ).toEqual([['VALIDATION_FAILED', '$.newborn']]);
    expect(
      validateAdmissionNotificationCreate(
        notification({ admissionType: 'newborn', newborn, attendingProvider: undefined }),
        ctx,
      ).success,
    ).toBe(true);
    expect(
      codes(validateAdmissionNotificationCreate(notification({ admissionType: 'maternity', newborn }), ctx)),
    ).toEqual([['VALIDATION_FAILED', '$.newborn']]);
  });

  it('checks the newborn block', () => {
    const result = validateAdmissionNotificationCreate(
      notification({
        admissionType: 'newborn',
        admissionDate: '2026-11-20',
        newborn: { birthDate: '2026-11-21', sex: 'x', birthWeightGrams: 100 },
      }),
      ctx,
    );
    expect(codes(result)).toEqual([
      ['VALIDATION_FAILED', '$.newborn.sex'],
      ['VALIDATION_FAILED', '$.newborn.birthWeightGrams'],
      ['VALIDATION_FAILED', '$.newborn.birthDate'],
    ]);
  });

  it('a newborn born today and admitted today is accepted; born tomorrow, or after the admission, is not', () => {
    const born = (birthDate: string, admissionDate = '2026-11-22') =>
      codes(
        validateAdmissionNotificationCreate(
          notification({ admissionType: 'newborn', admissionDate, newborn: { ...newborn, birthDate } }),
          ctx,
        ),
      );
    expect(born('2026-11-22')).toEqual([]);
    expect(born('2026-11-23')).toEqual([['VALIDATION_FAILED', '$.newborn.birthDate']]);
    expect(born('2026-11-20', '2026-11-20')).toEqual([]);
    expect(born('2026-11-21', '2026-11-20')).toEqual([['VALIDATION_FAILED', '$.newborn.birthDate']]);
    // The newborn block on another admission type, and not an object at all.
    expect(codes(validateAdmissionNotificationCreate(notification({ newborn: 'twins' }), ctx))).toEqual([
      ['VALIDATION_FAILED', '$.newborn'],
      ['VALIDATION_FAILED', '$.newborn'],
    ]);
    expect(codes(validateAdmissionNotificationCreate(null, ctx))).toEqual([['VALIDATION_FAILED', '$']]);
  });

  it('reports identifiers, codes and dates together', () => {
    const result = validateAdmissionNotificationCreate(
      notification({
        facility: { ...hospital, npi: '1003000127', taxId: '22-23344' },
        diagnoses: [{ code: 'j45.52' }],
        admissionDate: '2025-02-30',
      }),
      ctx,
    );
    expect(codes(result)).toEqual([
      ['VALIDATION_FAILED', '$.admissionDate'],
      ['INVALID_NPI', '$.facility.npi'],
      ['INVALID_TAX_ID', '$.facility.taxId'],
      ['INVALID_ICD10_CODE', '$.diagnoses[0].code'],
    ]);
  });

  it('checks the facility and attending provider against a directory', () => {
    const result = validateAdmissionNotificationCreate(notification(), {
      clock,
      providerDirectory: (p) => p.npi === '1003000126',
    });
    expect(codes(result)).toEqual([['PROVIDER_IDENTITY_MISMATCH', '$.attendingProvider']]);
  });

  it('checks the facility against the directory, with its own path and words', () => {
    const result = validateAdmissionNotificationCreate(notification(), {
      clock,
      providerDirectory: (p) => p.npi === '1982473104',
    });
    expect(codes(result)).toEqual([['PROVIDER_IDENTITY_MISMATCH', '$.facility']]);
    expect(result.success ? '' : result.violations[0]?.message).toMatch(/^The facility's address/);
  });

  it('leaves a newborn block beside an admission type that is not a string to the schema', () => {
    expect(
      codes(validateAdmissionNotificationCreate(notification({ admissionType: 5, newborn }), ctx)),
    ).toEqual([['VALIDATION_FAILED', '$.admissionType']]);
  });

  it('checks the admission date against the coverage when given, inclusive of its first and last day', () => {
    const coverage = { startDate: '2026-11-22', endDate: '2026-11-30' };
    expect(validateAdmissionNotificationCreate(notification(), { clock, coverage }).success).toBe(true);
    expect(
      validateAdmissionNotificationCreate(notification(), {
        clock,
        coverage: { startDate: '2026-01-01', endDate: '2026-11-22' },
      }).success,
    ).toBe(true);
    expect(
      codes(
        validateAdmissionNotificationCreate(notification({ admissionDate: '2026-11-21' }), {
          clock,
          coverage,
        }),
      ),
    ).toEqual([['SERVICE_OUTSIDE_COVERAGE', '$.admissionDate']]);
    // A malformed admission date is refused by its shape alone.
    expect(
      codes(
        validateAdmissionNotificationCreate(notification({ admissionDate: '2026-11-31' }), {
          clock,
          coverage,
        }),
      ),
    ).toEqual([['VALIDATION_FAILED', '$.admissionDate']]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateAdmissionNotificationCreate(input, { clock, providerDirectory: () => false });
        return result.success ? true : result.violations.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('delegatedOutcome', () => {
  const entity = {
    name: 'Hudson Medical Group IPA Utilization Management',
    phone: '(914) 555-0100',
    instructions: 'Notify the delegated entity by phone or fax within 24 hours of the admission.',
  };

  it('names the delegated entity and how to reach it', () => {
    expect(delegatedOutcome(entity)).toEqual({
      outcome: 'delegated',
      code: 'DELEGATED_MEMBER',
      delegatedEntity: entity,
      message:
        'This member falls under a delegated arrangement: notify Hudson Medical Group IPA Utilization Management ' +
        'directly at (914) 555-0100. Notify the delegated entity by phone or fax within 24 hours of the admission.',
    });
    expect(delegatedNotice(entity)).toMatchObject({ code: 'DELEGATED_MEMBER', path: '$.memberId' });
  });
});
