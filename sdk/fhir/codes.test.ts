import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimTypeOf,
  modifierSystemOf,
  priorityOf,
  procedureSystemOf,
  REVIEW_ACTIONS,
  reviewActionOf,
  SERVICE_TYPE_X12,
  serviceTypeOfX12,
  urgencyOfPriority,
} from './codes.ts';
import { SYSTEMS } from './systems.ts';

describe('service types ↔ X12 1365', () => {
  it('every service type has its own X12 code, read back to the same type', () => {
    const codes = Object.values(SERVICE_TYPE_X12).map((x12) => x12.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [type, x12] of Object.entries(SERVICE_TYPE_X12)) expect(serviceTypeOfX12(x12.code)).toBe(type);
  });

  it('an X12 code the portal does not offer is undefined', () => {
    expect(serviceTypeOfX12('30')).toBeUndefined();
    expect(serviceTypeOfX12('')).toBeUndefined();
  });

  it('admissions and skilled nursing are institutional, the rest professional', () => {
    const institutional = Object.keys(SERVICE_TYPE_X12).filter(
      (type) => claimTypeOf(type as never) === 'institutional',
    );
    expect(institutional.sort()).toEqual(['inpatient_admission', 'skilled_nursing']);
    expect(claimTypeOf(undefined)).toBe('professional');
  });
});

describe('urgency ↔ process priority', () => {
  it('expedited is stat, standard normal, and back', () => {
    expect(priorityOf('expedited')).toBe('stat');
    expect(priorityOf('standard')).toBe('normal');
    for (const urgency of ['expedited', 'standard'] as const) {
      expect(urgencyOfPriority(priorityOf(urgency))).toBe(urgency);
    }
    expect(urgencyOfPriority('deferred')).toBe('standard');
    expect(urgencyOfPriority('urgent')).toBeUndefined();
    expect(urgencyOfPriority(undefined)).toBeUndefined();
  });
});

describe('X12 306 review action of a line', () => {
  it.each([
    ['approved', 10, undefined, 'A1'],
    ['approved', 10, 10, 'A1'],
    ['approved', 10, 6, 'A6'],
    ['approved', 10, 0, 'A6'],
    ['denied', 10, 0, 'A3'],
    ['pended', 10, undefined, 'A4'],
    ['more_information_needed', 10, undefined, 'A4'],
  ] as const)('%s, %i units, %s approved → %s', (status, units, approvedUnits, code) => {
    const line = approvedUnits === undefined ? { units } : { units, approvedUnits };
    expect(reviewActionOf(status, line)).toBe(code);
    expect(REVIEW_ACTIONS[code]).toBeTypeOf('string');
  });
});

describe('procedure code systems', () => {
  it('HCPCS Level II for a letter and four digits, CPT for the rest (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'ABCEGHJKLMPQRSTV'), fc.integer({ min: 0, max: 9999 }), (letter, n) => {
        expect(procedureSystemOf(`${letter}${String(n).padStart(4, '0')}`)).toBe(SYSTEMS.hcpcs);
      }),
    );
    for (const code of ['97110', '0001U', '1234F', '0075T'])
      expect(procedureSystemOf(code)).toBe(SYSTEMS.cpt);
  });
});

describe('procedure modifier systems', () => {
  it.each([
    ['59', 'cpt'],
    ['25', 'cpt'],
    ['P3', 'cpt'],
    ['GP', 'hcpcs'],
    ['RT', 'hcpcs'],
    ['KX', 'hcpcs'],
    ['P7', 'hcpcs'],
    ['Q5', 'hcpcs'],
  ] as const)('%s is %s', (code, system) => {
    expect(modifierSystemOf(code)).toBe(SYSTEMS[system]);
  });
});
