/**
 * Who may call an operation: the one access rule the mock portal enforces and an app can show. Each
 * operation of the contract declares, as vendor extensions, the permission it needs
 * (`x-portal-permission`), whether only a Tax ID's administrator may call it (`x-portal-admin-only`)
 * and whether it stays open while the Tax ID's monthly site verification is overdue
 * (`x-portal-while-blocked`); `npm run generate` turns them into `OPERATION_PERMISSIONS`
 * (sdk/generated/permissions.ts). The portal "works at a Tax ID level" (seed 003), so the rule is
 * applied per Tax ID: a user may call an operation for the Tax IDs on which their grant allows it.
 */
import { type Role, requireAdmin } from './users.ts';

/**
 * What one operation needs: a permission of the user's grant (`null`: none), the administrator role,
 * whether it stays open while the site verification is overdue, and whether it needs no session.
 *
 * @example
 * const access: OperationAccess = { permission: 'view_claims', adminOnly: false, whileBlocked: false, public: false };
 */
export interface OperationAccess {
  readonly permission: string | null;
  readonly adminOnly: boolean;
  readonly whileBlocked: boolean;
  readonly public: boolean;
}

/**
 * A user's access on one Tax ID, as `GET /me` answers it (`accessBlocked`: the site verification is
 * overdue).
 *
 * @example
 * const grant: AccessGrant = { taxId: '060646668', role: 'billing_staff', permissions: ['view_claims'] };
 */
export interface AccessGrant {
  readonly taxId: string;
  readonly role: Role;
  readonly permissions: readonly string[];
  readonly accessBlocked?: boolean;
}

/**
 * Why a call is refused: a stable problem code and a message that says what to do.
 *
 * @example
 * const refusal: AccessRefusal = { code: 'PERMISSION_REQUIRED', message: '…' };
 */
export interface AccessRefusal {
  code: 'TAX_ID_NOT_AUTHORIZED' | 'PERMISSION_REQUIRED' | 'ADMIN_ROLE_REQUIRED' | 'SITE_VERIFICATION_OVERDUE';
  message: string;
}

/**
 * Whether a grant's role and permissions allow an operation (the site verification aside).
 *
 * @example
 * grantAllows({ taxId: '060646668', role: 'billing_staff', permissions: ['view_claims'] }, OPERATION_PERMISSIONS.searchClaims); // true
 */
export function grantAllows(grant: AccessGrant, access: OperationAccess): boolean {
  if (access.adminOnly && grant.role !== 'administrator') return false;
  return access.permission === null || grant.permissions.includes(access.permission);
}

/**
 * Whether the grant is usable now: allowed, and not blocked by an overdue site verification unless
 * the operation stays open then.
 *
 * @example
 * grantOpens({ taxId: '060646668', role: 'administrator', permissions: [], accessBlocked: true }, OPERATION_PERMISSIONS.submitSiteVerification); // true
 */
export function grantOpens(grant: AccessGrant, access: OperationAccess): boolean {
  return grantAllows(grant, access) && (access.whileBlocked || grant.accessBlocked !== true);
}

/**
 * The Tax IDs for which a user may call an operation now.
 *
 * @example
 * permittedTaxIds(me.grants, OPERATION_PERMISSIONS.createPreauthorization); // ['060646668']
 */
export function permittedTaxIds(grants: readonly AccessGrant[], access: OperationAccess): string[] {
  return grants.filter((grant) => grantOpens(grant, access)).map((grant) => grant.taxId);
}

function roleLabel(grant: AccessGrant): string {
  return `${grant.role.replace(/_/g, ' ')} on Tax ID ${grant.taxId}`;
}

/**
 * Why a user may not call an operation (for one Tax ID when `taxId` is given, otherwise for any of
 * theirs), or `undefined` when they may. In order: a Tax ID the user does not act for
 * (TAX_ID_NOT_AUTHORIZED), a role that is not administrator (ADMIN_ROLE_REQUIRED), a permission the
 * role lacks (PERMISSION_REQUIRED), an overdue site verification (SITE_VERIFICATION_OVERDUE).
 *
 * @example
 * accessRefusal(me.grants, OPERATION_PERMISSIONS.searchClaims)?.code; // 'PERMISSION_REQUIRED' for clinical staff
 */
export function accessRefusal(
  grants: readonly AccessGrant[],
  access: OperationAccess,
  action: string,
  taxId?: string,
): AccessRefusal | undefined {
  const candidates = taxId === undefined ? grants : grants.filter((grant) => grant.taxId === taxId);
  if (candidates.some((grant) => grantOpens(grant, access))) return undefined;
  if (candidates.length === 0) {
    const held = grants.map((grant) => grant.taxId).join(', ') || 'no Tax ID';
    return {
      code: 'TAX_ID_NOT_AUTHORIZED',
      message:
        taxId === undefined
          ? 'You act for no Tax ID: ask the Portal Administrator of your group for access.'
          : `You do not act for Tax ID ${taxId}: you act for ${held}. Ask the Portal Administrator of that Tax ID for access.`,
    };
  }
  const allowed = candidates.filter((grant) => grantAllows(grant, access));
  if (allowed.length > 0) {
    return {
      code: 'SITE_VERIFICATION_OVERDUE',
      message:
        `The monthly site verification of Tax ID ${allowed.map((grant) => grant.taxId).join(', ')} is overdue, so its users ` +
        'are blocked: ask its Portal Administrator to complete the site verification.',
    };
  }
  if (access.adminOnly && !candidates.some((grant) => grant.role === 'administrator')) {
    const [violation] = requireAdmin(candidates[0]?.role, action);
    return { code: 'ADMIN_ROLE_REQUIRED', message: violation?.message ?? '' };
  }
  return {
    code: 'PERMISSION_REQUIRED',
    message:
      `Your access (${candidates.map(roleLabel).join(', ')}) does not include the ${access.permission} permission ` +
      `needed to ${action}: ask your Portal Administrator or Office Manager for it.`,
  };
}
