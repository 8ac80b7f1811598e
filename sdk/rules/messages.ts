import * as z from 'zod/mini';
import type { RuleContext } from './context.ts';
import { HealthPlanSchema } from './health-plans.ts';
import { isUsPhone } from './identifiers.ts';
import { MESSAGE_PRIORITIES } from './turnaround.ts';
import type { RuleValidationResult, ValidationViolation } from './zod-issues.ts';
import {
  asRecord,
  describeValue,
  field,
  MemberIdSchema,
  NpiSchema,
  parseWithViolations,
  toValidationResult,
  trimmedText,
} from './zod-issues.ts';

/**
 * The Message Center's categories and their subcategories, with the labels the portal shows
 * ("Care Management" → "Provider Portal Care Plan Question", "Provider Portal Care Plan Resources for
 * Members", seed 001 step 13; "Please use the Grievances and Appeals category so the issue can be
 * routed to the correct staff", seed 003). A subcategory belongs to exactly one category.
 *
 * @example
 * MESSAGE_CATEGORIES.care_management.label; // 'Care Management'
 * MESSAGE_CATEGORIES.care_management.subcategories.care_plan_question; // 'Provider Portal Care Plan Question'
 */
export const MESSAGE_CATEGORIES = Object.freeze({
  care_management: {
    label: 'Care Management',
    subcategories: {
      care_plan_question: 'Provider Portal Care Plan Question',
      care_plan_member_resources: 'Provider Portal Care Plan Resources for Members',
    },
  },
  claims: {
    label: 'Claims',
    subcategories: {
      claim_status: 'Claim Status',
      claim_payment: 'Claim Payment',
      corrected_claim_documents: 'Corrected Claim Documents',
      remittance_question: 'Remittance Question',
    },
  },
  grievances_and_appeals: {
    label: 'Grievances and Appeals',
    subcategories: {
      claim_denial_appeal: 'Claim Denial Appeal',
      provider_grievance: 'Provider Grievance',
      member_grievance: 'Member Grievance',
    },
  },
  preauthorizations: {
    label: 'Preauthorizations',
    subcategories: {
      preauthorization_status: 'Preauthorization Status',
      additional_clinical_information: 'Additional Clinical Information',
      modification_question: 'Modification Question',
    },
  },
  referrals: {
    label: 'Referrals',
    subcategories: {
      referral_status: 'Referral Status',
      referral_question: 'Referral Question',
    },
  },
  eligibility_and_benefits: {
    label: 'Eligibility and Benefits',
    subcategories: {
      eligibility_question: 'Eligibility Question',
      benefits_question: 'Benefits Question',
    },
  },
  provider_data: {
    label: 'Provider Data',
    subcategories: {
      demographic_update: 'Demographic Update',
      network_participation: 'Network Participation',
    },
  },
  portal_support: {
    label: 'Portal Support',
    subcategories: {
      sign_in_problem: 'Sign-In Problem',
      user_access: 'User Access',
    },
  },
} as const);

/**
 * A message category (a key of {@link MESSAGE_CATEGORIES}).
 *
 * @example
 * const category: MessageCategory = 'grievances_and_appeals';
 */
export type MessageCategory = keyof typeof MESSAGE_CATEGORIES;

/**
 * The subcategories of one category, or of all categories.
 *
 * @example
 * const subcategory: MessageSubcategory<'care_management'> = 'care_plan_question';
 */
export type MessageSubcategory<C extends MessageCategory = MessageCategory> = C extends MessageCategory
  ? keyof (typeof MESSAGE_CATEGORIES)[C]['subcategories']
  : never;

/**
 * The category keys, in the portal's order.
 *
 * @example
 * MESSAGE_CATEGORY_KEYS[0]; // 'care_management'
 */
export const MESSAGE_CATEGORY_KEYS = Object.freeze(
  Object.keys(MESSAGE_CATEGORIES),
) as readonly MessageCategory[];

/**
 * Every subcategory key, in the portal's order.
 *
 * @example
 * MESSAGE_SUBCATEGORY_KEYS.includes('member_grievance'); // true
 */
export const MESSAGE_SUBCATEGORY_KEYS = Object.freeze(
  MESSAGE_CATEGORY_KEYS.flatMap((category) => Object.keys(MESSAGE_CATEGORIES[category].subcategories)),
) as readonly MessageSubcategory[];

/**
 * The category of a subcategory, or `undefined` for an unknown one.
 *
 * @example
 * categoryOfSubcategory('claim_denial_appeal'); // 'grievances_and_appeals'
 */
export function categoryOfSubcategory(subcategory: string): MessageCategory | undefined {
  return MESSAGE_CATEGORY_KEYS.find((category) =>
    Object.hasOwn(MESSAGE_CATEGORIES[category].subcategories, subcategory),
  );
}

/**
 * Whether `subcategory` belongs to `category` (`INVALID_MESSAGE_CATEGORY` otherwise).
 *
 * @example
 * isSubcategoryOf('care_management', 'care_plan_question'); // true
 * isSubcategoryOf('claims', 'care_plan_question'); // false
 */
export function isSubcategoryOf(category: string, subcategory: string): boolean {
  return (
    Object.hasOwn(MESSAGE_CATEGORIES, category) &&
    Object.hasOwn(MESSAGE_CATEGORIES[category as MessageCategory].subcategories, subcategory)
  );
}

/**
 * The catalog as a list (the answer of `listMessageCategories`).
 *
 * @example
 * messageCategoryList()[0]; // { category: 'care_management', label: 'Care Management', subcategories: [...] }
 */
export function messageCategoryList(): {
  category: MessageCategory;
  label: string;
  subcategories: { subcategory: MessageSubcategory; label: string }[];
}[] {
  return MESSAGE_CATEGORY_KEYS.map((category) => {
    const entry = MESSAGE_CATEGORIES[category];
    return {
      category,
      label: entry.label,
      subcategories: Object.entries(entry.subcategories).map(([subcategory, label]) => ({
        subcategory: subcategory as MessageSubcategory,
        label,
      })),
    };
  });
}

/**
 * What a `transaction` message can be about.
 *
 * @example
 * MESSAGE_TRANSACTION_TYPES.includes('claim'); // true
 */
export const MESSAGE_TRANSACTION_TYPES = [
  'member',
  'claim',
  'preauthorization',
  'referral',
  'care_plan',
  'admission_notification',
] as const;

/**
 * The longest message content, in characters.
 *
 * @example
 * content.length <= MAX_MESSAGE_CONTENT_LENGTH; // 4000
 */
export const MAX_MESSAGE_CONTENT_LENGTH = 4000;

/**
 * The body of `createMessage` (field names of docs/spec-conventions.md).
 *
 * @example
 * const parsed = MessageCreateSchema.safeParse(body);
 */
export const MessageCreateSchema = z.strictObject({
  topic: z.enum(['general', 'transaction']),
  transaction: z.optional(
    z.strictObject({
      type: z.enum(MESSAGE_TRANSACTION_TYPES),
      id: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[A-Za-z0-9-]+$/)),
    }),
  ),
  memberId: z.optional(MemberIdSchema),
  healthPlan: z.optional(HealthPlanSchema),
  senderNpi: NpiSchema,
  category: z.enum(MESSAGE_CATEGORY_KEYS as [MessageCategory, ...MessageCategory[]]),
  subcategory: z.enum(MESSAGE_SUBCATEGORY_KEYS as [MessageSubcategory, ...MessageSubcategory[]]),
  priority: z.enum(MESSAGE_PRIORITIES),
  content: z.string().check(
    z.maxLength(MAX_MESSAGE_CONTENT_LENGTH),
    z.refine((value) => value.trim() !== '', {
      params: { code: 'MESSAGE_CONTENT_REQUIRED' },
      error:
        'The message content is empty: write your message (include enough details and examples to get an accurate answer).',
    }),
  ),
  contactName: trimmedText(100),
  contactPhone: z.string().check(
    z.refine(isUsPhone, {
      params: { code: 'MESSAGE_CONTENT_REQUIRED' },
      error: (issue) =>
        `The contact phone ${describeValue(issue.input)} is not a valid US phone number: give 10 digits, such as (898) 345-0098.`,
    }),
  ),
});

/**
 * A parsed message (contact name trimmed).
 *
 * @example
 * const result = validateMessageCreate(body);
 * if (result.success) { const message: MessageCreate = result.data; }
 */
export type MessageCreate = z.output<typeof MessageCreateSchema>;

const REQUIRED_CONTENT_FIELDS: Record<string, string> = {
  content: 'the message content',
  contactName: 'the contact name',
  contactPhone: 'the contact phone',
};

function messageRules(input: unknown): ValidationViolation[] {
  const root = asRecord(input);
  if (root === undefined) return [];
  const out: ValidationViolation[] = [];
  const category = field(root, 'category');
  const subcategory = field(root, 'subcategory');
  if (
    typeof category === 'string' &&
    typeof subcategory === 'string' &&
    Object.hasOwn(MESSAGE_CATEGORIES, category) &&
    categoryOfSubcategory(subcategory) !== undefined &&
    !isSubcategoryOf(category, subcategory)
  ) {
    const entry = MESSAGE_CATEGORIES[category as MessageCategory];
    const allowed = Object.values(entry.subcategories as Record<string, string>).join('", "');
    out.push({
      code: 'INVALID_MESSAGE_CATEGORY',
      path: '$.subcategory',
      message:
        `Subcategory ${subcategory} does not belong to category ${entry.label}: choose one of "${allowed}", or the ` +
        `category ${MESSAGE_CATEGORIES[categoryOfSubcategory(subcategory) ?? 'portal_support'].label}.`,
    });
  }
  const topic = field(root, 'topic');
  const transaction = field(root, 'transaction');
  // "An Alert will display stating that this message form is only for care plan updates and
  // questions" and "“Care Management” will default as the category for your message" (seeds 001, 003):
  // a comment or question about a care plan goes to Care Management, nowhere else.
  const transactionType = field(asRecord(transaction) ?? {}, 'type');
  if (transactionType === 'care_plan' && typeof category === 'string' && category !== 'care_management') {
    out.push({
      code: 'INVALID_MESSAGE_CATEGORY',
      path: '$.category',
      message:
        `A comment or question about a care plan goes to the Care Management category, not ${describeValue(category)}: ` +
        'choose category care_management with subcategory care_plan_question or care_plan_member_resources.',
    });
  }
  if (topic === 'transaction' && transaction === undefined) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.transaction',
      message:
        'A message about a specific transaction names it: give transaction { type, id }, or use topic general.',
    });
  }
  if (topic === 'general' && transaction !== undefined) {
    out.push({
      code: 'VALIDATION_FAILED',
      path: '$.transaction',
      message:
        'A general message is not about one transaction: remove transaction, or use topic transaction.',
    });
  }
  return out;
}

/**
 * Validates a new message, every violation at once:
 * - `INVALID_MESSAGE_CATEGORY`: an unknown category or subcategory, or a subcategory of another
 *   category;
 * - `MESSAGE_CONTENT_REQUIRED`: content (not blank), contact name and contact phone (a valid US
 *   number) are required ("Message Content *", "Contact Name *", "Contact Phone *", seed 001 step 15);
 * - `INVALID_NPI` for `senderNpi`; `VALIDATION_FAILED` for the rest of the shape, and a transaction
 *   missing with topic `transaction` (or given with topic `general`).
 * The response due date is not part of validation: see `responseDueDate` (turnaround.ts). Never
 * throws on any input.
 *
 * @example
 * validateMessageCreate({ ...message, content: '   ' }); // MESSAGE_CONTENT_REQUIRED at $.content
 */
export function validateMessageCreate(
  input: unknown,
  _ctx: RuleContext = {},
): RuleValidationResult<MessageCreate> {
  const parsed = parseWithViolations(MessageCreateSchema, input, {
    override: (issue, path) => {
      const key = issue.path.length === 1 ? issue.path[0] : undefined;
      if (key === 'category' || key === 'subcategory') {
        const value = issue.input;
        return {
          code: 'INVALID_MESSAGE_CATEGORY',
          message:
            value === undefined
              ? `${path} is required: choose a ${key} of the Message Center.`
              : `${describeValue(value)} is not a Message Center ${key}: choose one of the listed ${key === 'category' ? 'categories' : 'subcategories'}.`,
        };
      }
      if (
        typeof key === 'string' &&
        Object.hasOwn(REQUIRED_CONTENT_FIELDS, key) &&
        issue.code !== 'too_big'
      ) {
        if (issue.code === 'custom') return { code: 'MESSAGE_CONTENT_REQUIRED' };
        return {
          code: 'MESSAGE_CONTENT_REQUIRED',
          message: `${REQUIRED_CONTENT_FIELDS[key]} is required (${path}): fill it in.`.replace(/^t/, 'T'),
        };
      }
      return undefined;
    },
  });
  return toValidationResult(parsed.data, [...parsed.violations, ...messageRules(input)]);
}
