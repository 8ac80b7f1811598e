/**
 * Consolidating an EmblemHealth account and a ConnectiCare account into one: "Once you consolidate the
 * accounts, you will be able to use one account for both EmblemHealth and ConnectiCare. Access will be
 * through one account, and you will no longer need to switch back and forth." (seed 003; seed 004's
 * training index: "Consolidating Existing Accounts: The steps to consolidate existing accounts.")
 *
 * The signed-in account names the other account by its username and password. The other account must
 * exist with that password (`CONSOLIDATION_ACCOUNT_NOT_FOUND`, the same answer whether the username is
 * unknown or the password wrong), must not already be consolidated, and must bring a plan the signed-in
 * account does not see (`CONSOLIDATION_SAME_PLAN`); an account that already sees both plans has
 * nothing to consolidate (`ACCOUNT_ALREADY_CONSOLIDATED`).
 */
import * as z from 'zod/mini';
import { HEALTH_PLANS, type HealthPlan } from './health-plans.ts';
import type { Violation } from './violation.ts';
import type { RuleValidationResult } from './zod-issues.ts';
import { parseWithViolations, toValidationResult, trimmedText } from './zod-issues.ts';

/**
 * The body of `consolidateAccounts`: the other account's sign-in.
 *
 * @example
 * AccountConsolidationSchema.safeParse({ username: 'dana.cci', password: 'Portal!Pass2026' }).success; // true
 */
export const AccountConsolidationSchema = z.strictObject({
  username: trimmedText(100),
  password: z.string().check(z.minLength(1), z.maxLength(128)),
});

/**
 * A parsed consolidation request.
 *
 * @example
 * const body: AccountConsolidation = { username: 'dana.cci', password: 'Portal!Pass2026' };
 */
export type AccountConsolidation = z.output<typeof AccountConsolidationSchema>;

/**
 * Checks a consolidation request before it is sent: the other account's username and password are
 * given (`VALIDATION_FAILED` otherwise).
 *
 * @example
 * validateAccountConsolidation({ username: 'dana.cci' }).success; // false: the password is missing
 */
export function validateAccountConsolidation(input: unknown): RuleValidationResult<AccountConsolidation> {
  const parsed = parseWithViolations(AccountConsolidationSchema, input);
  return toValidationResult(parsed.data, parsed.violations);
}

/** What the consolidation rule reads of an account. */
export interface ConsolidatedAccount {
  userId: string;
  healthPlans: readonly HealthPlan[];
  /** Set when the account was already consolidated into another one. */
  consolidatedInto?: string | undefined;
}

/**
 * The plans an account sees once `other` is consolidated into `mine`: both, in the portal's order.
 *
 * @example
 * plansAfterConsolidation(['emblemhealth'], ['connecticare']); // ['emblemhealth', 'connecticare']
 */
export function plansAfterConsolidation(
  mine: readonly HealthPlan[],
  other: readonly HealthPlan[],
): HealthPlan[] {
  return HEALTH_PLANS.filter((plan) => mine.includes(plan) || other.includes(plan));
}

/**
 * The violations of consolidating `other` (found with the given password, or `undefined`) into
 * `mine`; `[]` when it may go ahead.
 *
 * @example
 * checkConsolidation({ userId: 'USR-1', healthPlans: ['emblemhealth'] }, undefined);
 * // [{ code: 'CONSOLIDATION_ACCOUNT_NOT_FOUND', … }]
 */
export function checkConsolidation(
  mine: ConsolidatedAccount,
  other: ConsolidatedAccount | undefined,
): Violation[] {
  if (mine.healthPlans.length >= HEALTH_PLANS.length) {
    return [
      {
        code: 'ACCOUNT_ALREADY_CONSOLIDATED',
        path: '$',
        message:
          'Your account already sees EmblemHealth and ConnectiCare: there is nothing to consolidate into it.',
      },
    ];
  }
  if (other === undefined || other.userId === mine.userId || other.consolidatedInto !== undefined) {
    return [
      {
        code: 'CONSOLIDATION_ACCOUNT_NOT_FOUND',
        path: '$.username',
        message:
          'No other account signs in with this username and password: give the username and password of ' +
          'your account with the other health plan.',
      },
    ];
  }
  if (!other.healthPlans.some((plan) => !mine.healthPlans.includes(plan))) {
    return [
      {
        code: 'CONSOLIDATION_SAME_PLAN',
        path: '$.username',
        message:
          'That account is of the same health plan as yours: consolidate the account you use for the other ' +
          'plan (EmblemHealth with ConnectiCare).',
      },
    ];
  }
  return [];
}
