import { describe, expect, it } from 'vitest';
import { admissionModificationOutcome } from './admission-modification.ts';

describe('admissionModificationOutcome', () => {
  it('applies a discharge date and diagnoses, pends an admission date or attending change', () => {
    expect(admissionModificationOutcome({ reason: 'x', dischargeDate: '2026-11-25' }, {})).toBe('applied');
    expect(admissionModificationOutcome({ reason: 'x', admissionDate: '2026-11-21' }, {})).toBe('pended');
    expect(
      admissionModificationOutcome({ reason: 'x', admissionDate: '2026-11-21' }, { outcome: 'applied' }),
    ).toBe('applied');
  });
});
