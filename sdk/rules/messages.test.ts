import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinViolations } from '../../test/support/violations.ts';
import {
  categoryOfSubcategory,
  isSubcategoryOf,
  MESSAGE_CATEGORIES,
  MESSAGE_CATEGORY_KEYS,
  MESSAGE_SUBCATEGORY_KEYS,
  messageCategoryList,
  validateMessageCreate,
} from './messages.ts';
import type { RuleValidationResult } from './zod-issues.ts';

function message(overrides: Record<string, unknown> = {}) {
  return {
    topic: 'general',
    memberId: 'K5500648801',
    senderNpi: '1407819535',
    category: 'care_management',
    subcategory: 'care_plan_question',
    priority: 'medium',
    content: 'Please add the updated asthma action plan to the care plan.',
    contactName: 'test cci automation',
    contactPhone: '(898) 345-0098',
    ...overrides,
  };
}

function codes(result: RuleValidationResult<unknown>, pin = true) {
  const violations = result.success ? [] : result.violations;
  if (pin) pinViolations(violations);
  return violations.map((v) => [v.code, v.path]);
}

describe('MESSAGE_CATEGORIES', () => {
  it('has the portal labels of the seeds', () => {
    expect(MESSAGE_CATEGORIES.care_management.label).toBe('Care Management');
    expect(MESSAGE_CATEGORIES.care_management.subcategories).toEqual({
      care_plan_question: 'Provider Portal Care Plan Question',
      care_plan_member_resources: 'Provider Portal Care Plan Resources for Members',
    });
    expect(MESSAGE_CATEGORIES.grievances_and_appeals.label).toBe('Grievances and Appeals');
  });

  it('matches the catalog of docs/spec-conventions.md', () => {
    expect(MESSAGE_CATEGORY_KEYS).toEqual([
      'care_management',
      'claims',
      'grievances_and_appeals',
      'preauthorizations',
      'referrals',
      'eligibility_and_benefits',
      'provider_data',
      'portal_support',
    ]);
    expect(Object.keys(MESSAGE_CATEGORIES.claims.subcategories)).toEqual([
      'claim_status',
      'claim_payment',
      'corrected_claim_documents',
      'remittance_question',
    ]);
    expect(MESSAGE_SUBCATEGORY_KEYS).toHaveLength(20);
  });

  it('puts each subcategory in exactly one category', () => {
    expect(new Set(MESSAGE_SUBCATEGORY_KEYS).size).toBe(MESSAGE_SUBCATEGORY_KEYS.length);
    expect(categoryOfSubcategory('claim_denial_appeal')).toBe('grievances_and_appeals');
    expect(categoryOfSubcategory('toString')).toBeUndefined();
    expect(isSubcategoryOf('care_management', 'care_plan_question')).toBe(true);
    expect(isSubcategoryOf('claims', 'care_plan_question')).toBe(false);
    expect(isSubcategoryOf('constructor', 'care_plan_question')).toBe(false);
  });

  it('lists the catalog for listMessageCategories', () => {
    expect(messageCategoryList()[2]).toEqual({
      category: 'grievances_and_appeals',
      label: 'Grievances and Appeals',
      subcategories: [
        { subcategory: 'claim_denial_appeal', label: 'Claim Denial Appeal' },
        { subcategory: 'provider_grievance', label: 'Provider Grievance' },
        { subcategory: 'member_grievance', label: 'Member Grievance' },
      ],
    });
  });
});

describe('validateMessageCreate', () => {
  it('accepts a care plan question', () => {
    expect(validateMessageCreate(message()).success).toBe(true);
  });

  it('refuses a subcategory of another category (INVALID_MESSAGE_CATEGORY)', () => {
    const result = validateMessageCreate(message({ category: 'claims' }));
    expect(codes(result)).toEqual([['INVALID_MESSAGE_CATEGORY', '$.subcategory']]);
    expect(result.success ? '' : result.violations[0]?.message).toContain('Claim Status');
  });

  it('refuses unknown and missing categories and subcategories with INVALID_MESSAGE_CATEGORY', () => {
    expect(codes(validateMessageCreate(message({ category: 'billing', subcategory: undefined })))).toEqual([
      ['INVALID_MESSAGE_CATEGORY', '$.category'],
      ['INVALID_MESSAGE_CATEGORY', '$.subcategory'],
    ]);
  });

  it('requires content, contact name and a valid contact phone (MESSAGE_CONTENT_REQUIRED)', () => {
    expect(
      codes(
        validateMessageCreate(message({ content: ' \n\t ', contactName: '  ', contactPhone: '555-0100' })),
      ),
    ).toEqual([
      ['MESSAGE_CONTENT_REQUIRED', '$.content'],
      ['MESSAGE_CONTENT_REQUIRED', '$.contactName'],
      ['MESSAGE_CONTENT_REQUIRED', '$.contactPhone'],
    ]);
    expect(
      codes(
        validateMessageCreate(
          message({ content: undefined, contactName: undefined, contactPhone: undefined }),
        ),
      ),
    ).toEqual([
      ['MESSAGE_CONTENT_REQUIRED', '$.content'],
      ['MESSAGE_CONTENT_REQUIRED', '$.contactName'],
      ['MESSAGE_CONTENT_REQUIRED', '$.contactPhone'],
    ]);
  });

  it('names the wrong category or subcategory, and a subcategory nobody knows is not blamed on its category', () => {
    // Pinned through codes(): an unknown category, an unknown subcategory, a subcategory of another one.
    expect(codes(validateMessageCreate(message({ category: 'billing' })))).toEqual([
      ['INVALID_MESSAGE_CATEGORY', '$.category'],
    ]);
    expect(codes(validateMessageCreate(message({ subcategory: 'billing_question' })))).toEqual([
      ['INVALID_MESSAGE_CATEGORY', '$.subcategory'],
    ]);
    expect(codes(validateMessageCreate(message({ subcategory: 42 })))).toEqual([
      ['INVALID_MESSAGE_CATEGORY', '$.subcategory'],
    ]);
    expect(codes(validateMessageCreate(message({ category: 'toString' })))).toEqual([
      ['INVALID_MESSAGE_CATEGORY', '$.category'],
    ]);
    expect(codes(validateMessageCreate(null))).toEqual([['VALIDATION_FAILED', '$']]);
  });

  it('accepts content of 4000 characters and refuses 4001', () => {
    expect(validateMessageCreate(message({ content: 'x'.repeat(4000) })).success).toBe(true);
    expect(codes(validateMessageCreate(message({ content: 'x'.repeat(4001) })))).toEqual([
      ['VALIDATION_FAILED', '$.content'],
    ]);
  });

  it('accepts US phone numbers written any common way', () => {
    for (const contactPhone of [
      '(898) 345-0098',
      '898-345-0098',
      '898.345.0098',
      '+1 898 345 0098',
      '8983450098',
    ]) {
      expect(validateMessageCreate(message({ contactPhone })).success).toBe(true);
    }
  });

  it('checks the sender NPI', () => {
    expect(codes(validateMessageCreate(message({ senderNpi: '1407819536' })))).toEqual([
      ['INVALID_NPI', '$.senderNpi'],
    ]);
  });

  it('requires the transaction of a transaction message, and refuses one on a general message', () => {
    expect(codes(validateMessageCreate(message({ topic: 'transaction' })))).toEqual([
      ['VALIDATION_FAILED', '$.transaction'],
    ]);
    expect(
      validateMessageCreate(
        message({
          topic: 'transaction',
          category: 'claims',
          subcategory: 'claim_status',
          transaction: { type: 'claim', id: '2026C00119872' },
        }),
      ).success,
    ).toBe(true);
    expect(
      codes(validateMessageCreate(message({ transaction: { type: 'claim', id: '2026C00119872' } }))),
    ).toEqual([['VALIDATION_FAILED', '$.transaction']]);
  });

  it('reports every problem together', () => {
    const result = validateMessageCreate(
      message({ category: 'grievances_and_appeals', priority: 'asap', content: '', senderNpi: '12' }),
    );
    expect(codes(result)).toEqual([
      ['INVALID_NPI', '$.senderNpi'],
      ['VALIDATION_FAILED', '$.priority'],
      ['MESSAGE_CONTENT_REQUIRED', '$.content'],
      ['INVALID_MESSAGE_CATEGORY', '$.subcategory'],
    ]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateMessageCreate(input);
        return result.success ? true : result.violations.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('a category or subcategory that is not a string', () => {
  it('is refused by the schema alone, never read as the text it would convert to', () => {
    // Object.hasOwn converts an array ['claims'] to the key "claims": only the typeof tests keep the
    // second pass from comparing it.
    expect(validateMessageCreate(message({ category: ['claims'] }))).toEqual({
      success: false,
      violations: [
        {
          code: 'INVALID_MESSAGE_CATEGORY',
          path: '$.category',
          message: 'an array is not a Message Center category: choose one of the listed categories.',
        },
      ],
      warnings: [],
    });
    expect(
      validateMessageCreate(message({ category: 'claims', subcategory: ['care_plan_question'] })),
    ).toEqual({
      success: false,
      violations: [
        {
          code: 'INVALID_MESSAGE_CATEGORY',
          path: '$.subcategory',
          message: 'an array is not a Message Center subcategory: choose one of the listed subcategories.',
        },
      ],
      warnings: [],
    });
  });
});

describe('a message about a care plan', () => {
  const aboutCarePlan = (overrides: Record<string, unknown>) =>
    validateMessageCreate(
      message({ topic: 'transaction', transaction: { type: 'care_plan', id: 'CP-000123' }, ...overrides }),
    );

  it('goes to Care Management, and is refused in another category with these words', () => {
    expect(aboutCarePlan({}).success).toBe(true);
    expect(aboutCarePlan({ category: 'claims', subcategory: 'claim_status' })).toEqual({
      success: false,
      violations: [
        {
          code: 'INVALID_MESSAGE_CATEGORY',
          path: '$.category',
          message:
            'A comment or question about a care plan goes to the Care Management category, not "claims": ' +
            'choose category care_management with subcategory care_plan_question or care_plan_member_resources.',
        },
      ],
      warnings: [],
    });
  });

  it('leaves a category that is not a string to the schema', () => {
    expect(aboutCarePlan({ category: 5 })).toEqual({
      success: false,
      violations: [
        {
          code: 'INVALID_MESSAGE_CATEGORY',
          path: '$.category',
          message: '5 is not a Message Center category: choose one of the listed categories.',
        },
      ],
      warnings: [],
    });
  });

  it('is only about the transaction type care_plan', () => {
    const claim = validateMessageCreate(
      message({
        topic: 'transaction',
        transaction: { type: 'claim', id: '2026A1B2C3' },
        category: 'claims',
        subcategory: 'claim_status',
      }),
    );
    expect(claim.success).toBe(true);
  });
});
