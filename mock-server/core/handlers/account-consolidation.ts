/**
 * Consolidating an EmblemHealth account and a ConnectiCare account (seed 003: "Once you consolidate the
 * accounts, you will be able to use one account for both EmblemHealth and ConnectiCare. Access will be
 * through one account, and you will no longer need to switch back and forth."; seed 004: "Consolidating
 * Existing Accounts"). The signed-in account names the other by its username and password (checked by
 * sdk/rules checkConsolidation); it then sees both plans and every Tax ID of the other (its own role
 * kept where both act for one: ONE_ROLE_PER_TAX_ID), and the other account no longer signs in
 * (ACCOUNT_CONSOLIDATED) and loses its sessions. A wrong password counts as a failed sign-in of the
 * other username (core/sign-in-throttle.ts), so consolidation cannot be used to guess passwords.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import {
  checkConsolidation,
  plansAfterConsolidation,
  validateAccountConsolidation,
} from '../../../sdk/rules/index.ts';
import { signedInUser } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { oncePerRequest } from '../once-per-request.ts';
import { ProblemError } from '../problem.ts';
import { findUserByUsername, recordAudit } from '../sandbox.ts';
import { endSessionsOf } from '../sessions.ts';
import { assertNotLocked, recordFailure, recordSuccess } from '../sign-in-throttle.ts';
import type { DomainHandlers, HandlerContext } from '../types.ts';

type Schemas = components['schemas'];

const validation = oncePerRequest((ctx: HandlerContext) => validateAccountConsolidation(ctx.body));

function consolidateAccounts(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const checked = validation(ctx);
  if (!checked.success) throw ProblemError.fromViolations(checked.violations);
  const { username, password } = checked.data;
  assertNotLocked(ctx.sandbox, username);
  const found = findUserByUsername(ctx.sandbox, username);
  const passwordMatches = found !== undefined && found.password !== '' && found.password === password;
  const other = passwordMatches && found.status !== 'revoked' ? found : undefined;
  const [refused] = checkConsolidation(user, other);
  if (refused !== undefined) {
    if (refused.code === 'CONSOLIDATION_ACCOUNT_NOT_FOUND') recordFailure(ctx.sandbox, username, 'password');
    throw ProblemError.fromViolations([refused]);
  }
  if (other === undefined) throw new Error('unreachable: checkConsolidation refuses a missing account');
  recordSuccess(ctx.sandbox, other.username, 'password');
  user.healthPlans = plansAfterConsolidation(user.healthPlans, other.healthPlans);
  const mine = new Set(user.grants.map((grant) => grant.taxId));
  for (const grant of other.grants) if (!mine.has(grant.taxId)) user.grants.push(structuredClone(grant));
  user.providerNpis = [...new Set([...user.providerNpis, ...other.providerNpis])];
  other.consolidatedInto = user.userId;
  // The retired account leaves its Tax IDs' user lists: the remaining account acts for them now.
  other.grants = [];
  endSessionsOf(ctx.sandbox, other.userId);
  recordAudit(ctx, 'account.consolidate', user.userId, { consolidatedUserId: other.userId });
  const body: Schemas['AccountConsolidationResult'] = {
    userId: user.userId,
    username: user.username,
    healthPlans: [...user.healthPlans],
    consolidatedUsername: other.username,
    consolidatedAt: isoTimestamp(ctx.sandbox.clock.now().getTime()),
    taxIds: user.grants.map((grant) => grant.taxId),
  };
  return { status: 200, body };
}

export const accountConsolidationHandlers: DomainHandlers = {
  consolidateAccounts: {
    rules: (ctx) => {
      const checked = validation(ctx);
      return checked.success ? [] : checked.violations;
    },
    handle: consolidateAccounts,
  },
};
