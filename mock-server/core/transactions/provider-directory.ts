/**
 * The provider directory the rules check provider identities against (`PROVIDER_IDENTITY_MISMATCH`):
 * the sandbox's deterministic providers, each NPI with its Tax IDs and addresses.
 */
import type { ParticipatingProvider, ProviderDirectory } from '../../../sdk/rules/index.ts';
import { profileNetworkStatus } from '../../data/participation.ts';
import type { HandlerContext } from '../types.ts';

/**
 * The directory of the sandbox a request runs in, as the rules' `providerDirectory`.
 *
 * @example
 * validateReferralCreate(ctx.body, { clock: ctx.sandbox.clock, providerDirectory: providerDirectory(ctx) });
 */
export function providerDirectory(ctx: Pick<HandlerContext, 'data'>): ProviderDirectory {
  return (provider) => ctx.data.isKnownProviderIdentity(provider);
}

/**
 * Whether an NPI is a participating provider of the sandbox's directory: a provider who is in network
 * at one of its practice addresses (data/participation.ts, the participation provider search and
 * network status show), as the rules' `participatingProvider` (`SPONSOR_NOT_PARTICIPATING`).
 *
 * @example
 * validateOrganizationRegistration(ctx.body, { participatingProvider: participatingProvider(ctx) });
 */
export function participatingProvider(ctx: Pick<HandlerContext, 'data'>): ParticipatingProvider {
  return (npi) => {
    const provider = ctx.data.provider(npi);
    return provider !== undefined && profileNetworkStatus(provider.locations) === 'in_network';
  };
}
