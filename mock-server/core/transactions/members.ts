/**
 * The member a transaction is for, from the sandbox's deterministic data. The contract has no
 * "member not found" code for transactions: a member ID the plan does not know has no coverage, so it
 * is reported as `SERVICE_OUTSIDE_COVERAGE` on `$.memberId` (422), with the rest of the request's
 * violations.
 */
import { isMemberId } from '../../../sdk/rules/index.ts';
import type { MemberRecord } from '../../data/portal-data.ts';
import type { HandlerContext, RuleViolation } from '../types.ts';

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
 * `[]` when the body's member is known (or its ID is malformed: the schema reports that), otherwise
 * one `SERVICE_OUTSIDE_COVERAGE` violation on `$.memberId`.
 *
 * @example
 * rules: (ctx) => [...validateX(ctx.body).violations, ...unknownMemberViolations(ctx)]
 */
export function unknownMemberViolations(ctx: Pick<HandlerContext, 'body' | 'data'>): RuleViolation[] {
  const memberId = memberIdOfBody(ctx.body);
  if (memberId === undefined || ctx.data.member(memberId) !== undefined) return [];
  return [
    {
      code: 'SERVICE_OUTSIDE_COVERAGE',
      path: '$.memberId',
      message:
        `No coverage was found for member ${memberId}: the services must fall within the member's coverage. ` +
        'Check the member ID on the ID card (searchMembers).',
    },
  ];
}
