import type { Violation } from './violation.ts';
import { joinPath, violation } from './violation.ts';
import { isRecord } from './zod-issues.ts';

/**
 * The file extensions an attachment may have. Seed 003: "You will only be allowed to attach a document
 * in one of the following formats: doc, docx, pdf, xls, ppt, jpg, jpeg, png, bmp, gif, and txt."
 *
 * @example
 * ALLOWED_ATTACHMENT_EXTENSIONS.includes('pdf'); // true
 */
export const ALLOWED_ATTACHMENT_EXTENSIONS = [
  'doc',
  'docx',
  'pdf',
  'xls',
  'ppt',
  'jpg',
  'jpeg',
  'png',
  'bmp',
  'gif',
  'txt',
] as const;

/**
 * An allowed attachment extension (lower case).
 *
 * @example
 * const extension: AttachmentExtension = 'docx';
 */
export type AttachmentExtension = (typeof ALLOWED_ATTACHMENT_EXTENSIONS)[number];

/**
 * The canonical media type of each allowed extension (what uploads are sent and downloads served as).
 *
 * @example
 * ATTACHMENT_MEDIA_TYPES.pdf; // 'application/pdf'
 */
export const ATTACHMENT_MEDIA_TYPES: Readonly<Record<AttachmentExtension, string>> = Object.freeze({
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  bmp: 'image/bmp',
  gif: 'image/gif',
  txt: 'text/plain',
});

/**
 * Every media type accepted for an allowed extension: the canonical ones of
 * {@link ATTACHMENT_MEDIA_TYPES} and common aliases that browsers and operating systems send.
 *
 * @example
 * ACCEPTED_ATTACHMENT_MEDIA_TYPES.bmp; // ['image/bmp', 'image/x-bmp', 'image/x-ms-bmp']
 */
export const ACCEPTED_ATTACHMENT_MEDIA_TYPES: Readonly<Record<AttachmentExtension, readonly string[]>> =
  Object.freeze({
    doc: ['application/msword'],
    docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    pdf: ['application/pdf', 'application/x-pdf'],
    xls: ['application/vnd.ms-excel'],
    ppt: ['application/vnd.ms-powerpoint'],
    jpg: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
    jpeg: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
    png: ['image/png'],
    bmp: ['image/bmp', 'image/x-bmp', 'image/x-ms-bmp'],
    gif: ['image/gif'],
    txt: ['text/plain'],
  });

/**
 * The largest attachment: 25 MB = 25 × 1024 × 1024 bytes. Seed 003: "twenty-five (25) MB per file".
 *
 * @example
 * MAX_ATTACHMENT_BYTES; // 26214400
 */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * The most files per upload batch. Seed 003: "You can upload up to five (5) attachments at a time. If
 * you need to send us more than five (5) items, please send them in batches."
 *
 * @example
 * MAX_ATTACHMENTS_PER_BATCH; // 5
 */
export const MAX_ATTACHMENTS_PER_BATCH = 5;

/**
 * A file about to be uploaded: its name, size in bytes, the content type the client declares, and when
 * known at least its first 16 bytes (to detect renamed files).
 *
 * @example
 * const file: AttachmentCandidate = { name: 'office-notes.pdf', size: 48213, type: 'application/pdf' };
 */
export interface AttachmentCandidate {
  name: string;
  size: number;
  type?: string | undefined;
  bytes?: Uint8Array | undefined;
}

/**
 * What the first bytes of a file say it is (see {@link sniffFileType}).
 *
 * @example
 * const kind: SniffedFileType = 'pdf';
 */
export type SniffedFileType =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'bmp'
  | 'ole2'
  | 'zip'
  | 'rtf'
  | 'exe'
  | 'elf'
  | 'macho'
  | 'script'
  | 'svg'
  | 'html'
  | 'xml'
  | 'text'
  | 'binary'
  | 'empty';

/** The content each extension may have. OLE2 is the legacy Office container; docx is a ZIP package. */
const CONTENT_FOR_EXTENSION: Readonly<Record<AttachmentExtension, readonly SniffedFileType[]>> = {
  doc: ['ole2', 'rtf'],
  docx: ['zip'],
  pdf: ['pdf'],
  xls: ['ole2'],
  ppt: ['ole2'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  png: ['png'],
  bmp: ['bmp'],
  gif: ['gif'],
  txt: ['text', 'rtf'],
};

const CONTENT_NAMES: Readonly<Record<SniffedFileType, string>> = {
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  bmp: 'a BMP image',
  ole2: 'a legacy Office document (doc, xls or ppt)',
  zip: 'a ZIP archive or Office Open XML document',
  rtf: 'an RTF document',
  exe: 'a Windows executable',
  elf: 'a Linux executable',
  macho: 'a macOS executable',
  script: 'a script',
  svg: 'an SVG image',
  html: 'an HTML page',
  xml: 'an XML document',
  text: 'plain text',
  binary: 'binary data of an unknown type',
  empty: 'nothing',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/**
 * Identifies a file from its first bytes (magic numbers): %PDF, PNG, JPEG (FF D8 FF), GIF87a/GIF89a,
 * BMP ('BM' + reserved zeros), OLE2 (D0 CF 11 E0 A1 B1 1A E1: doc, xls, ppt), ZIP ('PK\x03\x04': docx),
 * RTF, executables (MZ, ELF, Mach-O), scripts ('#!'), markup ('<svg', '<html', '<!doctype html',
 * '<script', '<?xml'); otherwise plain text when there is no NUL byte, else binary.
 *
 * @example
 * sniffFileType(new TextEncoder().encode('%PDF-1.7')); // 'pdf'
 * sniffFileType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00])); // 'exe'
 */
export function sniffFileType(bytes: Uint8Array): SniffedFileType {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return 'empty';
  const hasNul = bytes.includes(0);
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  // 'BM', file size (4 bytes), then 4 reserved zero bytes: the zeros tell a bitmap from text starting "BM".
  if (startsWith(bytes, ascii('BM')) && startsWith(bytes, [0, 0, 0, 0], 6)) return 'bmp';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  // An MZ header has NUL bytes; 16 NUL-free bytes starting "MZ" are text.
  if (startsWith(bytes, ascii('MZ')) && (hasNul || bytes.length < 16)) return 'exe';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  for (const magic of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ]) {
    if (startsWith(bytes, magic)) return 'macho';
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'text'; // UTF-16 BOM
  if (hasNul) return 'binary';
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0; // UTF-8 BOM
  let head = '';
  for (let i = start; i < bytes.length; i++) head += String.fromCharCode(bytes[i] ?? 0);
  head = head.trimStart().toLowerCase();
  if (head.startsWith('#!')) return 'script';
  if (head.startsWith('<svg')) return 'svg';
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.startsWith('<script'))
    return 'html';
  if (head.startsWith('<?xml')) return 'xml';
  return 'text';
}

/**
 * The lower-case extension of a file name (after the last dot of its last path segment), or
 * `undefined` when it has none ('notes', 'notes.', '.pdf').
 *
 * @example
 * attachmentExtension('C:\\scans\\REPORT.PDF'); // 'pdf'
 * attachmentExtension('README'); // undefined
 */
export function attachmentExtension(name: string): string | undefined {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return undefined;
  return base.slice(dot + 1).toLowerCase();
}

/**
 * Type guard: whether an extension (any case) is one of {@link ALLOWED_ATTACHMENT_EXTENSIONS}.
 *
 * @example
 * isAllowedAttachmentExtension('PDF'); // true
 * isAllowedAttachmentExtension('exe'); // false
 */
export function isAllowedAttachmentExtension(extension: unknown): extension is AttachmentExtension {
  return (
    typeof extension === 'string' &&
    (ALLOWED_ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension.toLowerCase())
  );
}

const ALLOWED_LIST = ALLOWED_ATTACHMENT_EXTENSIONS.join(', ');
/** Content types that say nothing about the content (sent when the client does not know). */
const UNSPECIFIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

function typeViolation(path: string, name: string, reason: string): Violation {
  return violation(
    'ATTACHMENT_TYPE_NOT_ALLOWED',
    path,
    `${name} cannot be attached: ${reason}. Allowed types are ${ALLOWED_LIST}; save the document in one of ` +
      'them and attach it again.',
  );
}

function checkType(file: Record<string, unknown>, path: string, label: string): Violation[] {
  const name = file.name;
  if (typeof name !== 'string' || name.trim() === '') {
    return [typeViolation(path, 'The file', 'it has no name, so its type cannot be told')];
  }
  const extension = attachmentExtension(name);
  if (extension === undefined) {
    return [typeViolation(path, label, 'its name has no extension')];
  }
  if (!isAllowedAttachmentExtension(extension)) {
    return [typeViolation(path, label, `.${extension} files are not accepted`)];
  }
  const declared = file.type;
  if (declared !== undefined) {
    const mediaType =
      typeof declared === 'string' ? (declared.split(';')[0] ?? '').trim().toLowerCase() : null;
    if (mediaType === null) {
      return [typeViolation(path, label, 'its content type is not a string')];
    }
    if (!UNSPECIFIC_TYPES.has(mediaType) && !ACCEPTED_ATTACHMENT_MEDIA_TYPES[extension].includes(mediaType)) {
      return [
        typeViolation(
          path,
          label,
          `its content type ${mediaType} contradicts its .${extension} extension ` +
            `(expected ${ATTACHMENT_MEDIA_TYPES[extension]})`,
        ),
      ];
    }
  }
  const bytes = file.bytes;
  if (bytes instanceof Uint8Array && bytes.length > 0) {
    const content = sniffFileType(bytes);
    if (!CONTENT_FOR_EXTENSION[extension].includes(content)) {
      return [
        typeViolation(
          path,
          label,
          `its content is ${CONTENT_NAMES[content]}, not what its .${extension} extension says`,
        ),
      ];
    }
  }
  return [];
}

function checkSize(file: Record<string, unknown>, path: string, label: string): Violation[] {
  const size = file.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    return [
      violation(
        'ATTACHMENT_EMPTY',
        path,
        `${label} has no valid size (${JSON.stringify(size) ?? 'none'}); attach a file with content.`,
      ),
    ];
  }
  if (size === 0) {
    return [violation('ATTACHMENT_EMPTY', path, `${label} is empty (0 bytes); attach a file with content.`)];
  }
  if (size > MAX_ATTACHMENT_BYTES) {
    return [
      violation(
        'ATTACHMENT_TOO_LARGE',
        path,
        `${label} is ${size} bytes; each file may be at most 25 MB (${MAX_ATTACHMENT_BYTES} bytes). ` +
          'Split or compress it and attach it again.',
      ),
    ];
  }
  return [];
}

/**
 * Every violation of one file: its type (`ATTACHMENT_TYPE_NOT_ALLOWED`: extension, declared content type
 * and, when bytes are given, the actual content must all be an allowed type and agree) and its size
 * (`ATTACHMENT_EMPTY` for 0 bytes, `ATTACHMENT_TOO_LARGE` above 25 MB). Never throws: a value that is not
 * a file yields `ATTACHMENT_EMPTY`.
 *
 * @example
 * checkAttachment({ name: 'notes.pdf', size: 26214401 }, '$.files[0]');
 * // [{ code: 'ATTACHMENT_TOO_LARGE', path: '$.files[0]', message: … }]
 */
export function checkAttachment(file: unknown, path = '$'): Violation[] {
  if (!isRecord(file)) {
    return [
      violation(
        'ATTACHMENT_EMPTY',
        path,
        `Expected a file (name and size), got ${file === null ? 'null' : typeof file}; choose a file to attach.`,
      ),
    ];
  }
  const label = typeof file.name === 'string' && file.name.trim() !== '' ? file.name : 'The file';
  return [...checkType(file, path, label), ...checkSize(file, path, label)];
}

/**
 * Every violation of an upload batch: `TOO_MANY_ATTACHMENTS` above five files, plus every violation of
 * every file at `path[i]` (all reported together). Never throws; a value that is not a non-empty list
 * yields `ATTACHMENT_EMPTY`.
 *
 * @example
 * checkAttachmentBatch([{ name: 'a.pdf', size: 10 }, { name: 'b.exe', size: 10 }]);
 * // [{ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', path: '$.files[1]', message: … }]
 */
export function checkAttachmentBatch(files: unknown, path = '$.files'): Violation[] {
  if (!Array.isArray(files) || files.length === 0) {
    return [
      violation(
        'ATTACHMENT_EMPTY',
        path,
        `Expected a list of 1–${MAX_ATTACHMENTS_PER_BATCH} files, got ${
          Array.isArray(files) ? 'an empty list' : files === null ? 'null' : typeof files
        }; choose at least one file.`,
      ),
    ];
  }
  const violations: Violation[] = [];
  if (files.length > MAX_ATTACHMENTS_PER_BATCH) {
    violations.push(
      violation(
        'TOO_MANY_ATTACHMENTS',
        path,
        `${files.length} files were attached; at most ${MAX_ATTACHMENTS_PER_BATCH} can be uploaded at a time. ` +
          'Send the others in further batches.',
      ),
    );
  }
  files.forEach((file: unknown, i) => {
    violations.push(...checkAttachment(file, joinPath(path, i)));
  });
  return violations;
}

/**
 * `[]` when an attachment may be removed, `ATTACHMENT_LOCKED` once it has been uploaded (it has
 * `uploadedAt`, or `locked: true`). Seed 003: "The attachment can only be removed BEFORE the user
 * selects “Upload.” Once the user selects “Upload,” the attachment cannot be removed."
 *
 * @example
 * checkAttachmentRemoval({ fileName: 'notes.pdf', uploadedAt: '2026-11-23T14:05:00Z', locked: true });
 * // [{ code: 'ATTACHMENT_LOCKED', path: '$', message: … }]
 */
export function checkAttachmentRemoval(attachment: unknown, path = '$'): Violation[] {
  if (!isRecord(attachment)) return [];
  if (attachment.locked !== true && attachment.uploadedAt === undefined) return [];
  const name = attachment.fileName ?? attachment.name;
  return [lockedViolation(path, typeof name === 'string' ? name : 'The attachment')];
}

function lockedViolation(path: string, name: string): Violation {
  return violation(
    'ATTACHMENT_LOCKED',
    path,
    `${name} has already been uploaded and cannot be removed: attachments can only be removed before ` +
      'Upload is selected. Send a correction as a new attachment or a message instead.',
  );
}

/**
 * Files picked for upload and files already uploaded (see {@link stagedAttachments}).
 *
 * @example
 * const staging: StagedAttachments = stagedAttachments();
 */
export interface StagedAttachments {
  /** Files picked but not yet uploaded; they can still be removed. */
  readonly pending: readonly AttachmentCandidate[];
  /** Files uploaded; they are locked. */
  readonly uploaded: readonly AttachmentCandidate[];
  /** Picks a file: `[]` and added, or its violations (with `TOO_MANY_ATTACHMENTS` past five) and not added. */
  add(file: AttachmentCandidate): Violation[];
  /** Removes the first pending file of that name: `[]`, or `ATTACHMENT_LOCKED` when it was uploaded. */
  remove(name: string): Violation[];
  /** Uploads the pending batch: `[]` and the files become locked, or the batch's violations. */
  upload(): Violation[];
}

/**
 * Models the portal's attach-then-upload flow: files are picked (each checked, at most five pending),
 * can be removed while pending, and are locked once uploaded (`ATTACHMENT_LOCKED`).
 *
 * @example
 * const staging = stagedAttachments();
 * staging.add({ name: 'notes.pdf', size: 1200 }); // []
 * staging.remove('notes.pdf'); // [] (not uploaded yet)
 * staging.add({ name: 'notes.pdf', size: 1200 });
 * staging.upload(); // []
 * staging.remove('notes.pdf'); // [{ code: 'ATTACHMENT_LOCKED', path: '$.files[0]', … }]
 */
export function stagedAttachments(path = '$.files'): StagedAttachments {
  const pending: AttachmentCandidate[] = [];
  const uploaded: AttachmentCandidate[] = [];
  return {
    get pending() {
      return [...pending];
    },
    get uploaded() {
      return [...uploaded];
    },
    add(file) {
      const filePath = joinPath(path, pending.length);
      const violations = checkAttachment(file, filePath);
      if (pending.length >= MAX_ATTACHMENTS_PER_BATCH) {
        violations.unshift(
          violation(
            'TOO_MANY_ATTACHMENTS',
            filePath,
            `${MAX_ATTACHMENTS_PER_BATCH} files are already attached; at most ${MAX_ATTACHMENTS_PER_BATCH} can be ` +
              'uploaded at a time. Upload these, then attach the others in a further batch.',
          ),
        );
      }
      if (violations.length === 0) pending.push(file);
      return violations;
    },
    remove(name) {
      const index = pending.findIndex((file) => file.name === name);
      if (index >= 0) {
        pending.splice(index, 1);
        return [];
      }
      const uploadedIndex = uploaded.findIndex((file) => file.name === name);
      return uploadedIndex >= 0 ? [lockedViolation(joinPath(path, uploadedIndex), name)] : [];
    },
    upload() {
      const violations = checkAttachmentBatch(pending, path);
      if (violations.length === 0) uploaded.push(...pending.splice(0));
      return violations;
    },
  };
}
