/**
 * A message of the Message Center as the mock portal keeps it, and its views. The plan answers
 * outside the portal ("Responses to inquiries will be made via phone, fax, or email, not the Provider
 * Portal", seed 001 step 14); the status follows the mock clock: `submitted` on the day it was sent,
 * `in_review` from the next day, `responded` from its response due date.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { calendarDayAt, compareDates } from '../../../sdk/rules/index.ts';
import { isoTimestamp } from '../clock.ts';
import type { Attachment } from './schemas.ts';

type Schemas = components['schemas'];

/** How the plan answers a message (seed 001 step 14). */
export const RESPONSE_CHANNEL =
  'Responses to inquiries will be made via phone, fax, or email, not the Provider Portal.';

/** A message sent through the Message Center. */
export interface MessageRecord {
  /** The plan the member belongs to (data/health-plans.ts), kept from when the record was made. */
  healthPlan: Schemas['HealthPlan'];
  messageId: string;
  /** The sender provider's Tax ID that the sending user acts for: its users see the message. */
  taxIds: string[];
  createdBy: string;
  submittedAt: number;
  topic: Schemas['MessageTopic'];
  transaction?: Schemas['MessageTransaction'];
  memberId?: string;
  memberName?: string;
  senderNpi: string;
  senderProviderName: string;
  category: Schemas['MessageCategory'];
  subcategory: Schemas['MessageSubcategory'];
  priority: Schemas['MessagePriority'];
  responseDueDate: string;
  content: string;
  contactName: string;
  contactPhone: string;
  attachments: Attachment[];
}

/**
 * The status of a message on `today` (see the module comment).
 *
 * @example
 * messageStatus(record, '2026-11-30'); // 'responded' once the due date has come
 */
export function messageStatus(record: MessageRecord, today: string): Schemas['MessageStatus'] {
  if (compareDates(today, record.responseDueDate) >= 0) return 'responded';
  if (compareDates(today, calendarDayAt(new Date(record.submittedAt))) > 0) return 'in_review';
  return 'submitted';
}

/**
 * One row of My Messages (`MessageSummary`).
 *
 * @example
 * toMessageSummary(record, today).status; // 'submitted'
 */
export function toMessageSummary(record: MessageRecord, today: string): Schemas['MessageSummary'] {
  return structuredClone({
    healthPlan: record.healthPlan,
    messageId: record.messageId,
    submittedAt: isoTimestamp(record.submittedAt),
    topic: record.topic,
    ...(record.transaction === undefined ? {} : { transaction: record.transaction }),
    ...(record.memberId === undefined ? {} : { memberId: record.memberId }),
    ...(record.memberName === undefined ? {} : { memberName: record.memberName }),
    senderNpi: record.senderNpi,
    senderProviderName: record.senderProviderName,
    category: record.category,
    subcategory: record.subcategory,
    priority: record.priority,
    status: messageStatus(record, today),
    responseDueDate: record.responseDueDate,
  });
}

/**
 * The whole message (`Message`).
 *
 * @example
 * toMessage(record, today).responseChannel; // RESPONSE_CHANNEL
 */
export function toMessage(record: MessageRecord, today: string): Schemas['Message'] {
  return {
    ...toMessageSummary(record, today),
    content: record.content,
    contactName: record.contactName,
    contactPhone: record.contactPhone,
    attachments: structuredClone(record.attachments),
    responseChannel: RESPONSE_CHANNEL,
  };
}
