/**
 * The site managers of a Tax ID (seed 000): the Lead Site Manager, who registered the group first
 * (the persona administrators for Tax IDs A and B), and the Secondary Site Manager a site manager
 * designates. "It is recommended that two (2) Site Managers be assigned for all groups" (seed 000):
 * while fewer are designated the view carries a notice (sdk/rules siteManagerNotices), never a refusal.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import type { Role } from '../../../sdk/rules/index.ts';
import { siteManagerNotices } from '../../../sdk/rules/index.ts';
import { TAX_ID_A, TAX_ID_B } from '../../data/fixtures.ts';
import { organizationsOf } from '../handlers/registration.ts';
import { collection } from '../sandbox.ts';
import type { PortalUser, SandboxState } from '../types.ts';

type Schemas = components['schemas'];

/** The sandbox collection of Secondary Site Manager designations, by Tax ID. */
export const SECONDARY_SITE_MANAGERS = 'secondary-site-managers';

/** A Secondary Site Manager designation, with the role it replaced (restored when replaced). */
export interface SecondaryDesignation {
  taxId: string;
  userId: string;
  title: Schemas['SiteManagerTitle'];
  designatedAt: string;
  designatedBy: string;
  previousRole: Role;
  previousPermissions: Schemas['UserPermission'][];
}

/** The Lead Site Managers of Tax IDs A and B: their persona administrators, admin.a and admin.b. */
const DOCUMENTED_LEADS: Readonly<Record<string, string>> = {
  [TAX_ID_A]: 'USR-000001',
  [TAX_ID_B]: 'USR-000004',
};

/** The user id of a Tax ID's Lead Site Manager, if it has one. */
export function leadSiteManagerOf(sandbox: SandboxState, taxId: string): string | undefined {
  return organizationsOf(sandbox).get(taxId)?.leadSiteManagerUserId ?? DOCUMENTED_LEADS[taxId];
}

/** Whether a user is (still) a site manager of the Tax ID: an administrator there, not revoked. */
function administersTaxId(user: PortalUser | undefined, taxId: string): user is PortalUser {
  return (
    user !== undefined &&
    user.status !== 'revoked' &&
    user.grants.some((grant) => grant.taxId === taxId && grant.role === 'administrator')
  );
}

/**
 * The Secondary Site Manager designation of a Tax ID while it holds: it lapses when the user is
 * revoked or given another role.
 */
export function secondaryDesignationOf(
  sandbox: SandboxState,
  taxId: string,
): SecondaryDesignation | undefined {
  const designation = collection<SecondaryDesignation>(sandbox, SECONDARY_SITE_MANAGERS).get(taxId);
  if (designation === undefined) return undefined;
  return administersTaxId(sandbox.users.get(designation.userId), taxId) ? designation : undefined;
}

function managerOf(user: PortalUser, designation: 'lead' | 'secondary'): Schemas['SiteManager'] {
  return {
    userId: user.userId,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    designation,
  };
}

/**
 * The site managers of a Tax ID as `getSiteVerification` and `designateSecondarySiteManager` show
 * them, with the recommendation while fewer than two are designated.
 *
 * @example
 * siteManagersOf(sandbox, TAX_ID_A).notices[0]?.code; // 'SECONDARY_SITE_MANAGER_RECOMMENDED'
 */
export function siteManagersOf(sandbox: SandboxState, taxId: string): Schemas['SiteManagers'] {
  const answer: Schemas['SiteManagers'] = { taxId, notices: [] };
  const leadId = leadSiteManagerOf(sandbox, taxId);
  const lead = leadId === undefined ? undefined : sandbox.users.get(leadId);
  if (administersTaxId(lead, taxId)) answer.lead = managerOf(lead, 'lead');
  const designation = secondaryDesignationOf(sandbox, taxId);
  const secondary = designation === undefined ? undefined : sandbox.users.get(designation.userId);
  if (designation !== undefined && secondary !== undefined) {
    answer.secondary = {
      ...managerOf(secondary, 'secondary'),
      title: designation.title,
      designatedAt: designation.designatedAt,
    };
  }
  const designated = (answer.lead === undefined ? 0 : 1) + (answer.secondary === undefined ? 0 : 1);
  answer.notices = siteManagerNotices(designated).map((notice) => ({
    code: 'SECONDARY_SITE_MANAGER_RECOMMENDED',
    path: notice.path,
    message: notice.message,
  }));
  return answer;
}
