/** Contract cases of the messages domain: categories, messages with due dates, search, details, attachments. */
import {
  createMessage,
  executable,
  expectJson,
  MEMBERS,
  messageBody,
  onePdf,
  onToday,
  RIVERA_B,
  sixPdfs,
} from './transaction-fixtures.ts';
import type { ContractCase } from './types.ts';

export const cases: ContractCase[] = [
  // listMessageCategories
  {
    operationId: 'listMessageCategories',
    name: 'every category with its subcategories',
    as: 'billing.a',
    status: 200,
    run: (api) => api.call('GET', '/message-categories'),
  },
  {
    operationId: 'listMessageCategories',
    name: '401 without a session',
    status: 401,
    run: (api) => api.call('GET', '/message-categories', { token: null }),
  },

  // createMessage
  {
    operationId: 'createMessage',
    name: '201 a general message, due in 7 business days',
    as: 'clinical.a',
    status: 201,
    run: async (api) =>
      api.call('POST', '/messages', { token: await onToday(api, 'clinical.a'), json: messageBody() }),
  },
  {
    operationId: 'createMessage',
    name: '201 an appeal of a claim denial about a transaction',
    as: 'multi.tin',
    status: 201,
    run: async (api) =>
      api.call('POST', '/messages', {
        token: await onToday(api, 'multi.tin'),
        json: messageBody({
          topic: 'transaction',
          transaction: { type: 'claim', id: '9999REMIT003' },
          memberId: MEMBERS.claimsWithRemittance,
          senderNpi: RIVERA_B.npi,
          category: 'grievances_and_appeals',
          subcategory: 'claim_denial_appeal',
          priority: 'high',
          content: 'Claim 9999REMIT003 was denied for missing authorization; the approval letter follows.',
        }),
      }),
  },
  {
    operationId: 'createMessage',
    name: '422 INVALID_MESSAGE_CATEGORY for a subcategory of another category',
    as: 'clinical.a',
    status: 422,
    run: (api) =>
      api.call('POST', '/messages', {
        json: messageBody({ category: 'claims', subcategory: 'care_plan_question' }),
      }),
  },
  {
    operationId: 'createMessage',
    name: '422 MESSAGE_CONTENT_REQUIRED for blank content and an invalid phone',
    as: 'clinical.a',
    status: 422,
    run: (api) =>
      api.call('POST', '/messages', { json: messageBody({ content: '   ', contactPhone: '555-01' }) }),
  },
  {
    operationId: 'createMessage',
    name: '422 INVALID_NPI for a sender NPI with a wrong check digit',
    as: 'clinical.a',
    status: 422,
    run: (api) => api.call('POST', '/messages', { json: messageBody({ senderNpi: '1234567890' }) }),
  },
  {
    operationId: 'createMessage',
    name: '400 without a priority',
    as: 'clinical.a',
    status: 400,
    run: (api) => {
      const { priority: _priority, ...body } = messageBody();
      return api.call('POST', '/messages', { json: body });
    },
  },
  {
    operationId: 'createMessage',
    name: '403 TAX_ID_NOT_AUTHORIZED for a sender of another Tax ID',
    as: 'clinical.a',
    status: 403,
    run: (api) => api.call('POST', '/messages', { json: messageBody({ senderNpi: RIVERA_B.npi }) }),
  },
  {
    operationId: 'createMessage',
    name: '409 IDEMPOTENCY_KEY_REUSED with another body',
    as: 'clinical.a',
    status: 409,
    run: async (api) => {
      const headers = { 'Idempotency-Key': 'contract-msg-reused' };
      await expectJson(await api.call('POST', '/messages', { json: messageBody(), headers }), 201);
      return api.call('POST', '/messages', { json: messageBody({ priority: 'urgent' }), headers });
    },
  },

  // listMessages
  {
    operationId: 'listMessages',
    name: 'my messages, newest first, searched',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      await createMessage(api, token);
      return api.call(
        'GET',
        '/messages?q=Saturdays&category=provider_data&status=submitted&from=2026-11-01&to=2026-11-23',
        {
          token,
        },
      );
    },
  },
  {
    operationId: 'listMessages',
    name: '400 for an unknown category',
    as: 'clinical.a',
    status: 400,
    run: (api) => api.call('GET', '/messages?category=billing'),
  },

  // getMessage
  {
    operationId: 'getMessage',
    name: 'one message in full',
    as: 'clinical.a',
    status: 200,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createMessage(api, token);
      return api.call('GET', `/messages/${receipt.messageId}`, { token });
    },
  },
  {
    operationId: 'getMessage',
    name: '404 NOT_FOUND for a message of another Tax ID',
    as: 'admin.b',
    status: 404,
    run: async (api) => {
      const receipt = await createMessage(api, await onToday(api, 'clinical.a'));
      return api.call('GET', `/messages/${receipt.messageId}`, { token: await api.tokenFor('admin.b') });
    },
  },

  // uploadMessageAttachments
  {
    operationId: 'uploadMessageAttachments',
    name: 'attaches a PDF',
    as: 'clinical.a',
    status: 201,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createMessage(api, token);
      return api.call('POST', `/messages/${receipt.messageId}/attachments`, { token, form: onePdf() });
    },
  },
  {
    operationId: 'uploadMessageAttachments',
    name: '422 TOO_MANY_ATTACHMENTS for six files',
    as: 'clinical.a',
    status: 422,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createMessage(api, token);
      return api.call('POST', `/messages/${receipt.messageId}/attachments`, { token, form: sixPdfs() });
    },
  },
  {
    operationId: 'uploadMessageAttachments',
    name: '422 ATTACHMENT_TYPE_NOT_ALLOWED for an .exe',
    as: 'clinical.a',
    status: 422,
    run: async (api) => {
      const token = await onToday(api, 'clinical.a');
      const receipt = await createMessage(api, token);
      return api.call('POST', `/messages/${receipt.messageId}/attachments`, { token, form: executable() });
    },
  },
  {
    operationId: 'uploadMessageAttachments',
    name: '404 for an unknown message',
    as: 'clinical.a',
    status: 404,
    run: (api) => api.call('POST', '/messages/MSG-999999/attachments', { form: onePdf() }),
  },
];
