import type { CallScope, ResourceContext } from '../core/call.ts';
import { call, list, withPage } from '../core/call.ts';
import { taxIdParam } from '../core/checks.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, QueryParams, RequestBody } from '../core/types.ts';
import { checkTaxId, validateInvitations, validateSecondarySiteManager } from '../rules/index.ts';

type TaxId = PathParams<'listTaxIdUsers'>['taxId'];
type UserId = PathParams<'updateUserRole'>['userId'];

/**
 * The operation behind each method of `portal.users`.
 *
 * @example
 * USERS_OPERATIONS.invite; // 'inviteUsers'
 */
export const USERS_OPERATIONS = {
  list: 'listTaxIdUsers',
  invite: 'inviteUsers',
  updateRole: 'updateUserRole',
  revoke: 'revokeUser',
  makeAdmin: 'makeUserAdmin',
  siteVerification: 'getSiteVerification',
  verifySite: 'submitSiteVerification',
  designateSecondarySiteManager: 'designateSecondarySiteManager',
} as const satisfies Record<string, OperationId>;

// The Tax ID in the path: refused before sending when it is not one (INVALID_TAX_ID), sent as the
// 9 digits the portal takes when written NN-NNNNNNN.
function taxIdPath(s: CallScope, taxId: string): string {
  s.check(checkTaxId(taxId, '$.taxId'));
  return taxIdParam(taxId);
}

/**
 * `portal.users`: the users of a Tax ID, invitations (validated first: at most 10, one role per Tax
 * ID), roles, revocation and the monthly site verification. Tax IDs may be written `NN-NNNNNNN`.
 *
 * @example
 * for await (const user of portal.users.list('060646668')) console.log(user.email, user.role);
 * await portal.users.invite('060646668', { invitations: [{ firstName: 'Dana', lastName: 'Reyes',
 *   email: 'dreyes@hartfordfamilymed.example', role: 'clinical_staff' }] });
 */
export function createUsersResource(ctx: ResourceContext) {
  return {
    /** The users of a Tax ID (`listTaxIdUsers`), paged. */
    list: (taxId: TaxId, query: QueryParams<'listTaxIdUsers'> = {}, options: RequestOptions = {}) =>
      list(ctx, 'listTaxIdUsers', options, (s, page) =>
        ctx.raw.GET('/tax-ids/{taxId}/users', {
          params: { path: { taxId: taxIdPath(s, taxId) }, query: withPage(query, page) },
          ...s.init,
        }),
      ),
    /** Sends a list of invitations (`inviteUsers`); each one succeeds or fails on its own. */
    invite: (taxId: TaxId, body: RequestBody<'inviteUsers'>, options: RequestOptions = {}) =>
      call(ctx, 'inviteUsers', options, (s) =>
        ctx.raw.POST('/tax-ids/{taxId}/invitations', {
          params: { path: { taxId: taxIdPath(s, taxId) } },
          body: s.validate(body, validateInvitations(body)),
          ...s.init,
        }),
      ),
    /** Changes a user's one role on the Tax ID and its permissions (`updateUserRole`). */
    updateRole: (
      taxId: TaxId,
      userId: UserId,
      body: RequestBody<'updateUserRole'>,
      options: RequestOptions = {},
    ) =>
      call(ctx, 'updateUserRole', options, (s) =>
        ctx.raw.PATCH('/tax-ids/{taxId}/users/{userId}', {
          params: { path: { taxId: taxIdPath(s, taxId), userId } },
          body,
          ...s.init,
        }),
      ),
    /** Revokes a user's access to the Tax ID (`revokeUser`). */
    revoke: (taxId: TaxId, userId: UserId, options: RequestOptions = {}) =>
      call(ctx, 'revokeUser', options, (s) =>
        ctx.raw.DELETE('/tax-ids/{taxId}/users/{userId}', {
          params: { path: { taxId: taxIdPath(s, taxId), userId } },
          ...s.init,
        }),
      ),
    /**
     * Designates or replaces the Tax ID's Secondary Site Manager (`designateSecondarySiteManager`):
     * refused before sending when the title is not a site manager's (`LEAD_SITE_MANAGER_TITLE`). The
     * answer's `notices` recommend a second site manager while only one is designated.
     */
    designateSecondarySiteManager: (
      taxId: TaxId,
      body: RequestBody<'designateSecondarySiteManager'>,
      options: RequestOptions = {},
    ) =>
      call(ctx, 'designateSecondarySiteManager', options, (s) =>
        ctx.raw.POST('/tax-ids/{taxId}/site-managers/secondary', {
          params: { path: { taxId: taxIdPath(s, taxId) } },
          body: s.validate(body, validateSecondarySiteManager(body)),
          ...s.init,
        }),
      ),
    /** Makes a user a Portal Administrator of the Tax ID (`makeUserAdmin`). */
    makeAdmin: (taxId: TaxId, userId: UserId, options: RequestOptions = {}) =>
      call(ctx, 'makeUserAdmin', options, (s) =>
        ctx.raw.POST('/tax-ids/{taxId}/users/{userId}/admin', {
          params: { path: { taxId: taxIdPath(s, taxId), userId } },
          ...s.init,
        }),
      ),
    /** The monthly site verification: when it is due and whether users are blocked (`getSiteVerification`). */
    siteVerification: (taxId: TaxId, options: RequestOptions = {}) =>
      call(ctx, 'getSiteVerification', options, (s) =>
        ctx.raw.GET('/tax-ids/{taxId}/site-verification', {
          params: { path: { taxId: taxIdPath(s, taxId) } },
          ...s.init,
        }),
      ),
    /** Confirms each user and provider still belongs to the site (`submitSiteVerification`). */
    verifySite: (taxId: TaxId, body: RequestBody<'submitSiteVerification'>, options: RequestOptions = {}) =>
      call(ctx, 'submitSiteVerification', options, (s) =>
        ctx.raw.POST('/tax-ids/{taxId}/site-verification', {
          params: { path: { taxId: taxIdPath(s, taxId) } },
          body,
          ...s.init,
        }),
      ),
  };
}

/**
 * The type of `portal.users`.
 *
 * @example
 * const users: UsersResource = portal.users;
 */
export type UsersResource = ReturnType<typeof createUsersResource>;
