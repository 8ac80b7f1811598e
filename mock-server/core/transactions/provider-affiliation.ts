/**
 * Which providers, and which of their practice locations, a Tax ID still has: a site manager who
 * answers that a provider no longer belongs takes it out of that Tax ID's directory ("verify that all
 * providers in the group are still valid", seed 000). Provider search, provider profiles and the member
 * network status check all read their locations here, so a provider and an address one of them shows
 * are the ones the others show.
 */
import type { ProviderLocation, ProviderRecord } from '../../data/portal-data.ts';
import { collection } from '../sandbox.ts';
import type { HandlerContext } from '../types.ts';

/** The sandbox collection of providers removed from a Tax ID by a site verification (`taxId|npi`). */
export const REMOVED_PROVIDERS = 'removed-providers';

/** Whether a provider is still affiliated with a Tax ID. */
export function stillAffiliated(ctx: Pick<HandlerContext, 'sandbox'>, taxId: string, npi: string): boolean {
  return !collection<true>(ctx.sandbox, REMOVED_PROVIDERS).has(`${taxId}|${npi}`);
}

/** The Tax IDs a provider is (still) affiliated with. */
export function affiliatedTaxIds(ctx: Pick<HandlerContext, 'sandbox'>, provider: ProviderRecord): string[] {
  return provider.profile.taxIds.filter((taxId) => stillAffiliated(ctx, taxId, provider.profile.npi));
}

/**
 * The practice locations of a provider under the given Tax IDs that are still affiliated, in the
 * directory's order.
 *
 * @example
 * visibleLocations(ctx, adamski, [TAX_ID_A]).map((l) => l.addressId); // ['ADDR-000101', 'ADDR-000104']
 */
export function visibleLocations(
  ctx: Pick<HandlerContext, 'sandbox'>,
  provider: ProviderRecord,
  taxIds: readonly string[],
): ProviderLocation[] {
  return provider.locations.filter(
    (location) =>
      taxIds.includes(location.taxId) && stillAffiliated(ctx, location.taxId, provider.profile.npi),
  );
}
