/**
 * Mock portal operations of the admission-notifications domain (tag in
 * openapi/src/admission-notifications.yaml): emergent inpatient admission, maternity and newborn
 * notifications, their concurrent review, documents and modifications. "Emergent inpatient
 * admissions do not require preauthorization. The information requested and the approvals given are
 * for the concurrent review of the inpatient stay." (seed 003)
 */

import type { components } from '../../../sdk/generated/portal.ts';
import {
  delegatedOutcome,
  validateAdmissionNotificationCreate,
  validateAdmissionNotificationModification,
} from '../../../sdk/rules/index.ts';
import { memberNotFound } from '../access.ts';
import { isoTimestamp } from '../clock.ts';
import { oncePerRequest } from '../once-per-request.ts';
import { pageOf, pageOfTotal, pageParameters } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { type IndexSpec, indexRecord, pageFromIndex } from '../record-index.ts';
import { collection, nextId } from '../sandbox.ts';
import {
  assertActsFor,
  canSee,
  planFilter,
  signedInUser,
  userTaxIds,
  visibleOr404,
} from '../transactions/access.ts';
import {
  ADMISSION_MODIFICATION_MESSAGES,
  admissionModificationOutcome,
  applyAdmissionModification,
} from '../transactions/admission-modification.ts';
import type { AdmissionRecord } from '../transactions/admission-records.ts';
import { toAdmission, toAdmissionSummary, toCreated } from '../transactions/admission-records.ts';
import { delegatedEntityOf, initialReview, reviewAnswered } from '../transactions/admission-review.ts';
import { acceptAttachmentBatch } from '../transactions/attachments.ts';
import { coverageOfBody, memberName, memberOfBody } from '../transactions/members.ts';
import { providerDirectory } from '../transactions/provider-directory.ts';
import { assertAnswers } from '../transactions/questionnaires.ts';
import type { QuestionnaireResponse } from '../transactions/schemas.ts';
import { codedDiagnoses, providerReference } from '../transactions/shapes.ts';
import type { DomainHandlers, HandlerContext } from '../types.ts';

type Schemas = components['schemas'];

/** Admission notifications by Tax ID and member, in the order they were submitted. */
export const ADMISSION_INDEX: IndexSpec<AdmissionRecord> = {
  name: 'admission-notifications',
  groupsOf: (record) => record.taxIds,
  memberOf: (record) => record.memberId,
  timeOf: (record) => record.submittedAt,
  idOf: (record) => record.trackingNumber,
};

function records(ctx: HandlerContext): Map<string, AdmissionRecord> {
  return collection<AdmissionRecord>(ctx.sandbox, 'admission-notifications');
}

const createValidation = oncePerRequest((ctx: HandlerContext) => {
  const coverage = coverageOfBody(ctx);
  return validateAdmissionNotificationCreate(ctx.body, {
    clock: ctx.sandbox.clock,
    ...(coverage === undefined ? {} : { coverage }),
    providerDirectory: providerDirectory(ctx),
  });
});

function visibleNotification(ctx: HandlerContext): AdmissionRecord {
  const trackingNumber = ctx.params.trackingNumber ?? '';
  return visibleOr404(
    ctx,
    records(ctx).get(trackingNumber),
    `No admission notification ${trackingNumber} is visible to you.`,
  );
}

function createAdmissionNotification(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const member = memberOfBody(ctx);
  const validation = createValidation(ctx);
  if (!validation.success) throw ProblemError.fromViolations(validation.violations);
  if (member === undefined) throw memberNotFound();
  const input = validation.data;
  // The user notifies for the admitting facility or for the attending provider.
  const mine = userTaxIds(user);
  const attendingTaxId = input.attendingProvider?.taxId;
  if (!mine.includes(input.facility.taxId) && attendingTaxId !== undefined && mine.includes(attendingTaxId)) {
    assertActsFor(ctx, attendingTaxId, 'attending provider');
  } else {
    assertActsFor(ctx, input.facility.taxId, 'facility');
  }
  const entity = delegatedEntityOf(member);
  if (entity !== undefined) {
    // "For EmblemHealth's delegated membership, you will need to notify the delegated entity directly."
    const body: Schemas['AdmissionNotificationDelegated'] = delegatedOutcome(entity);
    return { status: 200, body };
  }
  const review = initialReview(input.admissionType, input.admissionDate, ctx.prefer);
  const record: AdmissionRecord = {
    trackingNumber: nextId(ctx.sandbox, 'AN-', 8),
    taxIds: [...new Set([input.facility.taxId, ...(attendingTaxId === undefined ? [] : [attendingTaxId])])],
    createdBy: user.userId,
    memberId: input.memberId,
    memberName: memberName(member),
    healthPlan: member.details.healthPlan,
    admissionType: input.admissionType,
    admissionDate: input.admissionDate,
    facility: providerReference(input.facility),
    ...(input.attendingProvider === undefined
      ? {}
      : { attendingProvider: providerReference(input.attendingProvider) }),
    diagnoses: codedDiagnoses(input.diagnoses),
    ...(input.newborn === undefined ? {} : { newborn: input.newborn }),
    ...review,
    submittedAt: ctx.sandbox.clock.now().getTime(),
    attachments: [],
    modifications: [],
  };
  records(ctx).set(record.trackingNumber, record);
  indexRecord(ctx.sandbox, ADMISSION_INDEX, record);
  const body: Schemas['AdmissionNotificationCreated'] = toCreated(record);
  return { status: 201, body };
}

function searchAdmissionNotifications(ctx: HandlerContext) {
  const { query } = ctx;
  const memberId = query.get('memberId');
  const trackingNumber = query.get('trackingNumber');
  const admissionType = query.get('admissionType');
  const from = query.get('from');
  const to = query.get('to');
  const page = pageParameters(query);
  const inPlan = planFilter(ctx);
  const matches = (record: AdmissionRecord): boolean =>
    (inPlan === undefined || inPlan(record.healthPlan)) &&
    (memberId === null || record.memberId === memberId) &&
    (trackingNumber === null || record.trackingNumber === trackingNumber) &&
    (admissionType === null || record.admissionType === admissionType) &&
    (from === null || record.admissionDate >= from) &&
    (to === null || record.admissionDate <= to);
  const visible = (record: AdmissionRecord): boolean => canSee(ctx, record.taxIds, record.healthPlan);
  if (trackingNumber !== null) {
    const record = records(ctx).get(trackingNumber);
    const found = record !== undefined && visible(record) && matches(record) ? [record] : [];
    const body: Schemas['AdmissionNotificationPage'] = pageOf(found.map(toAdmissionSummary), page);
    return { status: 200, body };
  }
  // Through the Tax ID and member indexes (core/record-index.ts); the admission's own dates and type
  // are tested record by record, and only the page's records are summarised.
  const filtered = admissionType !== null || from !== null || to !== null || inPlan !== undefined;
  const { items, total } = pageFromIndex(ctx.sandbox, ADMISSION_INDEX, ctx.permittedTaxIds, page, {
    visible,
    ...(memberId === null ? {} : { memberId }),
    ...(filtered ? { keep: matches } : {}),
  });
  const body: Schemas['AdmissionNotificationPage'] = pageOfTotal(items.map(toAdmissionSummary), total, page);
  return { status: 200, body };
}

function answerConcurrentReviewQuestions(ctx: HandlerContext) {
  const record = visibleNotification(ctx);
  const response = ctx.body as QuestionnaireResponse;
  assertAnswers(record.concurrentReview, response, `admission notification ${record.trackingNumber}`);
  const message = reviewAnswered(record, ctx.prefer);
  const body: Schemas['ConcurrentReviewResult'] = structuredClone({
    trackingNumber: record.trackingNumber,
    reviewStatus: record.reviewStatus,
    answeredAt: isoTimestamp(ctx.sandbox.clock.now()),
    ...(record.reviewStatus === 'approved' && record.approvedThrough !== undefined
      ? { approvedThrough: record.approvedThrough }
      : {}),
    ...(record.concurrentReview === undefined ? {} : { concurrentReview: record.concurrentReview }),
    message,
  });
  return { status: 200, body };
}

const modificationValidation = oncePerRequest((ctx: HandlerContext) => {
  const user = ctx.user;
  const record = records(ctx).get(ctx.params.trackingNumber ?? '');
  const visible = user !== undefined && record !== undefined && canSee(ctx, record.taxIds, record.healthPlan);
  return validateAdmissionNotificationModification(ctx.body, {
    ...(visible && record ? { admissionDate: record.admissionDate } : {}),
    providerDirectory: providerDirectory(ctx),
  });
});

function requestAdmissionNotificationModification(ctx: HandlerContext) {
  const record = visibleNotification(ctx);
  const validation = modificationValidation(ctx);
  if (!validation.success) throw ProblemError.fromViolations(validation.violations);
  const change = validation.data;
  if (change.attendingProvider !== undefined) {
    const mine = userTaxIds(signedInUser(ctx));
    if (!mine.includes(change.attendingProvider.taxId) && !mine.includes(record.facility.taxId)) {
      assertActsFor(ctx, change.attendingProvider.taxId, 'attending provider');
    }
  }
  const outcome = admissionModificationOutcome(change, ctx.prefer);
  if (outcome === 'applied') applyAdmissionModification(record, change);
  const modification: Schemas['AdmissionNotificationModification'] = {
    modificationId: nextId(ctx.sandbox, 'ANM-', 6),
    trackingNumber: record.trackingNumber,
    outcome,
    submittedAt: isoTimestamp(ctx.sandbox.clock.now()),
    reason: change.reason,
    message: ADMISSION_MODIFICATION_MESSAGES[outcome],
  };
  record.modifications.push(modification);
  return { status: 201, body: structuredClone(modification) };
}

export const admissionNotificationsHandlers: DomainHandlers = {
  createAdmissionNotification: {
    rules: (ctx) => {
      const validation = createValidation(ctx);
      return validation.success ? [] : validation.violations;
    },
    handle: createAdmissionNotification,
  },
  searchAdmissionNotifications: { handle: searchAdmissionNotifications },
  getAdmissionNotification: {
    handle(ctx) {
      const body: Schemas['AdmissionNotification'] = toAdmission(visibleNotification(ctx));
      return { status: 200, body };
    },
  },
  answerConcurrentReviewQuestions: { handle: answerConcurrentReviewQuestions },
  uploadAdmissionNotificationAttachments: {
    async handle(ctx) {
      const record = visibleNotification(ctx);
      const attachments = await acceptAttachmentBatch(ctx.sandbox, ctx.body);
      record.attachments.push(...attachments);
      const body: Schemas['AttachmentBatch'] = { attachments: structuredClone(attachments) };
      return { status: 201, body };
    },
  },
  requestAdmissionNotificationModification: {
    rules: (ctx) => {
      const validation = modificationValidation(ctx);
      return validation.success ? [] : validation.violations;
    },
    handle: requestAdmissionNotificationModification,
  },
};
