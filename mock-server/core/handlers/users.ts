/**
 * Mock portal operations of the users domain (tag Users): the users of a Tax ID, invitations, roles
 * and permissions, revocation, making admins, and the monthly site verification. Every operation is
 * for administrators of the Tax ID only (sdk/rules requireAdmin → 403 ADMIN_ROLE_REQUIRED) and never
 * shows another Tax ID's users (403 TAX_ID_NOT_AUTHORIZED).
 */

import type { components } from '../../../sdk/generated/portal.ts';
import {
  calendarDayAt,
  type Role,
  requireAdministratorRemains,
  validateInvitations,
  validateRoleGrants,
} from '../../../sdk/rules/index.ts';
import { HEALTH_PLANS } from '../../data/health-plans.ts';
import {
  lastSiteVerification,
  SITE_VERIFICATIONS,
  type SiteVerificationRecord,
  siteVerificationOf,
} from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { pageOf, pageParameters } from '../paging.ts';
import { defaultPermissions, organizationName } from '../personas.ts';
import { ProblemError } from '../problem.ts';
import { collection, nextId, recordAudit } from '../sandbox.ts';
import { endSessionsOf } from '../sessions.ts';
import { REMOVED_PROVIDERS, stillAffiliated } from '../transactions/provider-affiliation.ts';
import { siteManagersOf } from '../transactions/site-managers.ts';
import type { DomainHandlers, HandlerContext, PortalUser, RuleViolation, SandboxState } from '../types.ts';
import { nextUserId, organizationsOf } from './registration.ts';

type Schemas = components['schemas'];
type Permission = Schemas['UserPermission'];

/** The sandbox collection of revoked roles, by `taxId|userId`. */
export const REVOKED_GRANTS = 'revoked-grants';
/** The sandbox collection of invitations, by invitationId. */
export const INVITATIONS = 'invitations';

interface RevokedGrant {
  taxId: string;
  userId: string;
  role: Role;
  permissions: string[];
  revokedAt: string;
}

interface InvitationRecord {
  invitationId: string;
  taxId: string;
  userId: string;
  email: string;
  invitedAt: string;
  invitedBy: string;
}

function taxIdOf(context: HandlerContext): string {
  return context.params.taxId ?? '';
}

function invitationOf(sandbox: SandboxState, taxId: string, userId: string): InvitationRecord | undefined {
  for (const invitation of collection<InvitationRecord>(sandbox, INVITATIONS).values()) {
    if (invitation.taxId === taxId && invitation.userId === userId) return invitation;
  }
  return undefined;
}

/**
 * The `TaxIdUser` row of a user on a Tax ID: `revoked` once revoked there, `invited` until the
 * invitation is accepted (or a registration approved), `blocked` while the account is locked or the
 * Tax ID's site verification is overdue, `active` otherwise.
 */
export function taxIdUser(
  sandbox: SandboxState,
  user: PortalUser,
  taxId: string,
): Schemas['TaxIdUser'] | undefined {
  const grant = user.grants.find((entry) => entry.taxId === taxId);
  const revoked = collection<RevokedGrant>(sandbox, REVOKED_GRANTS).get(`${taxId}|${user.userId}`);
  if (grant === undefined && revoked === undefined) return undefined;
  const role = grant?.role ?? (revoked?.role as Role);
  const permissions = (grant?.permissions ?? revoked?.permissions ?? []) as Permission[];
  let status: Schemas['TaxIdUserStatus'];
  if (grant === undefined) status = 'revoked';
  else if (user.status === 'revoked') status = 'revoked';
  else if (user.status === 'invited') status = 'invited';
  else if (user.status === 'locked' || siteVerificationOf(sandbox, taxId).overdue) status = 'blocked';
  else status = 'active';
  const row: Schemas['TaxIdUser'] = {
    userId: user.userId,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role,
    permissions: [...permissions],
    status,
    isSiteManager: role === 'administrator' && status !== 'revoked',
  };
  const invitation = invitationOf(sandbox, taxId, user.userId);
  if (invitation !== undefined) row.invitedAt = invitation.invitedAt;
  return row;
}

/** The users of a Tax ID (also revoked ones), by userId. */
function usersOfTaxId(sandbox: SandboxState, taxId: string): Schemas['TaxIdUser'][] {
  const rows: Schemas['TaxIdUser'][] = [];
  for (const user of sandbox.users.values()) {
    const row = taxIdUser(sandbox, user, taxId);
    if (row !== undefined) rows.push(row);
  }
  return rows.sort((a, b) => a.userId.localeCompare(b.userId));
}

function targetUser(context: HandlerContext): { user: PortalUser; row: Schemas['TaxIdUser'] } {
  const taxId = taxIdOf(context);
  const userId = context.params.userId ?? '';
  const user = context.sandbox.users.get(userId);
  const row = user === undefined ? undefined : taxIdUser(context.sandbox, user, taxId);
  if (user === undefined || row === undefined) {
    throw new ProblemError(
      'NOT_FOUND',
      `No user ${userId} on Tax ID ${taxId}: list them with listTaxIdUsers.`,
    );
  }
  return { user, row };
}

/** The target user of a role change, refused when they are revoked on that Tax ID (invite them again). */
function changeableUser(context: HandlerContext, taxId: string): ReturnType<typeof targetUser> {
  const target = targetUser(context);
  if (target.row.status === 'revoked') {
    throw new ProblemError(
      'ACCOUNT_REVOKED',
      `${target.user.userId} is revoked on Tax ID ${taxId}: invite them again.`,
      { status: 409 },
    );
  }
  return target;
}

type Grant = PortalUser['grants'][number];

/**
 * Refuses (409 LAST_ADMINISTRATOR, sdk/rules requireAdministratorRemains) changes that would leave a
 * Tax ID without an active administrator who manages users: `changes` maps each changed user to their
 * grant on that Tax ID afterwards (undefined: removed). Checked before anything changes.
 */
function keepAnAdministrator(
  context: HandlerContext,
  taxId: string,
  changes: ReadonlyMap<string, Grant | undefined>,
  action: string,
): void {
  const remaining = [...context.sandbox.users.values()].filter((user) => {
    if (user.status === 'revoked' || user.status === 'invited') return false;
    const grant = changes.has(user.userId)
      ? changes.get(user.userId)
      : user.grants.find((entry) => entry.taxId === taxId);
    return grant?.role === 'administrator' && grant.permissions.includes('manage_users');
  });
  const [violation] = requireAdministratorRemains(
    remaining.map((user) => user.userId),
    taxId,
    action,
  );
  if (violation !== undefined) throw new ProblemError(violation.code, violation.message);
}

function revokeOnTaxId(context: HandlerContext, user: PortalUser, taxId: string): void {
  const grant = user.grants.find((entry) => entry.taxId === taxId);
  if (grant === undefined) return;
  keepAnAdministrator(context, taxId, new Map([[user.userId, undefined]]), 'revoke');
  collection<RevokedGrant>(context.sandbox, REVOKED_GRANTS).set(`${taxId}|${user.userId}`, {
    taxId,
    userId: user.userId,
    role: grant.role,
    permissions: [...grant.permissions],
    revokedAt: isoTimestamp(context.sandbox.clock.now()),
  });
  user.grants = user.grants.filter((entry) => entry.taxId !== taxId);
  if (user.grants.length === 0) {
    user.status = 'revoked';
    endSessionsOf(context.sandbox, user.userId);
  }
  recordAudit(context, 'user.revoke', user.userId, { taxId });
}

function providersToVerify(context: HandlerContext, taxId: string): Schemas['SiteVerificationProvider'][] {
  return context.data
    .providersOfTaxId(taxId)
    .filter(({ profile }) => stillAffiliated(context, taxId, profile.npi))
    .map(({ profile }) => ({ npi: profile.npi, name: profile.name }));
}

function siteVerification(context: HandlerContext, taxId: string): Schemas['SiteVerification'] {
  // The site's details show its Lead and Secondary Site Managers (seed 000).
  const status = siteVerificationOf(context.sandbox, taxId);
  return {
    taxId,
    lastVerifiedOn: lastSiteVerification(context.sandbox, taxId),
    dueOn: status.dueOn,
    overdue: status.overdue,
    usersBlocked: status.overdue,
    users: usersOfTaxId(context.sandbox, taxId)
      .filter((row) => row.status !== 'revoked')
      .map((row) => ({
        userId: row.userId,
        name: `${row.firstName} ${row.lastName}`,
        role: row.role,
        status: row.status,
      })),
    providers: providersToVerify(context, taxId),
    siteManagers: siteManagersOf(context.sandbox, taxId),
  };
}

function zipsOfTaxId(context: HandlerContext, taxId: string): Set<string> {
  const zips = new Set<string>();
  for (const { profile } of context.data.providersOfTaxId(taxId)) {
    for (const entry of profile.addresses) zips.add(entry.address.zip.slice(0, 5));
  }
  return zips;
}

function invite(
  context: HandlerContext,
  taxId: string,
  invitation: Schemas['UserInvitation'],
): Schemas['InvitationResult'] {
  const failed = (code: Schemas['ProblemCode'], message: string): Schemas['InvitationResult'] => ({
    email: invitation.email,
    outcome: 'failed',
    problem: { code, message },
  });
  const email = invitation.email.toLowerCase();
  const existing = [...context.sandbox.users.values()].find((user) => user.email.toLowerCase() === email);
  if (existing?.grants.some((grant) => grant.taxId === taxId)) {
    return failed(
      'ONE_ROLE_PER_TAX_ID',
      `${invitation.email} already has a role on Tax ID ${taxId}: a user has exactly one role per Tax ID. Change it with updateUserRole.`,
    );
  }
  if (invitation.zip !== undefined) {
    const zips = zipsOfTaxId(context, taxId);
    if (!zips.has(invitation.zip.slice(0, 5))) {
      return failed(
        'PROVIDER_IDENTITY_MISMATCH',
        `ZIP code ${invitation.zip} is not an address of Tax ID ${taxId}: try the remittance address ZIP code, then the practice address ZIP code.`,
      );
    }
  }
  const providerNpis = context.data.providersOfTaxId(taxId).map(({ profile }) => profile.npi);
  const unknown = (invitation.npis ?? []).filter((npi) => !providerNpis.includes(npi));
  if (unknown.length > 0) {
    return failed(
      'PROVIDER_IDENTITY_MISMATCH',
      `NPI ${unknown.join(', ')} is not a provider of Tax ID ${taxId}: list providers of this Tax ID only.`,
    );
  }
  const grant = {
    taxId,
    organizationName: organizationsOf(context.sandbox).get(taxId)?.name ?? organizationName(taxId),
    role: invitation.role,
    permissions: defaultPermissions(invitation.role),
  };
  let user = existing;
  if (user === undefined) {
    user = {
      userId: nextUserId(context.sandbox),
      username: '',
      password: '',
      firstName: invitation.firstName,
      lastName: invitation.lastName,
      email: invitation.email,
      grants: [],
      status: 'invited',
      knownDevices: [],
      lastActiveOn: calendarDayAt(context.sandbox.clock.now()),
      providerNpis: invitation.npis ?? providerNpis,
      // The plans of the administrator who invites them (both unless that account is of one plan).
      healthPlans: [...(context.user?.healthPlans ?? HEALTH_PLANS)],
    };
    context.sandbox.users.set(user.userId, user);
  } else {
    // A user of another Tax ID gets a role on this one too (different Tax IDs, different roles).
    user.providerNpis = [...new Set([...user.providerNpis, ...(invitation.npis ?? providerNpis)])];
  }
  user.grants = [...user.grants, grant];
  collection<RevokedGrant>(context.sandbox, REVOKED_GRANTS).delete(`${taxId}|${user.userId}`);
  const record: InvitationRecord = {
    invitationId: nextId(context.sandbox, 'INV-', 6),
    taxId,
    userId: user.userId,
    email: invitation.email,
    invitedAt: isoTimestamp(context.sandbox.clock.now()),
    invitedBy: context.user?.userId ?? '',
  };
  collection<InvitationRecord>(context.sandbox, INVITATIONS).set(record.invitationId, record);
  recordAudit(context, 'user.invite', user.userId, { taxId, invitationId: record.invitationId });
  return { email: invitation.email, outcome: 'sent', invitationId: record.invitationId };
}

export const usersHandlers: DomainHandlers = {
  listTaxIdUsers: {
    handle(context) {
      const status = context.query.get('status');
      const q = context.query.get('q')?.trim().toLowerCase();
      const rows = usersOfTaxId(context.sandbox, taxIdOf(context)).filter(
        (row) =>
          (status === null || row.status === status) &&
          (q === undefined ||
            q === '' ||
            `${row.firstName} ${row.lastName} ${row.email}`.toLowerCase().includes(q)),
      );
      const body: Schemas['TaxIdUserPage'] = pageOf(rows, pageParameters(context.query));
      return { status: 200, body };
    },
  },

  inviteUsers: {
    rules(context) {
      const result = validateInvitations(context.body);
      return result.success ? [] : result.violations;
    },
    handle(context) {
      const taxId = taxIdOf(context);
      const body = context.body as Schemas['UserInvitationRequest'];
      // Each invitation succeeds or fails on its own (seed 002: "a success or failure message").
      const body200: Schemas['InvitationResults'] = {
        results: body.invitations.map((invitation) => invite(context, taxId, invitation)),
      };
      return { status: 200, body: body200 };
    },
  },

  updateUserRole: {
    handle(context) {
      const taxId = taxIdOf(context);
      const { user } = changeableUser(context, taxId);
      const body = context.body as Schemas['UserRoleUpdate'];
      const grants = user.grants.map((grant) =>
        grant.taxId === taxId
          ? { ...grant, role: body.role, permissions: [...new Set(body.permissions)] }
          : grant,
      );
      const checked = validateRoleGrants(grants.map(({ taxId: id, role }) => ({ taxId: id, role })));
      if (!checked.success) throw ProblemError.fromViolations(checked.violations);
      keepAnAdministrator(
        context,
        taxId,
        new Map([[user.userId, grants.find((grant) => grant.taxId === taxId)]]),
        'demote',
      );
      user.grants = grants;
      // A registration with the group's application key waits for a site manager: this approves it.
      if (user.status === 'invited' && user.password !== '') user.status = 'active';
      recordAudit(context, 'user.update_role', user.userId, { taxId, role: body.role });
      return { status: 200, body: taxIdUser(context.sandbox, user, taxId) };
    },
  },

  revokeUser: {
    handle(context) {
      const taxId = taxIdOf(context);
      const { user } = targetUser(context);
      revokeOnTaxId(context, user, taxId);
      return { status: 200, body: taxIdUser(context.sandbox, user, taxId) };
    },
  },

  makeUserAdmin: {
    handle(context) {
      const taxId = taxIdOf(context);
      const { user, row } = changeableUser(context, taxId);
      if (row.status === 'invited') {
        throw new ProblemError(
          'TAX_ID_NOT_AUTHORIZED',
          `${user.userId} has not accepted the invitation to Tax ID ${taxId} yet: they become eligible once registered.`,
          { status: 409 },
        );
      }
      if (row.role !== 'administrator') {
        user.grants = user.grants.map((grant) =>
          grant.taxId === taxId
            ? { ...grant, role: 'administrator', permissions: defaultPermissions('administrator') }
            : grant,
        );
        recordAudit(context, 'user.make_admin', user.userId, { taxId });
      }
      return { status: 200, body: taxIdUser(context.sandbox, user, taxId) };
    },
  },

  getSiteVerification: {
    handle(context) {
      return { status: 200, body: siteVerification(context, taxIdOf(context)) };
    },
  },

  submitSiteVerification: {
    handle(context) {
      const taxId = taxIdOf(context);
      const body = context.body as Schemas['SiteVerificationRequest'];
      const current = siteVerification(context, taxId);
      const violations: RuleViolation[] = [];
      const answeredUsers = new Set(body.users.map((answer) => answer.userId));
      const answeredProviders = new Set(body.providers.map((answer) => answer.npi));
      current.users.forEach((entry) => {
        if (!answeredUsers.has(entry.userId)) {
          violations.push({
            code: 'VALIDATION_FAILED',
            path: '$.users',
            message: `confirm user ${entry.userId} (${entry.name})`,
          });
        }
      });
      current.providers.forEach((entry) => {
        if (!answeredProviders.has(entry.npi)) {
          violations.push({
            code: 'VALIDATION_FAILED',
            path: '$.providers',
            message: `confirm provider ${entry.npi} (${entry.name})`,
          });
        }
      });
      body.users.forEach((answer, index) => {
        if (!current.users.some((entry) => entry.userId === answer.userId)) {
          violations.push({
            code: 'VALIDATION_FAILED',
            path: `$.users[${index}].userId`,
            message: `${answer.userId} is not a user of Tax ID ${taxId}`,
          });
        }
      });
      body.providers.forEach((answer, index) => {
        if (!current.providers.some((entry) => entry.npi === answer.npi)) {
          violations.push({
            code: 'VALIDATION_FAILED',
            path: `$.providers[${index}].npi`,
            message: `${answer.npi} is not a provider of Tax ID ${taxId}`,
          });
        }
      });
      if (violations.length > 0) throw ProblemError.fromViolations(violations);
      // All or nothing: the answers may not leave the Tax ID without an administrator.
      const leaving = body.users.filter((answer) => !answer.stillBelongs).map((answer) => answer.userId);
      keepAnAdministrator(context, taxId, new Map(leaving.map((userId) => [userId, undefined])), 'revoke');
      for (const answer of body.users) {
        const user = context.sandbox.users.get(answer.userId);
        if (!answer.stillBelongs && user !== undefined) revokeOnTaxId(context, user, taxId);
      }
      const removed = collection<true>(context.sandbox, REMOVED_PROVIDERS);
      for (const answer of body.providers)
        if (!answer.stillBelongs) removed.set(`${taxId}|${answer.npi}`, true);
      const record: SiteVerificationRecord = {
        taxId,
        lastVerifiedOn: calendarDayAt(context.sandbox.clock.now()),
        ...(context.user === undefined ? {} : { verifiedBy: context.user.userId }),
      };
      collection<SiteVerificationRecord>(context.sandbox, SITE_VERIFICATIONS).set(taxId, record);
      recordAudit(context, 'site.verify', taxId);
      return { status: 200, body: siteVerification(context, taxId) };
    },
  },
};
