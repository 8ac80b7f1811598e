import { describe, expect, it } from 'vitest';
import type { MessageRecord } from './message-records.ts';
import { messageStatus, RESPONSE_CHANNEL, toMessage } from './message-records.ts';

const message: MessageRecord = {
  messageId: 'MSG-000001',
  healthPlan: 'connecticare',
  taxIds: ['060646668'],
  createdBy: 'USR-000002',
  submittedAt: Date.parse('2026-11-25T15:00:00Z'),
  topic: 'general',
  senderNpi: '1234567893',
  senderProviderName: 'Lopez, Maria',
  category: 'provider_data',
  subcategory: 'demographic_update',
  priority: 'high',
  responseDueDate: '2026-11-30',
  content: 'Hours.',
  contactName: 'Dana',
  contactPhone: '(860) 555-0142',
  attachments: [],
};

describe('messageStatus', () => {
  it('is submitted on the day, in review after it, responded from the due date', () => {
    expect(messageStatus(message, '2026-11-25')).toBe('submitted');
    expect(messageStatus(message, '2026-11-26')).toBe('in_review');
    expect(messageStatus(message, '2026-11-29')).toBe('in_review');
    expect(messageStatus(message, '2026-11-30')).toBe('responded');
  });

  it('says the answer comes by phone, fax or email', () => {
    expect(toMessage(message, '2026-11-25')).toMatchObject({
      responseChannel: RESPONSE_CHANNEL,
      status: 'submitted',
    });
  });
});
