/**
 * Request body limits, enforced before a body is buffered: a body over its operation's limit answers
 * 413 PAYLOAD_TOO_LARGE (with `limitBytes`), decided from `Content-Length` as soon as the request
 * arrives (before authentication), and while the body streams in when the length is not declared
 * or lies. JSON bodies are small; uploads are sized by the portal's own limits: at most
 * `MAX_ATTACHMENTS_PER_BATCH` (5) files of `MAX_ATTACHMENT_BYTES` (25 MiB) each, plus the multipart
 * framing ("Maximum file size: 25 MB", "up to five attachments", seed 003).
 */
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_BATCH } from '../../sdk/rules/index.ts';
import { ProblemError } from './problem.ts';
import type { SpecOperation } from './spec.ts';
import type { PortalRequest } from './types.ts';

/** The largest JSON body an operation accepts: 256 KiB (the largest request of the contract is ~10 KiB). */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;
/** Room for the multipart boundaries and part headers of an upload. */
const MULTIPART_FRAMING_BYTES = 1024 * 1024;
/** The largest multipart upload: five files of 25 MiB, plus 1 MiB of framing (126 MiB). */
export const UPLOAD_BODY_LIMIT_BYTES =
  MAX_ATTACHMENTS_PER_BATCH * MAX_ATTACHMENT_BYTES + MULTIPART_FRAMING_BYTES;
/** The largest body of an admin API request: 64 KiB. */
export const ADMIN_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The body limit of an operation: uploads for the operations that take `multipart/form-data`, the
 * JSON limit otherwise.
 *
 * @example
 * bodyLimitOf(operation); // 262144, or 132120576 for an upload
 */
export function bodyLimitOf(operation: SpecOperation | undefined): number {
  const content = operation?.requestBody?.content ?? {};
  return content['multipart/form-data'] !== undefined ? UPLOAD_BODY_LIMIT_BYTES : JSON_BODY_LIMIT_BYTES;
}

/**
 * The 413 problem of a body over `limit` bytes.
 *
 * @example
 * throw payloadTooLarge(262144);
 */
export function payloadTooLarge(limit: number): ProblemError {
  return new ProblemError(
    'PAYLOAD_TOO_LARGE',
    `The request body is over the limit of this operation (${limit} bytes): send a smaller body.`,
    { members: { limitBytes: limit }, headers: { connection: 'close' } },
  );
}

/**
 * Refuses at once (413) a request whose `Content-Length` is over `limit`; nothing is read.
 *
 * @example
 * assertDeclaredLength(request, JSON_BODY_LIMIT_BYTES);
 */
export function assertDeclaredLength(request: PortalRequest, limit: number): void {
  const declared = request.headers.get('content-length');
  if (declared === null) return;
  const length = Number(declared);
  if (Number.isFinite(length) && length > limit) throw payloadTooLarge(limit);
}

/**
 * Reads a request body, at most `limit` bytes: 413 as soon as more arrive (the rest is never read).
 *
 * @example
 * const bytes = await readBody(request, JSON_BODY_LIMIT_BYTES);
 */
export async function readBody(request: PortalRequest, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  assertDeclaredLength(request, limit);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A body read within `limit`, as text (UTF-8).
 *
 * @example
 * const text = await readText(request, ADMIN_BODY_LIMIT_BYTES);
 */
export async function readText(request: PortalRequest, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBody(request, limit));
}
