/**
 * The provider directory the rules check provider identities against (`PROVIDER_IDENTITY_MISMATCH`):
 * the sandbox's deterministic providers, each NPI with its Tax IDs and addresses.
 */
import type { ProviderDirectory } from '../../../sdk/rules/index.ts';
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
