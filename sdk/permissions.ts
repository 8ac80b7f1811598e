/**
 * The contract's access table, for apps: which operations the signed-in user may call, and for which
 * Tax IDs, from their grants (`portal.session.me()`), so that an app can grey out what the user cannot
 * do. The mock portal enforces the very same table and rule (sdk/rules/permissions.ts).
 */

import { OPERATION_PERMISSIONS } from './generated/permissions.ts';
import type { components } from './generated/portal.ts';
import { type AccessGrant, type AccessRefusal, accessRefusal } from './rules/permissions.ts';

export type { AccessGrant, AccessRefusal, OperationAccess } from './rules/permissions.ts';
export { OPERATION_PERMISSIONS };

/** An operation of the access table. */
export type PermissionedOperation = keyof typeof OPERATION_PERMISSIONS;

type CurrentUser = Pick<components['schemas']['CurrentUser'], 'grants'> | { grants: readonly AccessGrant[] };

/**
 * Why the user may not call an operation (for one Tax ID, or any of theirs), or `undefined` when they
 * may: the code the portal would answer (`PERMISSION_REQUIRED`, `ADMIN_ROLE_REQUIRED`,
 * `TAX_ID_NOT_AUTHORIZED`, `SITE_VERIFICATION_OVERDUE`) and what to do.
 *
 * @example
 * const me = await portal.session.me();
 * whyNot(me, 'exportClaims')?.code; // 'PERMISSION_REQUIRED' for clinical staff
 */
export function whyNot(
  me: CurrentUser,
  operationId: PermissionedOperation,
  taxId?: string,
): AccessRefusal | undefined {
  const access = OPERATION_PERMISSIONS[operationId];
  if (access.public) return undefined;
  return accessRefusal(me.grants as readonly AccessGrant[], access, `call ${operationId}`, taxId);
}

/**
 * Whether the user may call an operation now (for one Tax ID, or for any of theirs).
 *
 * @example
 * const me = await portal.session.me();
 * button.disabled = !canCall(me, 'createPreauthorization', '060646668');
 */
export function canCall(me: CurrentUser, operationId: PermissionedOperation, taxId?: string): boolean {
  return whyNot(me, operationId, taxId) === undefined;
}
