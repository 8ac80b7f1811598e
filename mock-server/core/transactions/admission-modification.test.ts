import { describe, expect, it } from 'vitest';
import { admissionModificationOutcome, validateAdmissionModification } from './admission-modification.ts';

const known = () => true;
const record = { admissionDate: '2026-11-22' };

describe('validateAdmissionModification', () => {
  it('accepts a discharge date on or after the admission', () => {
    expect(
      validateAdmissionModification({ reason: 'Home.', dischargeDate: '2026-11-22' }, record, known).success,
    ).toBe(true);
  });

  it('reports a reversed discharge, a bad NPI and an unknown provider together', () => {
    const result = validateAdmissionModification(
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
      record,
      () => false,
    );
    expect(result.success ? [] : result.violations.map((v) => v.code)).toEqual([
      'INVALID_NPI',
      'SERVICE_DATES_REVERSED',
    ]);
  });

  it('needs a change besides the reason', () => {
    const result = validateAdmissionModification({ reason: 'Nothing.' }, record, known);
    expect(result.success ? [] : result.violations.map((v) => v.code)).toEqual(['VALIDATION_FAILED']);
  });
});

describe('admissionModificationOutcome', () => {
  it('applies a discharge date and diagnoses, pends an admission date or attending change', () => {
    expect(admissionModificationOutcome({ reason: 'x', dischargeDate: '2026-11-25' }, {})).toBe('applied');
    expect(admissionModificationOutcome({ reason: 'x', admissionDate: '2026-11-21' }, {})).toBe('pended');
    expect(
      admissionModificationOutcome({ reason: 'x', admissionDate: '2026-11-21' }, { outcome: 'applied' }),
    ).toBe('applied');
  });
});
