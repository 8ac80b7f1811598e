import type { ResourceContext } from '../core/call.ts';
import { call, list, withPage } from '../core/call.ts';
import { requireObject, taxIdParam } from '../core/checks.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { QueryParams, RequestBody } from '../core/types.ts';
import type { AccountLinkContext, OrganizationRegistrationContext, RuleContext } from '../rules/index.ts';
import {
  checkAccountLink,
  validateOrganizationRegistration,
  validateUserRegistration,
} from '../rules/index.ts';

/**
 * Options of an organisation registration: what the rules may also check (whether the sponsor is a
 * participating provider).
 *
 * @example
 * await portal.registration.registerOrganization(body, { rules: { participatingProvider: (npi) => known.has(npi) } });
 */
export type OrganizationRegistrationOptions = RequestOptions & { rules?: OrganizationRegistrationContext };

/**
 * Options of associating or linking a provider account: what the rules may also check (the provider
 * directory's accounts).
 *
 * @example
 * await portal.registration.linkAccount(body, { rules: { accountDirectory: (account) => known(account) } });
 */
export type AccountLinkOptions = RequestOptions & { rules?: AccountLinkContext };

type AccountLinkRuleContext = AccountLinkContext & RuleContext;

/**
 * The operation behind each method of `portal.registration`.
 *
 * @example
 * REGISTRATION_OPERATIONS.registerOrganization; // 'registerOrganization'
 */
export const REGISTRATION_OPERATIONS = {
  registerOrganization: 'registerOrganization',
  registerUser: 'registerUser',
  associateAccount: 'associateProviderAccount',
  linkAccount: 'linkProviderAccount',
  listLinkedAccounts: 'listLinkedAccounts',
} as const satisfies Record<string, OperationId>;

// "The SDK also accepts NN-NNNNNNN and normalises it" (spec, TaxId): the portal takes 9 digits.
function withTaxIdNormalised<B extends { taxId?: string | undefined }>(body: B): B {
  return body.taxId === undefined ? body : { ...body, taxId: taxIdParam(body.taxId) };
}

/**
 * `portal.registration`: register an organisation or a user (validated by the rules first: PIN,
 * Tax ID, NPI, lead site manager title), associate and link provider accounts.
 *
 * @example
 * await portal.registration.registerOrganization({ organization, leadSiteManager, sponsor,
 *   providerAgreementAccepted: true, securityPolicyAcknowledged: true });
 * for await (const account of portal.registration.listLinkedAccounts()) console.log(account.providerId);
 */
export function createRegistrationResource(ctx: ResourceContext) {
  return {
    /**
     * Registers an organisation with its lead site manager (`registerOrganization`, public). With
     * `options.rules.participatingProvider` the sponsor's NPI is checked before sending
     * (`SPONSOR_NOT_PARTICIPATING`); the portal always checks it against its provider directory.
     */
    registerOrganization: (
      body: RequestBody<'registerOrganization'>,
      options: OrganizationRegistrationOptions = {},
    ) =>
      call(ctx, 'registerOrganization', options, (s) =>
        ctx.raw.POST('/registrations/organizations', {
          body: s.validate(
            body,
            validateOrganizationRegistration(body, s.rules<OrganizationRegistrationContext>()),
          ),
          ...s.init,
        }),
      ),
    /** Registers a user with the group's registration code (`registerUser`, public). */
    registerUser: (body: RequestBody<'registerUser'>, options: RequestOptions = {}) =>
      call(ctx, 'registerUser', options, (s) =>
        ctx.raw.POST('/registrations/users', {
          body: s.validate(body, validateUserRegistration(body)),
          ...s.init,
        }),
      ),
    /**
     * Associates the account with a provider (`associateProviderAccount`): refused before sending
     * without the Provider Agreement (`PROVIDER_AGREEMENT_REQUIRED`), and with
     * `options.rules.accountDirectory` for a combination the directory does not know
     * (`PROVIDER_IDENTITY_MISMATCH`).
     */
    associateAccount: (body: RequestBody<'associateProviderAccount'>, options: AccountLinkOptions = {}) =>
      call(ctx, 'associateProviderAccount', options, (s) => {
        s.check([...requireObject(body, '$'), ...checkAccountLink(body, s.rules<AccountLinkRuleContext>())]);
        return ctx.raw.POST('/accounts/associations', { body: withTaxIdNormalised(body), ...s.init });
      }),
    /** Links a further provider ID / Tax ID to the account (`linkProviderAccount`); the rules of `associateAccount`. */
    linkAccount: (body: RequestBody<'linkProviderAccount'>, options: AccountLinkOptions = {}) =>
      call(ctx, 'linkProviderAccount', options, (s) => {
        s.check([...requireObject(body, '$'), ...checkAccountLink(body, s.rules<AccountLinkRuleContext>())]);
        return ctx.raw.POST('/accounts/links', { body: withTaxIdNormalised(body), ...s.init });
      }),
    /** The provider accounts linked to the user's account (`listLinkedAccounts`), paged. */
    listLinkedAccounts: (query: QueryParams<'listLinkedAccounts'> = {}, options: RequestOptions = {}) =>
      list(ctx, 'listLinkedAccounts', options, ({ init }, page) =>
        ctx.raw.GET('/accounts/links', { params: { query: withPage(query, page) }, ...init }),
      ),
  };
}

/**
 * The type of `portal.registration`.
 *
 * @example
 * const registration: RegistrationResource = portal.registration;
 */
export type RegistrationResource = ReturnType<typeof createRegistrationResource>;
