/**
 * Who may see and do what in the transaction domains. The portal "works at a Tax ID level" (seed
 * 003): a user sees the transactions of the Tax IDs granted to them and acts only for the providers
 * of those Tax IDs. Another Tax ID's transaction answers 404 NOT_FOUND, exactly as an unknown one,
 * so that nothing about it leaks.
 */
import { requireTaxIdAccess, signedInUser, userTaxIds } from '../access.ts';
import { ProblemError } from '../problem.ts';
import type { HandlerContext, PortalUser } from '../types.ts';

export { signedInUser, userTaxIds };

/**
 * Whether a user may see a transaction that involves these Tax IDs.
 *
 * @example
 * canSee(user, record.taxIds); // true when one of them is granted to the user
 */
export function canSee(user: PortalUser, taxIds: readonly string[]): boolean {
  const granted = new Set(userTaxIds(user));
  return taxIds.some((taxId) => granted.has(taxId));
}

/**
 * Refuses (403 TAX_ID_NOT_AUTHORIZED) a transaction made for a provider whose Tax ID is not granted
 * to the user: "They may then decide which users may conduct business on behalf of each specific
 * provider" (seed 003); and, through the core's `requireTaxIdAccess`, one of a Tax ID whose monthly
 * site verification is overdue (403 SITE_VERIFICATION_OVERDUE).
 *
 * @example
 * assertActsFor(ctx, body.requestingProvider.taxId, 'requesting provider');
 */
export function assertActsFor(
  ctx: Pick<HandlerContext, 'sandbox' | 'user'>,
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
 * The record when the user may see it; otherwise 404 NOT_FOUND, whether it exists or not.
 *
 * @example
 * const record = visibleOr404(user, records.get(id), `No preauthorization ${id} is visible to you.`);
 */
export function visibleOr404<T extends { taxIds: readonly string[] }>(
  user: PortalUser,
  record: T | undefined,
  detail: string,
): T {
  if (record === undefined || !canSee(user, record.taxIds)) throw new ProblemError('NOT_FOUND', detail);
  return record;
}
