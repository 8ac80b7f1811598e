/**
 * Uploads of supporting documents (preauthorizations, admission notifications, messages): the
 * multipart `files` of one batch are checked with the rules module's `checkAttachmentBatch` (at most
 * five files, each 1 byte to 25 MB, an allowed type by extension, declared content type and first
 * bytes) and kept as metadata only: the mock portal never needs the bytes again. "Once the user
 * selects 'Upload,' the attachment cannot be removed" (seed 003): every attachment is `locked`.
 */
import type { AttachmentCandidate } from '../../../sdk/rules/index.ts';
import {
  ATTACHMENT_MEDIA_TYPES,
  attachmentExtension,
  checkAttachmentBatch,
} from '../../../sdk/rules/index.ts';
import { isoTimestamp } from '../clock.ts';
import { ProblemError } from '../problem.ts';
import { nextId } from '../sandbox.ts';
import type { SandboxState } from '../types.ts';
import type { Attachment } from './schemas.ts';

/** Bytes read from the start of each file: enough for every signature `sniffFileType` knows. */
const SNIFF_BYTES = 64;

/** The longest stored file name, in characters (the extension is kept when a name is cut). */
export const MAX_FILE_NAME_LENGTH = 120;

/**
 * The name a file is stored under: its base name only (no folders, whichever slash they use), without
 * control characters or the characters HTML and file systems give a meaning (`<>:"/\|?*`), at most
 * {@link MAX_FILE_NAME_LENGTH} characters with the extension kept, never empty. The answer's
 * `fileName` is this stored name, so a client sees what was kept.
 *
 * @example
 * safeFileName('../../etc/passwd.pdf'); // 'passwd.pdf'
 * safeFileName('<img onerror=alert(1)>.png'); // 'img onerror=alert(1).png'
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const visible = [...base]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return !(code < 0x20 || (code >= 0x7f && code <= 0x9f) || '<>:"|?*'.includes(char));
    })
    .join('');
  const cleaned = visible.replace(/^[.\s]+/, '').trim();
  if (cleaned === '') return 'file';
  const chars = [...cleaned];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  const stem = [...cleaned.slice(0, extension === '' ? cleaned.length : dot)];
  return `${stem.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('')}${extension}`;
}

function isFile(value: unknown): value is Blob & { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as Blob).arrayBuffer === 'function';
}

/**
 * The files of a multipart upload as the rules module's candidates (name, size, declared type and
 * the first bytes). 400 VALIDATION_FAILED when the body is not a multipart form or a `files` part is
 * not a file.
 *
 * @example
 * const candidates = await uploadedFiles(ctx.body);
 */
export async function uploadedFiles(body: unknown): Promise<AttachmentCandidate[]> {
  if (!(body instanceof FormData)) {
    throw new ProblemError(
      'VALIDATION_FAILED',
      'Send the files as multipart/form-data, one `files` part per file.',
      {
        violations: [
          { code: 'VALIDATION_FAILED', path: '$', message: 'Expected a multipart/form-data body.' },
        ],
      },
    );
  }
  const parts = body.getAll('files');
  const candidates: AttachmentCandidate[] = [];
  for (const [index, part] of parts.entries()) {
    if (!isFile(part)) {
      const message = `files[${index}] is text, not a file: send each document as a file part.`;
      throw new ProblemError('VALIDATION_FAILED', message, {
        violations: [{ code: 'VALIDATION_FAILED', path: `$.files[${index}]`, message }],
      });
    }
    const head = new Uint8Array(await part.slice(0, SNIFF_BYTES).arrayBuffer());
    // The rules check (type by extension) and the record both see the stored, safe name.
    candidates.push({ name: safeFileName(part.name), size: part.size, type: part.type, bytes: head });
  }
  return candidates;
}

function mediaTypeOf(candidate: AttachmentCandidate): string {
  const extension = attachmentExtension(candidate.name);
  const canonical =
    extension !== undefined && Object.hasOwn(ATTACHMENT_MEDIA_TYPES, extension)
      ? ATTACHMENT_MEDIA_TYPES[extension as keyof typeof ATTACHMENT_MEDIA_TYPES]
      : undefined;
  return canonical ?? (candidate.type || 'application/octet-stream');
}

/**
 * Reads and checks one upload batch and answers the attachments to keep (ids `ATT-000001`, … from
 * the sandbox counter, locked). 422 with every violation (`TOO_MANY_ATTACHMENTS`,
 * `ATTACHMENT_TOO_LARGE`, `ATTACHMENT_EMPTY`, `ATTACHMENT_TYPE_NOT_ALLOWED`) when the batch breaks a
 * rule; nothing is kept then.
 *
 * @example
 * const attachments = await acceptAttachmentBatch(ctx.sandbox, ctx.body);
 * record.attachments.push(...attachments);
 */
export async function acceptAttachmentBatch(sandbox: SandboxState, body: unknown): Promise<Attachment[]> {
  const candidates = await uploadedFiles(body);
  const violations = checkAttachmentBatch(candidates);
  if (violations.length > 0) throw ProblemError.fromViolations(violations);
  const uploadedAt = isoTimestamp(sandbox.clock.now());
  return candidates.map((candidate) => ({
    attachmentId: nextId(sandbox, 'ATT-', 6),
    fileName: candidate.name,
    mediaType: mediaTypeOf(candidate),
    sizeBytes: candidate.size,
    uploadedAt,
    locked: true,
  }));
}
