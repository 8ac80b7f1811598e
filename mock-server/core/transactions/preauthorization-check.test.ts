import { describe, expect, it } from 'vitest';
import { checkProcedureCodeRequirement } from './preauthorization-check.ts';

describe('checkProcedureCodeRequirement', () => {
  it('never requires a preauthorization for an office visit', () => {
    for (const code of ['99202', '99213', '99215', '99499']) {
      expect(checkProcedureCodeRequirement(42, code)).toMatchObject({ required: false, decisionBy: 'plan' });
    }
  });

  it('sends required radiology to the radiology benefit manager', () => {
    const required = ['70553', '71250', '72148', '73721', '74177', '78815']
      .flatMap((code) => [1, 2, 3, 4, 5].map((seed) => checkProcedureCodeRequirement(seed, code)))
      .filter((item) => item.required);
    expect(required.length).toBeGreaterThan(0);
    for (const item of required) {
      expect(item).toMatchObject({
        decisionBy: 'delegated_vendor',
        vendor: { name: 'Summit Radiology Benefits Management' },
      });
    }
  });

  it('is a function of (seed, code)', () => {
    const codes = ['97110', 'E0601', '29881', '27447', 'L3960', '64483'];
    const first = codes.map((code) => checkProcedureCodeRequirement(42, code));
    expect(codes.map((code) => checkProcedureCodeRequirement(42, code))).toEqual(first);
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
      JSON.stringify(codes.map((code) => checkProcedureCodeRequirement(seed, code))),
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});
