/**
 * Mock portal operation of the Lead and Secondary Site Managers (tag Users): a site manager of a Tax
 * ID designates, or replaces, its Secondary Site Manager. "It is recommended that two (2) Site
 * Managers be assigned for all groups. This will ensure shared responsibilities and provide an
 * administrative backup." (seed 000) The designation grants the administrator role on the Tax ID; a
 * replaced Secondary Site Manager gets back the role they had before.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { validateSecondarySiteManager } from '../../../sdk/rules/index.ts';
import { isoTimestamp } from '../clock.ts';
import { defaultPermissions } from '../personas.ts';
import { ProblemError } from '../problem.ts';
import { collection, recordAudit } from '../sandbox.ts';
import {
  leadSiteManagerOf,
  SECONDARY_SITE_MANAGERS,
  type SecondaryDesignation,
  secondaryDesignationOf,
  siteManagersOf,
} from '../transactions/site-managers.ts';
import type { DomainHandlers, HandlerContext, PortalUser } from '../types.ts';
import { taxIdUser } from './users.ts';

type Schemas = components['schemas'];

function withRole(
  user: PortalUser,
  taxId: string,
  role: SecondaryDesignation['previousRole'],
  permissions: Schemas['UserPermission'][],
): void {
  user.grants = user.grants.map((grant) =>
    grant.taxId === taxId ? { ...grant, role, permissions: [...permissions] } : grant,
  );
}

/** The user to designate: one of the Tax ID's users, active or blocked, and not its Lead Site Manager. */
function designatable(context: HandlerContext, taxId: string, userId: string): PortalUser {
  const user = context.sandbox.users.get(userId);
  const row = user === undefined ? undefined : taxIdUser(context.sandbox, user, taxId);
  if (user === undefined || row === undefined) {
    throw new ProblemError(
      'NOT_FOUND',
      `No user ${userId} on Tax ID ${taxId}: list them with listTaxIdUsers.`,
    );
  }
  if (row.status === 'revoked') {
    throw new ProblemError('ACCOUNT_REVOKED', `${userId} is revoked on Tax ID ${taxId}: invite them again.`, {
      status: 409,
    });
  }
  if (row.status === 'invited') {
    throw new ProblemError(
      'TAX_ID_NOT_AUTHORIZED',
      `${userId} has not accepted the invitation to Tax ID ${taxId} yet: they can be designated once registered.`,
      { status: 409 },
    );
  }
  if (leadSiteManagerOf(context.sandbox, taxId) === userId) {
    throw new ProblemError(
      'ALREADY_EXISTS',
      `${userId} is the Lead Site Manager of Tax ID ${taxId}: designate another user as the Secondary Site Manager.`,
    );
  }
  return user;
}

function designateSecondarySiteManager(context: HandlerContext) {
  const taxId = context.params.taxId ?? '';
  const body = context.body as Schemas['SecondarySiteManagerDesignation'];
  const user = designatable(context, taxId, body.userId);
  const grant = user.grants.find((entry) => entry.taxId === taxId);
  if (grant === undefined) throw new ProblemError('NOT_FOUND', `No user ${body.userId} on Tax ID ${taxId}.`);
  const current = secondaryDesignationOf(context.sandbox, taxId);
  const again = current?.userId === user.userId;
  if (current !== undefined && !again) {
    // The replaced Secondary Site Manager goes back to the role they had before the designation.
    const replaced = context.sandbox.users.get(current.userId);
    if (replaced !== undefined) withRole(replaced, taxId, current.previousRole, current.previousPermissions);
  }
  const designation: SecondaryDesignation = {
    taxId,
    userId: user.userId,
    title: body.title,
    designatedAt: isoTimestamp(context.sandbox.clock.now()),
    designatedBy: context.user?.userId ?? '',
    previousRole: again ? current.previousRole : grant.role,
    previousPermissions: again
      ? current.previousPermissions
      : ([...grant.permissions] as Schemas['UserPermission'][]),
  };
  withRole(user, taxId, 'administrator', defaultPermissions('administrator'));
  collection<SecondaryDesignation>(context.sandbox, SECONDARY_SITE_MANAGERS).set(taxId, designation);
  recordAudit(context, 'site.designate_secondary_manager', user.userId, {
    taxId,
    title: body.title,
    ...(current !== undefined && !again ? { replaced: current.userId } : {}),
  });
  return { status: 200, body: siteManagersOf(context.sandbox, taxId) };
}

export const siteManagersHandlers: DomainHandlers = {
  designateSecondarySiteManager: {
    rules: (context) => {
      const result = validateSecondarySiteManager(context.body);
      return result.success ? [] : [...result.violations];
    },
    handle: designateSecondarySiteManager,
  },
};
