import { describe, expect, it } from 'vitest';
import { pinViolations } from '../../test/support/violations.ts';
import { validateAdmissionNotificationModification } from './admission-modifications.ts';

const known = () => true;
// The notification being modified was admitted on 2026-11-22.
const record = { admissionDate: '2026-11-22' };

describe('validateAdmissionNotificationModification', () => {
  it('accepts a discharge date on or after the admission', () => {
    expect(
      validateAdmissionNotificationModification(
        { reason: 'Home.', dischargeDate: '2026-11-22' },
        { ...record, providerDirectory: known },
      ).success,
    ).toBe(true);
  });

  it('reports a reversed discharge, a bad NPI and an unknown provider together', () => {
    const result = validateAdmissionNotificationModification(
      {
        reason: 'Fix.',
        admissionDate: '2026-11-24',
        dischargeDate: '2026-11-23',
        attendingProvider: {
          npi: '1234567890',
          taxId: '060646668',
          name: 'X',
          address: { line1: '1 Main St', city: 'Hartford', state: 'CT', zip: '06102' },
        },
      },
      { ...record, providerDirectory: () => false },
    );
    expect(result.success ? [] : result.violations.map((v) => v.code)).toEqual([
      'INVALID_NPI',
      'SERVICE_DATES_REVERSED',
    ]);
  });

  it('needs a change besides the reason', () => {
    const result = validateAdmissionNotificationModification(
      { reason: 'Nothing.' },
      { ...record, providerDirectory: known },
    );
    expect(result.success ? [] : result.violations.map((v) => v.code)).toEqual(['VALIDATION_FAILED']);
  });
  it('never throws on input of any shape', () => {
    for (const input of [
      null,
      undefined,
      42,
      'x',
      [],
      { reason: 7 },
      { reason: 'x', dischargeDate: '2025-02-30' },
    ]) {
      expect(validateAdmissionNotificationModification(input).success).toBe(false);
    }
  });
});

describe('the words of the admission modification rules', () => {
  it('are pinned: nothing to change, a discharge before the admission, an unknown attending provider', () => {
    const violations = (input: unknown, directory = known) => {
      const result = validateAdmissionNotificationModification(input, {
        ...record,
        providerDirectory: directory,
      });
      return result.success ? [] : result.violations;
    };
    pinViolations(violations({ reason: 'Nothing.' }));
    pinViolations(violations({ reason: 'Home.', dischargeDate: '2026-11-21' }));
    pinViolations(
      violations(
        {
          reason: 'Fix.',
          attendingProvider: {
            npi: '1982473104',
            taxId: '060646668',
            name: 'X',
            address: { line1: '1 Main St', city: 'Hartford', state: 'CT', zip: '06102' },
          },
        },
        () => false,
      ),
    );
    // The discharge may be the admission day itself; the admission date changed in the same request counts.
    expect(violations({ reason: 'Home.', dischargeDate: '2026-11-22' })).toEqual([]);
    expect(violations({ reason: 'Fix.', admissionDate: '2026-11-20', dischargeDate: '2026-11-21' })).toEqual(
      [],
    );
  });
});
