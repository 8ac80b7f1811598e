/**
 * The member a transaction is for, from the sandbox's deterministic data. The pipeline has already
 * refused (404 MEMBER_NOT_FOUND, core/access.ts) a member the user may not act for or that does not
 * exist, before any rule could tell their coverage.
 */

import type { CoverageSpan } from '../../../sdk/rules/index.ts';
import { isMemberId } from '../../../sdk/rules/index.ts';
import type { MemberRecord } from '../../data/portal-data.ts';
import type { HandlerContext } from '../types.ts';

/**
 * "Last, First" as the portal lists members ('Rivera, Maria').
 *
 * @example
 * memberName(record); // 'Rivera, Maria'
 */
export function memberName(member: MemberRecord): string {
  return `${member.details.lastName}, ${member.details.firstName}`;
}

/**
 * The member of a request body's `memberId`, or undefined (unknown, or not a well-formed ID).
 *
 * @example
 * const member = memberOfBody(ctx); // ctx.body.memberId → MemberRecord
 */
export function memberOfBody(ctx: Pick<HandlerContext, 'body' | 'data'>): MemberRecord | undefined {
  const memberId = memberIdOfBody(ctx.body);
  return memberId === undefined ? undefined : ctx.data.member(memberId);
}

function memberIdOfBody(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const memberId = (body as Record<string, unknown>).memberId;
  return isMemberId(memberId) ? memberId : undefined;
}

/**
 * The coverage span of the body's member (undefined without one).
 *
 * @example
 * coverageOfBody(ctx); // { startDate: '2020-08-01', endDate: '9999-12-31' }
 */
export function coverageOfBody(ctx: Pick<HandlerContext, 'body' | 'data'>): CoverageSpan | undefined {
  const member = memberOfBody(ctx);
  if (member === undefined) return undefined;
  return { startDate: member.details.coverageStartDate, endDate: member.details.coverageEndDate };
}
