import type { ResourceContext } from '../core/call.ts';
import { call, list, withPage } from '../core/call.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, QueryParams, RequestBody } from '../core/types.ts';
import { validateMessageCreate } from '../rules/index.ts';
import type { AttachmentUploadInput } from '../uploads.ts';
import { uploadAttachments } from './attachments.ts';

type MessageId = PathParams<'getMessage'>['messageId'];

/**
 * The operation behind each method of `portal.messages`.
 *
 * @example
 * MESSAGES_OPERATIONS.categories; // 'listMessageCategories'
 */
export const MESSAGES_OPERATIONS = {
  categories: 'listMessageCategories',
  create: 'createMessage',
  list: 'listMessages',
  get: 'getMessage',
  uploadAttachments: 'uploadMessageAttachments',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.messages`: the message center (validated first: category and subcategory, content, contact
 * name and phone, sender NPI); answers the message ID and the response due date.
 *
 * @example
 * const receipt = await portal.messages.create({ topic: 'general', senderNpi: '1407819535', category: 'claims',
 *   subcategory: 'claim_status', priority: 'medium', content: 'Status of claim 2026C00123456?',
 *   contactName: 'Olivia Miller', contactPhone: '(860) 545-7000' });
 * console.log(receipt.responseDueDate);
 */
export function createMessagesResource(ctx: ResourceContext) {
  return {
    /** The categories and their subcategories (`listMessageCategories`). */
    categories: (options: RequestOptions = {}) =>
      call(ctx, 'listMessageCategories', options, ({ init }) => ctx.raw.GET('/message-categories', init)),
    /** Sends a message (`createMessage`); answers its ID and the response due date. */
    create: (body: RequestBody<'createMessage'>, options: RequestOptions = {}) =>
      call(ctx, 'createMessage', options, (s) =>
        ctx.raw.POST('/messages', {
          body: s.validate(body, validateMessageCreate(body, s.rules())),
          ...s.init,
        }),
      ),
    /** My messages, newest first, with search (`listMessages`), paged. */
    list: (query: QueryParams<'listMessages'> = {}, options: RequestOptions = {}) =>
      list(ctx, 'listMessages', options, ({ init }, page) =>
        ctx.raw.GET('/messages', { params: { query: withPage(query, page) }, ...init }),
      ),
    /** A message's details (`getMessage`). */
    get: (messageId: MessageId, options: RequestOptions = {}) =>
      call(ctx, 'getMessage', options, ({ init }) =>
        ctx.raw.GET('/messages/{messageId}', { params: { path: { messageId } }, ...init }),
      ),
    /** Attaches up to five documents to a message (`uploadMessageAttachments`), checked first. */
    uploadAttachments: (messageId: MessageId, input: AttachmentUploadInput, options: RequestOptions = {}) =>
      uploadAttachments(ctx, 'uploadMessageAttachments', input, options, (form, init) =>
        ctx.raw.POST('/messages/{messageId}/attachments', {
          params: { path: { messageId } },
          body: { files: [] },
          bodySerializer: () => form,
          ...init,
        }),
      ),
  };
}

/**
 * The type of `portal.messages`.
 *
 * @example
 * const messages: MessagesResource = portal.messages;
 */
export type MessagesResource = ReturnType<typeof createMessagesResource>;
