/**
 * Mock portal operations of the care-plans domain (tag in openapi/src/care-plans.yaml). A care plan
 * is shown only after the user attests a treatment relationship (CARE_PLAN_ATTESTATION_REQUIRED),
 * and "Each time a user reviews a Care Plan, a record will be created recording the user's name and
 * the date the plan is opened for internal audit purposes only" (Care Plans QRG, step 6): every
 * attestation, view and download goes to the sandbox's audit log (`GET /__admin/audit`). Sensitive
 * parts are withheld, a wholly sensitive plan is not shown (CARE_PLAN_SENSITIVE) and a plan completed
 * more than 30 days ago is gone (CARE_PLAN_EXPIRED), all decided by sdk/rules.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import {
  CARE_PLAN_ATTESTATION_TEXT,
  carePlanAvailability,
  carePlanAvailableUntil,
  requireAttestation,
  withholdSensitiveParts,
} from '../../../sdk/rules/index.ts';
import type { MemberRecord } from '../../data/portal-data.ts';
import { signedInUser, visibleMember } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { carePlanPdf } from '../documents/index.ts';
import { ProblemError } from '../problem.ts';
import { collection, nextId, recordAudit } from '../sandbox.ts';
import type { DomainHandlers, HandlerContext, RuleViolation } from '../types.ts';

type Schemas = components['schemas'];

/** The sandbox collection of care plan attestations. */
export const CARE_PLAN_ATTESTATIONS = 'care-plan-attestations';
/** How long an attestation may be used to view a care plan (mock portal: 15 minutes, like a session). */
export const ATTESTATION_TTL_MS = 15 * 60 * 1000;

/** An attestation as the sandbox keeps it. */
export interface AttestationRecord {
  attestationId: string;
  memberId: string;
  userId: string;
  attestedAt: string;
  expiresAt: string;
  statement: string;
}

function attestations(ctx: Pick<HandlerContext, 'sandbox'>): Map<string, AttestationRecord> {
  return collection<AttestationRecord>(ctx.sandbox, CARE_PLAN_ATTESTATIONS);
}

function memberIdOf(ctx: HandlerContext): string {
  return ctx.params.memberId ?? '';
}

function attestCarePlanAccess(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const member = visibleMember(ctx, memberIdOf(ctx));
  const now = ctx.sandbox.clock.now();
  const statement =
    (ctx.body as Schemas['CarePlanAttestationCreate']).statement ?? CARE_PLAN_ATTESTATION_TEXT;
  const record: AttestationRecord = {
    attestationId: nextId(ctx.sandbox, 'CPA-', 6),
    memberId: member.details.memberId,
    userId: user.userId,
    attestedAt: isoTimestamp(now),
    expiresAt: isoTimestamp(now.getTime() + ATTESTATION_TTL_MS),
    statement,
  };
  attestations(ctx).set(record.attestationId, record);
  recordAudit(ctx, 'care_plan.attest', record.memberId, { attestationId: record.attestationId, statement });
  const body: Schemas['CarePlanAttestation'] = {
    attestationId: record.attestationId,
    memberId: record.memberId,
    attestedAt: record.attestedAt,
    expiresAt: record.expiresAt,
  };
  return { status: 201, body };
}

/**
 * CARE_PLAN_ATTESTATION_REQUIRED (403) unless `X-Care-Plan-Attestation` names a current attestation
 * of this user for this member (sdk/rules requireAttestation). Run before the schema check, so a
 * missing header answers the rule's 403 rather than a 400.
 */
function attestationRules(ctx: HandlerContext): RuleViolation[] {
  const id = ctx.request.headers.get('x-care-plan-attestation');
  const record = id === null ? undefined : attestations(ctx).get(id.trim());
  const mine = record !== undefined && record.userId === ctx.user?.userId ? record : undefined;
  return requireAttestation(mine === undefined ? undefined : { attested: true, ...mine }, {
    clock: ctx.sandbox.clock,
    memberId: memberIdOf(ctx),
  });
}

/** The plan as it may be shown today, or the problem that says why not. */
function shownCarePlan(ctx: HandlerContext, member: MemberRecord): Schemas['CarePlan'] {
  const source = member.carePlan;
  if (source === undefined) {
    throw new ProblemError(
      'NOT_FOUND',
      `Member ${member.details.memberId} has no care plan. Call the Care Team at ${member.careTeamPhone} to develop one.`,
      { members: { careTeamPhone: member.careTeamPhone } },
    );
  }
  const plan = source.plan;
  const state = { status: plan.status, whollySensitive: source.whollySensitive };
  const availability = carePlanAvailability(
    plan.completedOn === undefined ? state : { ...state, completedOn: plan.completedOn },
    {
      clock: ctx.sandbox.clock,
      careTeamPhone: plan.careTeamPhone,
    },
  );
  if (!availability.available) {
    throw new ProblemError(availability.violation.code, availability.violation.message, {
      members: { careTeamPhone: plan.careTeamPhone },
    });
  }
  // "If a Care Plan contains some sensitive information, those parts of the Care Plan will not be shown
  // in the portal." (Care Plans QRG, step 7)
  const withheld = withholdSensitiveParts(plan.problems);
  const body: Schemas['CarePlan'] = {
    ...plan,
    problems: withheld.plan,
    sensitivePartsWithheld: withheld.sensitivePartsWithheld,
  };
  if (plan.completedOn !== undefined) body.availableUntil = carePlanAvailableUntil(plan.completedOn);
  return body;
}

function attestationId(ctx: HandlerContext): string {
  return (ctx.request.headers.get('x-care-plan-attestation') ?? '').trim();
}

function getCarePlan(ctx: HandlerContext) {
  const member = visibleMember(ctx, memberIdOf(ctx));
  const body = shownCarePlan(ctx, member);
  recordAudit(ctx, 'care_plan.view', member.details.memberId, { attestationId: attestationId(ctx) });
  return { status: 200, body };
}

function downloadCarePlan(ctx: HandlerContext) {
  const member = visibleMember(ctx, memberIdOf(ctx));
  const plan = shownCarePlan(ctx, member);
  recordAudit(ctx, 'care_plan.download', member.details.memberId, { attestationId: attestationId(ctx) });
  return {
    status: 200,
    body: carePlanPdf(plan, isoTimestamp(ctx.sandbox.clock.now())),
    contentType: 'application/pdf',
    headers: {
      'content-disposition': `attachment; filename="${plan.memberId}-care-plan-${plan.lastUpdatedOn}.pdf"`,
    },
  };
}

export const carePlansHandlers: DomainHandlers = {
  attestCarePlanAccess: { handle: attestCarePlanAccess },
  getCarePlan: { rules: attestationRules, handle: getCarePlan },
  downloadCarePlan: { rules: attestationRules, handle: downloadCarePlan },
};
