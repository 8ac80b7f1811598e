/**
 * Long-running work (claim exports, PCP member panel reports) is answered `202` with a document in
 * `preparing`, `Retry-After` and `Location`. {@link waitForDocument} polls `getDocument`, honouring
 * `Retry-After`, until the document is ready, then optionally downloads it.
 */
import type { APIPromise } from './core/api-promise.ts';
import type { RequestOptions } from './core/options.ts';
import { retryAfterMs } from './core/retry.ts';
import { sleep } from './core/signals.ts';
import type { DownloadedFile } from './downloads.ts';
import { DocumentFailedError, PollingTimeoutError } from './errors.ts';
import type { components } from './generated/portal.ts';

/**
 * A document prepared for the user (an export, a report, an EOP, …).
 *
 * @example
 * const document: PortalDocument = await portal.documents.get('DOC-000123');
 */
export type PortalDocument = components['schemas']['Document'];

/**
 * A document id, or anything that carries one (the 202 answer of an export or a report).
 *
 * @example
 * await portal.documents.waitFor('DOC-000123'); await portal.documents.waitFor(receipt);
 */
export type DocumentTarget = string | { documentId: string };

/**
 * Options of {@link waitForDocument}.
 *
 * @example
 * const options: WaitForDocumentOptions = { intervalMs: 5_000, timeoutMs: 10 * 60_000, signal: controller.signal };
 */
export interface WaitForDocumentOptions {
  /** The wait between polls when the portal gives no `Retry-After` (default 2 000 ms). */
  intervalMs?: number;
  /**
   * The longest wait between two polls, whatever `Retry-After` says (default no limit): e.g. to poll a
   * mock portal whose clock the test moves faster than real time.
   */
  maxIntervalMs?: number;
  /** How long to wait in all (default 30 minutes: documents can take that long). */
  timeoutMs?: number;
  /** Stops waiting (APIUserAbortError). */
  signal?: AbortSignal;
  /** Called with the document after each poll. */
  onPoll?: (document: PortalDocument) => void;
}

/**
 * The two document operations polling needs.
 *
 * @example
 * await waitForDocument(portal.documents, 'DOC-000123');
 */
export interface PollingApi {
  get(documentId: string, options?: RequestOptions): APIPromise<PortalDocument>;
  download(documentId: string, options?: RequestOptions): APIPromise<DownloadedFile>;
}

/**
 * Default wait between polls without `Retry-After`.
 *
 * @example
 * DEFAULT_POLL_INTERVAL_MS; // 2000
 */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;
/**
 * Default overall polling timeout.
 *
 * @example
 * DEFAULT_POLL_TIMEOUT_MS; // 1800000
 */
export const DEFAULT_POLL_TIMEOUT_MS = 30 * 60_000;

function documentIdOf(target: DocumentTarget): string {
  return typeof target === 'string' ? target : target.documentId;
}

/**
 * Polls a document until it is `ready` (answers it), `failed` (DocumentFailedError) or the timeout
 * passes (PollingTimeoutError); waits what `Retry-After` says between polls, else `intervalMs`.
 *
 * @example
 * const receipt = await portal.claims.export({ from: '2026-09-01', to: '2026-11-23' });
 * const document = await waitForDocument(portal.documents, receipt, { timeoutMs: 60_000 });
 */
export async function waitForDocument(
  api: PollingApi,
  target: DocumentTarget,
  options: WaitForDocumentOptions = {},
): Promise<PortalDocument> {
  const documentId = documentIdOf(target);
  const intervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
  const requestOptions: RequestOptions = options.signal === undefined ? {} : { signal: options.signal };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data: document, response } = await api.get(documentId, requestOptions).withResponse();
    options.onPoll?.(document);
    if (document.status === 'ready') return document;
    if (document.status === 'failed') throw new DocumentFailedError(documentId);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new PollingTimeoutError(documentId, timeoutMs);
    const wait = retryAfterMs(response.headers.get('retry-after')) ?? intervalMs;
    await sleep(Math.min(wait, options.maxIntervalMs ?? Number.POSITIVE_INFINITY, remaining), options.signal);
  }
}

/**
 * Polls a document until it is ready (see {@link waitForDocument}), then downloads it.
 *
 * @example
 * const report = await portal.reports.pcpMemberPanel({ pcpNpi: '1407819535', taxId: '060646668' });
 * const { document, file } = await waitForDocumentFile(portal.documents, report);
 */
export async function waitForDocumentFile(
  api: PollingApi,
  target: DocumentTarget,
  options: WaitForDocumentOptions = {},
): Promise<{ document: PortalDocument; file: DownloadedFile }> {
  const document = await waitForDocument(api, target, options);
  const file = await api.download(
    document.documentId,
    options.signal === undefined ? {} : { signal: options.signal },
  );
  return { document, file };
}
