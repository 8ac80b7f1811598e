import { describe, expect, it } from 'vitest';
import {
  checkConsolidation,
  plansAfterConsolidation,
  validateAccountConsolidation,
} from './account-consolidation.ts';

const notFound = {
  code: 'CONSOLIDATION_ACCOUNT_NOT_FOUND',
  path: '$.username',
  message:
    'No other account signs in with this username and password: give the username and password of ' +
    'your account with the other health plan.',
};
const samePlan = {
  code: 'CONSOLIDATION_SAME_PLAN',
  path: '$.username',
  message:
    'That account is of the same health plan as yours: consolidate the account you use for the other ' +
    'plan (EmblemHealth with ConnectiCare).',
};

describe('validateAccountConsolidation', () => {
  it('accepts a username and a password', () => {
    expect(validateAccountConsolidation({ username: 'dana.cci', password: 'Portal!Pass2026' })).toEqual({
      success: true,
      data: { username: 'dana.cci', password: 'Portal!Pass2026' },
      warnings: [],
    });
  });

  it('needs both, with a password of 1 to 128 characters and a username of at most 100', () => {
    expect(validateAccountConsolidation({ username: 'dana.cci' })).toEqual({
      success: false,
      violations: [
        { code: 'VALIDATION_FAILED', path: '$.password', message: '$.password is required: give a string.' },
      ],
      warnings: [],
    });
    expect(validateAccountConsolidation({ username: 'dana.cci', password: 'x'.repeat(128) }).success).toBe(
      true,
    );
    expect(validateAccountConsolidation({ username: 'dana.cci', password: 'x'.repeat(129) }).success).toBe(
      false,
    );
    expect(validateAccountConsolidation({ username: 'd'.repeat(100), password: 'p' }).success).toBe(true);
    expect(validateAccountConsolidation({ username: 'd'.repeat(101), password: 'p' }).success).toBe(false);
    expect(validateAccountConsolidation({ username: '  ', password: 'p' }).success).toBe(false);
    expect(validateAccountConsolidation({ username: 'dana.cci', password: '' }).success).toBe(false);
  });
});

describe('plansAfterConsolidation', () => {
  it('is both plans, in the portal order, whichever account brought which', () => {
    expect(plansAfterConsolidation(['emblemhealth'], ['connecticare'])).toEqual([
      'emblemhealth',
      'connecticare',
    ]);
    expect(plansAfterConsolidation(['connecticare'], ['emblemhealth'])).toEqual([
      'emblemhealth',
      'connecticare',
    ]);
  });

  it('keeps a plan that only one side has, and nothing that neither has', () => {
    expect(plansAfterConsolidation(['connecticare'], [])).toEqual(['connecticare']);
    expect(plansAfterConsolidation([], ['connecticare'])).toEqual(['connecticare']);
    expect(plansAfterConsolidation([], [])).toEqual([]);
  });
});

describe('checkConsolidation', () => {
  const mine = { userId: 'USR-1', healthPlans: ['emblemhealth'] } as const;
  const other = { userId: 'USR-2', healthPlans: ['connecticare'] } as const;

  it('lets an account of the other plan be consolidated', () => {
    expect(checkConsolidation(mine, other)).toEqual([]);
    // The other account may see both plans: it still brings one mine does not see.
    expect(checkConsolidation(mine, { ...other, healthPlans: ['emblemhealth', 'connecticare'] })).toEqual([]);
  });

  it('refuses when my account already sees both plans (ACCOUNT_ALREADY_CONSOLIDATED), whatever the other', () => {
    const both = { userId: 'USR-1', healthPlans: ['emblemhealth', 'connecticare'] } as const;
    const already = [
      {
        code: 'ACCOUNT_ALREADY_CONSOLIDATED',
        path: '$',
        message:
          'Your account already sees EmblemHealth and ConnectiCare: there is nothing to consolidate into it.',
      },
    ];
    expect(checkConsolidation(both, other)).toEqual(already);
    expect(checkConsolidation(both, undefined)).toEqual(already);
  });

  it('answers CONSOLIDATION_ACCOUNT_NOT_FOUND alike for no account, my own account and one already consolidated', () => {
    expect(checkConsolidation(mine, undefined)).toEqual([notFound]);
    expect(checkConsolidation(mine, { ...other, userId: 'USR-1' })).toEqual([notFound]);
    expect(checkConsolidation(mine, { ...other, consolidatedInto: 'USR-9' })).toEqual([notFound]);
    expect(checkConsolidation(mine, { ...other, consolidatedInto: undefined })).toEqual([]);
  });

  it('refuses an account that brings no plan mine lacks (CONSOLIDATION_SAME_PLAN)', () => {
    expect(checkConsolidation(mine, { ...other, healthPlans: ['emblemhealth'] })).toEqual([samePlan]);
    expect(checkConsolidation(mine, { ...other, healthPlans: [] })).toEqual([samePlan]);
  });
});
