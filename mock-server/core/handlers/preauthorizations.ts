/**
 * Mock portal operations of the preauthorizations domain (tag in openapi/src/preauthorizations.yaml):
 * the check tool, requests decided on the mock clock, questionnaires, attachments and modifications.
 * Every rule comes from sdk/rules; the mock behaviour (outcomes, decisions, questionnaires) lives in
 * core/transactions/.
 */

import type { components } from '../../../sdk/generated/portal.ts';
import type {
  CoverageSpan,
  PreauthorizationCreate,
  PreauthorizationModificationCreate,
  PreauthorizationOriginal,
} from '../../../sdk/rules/index.ts';
import {
  calendarDayAt,
  checkDetailsAvailable,
  checkPreauthorizationRequirementRequest,
  detailsAvailableAt,
  MODIFICATION_OUTCOME_MESSAGES,
  modificationOutcome,
  preauthorizationDecisionDueBy,
  requireModifiable,
  validatePreauthorizationCreate,
  validatePreauthorizationModification,
} from '../../../sdk/rules/index.ts';
import type { MemberRecord } from '../../data/portal-data.ts';
import { memberNotFound } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { daysRange } from '../day-bounds.ts';
import { oncePerRequest } from '../once-per-request.ts';
import { pageOf, pageOfTotal, pageParameters } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { indexRecord, keepOf, pageFromIndex } from '../record-index.ts';
import { collection, nextId } from '../sandbox.ts';
import { assertActsFor, canSee, planFilter, signedInUser, visibleOr404 } from '../transactions/access.ts';
import { acceptAttachmentBatch } from '../transactions/attachments.ts';
import { coverageOfBody, memberName, memberOfBody } from '../transactions/members.ts';
import { checkProcedureCodeRequirement } from '../transactions/preauthorization-check.ts';
import { contentKey, initialOutcome, plannedDecision } from '../transactions/preauthorization-decisions.ts';
import type { PreauthorizationRecord } from '../transactions/preauthorization-records.ts';
import {
  decide,
  PREAUTHORIZATION_INDEX,
  settle,
  toDetails,
  toReceipt,
  toSummary,
} from '../transactions/preauthorization-records.ts';
import { preferChoice, preferFlag } from '../transactions/prefer.ts';
import { providerDirectory } from '../transactions/provider-directory.ts';
import { assertAnswers, followUpQuestionnaire } from '../transactions/questionnaires.ts';
import type { QuestionnaireResponse } from '../transactions/schemas.ts';
import { codedDiagnoses, defined, providerReference } from '../transactions/shapes.ts';
import type { DomainHandlers, HandlerContext, PreferOptions, RuleViolation } from '../types.ts';

type Schemas = components['schemas'];

const PREAUTHORIZATIONS = 'preauthorizations';

function records(ctx: HandlerContext): Map<string, PreauthorizationRecord> {
  return collection<PreauthorizationRecord>(ctx.sandbox, PREAUTHORIZATIONS);
}

function now(ctx: HandlerContext): number {
  return ctx.sandbox.clock.now().getTime();
}

function coverageOf(member: MemberRecord | undefined): CoverageSpan | undefined {
  if (member === undefined) return undefined;
  return { startDate: member.details.coverageStartDate, endDate: member.details.coverageEndDate };
}

/** The request the user may see, brought up to date with the clock; 404 otherwise. */
function visibleRequest(ctx: HandlerContext): PreauthorizationRecord {
  const referenceId = ctx.params.referenceId ?? '';
  const record = visibleOr404(
    ctx,
    records(ctx).get(referenceId),
    `No preauthorization request ${referenceId} is visible to you.`,
  );
  return settle(record, now(ctx));
}

function original(record: PreauthorizationRecord): PreauthorizationOriginal {
  return {
    requestDate: record.requestDate,
    serviceStartDate: record.serviceStartDate,
    serviceEndDate: record.serviceEndDate,
    serviceLines: record.serviceLines,
  };
}

// ---------------------------------------------------------------------------------------------------
// Check tool

function checkRules(ctx: HandlerContext): RuleViolation[] {
  return checkPreauthorizationRequirementRequest(ctx.body);
}

// ---------------------------------------------------------------------------------------------------
// Create

const createRules = oncePerRequest((ctx: HandlerContext) => {
  const coverage = coverageOfBody(ctx);
  return validatePreauthorizationCreate(ctx.body, {
    clock: ctx.sandbox.clock,
    ...(coverage === undefined ? {} : { coverage }),
    providerDirectory: providerDirectory(ctx),
  });
});

/** `details=pending`, the bare `details-pending` token, or `outcome=details-pending` (then the default outcome). */
function detailsPending(prefer: PreferOptions): { pending: boolean; prefer: PreferOptions } {
  if (prefer.outcome === 'details-pending') {
    const { outcome: _ignored, ...rest } = prefer;
    return { pending: true, prefer: rest };
  }
  const pending = preferChoice(prefer, 'details', ['pending', 'available'] as const) === 'pending';
  return { pending: pending || preferFlag(prefer, 'details-pending'), prefer };
}

function duplicateOf(ctx: HandlerContext, input: PreauthorizationCreate): PreauthorizationRecord | undefined {
  for (const record of records(ctx).values()) {
    if (
      record.memberId === input.memberId &&
      record.serviceType === input.serviceType &&
      record.serviceStartDate === input.serviceStartDate &&
      record.serviceEndDate === input.serviceEndDate &&
      record.status !== 'denied' &&
      record.taxIds.includes(input.requestingProvider.taxId)
    ) {
      return record;
    }
  }
  return undefined;
}

function createPreauthorization(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const member = memberOfBody(ctx);
  const validation = createRules(ctx);
  if (!validation.success) throw ProblemError.fromViolations(validation.violations);
  if (member === undefined) throw memberNotFound();
  const input = validation.data;
  assertActsFor(ctx, input.requestingProvider.taxId, 'requesting provider');
  const { pending, prefer } = detailsPending(ctx.prefer);
  const outcome = initialOutcome(ctx.sandbox.seed, input, prefer);
  const submittedAt = now(ctx);
  const key = contentKey(input);
  const planned = plannedDecision(
    ctx.sandbox.seed,
    key,
    prefer,
    {
      servicingOutOfNetwork:
        ctx.data.provider(input.servicingProvider.npi)?.profile.networkStatus === 'out_of_network',
      duplicateOf: duplicateOf(ctx, input),
    },
    outcome.status === 'denied',
  );
  const record: PreauthorizationRecord = {
    referenceId: nextId(ctx.sandbox, 'PA-', 8),
    taxIds: [...new Set([input.requestingProvider.taxId, input.servicingProvider.taxId])],
    createdBy: user.userId,
    memberId: input.memberId,
    memberName: memberName(member),
    healthPlan: member.details.healthPlan,
    status: outcome.status,
    urgency: input.urgency,
    serviceType: input.serviceType,
    requestDate: calendarDayAt(new Date(submittedAt)),
    submittedAt,
    decisionDueBy: preauthorizationDecisionDueBy(input.urgency, new Date(submittedAt)).getTime(),
    requestingProvider: providerReference(input.requestingProvider),
    servicingProvider: providerReference(input.servicingProvider),
    diagnoses: codedDiagnoses(input.diagnoses),
    serviceStartDate: input.serviceStartDate,
    serviceEndDate: input.serviceEndDate,
    serviceLines: input.serviceLines.map((line, index) => ({ lineNumber: index + 1, ...defined(line) })),
    ...(input.notes === undefined ? {} : { notes: input.notes }),
    ...(outcome.questionnaire === undefined ? {} : { questionnaire: outcome.questionnaire }),
    planned,
    ...(pending ? { detailsAvailableAt: detailsAvailableAt(new Date(submittedAt)).getTime() } : {}),
    attachments: [],
    modifications: [],
  };
  if (outcome.status === 'approved') decide(record, { status: 'approved' }, submittedAt);
  if (outcome.status === 'denied') decide(record, planned, submittedAt);
  records(ctx).set(record.referenceId, record);
  indexRecord(ctx.sandbox, PREAUTHORIZATION_INDEX, record);
  const body: Schemas['PreauthorizationReceipt'] = toReceipt(record);
  return { status: 201, body };
}

// ---------------------------------------------------------------------------------------------------
// Search and details

function searchPreauthorizations(ctx: HandlerContext) {
  const at = now(ctx);
  const { query } = ctx;
  const memberId = query.get('memberId');
  const referenceId = query.get('referenceId');
  const status = query.get('status');
  const from = query.get('from');
  const to = query.get('to');
  const page = pageParameters(query);
  const inPlan = planFilter(ctx);
  const matches = (record: PreauthorizationRecord): boolean =>
    (inPlan === undefined || inPlan(record.healthPlan)) &&
    (memberId === null || record.memberId === memberId) &&
    (status === null || settle(record, at).status === status) &&
    (from === null || record.requestDate >= from) &&
    (to === null || record.requestDate <= to);
  const visible = (record: PreauthorizationRecord): boolean => canSee(ctx, record.taxIds, record.healthPlan);
  if (referenceId !== null) {
    const record = records(ctx).get(referenceId);
    const found = record !== undefined && visible(record) && matches(record) ? [record] : [];
    const body: Schemas['PreauthorizationPage'] = pageOf(
      found.map((entry) => toSummary(settle(entry, at), at)),
      page,
    );
    return { status: 200, body };
  }
  // Read through the Tax ID and member indexes (core/record-index.ts): only the page's records are
  // settled and summarised.
  // The request date is the day it was submitted (createPreauthorization): the days are a time range.
  const { items, total } = pageFromIndex(ctx.sandbox, PREAUTHORIZATION_INDEX, ctx.permittedTaxIds, page, {
    visible,
    between: daysRange(from, to),
    ...(memberId === null ? {} : { memberId }),
    ...keepOf([
      status === null ? undefined : (record) => settle(record, at).status === status,
      inPlan === undefined ? undefined : (record) => inPlan(record.healthPlan),
    ]),
  });
  const body: Schemas['PreauthorizationPage'] = pageOfTotal(
    items.map((record) => toSummary(settle(record, at), at)),
    total,
    page,
  );
  return { status: 200, body };
}

function getPreauthorization(ctx: HandlerContext) {
  const record = visibleRequest(ctx);
  if (record.detailsAvailableAt !== undefined) {
    // "if the Reference ID is not hyperlinked yet, please check back in a few hours as preauthorization
    // details are not yet available" (seed 003)
    const [pending] = checkDetailsAvailable(new Date(record.submittedAt), { clock: ctx.sandbox.clock });
    if (pending !== undefined) {
      const retryAfterSeconds = Math.max(1, Math.ceil((record.detailsAvailableAt - now(ctx)) / 1000));
      throw new ProblemError('PREAUTH_DETAILS_PENDING', pending.message, {
        violations: [pending],
        members: { retryAfterSeconds },
        headers: { 'Retry-After': String(retryAfterSeconds) },
      });
    }
  }
  const body: Schemas['Preauthorization'] = toDetails(record);
  return { status: 200, body };
}

// ---------------------------------------------------------------------------------------------------
// Questionnaire

function answerPreauthorizationQuestionnaire(ctx: HandlerContext) {
  const record = visibleRequest(ctx);
  const response = ctx.body as QuestionnaireResponse;
  assertAnswers(record.questionnaire, response, `preauthorization request ${record.referenceId}`);
  const outcome =
    preferChoice(ctx.prefer, 'outcome', [
      'pended',
      'approved',
      'denied',
      'more_information_needed',
    ] as const) ?? 'pended';
  const at = now(ctx);
  if (outcome === 'more_information_needed' && record.questionnaire !== undefined) {
    record.questionnaire = followUpQuestionnaire(record.questionnaire);
  } else if (outcome === 'approved') {
    decide(record, { status: 'approved' }, at);
  } else if (outcome === 'denied') {
    const facts = { servicingOutOfNetwork: false, duplicateOf: undefined };
    const denial =
      record.planned.status === 'denied'
        ? record.planned
        : plannedDecision(ctx.sandbox.seed, record.referenceId, ctx.prefer, facts, true);
    decide(record, denial, at);
  } else {
    record.status = 'pended';
    delete record.questionnaire;
  }
  const body: Schemas['PreauthorizationReceipt'] = toReceipt(record);
  return { status: 200, body };
}

// ---------------------------------------------------------------------------------------------------
// Attachments

async function uploadPreauthorizationAttachments(ctx: HandlerContext) {
  const record = visibleRequest(ctx);
  const attachments = await acceptAttachmentBatch(ctx.sandbox, ctx.body);
  record.attachments.push(...attachments);
  const body: Schemas['AttachmentBatch'] = { attachments: structuredClone(attachments) };
  return { status: 201, body };
}

function listPreauthorizationAttachments(ctx: HandlerContext) {
  const record = visibleRequest(ctx);
  const body: Schemas['PreauthorizationAttachmentPage'] = pageOf(
    structuredClone(record.attachments),
    pageParameters(ctx.query),
  );
  return { status: 200, body };
}

// ---------------------------------------------------------------------------------------------------
// Modifications

const modificationRules = oncePerRequest((ctx: HandlerContext) => {
  const user = ctx.user;
  const record = records(ctx).get(ctx.params.referenceId ?? '');
  const visible = user !== undefined && record !== undefined && canSee(ctx, record.taxIds, record.healthPlan);
  const coverage = visible ? coverageOf(ctx.data.member(record.memberId)) : undefined;
  return validatePreauthorizationModification(ctx.body, {
    clock: ctx.sandbox.clock,
    ...(visible ? { original: original(record) } : {}),
    ...(coverage === undefined ? {} : { coverage }),
  });
});

function applyModification(record: PreauthorizationRecord, change: PreauthorizationModificationCreate): void {
  if (change.serviceEndDate !== undefined) record.serviceEndDate = change.serviceEndDate;
  for (const lineChange of change.lines ?? []) {
    const line = record.serviceLines.find((candidate) => candidate.lineNumber === lineChange.lineNumber);
    if (line === undefined) continue;
    if (lineChange.units !== undefined) {
      line.units = lineChange.units;
      if (line.approvedUnits !== undefined)
        line.approvedUnits = Math.min(line.approvedUnits, lineChange.units);
    }
    if (lineChange.serviceStartDate !== undefined) line.serviceStartDate = lineChange.serviceStartDate;
    if (lineChange.serviceEndDate !== undefined) line.serviceEndDate = lineChange.serviceEndDate;
  }
}

function requestPreauthorizationModification(ctx: HandlerContext) {
  const record = visibleRequest(ctx);
  const [decided] = requireModifiable(record.status);
  if (decided !== undefined) throw new ProblemError(decided.code, decided.message);
  const validation = modificationRules(ctx);
  if (!validation.success) throw ProblemError.fromViolations(validation.violations);
  const change = validation.data;
  const outcome =
    preferChoice(ctx.prefer, 'outcome', ['applied', 'pended'] as const) ??
    modificationOutcome(original(record), change);
  if (outcome === 'applied') applyModification(record, change);
  const modification: Schemas['PreauthorizationModification'] = {
    modificationId: nextId(ctx.sandbox, 'PAM-', 6),
    referenceId: record.referenceId,
    outcome,
    submittedAt: isoTimestamp(now(ctx)),
    reason: change.reason,
    ...(change.serviceEndDate === undefined ? {} : { serviceEndDate: change.serviceEndDate }),
    ...(change.lines === undefined ? {} : { lines: change.lines.map((line) => defined(line)) }),
    message: MODIFICATION_OUTCOME_MESSAGES[outcome],
  };
  record.modifications.push(modification);
  return { status: 201, body: structuredClone(modification) };
}

export const preauthorizationsHandlers: DomainHandlers = {
  checkPreauthorizationRequirement: {
    rules: checkRules,
    handle(ctx) {
      signedInUser(ctx);
      const violations = checkRules(ctx);
      if (violations.length > 0) throw ProblemError.fromViolations(violations);
      const input = ctx.body as Schemas['PreauthorizationCheckRequest'];
      const body: Schemas['PreauthorizationCheckResult'] = {
        memberId: input.memberId,
        checkedAt: isoTimestamp(ctx.sandbox.clock.now()),
        results: input.procedureCodes.map((code) => checkProcedureCodeRequirement(ctx.sandbox.seed, code)),
      };
      return { status: 200, body };
    },
  },
  createPreauthorization: {
    rules: (ctx) => {
      const validation = createRules(ctx);
      return validation.success ? [] : validation.violations;
    },
    handle: createPreauthorization,
  },
  searchPreauthorizations: { handle: searchPreauthorizations },
  getPreauthorization: { handle: getPreauthorization },
  answerPreauthorizationQuestionnaire: { handle: answerPreauthorizationQuestionnaire },
  uploadPreauthorizationAttachments: { handle: uploadPreauthorizationAttachments },
  listPreauthorizationAttachments: { handle: listPreauthorizationAttachments },
  requestPreauthorizationModification: {
    rules: (ctx) => {
      const validation = modificationRules(ctx);
      return validation.success ? [] : validation.violations;
    },
    handle: requestPreauthorizationModification,
  },
};
