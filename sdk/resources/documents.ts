import type { ResourceContext } from '../core/call.ts';
import { call, download, list, withPage } from '../core/call.ts';
import type { OperationId } from '../core/operations.ts';
import type { RequestOptions } from '../core/options.ts';
import type { PathParams, QueryParams } from '../core/types.ts';
import type { DocumentTarget, PollingApi, WaitForDocumentOptions } from '../polling.ts';
import { waitForDocument, waitForDocumentFile } from '../polling.ts';

type DocumentId = PathParams<'getDocument'>['documentId'];

/**
 * The operation behind each method of `portal.documents` (`waitFor` and `waitForFile` poll `get`).
 *
 * @example
 * DOCUMENTS_OPERATIONS.download; // 'downloadDocument'
 */
export const DOCUMENTS_OPERATIONS = {
  list: 'listDocuments',
  get: 'getDocument',
  download: 'downloadDocument',
} as const satisfies Record<string, OperationId>;

/**
 * `portal.documents`: my exports, reports and other documents with their state, their download, and
 * waiting for one being prepared (polling that honours `Retry-After`).
 *
 * @example
 * const receipt = await portal.claims.export({ from: '2026-09-01', to: '2026-11-23' });
 * const { document, file } = await portal.documents.waitForFile(receipt, { timeoutMs: 10 * 60_000 });
 * console.log(document.title, file.fileName, file.mediaType);
 */
export function createDocumentsResource(ctx: ResourceContext) {
  const api: PollingApi = {
    get: (documentId, options = {}) =>
      call(ctx, 'getDocument', options, ({ init }) =>
        ctx.raw.GET('/documents/{documentId}', { params: { path: { documentId } }, ...init }),
      ),
    download: (documentId, options = {}) =>
      download(ctx, 'downloadDocument', options, ({ init }) =>
        ctx.raw.GET('/documents/{documentId}/content', {
          params: { path: { documentId } },
          parseAs: 'arrayBuffer',
          ...init,
        }),
      ),
  };
  return {
    /** My documents, newest first, with their state (`listDocuments`), paged. */
    list: (query: QueryParams<'listDocuments'> = {}, options: RequestOptions = {}) =>
      list(ctx, 'listDocuments', options, ({ init }, page) =>
        ctx.raw.GET('/documents', { params: { query: withPage(query, page) }, ...init }),
      ),
    /** A document's state (`getDocument`: 202 while `preparing`, 200 once `ready` or `failed`). */
    get: (documentId: DocumentId, options: RequestOptions = {}) => api.get(documentId, options),
    /** A ready document's file, with its media type and file name (`downloadDocument`). */
    download: (documentId: DocumentId, options: RequestOptions = {}) => api.download(documentId, options),
    /** Polls a document being prepared until it is ready (honouring `Retry-After`); answers the document. */
    waitFor: (target: DocumentTarget, options?: WaitForDocumentOptions) =>
      waitForDocument(api, target, options),
    /** Like `waitFor`, then downloads it: answers `{ document, file }`. */
    waitForFile: (target: DocumentTarget, options?: WaitForDocumentOptions) =>
      waitForDocumentFile(api, target, options),
  };
}

/**
 * The type of `portal.documents`.
 *
 * @example
 * const documents: DocumentsResource = portal.documents;
 */
export type DocumentsResource = ReturnType<typeof createDocumentsResource>;
