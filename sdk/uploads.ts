/**
 * Uploads: `File`/`Blob`, `Uint8Array` (Node's `Buffer` is one) or `ArrayBuffer`, each with its file
 * name, checked by the rules module (`checkAttachmentBatch`: at most five files, 25 MB each, not
 * empty, an allowed type whose content agrees with its name) before a `FormData` body is built.
 */
import type { Schema } from './core/types.ts';
import type { AttachmentCandidate, ValidationViolation } from './rules/index.ts';
import { ATTACHMENT_MEDIA_TYPES, attachmentExtension, checkAttachmentBatch } from './rules/index.ts';

/**
 * The content of a file to upload. Node's `Buffer` is a `Uint8Array`.
 *
 * @example
 * const data: UploadData = await fs.readFile('notes.pdf'); // a Buffer is a Uint8Array
 */
export type UploadData = Blob | Uint8Array | ArrayBuffer | string;

/**
 * A file to upload with its name (and, optionally, its content type; by default the type of its
 * extension).
 *
 * @example
 * const file: NamedUpload = { name: 'office-notes.pdf', data: await fs.readFile('office-notes.pdf') };
 */
export interface NamedUpload {
  name: string;
  data: UploadData;
  type?: string;
}

/**
 * What the upload methods take: a `File` (it has a name), or any content with its name.
 *
 * @example
 * const files: UploadFile[] = [new File([pdfBytes], 'notes.pdf', { type: 'application/pdf' })];
 */
export type UploadFile = Blob | NamedUpload;

/**
 * The input of the attachment uploads: the spec's `AttachmentUpload` with real files.
 *
 * @example
 * await portal.messages.uploadAttachments('MSG-000001', { files: [{ name: 'eob.pdf', data: bytes }], description: 'EOB' });
 */
export type AttachmentUploadInput = Omit<Schema<'AttachmentUpload'>, 'files'> & {
  files: readonly UploadFile[];
};

/**
 * One file ready to send.
 *
 * @example
 * const upload: PreparedUpload = { name: 'notes.pdf', blob: new Blob([bytes], { type: 'application/pdf' }) };
 */
export interface PreparedUpload {
  name: string;
  blob: Blob;
}

/** How many leading bytes are read to tell what a file really is. */
const SNIFF_BYTES = 4096;

// Duck-typed, so that a Blob or File of another realm (a polyfill, an iframe, undici) is one too.
function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  const candidate = value as Partial<Blob> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.size === 'number' &&
    typeof candidate.type === 'string' &&
    typeof candidate.slice === 'function' &&
    typeof candidate.arrayBuffer === 'function'
  );
}

// Bytes backed by a plain ArrayBuffer, as a Blob part must be: a view (e.g. a pooled Node Buffer) is
// copied, so only its own bytes are sent.
function bytesOf(data: Uint8Array | ArrayBuffer): Uint8Array<ArrayBuffer> {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data);
}

function mediaTypeFor(name: string, declared: string | undefined): string | undefined {
  if (declared !== undefined && declared !== '') return declared;
  const extension = attachmentExtension(name)?.toLowerCase();
  return extension !== undefined && extension in ATTACHMENT_MEDIA_TYPES
    ? ATTACHMENT_MEDIA_TYPES[extension as keyof typeof ATTACHMENT_MEDIA_TYPES]
    : undefined;
}

async function prepareOne(
  file: UploadFile,
): Promise<{ upload: PreparedUpload; candidate: AttachmentCandidate }> {
  let name: string;
  let declared: string | undefined;
  let blob: Blob;
  if (isBlob(file)) {
    // A File has a name; a bare Blob has none, which the rules refuse with a clear message.
    name = typeof (file as { name?: unknown }).name === 'string' ? (file as File).name : '';
    declared = file.type;
    blob = file;
  } else {
    name = file.name;
    declared = file.type;
    const data = file.data;
    const type = mediaTypeFor(name, declared);
    const options = type === undefined ? {} : { type };
    blob = isBlob(data) ? data : new Blob([typeof data === 'string' ? data : bytesOf(data)], options);
    declared ??= isBlob(data) && data.type !== '' ? data.type : undefined;
  }
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const candidate: AttachmentCandidate = { name, size: blob.size, type: declared, bytes: head };
  const type = mediaTypeFor(name, declared ?? (blob.type === '' ? undefined : blob.type));
  const typed = type !== undefined && blob.type !== type ? new Blob([blob], { type }) : blob;
  return { upload: { name, blob: typed }, candidate };
}

/**
 * Reads each file's name, size, type and first bytes, and checks the batch with the rules module.
 * Answers the files ready to send, or every violation (paths `$.files[i]`).
 *
 * @example
 * const { uploads, violations } = await prepareUploads([{ name: 'notes.pdf', data: bytes }]);
 */
export async function prepareUploads(
  files: readonly UploadFile[],
): Promise<{ uploads: PreparedUpload[]; violations: ValidationViolation[] }> {
  if (!Array.isArray(files)) return { uploads: [], violations: checkAttachmentBatch(files) };
  const prepared = await Promise.all(files.map(prepareOne));
  return {
    uploads: prepared.map((p) => p.upload),
    violations: checkAttachmentBatch(prepared.map((p) => p.candidate)),
  };
}

/**
 * A multipart body: each file as a `files` part with its file name, then the text fields.
 *
 * @example
 * const form = toFormData(uploads, { description: 'Office notes from the 2026-11-02 visit' });
 */
export function toFormData(
  uploads: readonly PreparedUpload[],
  fields: Record<string, string | undefined> = {},
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  for (const upload of uploads) form.append('files', upload.blob, upload.name);
  return form;
}
