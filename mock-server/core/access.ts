/**
 * Tax ID access for every domain: a user acts only for the Tax IDs granted to them, with one role
 * each (ONE_ROLE_PER_TAX_ID), never sees another Tax ID's data (403 TAX_ID_NOT_AUTHORIZED), and is
 * blocked while the Tax ID's monthly site verification is overdue (SITE_VERIFICATION_OVERDUE: "Failure
 * to complete the monthly Site Verification process in a timely manner will cause all associated users
 * to have their access blocked", seed 000).
 */

import type { IsoDate } from '../../sdk/rules/index.ts';
import {
  calendarDayAt,
  requireAdmin,
  type SiteVerificationStatus,
  siteVerificationStatus,
} from '../../sdk/rules/index.ts';
import { ProblemError } from './problem.ts';
import { collection } from './sandbox.ts';
import type { HandlerContext, PortalUser, SandboxState } from './types.ts';

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

/** Options of {@link requireTaxIdAccess}. */
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

export interface TaxIdAccessOptions {
  /** Require the administrator role, naming the action in the message (ADMIN_ROLE_REQUIRED). */
  admin?: string;
  /** Allow the call while the site verification is overdue (the verification itself). */
  allowBlocked?: boolean;
}

/**
 * The user's grant on a Tax ID, after checking that the user acts for it (403 TAX_ID_NOT_AUTHORIZED),
 * that its users are not blocked (403 SITE_VERIFICATION_OVERDUE) and, when asked, that the user is its
 * administrator (403 ADMIN_ROLE_REQUIRED, via sdk/rules requireAdmin).
 *
 * @example
 * const grant = requireTaxIdAccess(ctx, ctx.params.taxId ?? '', { admin: 'invite users' });
 */
export function requireTaxIdAccess(
  context: Pick<HandlerContext, 'sandbox' | 'user'>,
  taxId: string,
  options: TaxIdAccessOptions = {},
): PortalUser['grants'][number] {
  const user = signedInUser(context);
  const grant = user.grants.find((entry) => entry.taxId === taxId);
  if (grant === undefined) {
    throw new ProblemError(
      'TAX_ID_NOT_AUTHORIZED',
      `You do not act for Tax ID ${taxId}: you act for ${userTaxIds(user).join(', ') || 'no Tax ID'}. ` +
        'Ask the Portal Administrator of that Tax ID for access.',
    );
  }
  if (options.allowBlocked !== true) {
    const status = siteVerificationOf(context.sandbox, taxId);
    if (status.overdue) throw new ProblemError('SITE_VERIFICATION_OVERDUE', status.violation.message);
  }
  if (options.admin !== undefined) {
    const [violation] = requireAdmin(grant.role, options.admin);
    if (violation !== undefined) throw new ProblemError(violation.code, violation.message);
  }
  return grant;
}
