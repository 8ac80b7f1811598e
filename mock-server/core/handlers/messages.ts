/**
 * Mock portal operations of the messages domain (tag in openapi/src/messages.yaml): the Message
 * Center's categories, messages about a general topic or a transaction, their response due dates
 * (business days on the mock clock) and attachments.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import {
  calendarDayAt,
  messageCategoryList,
  responseDueDateAt,
  validateMessageCreate,
} from '../../../sdk/rules/index.ts';
import { daysRange } from '../day-bounds.ts';
import { pageOfTotal, pageParameters } from '../paging.ts';
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
import { acceptAttachmentBatch } from '../transactions/attachments.ts';
import { memberName } from '../transactions/members.ts';
import type { MessageRecord } from '../transactions/message-records.ts';
import { messageStatus, toMessage, toMessageSummary } from '../transactions/message-records.ts';
import { ensureReferralHistory } from '../transactions/referral-history.ts';
import { REFERRALS } from '../transactions/referral-index.ts';
import type { DomainHandlers, HandlerContext, HealthPlan } from '../types.ts';

type Schemas = components['schemas'];

/** Messages by Tax ID and member, in the order they were sent. */
export const MESSAGE_INDEX: IndexSpec<MessageRecord> = {
  name: 'messages',
  groupsOf: (record) => record.taxIds,
  memberOf: (record) => record.memberId,
  timeOf: (record) => record.submittedAt,
  idOf: (record) => record.messageId,
};

function records(ctx: HandlerContext): Map<string, MessageRecord> {
  return collection<MessageRecord>(ctx.sandbox, 'messages');
}

function today(ctx: HandlerContext): string {
  return calendarDayAt(ctx.sandbox.clock.now());
}

/**
 * The Tax ID the user sends for: the sender is "a provider to be the sender of the message. Many
 * users are able to conduct business on behalf of multiple providers" (seed 001 step 11), one of the
 * providers of the user's Tax IDs (403 TAX_ID_NOT_AUTHORIZED otherwise).
 */
function senderOf(ctx: HandlerContext, npi: string): { taxId: string; name: string } {
  const user = signedInUser(ctx);
  const provider = ctx.data.provider(npi);
  if (provider === undefined) {
    throw new ProblemError(
      'TAX_ID_NOT_AUTHORIZED',
      `NPI ${npi} is not a provider of your Tax IDs (${userTaxIds(user).join(', ')}): choose the sender with searchProviders.`,
    );
  }
  const taxIds = provider.locations.map((location) => location.taxId);
  const taxId = userTaxIds(user).find((candidate) => taxIds.includes(candidate)) ?? taxIds[0] ?? '';
  assertActsFor(ctx, taxId, `sender ${provider.profile.name} (NPI ${npi})`);
  return { taxId, name: provider.profile.name };
}

/**
 * A message about a transaction names one the user may see: a claim ("submit a grievance or appeal a
 * claim denial through the Message Center", seed 003), a preauthorization, a referral or an admission
 * notification of the Tax IDs the user sends for. Any other, known or not, answers 404 NOT_FOUND,
 * exactly as reading it would. (A member or care plan is the member visibility rule's, core/access.ts.)
 */
function requireVisibleTransaction(ctx: HandlerContext, type: string, id: string): void {
  type Visible = { taxIds: string[]; healthPlan: HealthPlan };
  // Of the user's Tax IDs and of a health plan the account sees (seed 003: consolidation).
  const visible = (record: Visible | undefined) =>
    record !== undefined && canSee(ctx, record.taxIds, record.healthPlan);
  let found: boolean;
  switch (type) {
    case 'claim': {
      const claim = ctx.data.claim(id);
      found = visible(
        claim === undefined ? undefined : { taxIds: [claim.taxId], healthPlan: claim.claim.healthPlan },
      );
      break;
    }
    case 'preauthorization':
      found = visible(collection<Visible>(ctx.sandbox, 'preauthorizations').get(id));
      break;
    case 'admission_notification':
      found = visible(collection<Visible>(ctx.sandbox, 'admission-notifications').get(id));
      break;
    case 'referral':
      ensureReferralHistory(ctx.sandbox, ctx.data, [...ctx.permittedTaxIds]);
      found = visible(collection<Visible>(ctx.sandbox, REFERRALS).get(id));
      break;
    default:
      return;
  }
  if (!found) {
    throw new ProblemError(
      'NOT_FOUND',
      `No ${type.replace('_', ' ')} ${id} is visible to you: name one of your Tax IDs' transactions.`,
    );
  }
}

function createMessage(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const validation = validateMessageCreate(ctx.body, { clock: ctx.sandbox.clock });
  if (!validation.success) throw ProblemError.fromViolations(validation.violations);
  const input = validation.data;
  const sender = senderOf(ctx, input.senderNpi);
  if (input.transaction !== undefined) {
    requireVisibleTransaction(ctx, input.transaction.type, input.transaction.id);
  }
  const member = input.memberId === undefined ? undefined : ctx.data.member(input.memberId);
  if (input.healthPlan !== undefined && !ctx.permittedPlans.includes(input.healthPlan)) {
    // "Once you consolidate the accounts, you will be able to use one account for both EmblemHealth and
    // ConnectiCare" (seed 003): until then, an account writes to its own plan only.
    throw new ProblemError(
      'ACCOUNTS_NOT_CONSOLIDATED',
      'Your account does not act for that health plan: consolidate it with your account of that plan ' +
        '(consolidateAccounts), or leave healthPlan out.',
    );
  }
  const now = ctx.sandbox.clock.now();
  const record: MessageRecord = {
    messageId: nextId(ctx.sandbox, 'MSG-', 6),
    taxIds: [sender.taxId],
    createdBy: user.userId,
    submittedAt: now.getTime(),
    topic: input.topic,
    ...(input.transaction === undefined
      ? {}
      : { transaction: { type: input.transaction.type, id: input.transaction.id } }),
    ...(input.memberId === undefined ? {} : { memberId: input.memberId }),
    ...(member === undefined ? {} : { memberName: memberName(member) }),
    healthPlan: member?.details.healthPlan ?? input.healthPlan ?? (user.healthPlans[0] as HealthPlan),
    senderNpi: input.senderNpi,
    senderProviderName: sender.name,
    category: input.category,
    subcategory: input.subcategory,
    priority: input.priority,
    // "Urgent: 1 business day, High: 2 business days, Medium: 4 business days, Low: 7 business days" (seed 001)
    responseDueDate: responseDueDateAt(input.priority, now),
    content: input.content,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    attachments: [],
  };
  records(ctx).set(record.messageId, record);
  indexRecord(ctx.sandbox, MESSAGE_INDEX, record);
  const body: Schemas['MessageReceipt'] = {
    messageId: record.messageId,
    submittedAt: toMessageSummary(record, today(ctx)).submittedAt,
    responseDueDate: record.responseDueDate,
    status: messageStatus(record, today(ctx)),
  };
  return { status: 201, body };
}

function matchesText(record: MessageRecord, text: string): boolean {
  const needle = text.toLowerCase();
  return [
    record.messageId,
    record.transaction?.id,
    record.memberId,
    record.memberName,
    record.senderProviderName,
    record.content,
  ].some((value) => value?.toLowerCase().includes(needle) === true);
}

function listMessages(ctx: HandlerContext) {
  const day = today(ctx);
  const { query } = ctx;
  const q = query.get('q');
  const category = query.get('category');
  const status = query.get('status');
  const from = query.get('from');
  const to = query.get('to');
  const page = pageParameters(query);
  const inPlan = planFilter(ctx);
  const filtered = q !== null || category !== null || status !== null || inPlan !== undefined;
  // "The most recent message sent is listed at the top of the table" (seed 001 step 17): the Tax ID
  // index is newest first (core/record-index.ts) and the days sent are a time range on it.
  const { items, total } = pageFromIndex(ctx.sandbox, MESSAGE_INDEX, ctx.permittedTaxIds, page, {
    visible: (record) => canSee(ctx, record.taxIds, record.healthPlan),
    between: daysRange(from, to),
    ...(filtered
      ? {
          keep: (record: MessageRecord) =>
            (inPlan === undefined || inPlan(record.healthPlan)) &&
            (q === null || matchesText(record, q)) &&
            (category === null || record.category === category) &&
            (status === null || messageStatus(record, day) === status),
        }
      : {}),
  });
  const body: Schemas['MessageSummaryPage'] = pageOfTotal(
    items.map((record) => toMessageSummary(record, day)),
    total,
    page,
  );
  return { status: 200, body };
}

function visibleMessage(ctx: HandlerContext): MessageRecord {
  const messageId = ctx.params.messageId ?? '';
  return visibleOr404(ctx, records(ctx).get(messageId), `No message ${messageId} is visible to you.`);
}

export const messagesHandlers: DomainHandlers = {
  listMessageCategories: {
    handle(ctx) {
      signedInUser(ctx);
      const body: Schemas['MessageCategoryList'] = { categories: messageCategoryList() };
      return { status: 200, body };
    },
  },
  createMessage: {
    rules: (ctx) => {
      const validation = validateMessageCreate(ctx.body, { clock: ctx.sandbox.clock });
      return validation.success ? [] : validation.violations;
    },
    handle: createMessage,
  },
  listMessages: { handle: listMessages },
  getMessage: {
    handle(ctx) {
      const body: Schemas['Message'] = toMessage(visibleMessage(ctx), today(ctx));
      return { status: 200, body };
    },
  },
  uploadMessageAttachments: {
    async handle(ctx) {
      const record = visibleMessage(ctx);
      const attachments = await acceptAttachmentBatch(ctx.sandbox, ctx.body);
      record.attachments.push(...attachments);
      const body: Schemas['AttachmentBatch'] = { attachments: structuredClone(attachments) };
      return { status: 201, body };
    },
  },
};
