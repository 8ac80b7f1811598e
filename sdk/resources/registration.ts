import type { ResourceContext } from '../core/call.ts';
import { call, list, withPage } from '../core/call.ts';
import { fromViolations, optionalTaxId, readField, requireObject } from '../core/checks.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { QueryParams, RequestBody } from '../core/types.ts';
import { validateOrganizationRegistration, validateUserRegistration } from '../rules/index.ts';

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
    /** Registers an organisation with its lead site manager (`registerOrganization`, public). */
    registerOrganization: (body: RequestBody<'registerOrganization'>, options: RequestOptions = {}) =>
      call(ctx, 'registerOrganization', options, (s) =>
        ctx.raw.POST('/registrations/organizations', {
          body: s.validate(body, validateOrganizationRegistration(body)),
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
    /** Associates the account with a provider (`associateProviderAccount`). */
    associateAccount: (body: RequestBody<'associateProviderAccount'>, options: RequestOptions = {}) =>
      call(ctx, 'associateProviderAccount', options, (s) =>
        ctx.raw.POST('/accounts/associations', {
          body: s.validate(
            body,
            fromViolations([
              ...requireObject(body, '$'),
              ...optionalTaxId(readField(body, 'taxId'), '$.taxId'),
            ]),
          ),
          ...s.init,
        }),
      ),
    /** Links a further provider ID / Tax ID to the account (`linkProviderAccount`). */
    linkAccount: (body: RequestBody<'linkProviderAccount'>, options: RequestOptions = {}) =>
      call(ctx, 'linkProviderAccount', options, (s) =>
        ctx.raw.POST('/accounts/links', {
          body: s.validate(
            body,
            fromViolations([
              ...requireObject(body, '$'),
              ...optionalTaxId(readField(body, 'taxId'), '$.taxId'),
            ]),
          ),
          ...s.init,
        }),
      ),
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
