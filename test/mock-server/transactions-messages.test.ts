import { describe, expect, it } from 'vitest';
import {
  activeMember,
  filesForm,
  LOPEZ_A,
  openPortal,
  pdf,
  RIVERA_B,
  type TestPortal,
} from './transactions-support.ts';

function messageBody(overrides: Record<string, unknown> = {}) {
  return {
    topic: 'general',
    senderNpi: LOPEZ_A.npi,
    category: 'provider_data',
    subcategory: 'demographic_update',
    priority: 'medium',
    content: 'Our Hartford office opens on Saturdays from 2027-01-09.',
    contactName: 'Dana Whitfield',
    contactPhone: '(860) 555-0142',
    ...overrides,
  };
}

async function send(portal: TestPortal, token: string, body: unknown) {
  const answer = await portal.call('POST', '/api/v1/messages', { token, json: body });
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('messages', () => {
  it('list the categories of the Message Center', async () => {
    const portal = openPortal();
    const answer = await portal.call('GET', '/api/v1/message-categories', {
      token: await portal.token('billing.a'),
    });
    expect(answer.status).toBe(200);
    const care = answer.body.categories.find((entry: any) => entry.category === 'care_management');
    expect(care.subcategories.map((entry: any) => entry.label)).toEqual([
      'Provider Portal Care Plan Question',
      'Provider Portal Care Plan Resources for Members',
    ]);
    expect(answer.body.categories.map((entry: any) => entry.category)).toContain('grievances_and_appeals');
  });

  it.each([
    // [now, priority, due]: business days after the submission day, weekends and federal holidays skipped
    ['2026-11-20T15:00:00Z', 'urgent', '2026-11-23'], // Friday → Monday
    ['2026-11-21T15:00:00Z', 'high', '2026-11-24'], // Saturday → Monday is day 1
    ['2026-11-21T04:30:00Z', 'urgent', '2026-11-23'], // 23:30 Friday in New York
    ['2026-11-25T15:00:00Z', 'urgent', '2026-11-27'], // Thanksgiving (26th) skipped
    ['2026-11-25T15:00:00Z', 'high', '2026-11-30'],
    ['2026-11-23T15:00:00Z', 'medium', '2026-11-30'],
    ['2026-11-23T15:00:00Z', 'low', '2026-12-03'],
  ])('submitted at %s with priority %s are due on %s', async (now, priority, due) => {
    const portal = openPortal({ clock: now });
    const receipt = await send(portal, await portal.token('clinical.a'), messageBody({ priority }));
    expect(receipt).toMatchObject({
      messageId: expect.stringMatching(/^MSG-\d{6}$/),
      responseDueDate: due,
      status: 'submitted',
    });
  });

  it('are listed newest first, searched by text, category, status and dates, and shown in full', async () => {
    const portal = openPortal();
    const member = activeMember(portal);
    let token = await portal.token('clinical.a');
    const general = await send(portal, token, messageBody());
    await portal.advance({ minutes: 5 });
    const appeal = await send(
      portal,
      token,
      messageBody({
        topic: 'transaction',
        transaction: { type: 'claim', id: '9999REMIT003' },
        memberId: member.details.memberId,
        category: 'grievances_and_appeals',
        subcategory: 'claim_denial_appeal',
        priority: 'high',
        content: 'Claim 9999REMIT003 was denied for missing authorization.',
      }),
    );
    const list = await portal.call('GET', '/api/v1/messages', { token });
    expect(list.body.data.map((row: any) => row.messageId)).toEqual([appeal.messageId, general.messageId]);
    expect(list.body.data[0]).toMatchObject({
      memberId: member.details.memberId,
      memberName: `${member.details.lastName}, ${member.details.firstName}`,
      senderProviderName: 'Lopez, Maria',
      transaction: { type: 'claim', id: '9999REMIT003' },
    });
    const byText = await portal.call('GET', '/api/v1/messages?q=9999remit003', { token });
    expect(byText.body.data.map((row: any) => row.messageId)).toEqual([appeal.messageId]);
    const byCategory = await portal.call('GET', '/api/v1/messages?category=provider_data', { token });
    expect(byCategory.body.data.map((row: any) => row.messageId)).toEqual([general.messageId]);
    const byDate = await portal.call('GET', '/api/v1/messages?from=2026-11-24', { token });
    expect(byDate.body.data).toEqual([]);

    const full = await portal.call('GET', `/api/v1/messages/${appeal.messageId}`, { token });
    expect(full.body).toMatchObject({
      messageId: appeal.messageId,
      content: 'Claim 9999REMIT003 was denied for missing authorization.',
      contactName: 'Dana Whitfield',
      contactPhone: '(860) 555-0142',
      attachments: [],
      status: 'submitted',
      responseChannel: expect.stringContaining('not the Provider Portal'),
    });

    await portal.advance({ days: 1 });
    token = await portal.token('clinical.a');
    expect(
      (await portal.call('GET', '/api/v1/messages?status=in_review', { token })).body.page.totalItems,
    ).toBe(2);
    await portal.setClock('2026-11-25T15:00:00Z');
    token = await portal.token('clinical.a');
    const responded = await portal.call('GET', '/api/v1/messages?status=responded', { token });
    expect(responded.body.data.map((row: any) => row.messageId)).toEqual([appeal.messageId]);
  });

  it('refuse a subcategory of another category, empty content and a bad phone, all at once', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const answer = await portal.call('POST', '/api/v1/messages', {
      token,
      json: messageBody({
        category: 'claims',
        subcategory: 'care_plan_question',
        content: '  ',
        contactPhone: '555',
      }),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.violations.map((v: any) => v.code).sort()).toEqual([
      'INVALID_MESSAGE_CATEGORY',
      'MESSAGE_CONTENT_REQUIRED',
      'MESSAGE_CONTENT_REQUIRED',
    ]);
    const npi = await portal.call('POST', '/api/v1/messages', {
      token,
      json: messageBody({ senderNpi: '1234567890' }),
    });
    expect(npi.status).toBe(422);
    expect(npi.body.code).toBe('INVALID_NPI');
  });

  it('are sent only for a provider of my Tax IDs, and seen only by users of the sender’s Tax ID', async () => {
    const portal = openPortal();
    const tokenA = await portal.token('clinical.a');
    const forbidden = await portal.call('POST', '/api/v1/messages', {
      token: tokenA,
      json: messageBody({ senderNpi: RIVERA_B.npi }),
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('TAX_ID_NOT_AUTHORIZED');
    const sent = await send(portal, tokenA, messageBody());
    const colleague = await portal.token('billing.a');
    expect(
      (await portal.call('GET', `/api/v1/messages/${sent.messageId}`, { token: colleague })).status,
    ).toBe(200);
    const tokenB = await portal.token('admin.b');
    const hidden = await portal.call('GET', `/api/v1/messages/${sent.messageId}`, { token: tokenB });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect((await portal.call('GET', '/api/v1/messages', { token: tokenB })).body.data).toEqual([]);
    const upload = await portal.call('POST', `/api/v1/messages/${sent.messageId}/attachments`, {
      token: tokenB,
      form: filesForm(pdf()),
    });
    expect(upload.status).toBe(404);
  });

  it('take attachments in batches of five', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const sent = await send(portal, token, messageBody());
    const path = `/api/v1/messages/${sent.messageId}/attachments`;
    const ok = await portal.call('POST', path, {
      token,
      form: filesForm(pdf('notes.pdf'), pdf('letter.pdf')),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.attachments.map((a: any) => a.attachmentId)).toEqual(['ATT-000001', 'ATT-000002']);
    const six = await portal.call('POST', path, {
      token,
      form: filesForm(pdf('1.pdf'), pdf('2.pdf'), pdf('3.pdf'), pdf('4.pdf'), pdf('5.pdf'), pdf('6.pdf')),
    });
    expect(six.body.code).toBe('TOO_MANY_ATTACHMENTS');
    const full = await portal.call('GET', `/api/v1/messages/${sent.messageId}`, { token });
    expect(full.body.attachments.map((a: any) => a.fileName)).toEqual(['notes.pdf', 'letter.pdf']);
  });

  it('are created once for an Idempotency-Key sent twice', async () => {
    const portal = openPortal();
    const token = await portal.token('clinical.a');
    const headers = { 'idempotency-key': 'msg-1' };
    const first = await portal.call('POST', '/api/v1/messages', { token, json: messageBody(), headers });
    const second = await portal.call('POST', '/api/v1/messages', { token, json: messageBody(), headers });
    expect(second.body).toEqual(first.body);
    expect((await portal.call('GET', '/api/v1/messages', { token })).body.page.totalItems).toBe(1);
  });
});
