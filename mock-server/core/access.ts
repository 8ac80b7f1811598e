/**
 * Tax ID access for every domain: a user acts only for the Tax IDs granted to them, with one role
 * each (ONE_ROLE_PER_TAX_ID), never sees another Tax ID's data (403 TAX_ID_NOT_AUTHORIZED), and is
 * blocked while the Tax ID's monthly site verification is overdue (SITE_VERIFICATION_OVERDUE: "Failure
 * to complete the monthly Site Verification process in a timely manner will cause all associated users
 * to have their access blocked", seed 000).
 */

import { OPERATION_PERMISSIONS } from '../../sdk/generated/permissions.ts';
import type { AccessGrant, IsoDate } from '../../sdk/rules/index.ts';
import {
  accessRefusal,
  calendarDayAt,
  isMemberId,
  permittedTaxIds,
  type SiteVerificationStatus,
  siteVerificationStatus,
} from '../../sdk/rules/index.ts';
import { asRecord } from '../../sdk/rules/zod-issues.ts';
import type { MemberRecord } from '../data/portal-data.ts';
import { ProblemError } from './problem.ts';
import { collection } from './sandbox.ts';
import type { HandlerContext, OperationId, PortalUser, SandboxState } from './types.ts';

/** The sandbox collection of site verifications, by Tax ID. */
export const SITE_VERIFICATIONS = 'site-verifications';

/** What the mock portal keeps of a Tax ID's site verification. */
export interface SiteVerificationRecord {
  taxId: string;
  lastVerifiedOn: IsoDate;
  verifiedBy?: string;
}

/**
 * The day a Tax ID's site was last verified: recorded by `submitSiteVerification`, otherwise the
 * sandbox's start day (every Tax ID starts freshly verified, so the clock must move 31 days before
 * users are blocked).
 *
 * @example
 * lastSiteVerification(sandbox, '060646668'); // '2026-11-23'
 */
export function lastSiteVerification(sandbox: SandboxState, taxId: string): IsoDate {
  return (
    collection<SiteVerificationRecord>(sandbox, SITE_VERIFICATIONS).get(taxId)?.lastVerifiedOn ??
    calendarDayAt(sandbox.startedAt)
  );
}

/**
 * The site verification state of a Tax ID on the sandbox's clock (sdk/rules siteVerificationStatus).
 *
 * @example
 * siteVerificationOf(sandbox, '060646668').overdue; // false
 */
export function siteVerificationOf(sandbox: SandboxState, taxId: string): SiteVerificationStatus {
  return siteVerificationStatus(lastSiteVerification(sandbox, taxId), { clock: sandbox.clock });
}

/**
 * Whether every Tax ID of the user is blocked by an overdue site verification (then the user cannot
 * use the portal, except to verify the site as its site manager).
 *
 * @example
 * allGrantsBlocked(sandbox, user); // false
 */
export function allGrantsBlocked(sandbox: SandboxState, user: PortalUser): boolean {
  return (
    user.grants.length > 0 && user.grants.every((grant) => siteVerificationOf(sandbox, grant.taxId).overdue)
  );
}

/**
 * The signed-in user of a secured operation (the pipeline has authenticated them; 401 otherwise).
 *
 * @example
 * const user = signedInUser(ctx);
 */
export function signedInUser(context: Pick<HandlerContext, 'user'>): PortalUser {
  if (context.user === undefined) throw new ProblemError('UNAUTHENTICATED', 'Sign in first.');
  return context.user;
}

/**
 * The Tax IDs a user acts for.
 *
 * @example
 * userTaxIds(user); // ['060646668']
 */
export function userTaxIds(user: PortalUser): string[] {
  return user.grants.map((grant) => grant.taxId);
}

/**
 * A user's grants as the access rule reads them, each marked blocked while its Tax ID's site
 * verification is overdue on the sandbox's clock.
 *
 * @example
 * accessGrants(sandbox, user); // [{ taxId: '060646668', role: 'clinical_staff', permissions: [...], accessBlocked: false }]
 */
export function accessGrants(sandbox: SandboxState, user: PortalUser): AccessGrant[] {
  return user.grants.map((grant) => ({
    taxId: grant.taxId,
    role: grant.role,
    permissions: grant.permissions,
    accessBlocked: siteVerificationOf(sandbox, grant.taxId).overdue,
  }));
}

const ACTIONS: Partial<Record<OperationId, string>> = {
  listTaxIdUsers: 'list the users of a Tax ID',
  inviteUsers: 'invite users',
  updateUserRole: 'change roles and permissions',
  revokeUser: 'revoke users',
  makeUserAdmin: 'make administrators',
  getSiteVerification: 'see the site verification',
  submitSiteVerification: 'verify the site',
  requestProviderProfileUpdate: "request updates to a provider's profile",
};

function refuse(
  context: Pick<HandlerContext, 'sandbox' | 'user' | 'operationId'>,
  taxId: string | undefined,
): void {
  const user = signedInUser(context);
  const access = OPERATION_PERMISSIONS[context.operationId];
  const grants = accessGrants(context.sandbox, user);
  const refusal = accessRefusal(grants, access, ACTIONS[context.operationId] ?? context.operationId, taxId);
  if (refusal === undefined) return;
  if (refusal.code === 'SITE_VERIFICATION_OVERDUE') {
    const blocked = grants.find(
      (grant) => grant.accessBlocked === true && (taxId ?? grant.taxId) === grant.taxId,
    );
    const status = siteVerificationOf(context.sandbox, blocked?.taxId ?? taxId ?? '');
    if (status.overdue) throw new ProblemError(refusal.code, status.violation.message);
  }
  throw new ProblemError(refusal.code, refusal.message);
}

/**
 * The one access check of the mock portal, run by the pipeline before any business rule: the
 * operation's entry of the contract's table (`OPERATION_PERMISSIONS`, from `x-portal-permission`,
 * `x-portal-admin-only`, `x-portal-while-blocked`) against the user's grants, for the path's Tax ID
 * when there is one. Answers the Tax IDs the call may act for; 403 (TAX_ID_NOT_AUTHORIZED,
 * ADMIN_ROLE_REQUIRED, PERMISSION_REQUIRED, SITE_VERIFICATION_OVERDUE) when there are none.
 *
 * @example
 * const taxIds = authorizeOperation(ctx); // ['060646668']
 */
export function authorizeOperation(
  context: Pick<HandlerContext, 'sandbox' | 'user' | 'operationId' | 'params'>,
): string[] {
  const access = OPERATION_PERMISSIONS[context.operationId];
  if (access.public || context.user === undefined) return [];
  if (access.permission === null && !access.adminOnly) return userTaxIds(context.user);
  // A path Tax ID that is not one (9 digits) is the contract's to refuse (400), not a question of access.
  const pathTaxId = /^\d{9}$/.test(context.params.taxId ?? '') ? context.params.taxId : undefined;
  refuse(context, pathTaxId);
  const open = permittedTaxIds(accessGrants(context.sandbox, context.user), access);
  return pathTaxId === undefined ? open : open.filter((taxId) => taxId === pathTaxId);
}

/**
 * Refuses, exactly as {@link authorizeOperation} would for that Tax ID, a call that acts for a Tax ID
 * the operation's table entry does not open to the user (a provider of a body, a report's Tax ID).
 *
 * @example
 * requireTaxIdAccess(ctx, body.requestingProvider.taxId);
 */
export function requireTaxIdAccess(
  context: Pick<HandlerContext, 'sandbox' | 'user' | 'operationId'>,
  taxId: string,
): void {
  refuse(context, taxId);
}

/** The one answer for a member the user may not act for, known or not (no existence oracle, no PHI). */
export function memberNotFound(): ProblemError {
  return new ProblemError(
    'MEMBER_NOT_FOUND',
    'No member with this member ID is visible to you: check the ID on the member card (searchMembers), ' +
      'and that you act for the Tax ID of the member’s provider.',
  );
}

/**
 * The member with that ID when a Tax ID the call acts for sees them; otherwise 404 MEMBER_NOT_FOUND,
 * whether the member exists or not.
 *
 * @example
 * const member = visibleMember(ctx, ctx.params.memberId ?? '');
 */
export function visibleMember(
  context: Pick<HandlerContext, 'data' | 'permittedTaxIds' | 'permittedPlans'>,
  memberId: string,
): MemberRecord {
  const member = context.data.member(memberId);
  if (
    member === undefined ||
    // A member of the other health plan answers as an unknown one until the accounts are consolidated.
    !context.permittedPlans.includes(member.details.healthPlan) ||
    !member.visibleToTaxIds.some((taxId) => context.permittedTaxIds.includes(taxId))
  ) {
    throw memberNotFound();
  }
  return member;
}

/**
 * Every member ID a request names: the path's `memberId`, the query's `memberId`, the body's
 * `memberId`, and a message's transaction when it is about a member or a care plan. Only well-formed
 * IDs (a malformed one is the schema's to report).
 *
 * @example
 * namedMemberIds(ctx); // ['K5500648801']
 */
export function namedMemberIds(context: Pick<HandlerContext, 'params' | 'query' | 'body'>): string[] {
  const body = asRecord(context.body);
  const transaction = asRecord(body?.transaction);
  const candidates = [
    context.params.memberId,
    context.query.get('memberId'),
    body?.memberId,
    transaction !== undefined && (transaction.type === 'member' || transaction.type === 'care_plan')
      ? transaction.id
      : undefined,
  ];
  return [...new Set(candidates.filter(isMemberId))];
}

/**
 * The one member visibility rule, run by the pipeline for every operation: each member a request
 * names must be visible to a Tax ID the call acts for (404 MEMBER_NOT_FOUND otherwise, the same for
 * an unknown member), before any rule could tell coverage dates or existence.
 *
 * @example
 * requireVisibleMembers(ctx);
 */
export function requireVisibleMembers(
  context: Pick<
    HandlerContext,
    'params' | 'query' | 'body' | 'data' | 'permittedTaxIds' | 'permittedPlans' | 'user'
  >,
): void {
  if (context.user === undefined) return;
  for (const memberId of namedMemberIds(context)) visibleMember(context, memberId);
}
