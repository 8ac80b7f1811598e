/**
 * Who may see and do what in the transaction domains. The portal "works at a Tax ID level" (seed
 * 003): a user sees the transactions of the Tax IDs that the operation's access table entry opens to
 * them (`ctx.permittedTaxIds`, computed by the pipeline) and acts only for the providers of those Tax
 * IDs. Another Tax ID's transaction answers 404 NOT_FOUND, exactly as an unknown one, so that nothing
 * about it leaks.
 */

import { HEALTH_PLANS } from '../../data/health-plans.ts';
import { requireTaxIdAccess, signedInUser, userTaxIds } from '../access.ts';
import { ProblemError } from '../problem.ts';
import type { HandlerContext, HealthPlan } from '../types.ts';

export { signedInUser, userTaxIds };

/**
 * Whether the call may see a transaction that involves these Tax IDs.
 *
 * @example
 * canSee(ctx, record.taxIds); // true when one of them is open to the call
 */
export function canSee(
  ctx: Pick<HandlerContext, 'permittedTaxIds' | 'permittedPlans'>,
  taxIds: readonly string[],
  healthPlan?: HealthPlan,
): boolean {
  // An account of one plan sees nothing of the other's until the accounts are consolidated (seed 003).
  if (healthPlan !== undefined && !ctx.permittedPlans.includes(healthPlan)) return false;
  return taxIds.some((taxId) => ctx.permittedTaxIds.includes(taxId));
}

/**
 * Refuses a transaction made for a provider whose Tax ID the call may not act for: "They may then
 * decide which users may conduct business on behalf of each specific provider" (seed 003). The code
 * is the access table's (core/access.ts): TAX_ID_NOT_AUTHORIZED for a Tax ID the user does not act
 * for, PERMISSION_REQUIRED for one whose role lacks the permission, SITE_VERIFICATION_OVERDUE.
 *
 * @example
 * assertActsFor(ctx, body.requestingProvider.taxId, 'requesting provider');
 */
export function assertActsFor(
  ctx: Pick<HandlerContext, 'sandbox' | 'user' | 'operationId'>,
  taxId: string,
  role: string,
): void {
  const user = signedInUser(ctx);
  if (userTaxIds(user).includes(taxId)) {
    requireTaxIdAccess(ctx, taxId);
    return;
  }
  throw new ProblemError(
    'TAX_ID_NOT_AUTHORIZED',
    `You do not act for Tax ID ${taxId} of the ${role}: choose a provider of one of your Tax IDs ` +
      `(${userTaxIds(user).join(', ') || 'none'}), or ask its Portal Administrator for access.`,
  );
}

/**
 * The record when the call may see it; otherwise 404 NOT_FOUND, whether it exists or not.
 *
 * @example
 * const record = visibleOr404(ctx, records.get(id), `No preauthorization ${id} is visible to you.`);
 */
export function visibleOr404<T extends { taxIds: readonly string[]; healthPlan?: HealthPlan }>(
  ctx: Pick<HandlerContext, 'permittedTaxIds' | 'permittedPlans'>,
  record: T | undefined,
  detail: string,
): T {
  if (record === undefined || !canSee(ctx, record.taxIds, record.healthPlan))
    throw new ProblemError('NOT_FOUND', detail);
  return record;
}

/**
 * The health-plan filter of a list: what the account sees (seed 003: one account for both plans once
 * consolidated, its own plan until then) narrowed by the query's `healthPlan`; `undefined` when every
 * plan passes (a consolidated account, no `healthPlan` asked), so that an indexed list keeps its
 * fast path.
 *
 * @example
 * const inPlan = planFilter(ctx);
 * const rows = inPlan === undefined ? all : all.filter((row) => inPlan(row.healthPlan));
 */
export function planFilter(
  ctx: Pick<HandlerContext, 'permittedPlans' | 'query'>,
): ((plan: HealthPlan) => boolean) | undefined {
  const asked = ctx.query.get('healthPlan');
  const plans = ctx.permittedPlans.filter((plan) => asked === null || plan === asked);
  if (plans.length === HEALTH_PLANS.length) return undefined;
  return (plan) => plans.includes(plan);
}
