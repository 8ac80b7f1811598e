/**
 * Participation: whether a provider is in network at one practice location, and for one plan's
 * network. The one source that the provider search rows (`inNetwork`), the provider profile
 * (`networkStatus`) and the member network status check (`checkProviderNetworkStatus`) read, so that
 * they cannot disagree: the seed's example provider, "Adamski, John 80 Seymour St, Hartford, CT, 06102
 * … In Network No" (seed 001, Care Plans QRG step 12), is out of network at that address in all of
 * them, and in network at his other practice addresses.
 */
import type { components } from '../../sdk/generated/portal.ts';
import type { ProviderLocation } from './portal-data.ts';

/**
 * Whether the provider participates at a practice location (in any of its networks): the search row's
 * "In Network".
 *
 * @example
 * inNetworkAt({ inNetwork: false }); // false (Adamski at 80 Seymour St)
 */
export function inNetworkAt(location: Pick<ProviderLocation, 'inNetwork'>): boolean {
  return location.inNetwork;
}

/**
 * Whether the provider is in network at a location for a plan's network: it participates at the
 * location and in that network.
 *
 * @example
 * inNetworkForPlan(adamski, adamski.locations[1], 'PASSAGE'); // true (Farmington)
 */
export function inNetworkForPlan(
  provider: { networks: readonly string[] },
  location: Pick<ProviderLocation, 'inNetwork'>,
  networkName: string,
): boolean {
  return inNetworkAt(location) && provider.networks.includes(networkName);
}

/**
 * The profile's network status: in network when the provider participates at any of the locations.
 *
 * @example
 * profileNetworkStatus(adamski.locations); // 'in_network'
 */
export function profileNetworkStatus(
  locations: readonly Pick<ProviderLocation, 'inNetwork'>[],
): components['schemas']['ProviderProfile']['networkStatus'] {
  return locations.some(inNetworkAt) ? 'in_network' : 'out_of_network';
}
