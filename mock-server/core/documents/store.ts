/**
 * The Documents tab of the mock portal: exports and reports are recorded in the sandbox for the user
 * who asked for them (EXPORT_OWNER_ONLY: "The document will be available only for you", seed 003)
 * and become ready a while later on the sandbox's MOCK clock ("documents can take up to 30 minutes
 * … before appearing in the Documents tab", Provider Portal FAQ). The mock portal prepares a document
 * in {@link DOCUMENT_PREPARATION_MS} (2 minutes of mock time): advance the clock
 * (`POST /__admin/clock/advance {"minutes": 2}`) to see it ready. Real time and `Prefer: latency`
 * never make it ready. `Prefer: outcome=ready` makes it ready at once, `outcome=failed` makes it fail.
 */
import type { components } from '../../../sdk/generated/portal.ts';
import { isoTimestamp } from '../clock.ts';
import { type IndexSpec, indexRecord } from '../record-index.ts';
import { collection, nextId } from '../sandbox.ts';
import type { HandlerContext, HandlerResult, PortalUser } from '../types.ts';
import type { DocumentSource } from './sources.ts';
import { renderDocumentSource } from './sources.ts';

type Schemas = components['schemas'];
type DocumentBody = Schemas['Document'];

/** The sandbox collection of documents. */
export const DOCUMENTS = 'documents';
/** How long the mock portal takes to prepare an export or a report, in mock-clock milliseconds. */
export const DOCUMENT_PREPARATION_MS = 2 * 60 * 1000;
/** How long a ready document stays downloadable (reported as `expiresAt`). */
export const DOCUMENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** A document as the sandbox keeps it. */
export interface DocumentRecord {
  documentId: string;
  kind: Schemas['DocumentKind'];
  title: string;
  mediaType: DocumentBody['mediaType'];
  fileName: string;
  ownerUserId: string;
  createdAtMs: number;
  readyAtMs: number;
  outcome: 'ready' | 'failed';
  source: DocumentSource;
  /** Known once the document was first rendered. */
  sizeBytes?: number;
}

/** What a new document is. */
export interface NewDocument {
  kind: Schemas['DocumentKind'];
  title: string;
  mediaType: DocumentBody['mediaType'];
  fileName: string;
  source: DocumentSource;
}

/** Each user's documents, newest first: the Documents tab is the owner's alone. */
export const DOCUMENT_INDEX: IndexSpec<DocumentRecord> = {
  name: 'documents',
  groupsOf: (record) => [record.ownerUserId],
  timeOf: (record) => record.createdAtMs,
  idOf: (record) => record.documentId,
};

/** The documents of a sandbox. */
export function documentRecords(ctx: Pick<HandlerContext, 'sandbox'>): Map<string, DocumentRecord> {
  return collection<DocumentRecord>(ctx.sandbox, DOCUMENTS);
}

/**
 * Records a new document of a user, preparing (`Prefer: outcome=ready` or `outcome=failed` settle it
 * at once or make it fail).
 *
 * @example
 * const record = createDocument(ctx, user, { kind: 'claims_export', title, mediaType: 'text/csv', fileName, source });
 */
export function createDocument(ctx: HandlerContext, user: PortalUser, document: NewDocument): DocumentRecord {
  const now = ctx.sandbox.clock.now().getTime();
  const outcome = ctx.prefer.outcome === 'failed' ? 'failed' : 'ready';
  const record: DocumentRecord = {
    documentId: nextId(ctx.sandbox, 'DOC-', 6),
    ...document,
    ownerUserId: user.userId,
    createdAtMs: now,
    readyAtMs: ctx.prefer.outcome === 'ready' ? now : now + DOCUMENT_PREPARATION_MS,
    outcome,
  };
  documentRecords(ctx).set(record.documentId, record);
  indexRecord(ctx.sandbox, DOCUMENT_INDEX, record);
  return record;
}

/** Whether a document is still being prepared on the sandbox's clock. */
export function isPreparing(ctx: Pick<HandlerContext, 'sandbox'>, record: DocumentRecord): boolean {
  return ctx.sandbox.clock.now().getTime() < record.readyAtMs;
}

/** Seconds until a preparing document is ready (at least 1), on the mock clock. */
export function retryAfterSeconds(ctx: Pick<HandlerContext, 'sandbox'>, record: DocumentRecord): number {
  return Math.max(1, Math.ceil((record.readyAtMs - ctx.sandbox.clock.now().getTime()) / 1000));
}

/**
 * The bytes of a ready document (rendered from its source; the size is remembered).
 *
 * @example
 * const bytes = documentBytes(ctx, record);
 */
export function documentBytes(ctx: Pick<HandlerContext, 'data'>, record: DocumentRecord): Uint8Array {
  const bytes = renderDocumentSource(ctx.data, record.source);
  record.sizeBytes = bytes.length;
  return bytes;
}

/**
 * The contract's `Document` of a record, in its state on the sandbox's clock.
 *
 * @example
 * documentBody(ctx, record).status; // 'preparing'
 */
export function documentBody(
  ctx: Pick<HandlerContext, 'sandbox' | 'data'>,
  record: DocumentRecord,
): DocumentBody {
  const preparing = isPreparing(ctx, record);
  const body: DocumentBody = {
    documentId: record.documentId,
    kind: record.kind,
    title: record.title,
    status: preparing ? 'preparing' : record.outcome,
    mediaType: record.mediaType,
    fileName: record.fileName,
    createdAt: isoTimestamp(record.createdAtMs),
  };
  if (!preparing && record.outcome === 'ready') {
    body.sizeBytes = record.sizeBytes ?? documentBytes(ctx, record).length;
    body.readyAt = isoTimestamp(record.readyAtMs);
    body.expiresAt = isoTimestamp(record.readyAtMs + DOCUMENT_RETENTION_MS);
  }
  return body;
}

/** Where to ask for a document's state. */
export function documentLocation(record: DocumentRecord): string {
  return `/api/v1/documents/${record.documentId}`;
}

/**
 * The 202 answer of an export or report request: the document, `Location` to follow and
 * `Retry-After` seconds (a document made ready at once by `Prefer: outcome=ready` says 0).
 *
 * @example
 * return documentAccepted(ctx, createDocument(ctx, user, newDocument));
 */
export function documentAccepted(ctx: HandlerContext, record: DocumentRecord): HandlerResult {
  const wait = isPreparing(ctx, record) ? retryAfterSeconds(ctx, record) : 0;
  return {
    status: 202,
    body: documentBody(ctx, record),
    headers: { location: documentLocation(record), 'retry-after': String(wait) },
  };
}
