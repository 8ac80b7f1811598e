/**
 * Mock portal operations of the documents domain (tag in openapi/src/documents.yaml): the Documents
 * tab of the signed-in user. Exports and reports (exportClaims, createPcpMemberPanelReport) are
 * prepared on the sandbox's mock clock (core/documents/store.ts): while preparing, `getDocument`
 * answers 202 with `Retry-After` and `Location`, `downloadDocument` 409 DOCUMENT_NOT_READY; once ready,
 * 200 and the file. A document belongs to the user who made it: "The document will be available only
 * for you" (seed 003, EXPORT_OWNER_ONLY via sdk/rules checkDocumentAccess).
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { checkDocumentAccess } from '../../../sdk/rules/index.ts';
import { signedInUser } from '../access.ts';
import type { DocumentRecord } from '../documents/store.ts';
import {
  DOCUMENT_INDEX,
  documentBody,
  documentBytes,
  documentLocation,
  documentRecords,
  isPreparing,
  retryAfterSeconds,
} from '../documents/store.ts';
import { pageOfTotal, pageParameters } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { pageFromIndex } from '../record-index.ts';
import type { DomainHandlers, HandlerContext } from '../types.ts';

type Schemas = components['schemas'];

function listDocuments(ctx: HandlerContext) {
  const user = signedInUser(ctx);
  const kind = ctx.query.get('kind');
  const status = ctx.query.get('status');
  const page = pageParameters(ctx.query);
  // The owner's index, newest first (core/record-index.ts): only the page's documents are described.
  const { items, total } = pageFromIndex(ctx.sandbox, DOCUMENT_INDEX, [user.userId], page, {
    ...(kind === null && status === null
      ? {}
      : {
          keep: (record: DocumentRecord) => {
            const document = documentBody(ctx, record);
            return (
              (kind === null || document.kind === kind) && (status === null || document.status === status)
            );
          },
        }),
  });
  const body: Schemas['DocumentPage'] = pageOfTotal(
    items.map((record) => documentBody(ctx, record)),
    total,
    page,
  );
  return { status: 200, body };
}

/** The user's own document: 404 when unknown or another Tax ID's, 403 EXPORT_OWNER_ONLY when a colleague's. */
function ownDocument(ctx: HandlerContext): DocumentRecord {
  const user = signedInUser(ctx);
  const documentId = ctx.params.documentId ?? '';
  const record = documentRecords(ctx).get(documentId);
  const owner = record === undefined ? undefined : ctx.sandbox.users.get(record.ownerUserId);
  const sharesTaxId = owner?.grants.some((grant) => ctx.permittedTaxIds.includes(grant.taxId)) === true;
  // A colleague's document is theirs only (EXPORT_OWNER_ONLY); another Tax ID's answers exactly as an
  // unknown one, so that nothing tells it exists.
  if (record === undefined || (record.ownerUserId !== user.userId && !sharesTaxId)) {
    throw new ProblemError('NOT_FOUND', `No document ${documentId} exists.`);
  }
  const [violation] = checkDocumentAccess(record.ownerUserId, user.userId);
  if (violation !== undefined) throw new ProblemError(violation.code, violation.message);
  return record;
}

function getDocument(ctx: HandlerContext) {
  const record = ownDocument(ctx);
  const body = documentBody(ctx, record);
  if (isPreparing(ctx, record)) {
    return {
      status: 202,
      body,
      headers: { 'retry-after': String(retryAfterSeconds(ctx, record)), location: documentLocation(record) },
    };
  }
  return { status: 200, body };
}

function downloadDocument(ctx: HandlerContext) {
  const record = ownDocument(ctx);
  if (isPreparing(ctx, record)) {
    const wait = retryAfterSeconds(ctx, record);
    throw new ProblemError(
      'DOCUMENT_NOT_READY',
      `Document ${record.documentId} is still being prepared: ask again in ${wait} seconds.`,
      { members: { retryAfterSeconds: wait }, headers: { 'retry-after': String(wait) } },
    );
  }
  if (record.outcome === 'failed') {
    throw new ProblemError(
      'DOCUMENT_NOT_READY',
      `Document ${record.documentId} could not be prepared: request the export or report again.`,
    );
  }
  return {
    status: 200,
    body: documentBytes(ctx, record),
    contentType: record.mediaType,
    headers: { 'content-disposition': `attachment; filename="${record.fileName}"` },
  };
}

export const documentsHandlers: DomainHandlers = {
  listDocuments: { handle: listDocuments },
  getDocument: { handle: getDocument },
  downloadDocument: { handle: downloadDocument },
};
