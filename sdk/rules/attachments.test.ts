import { describe, expect, it } from 'vitest';
import { pinViolations } from '../../test/support/violations.ts';
import type { AttachmentCandidate } from './attachments.ts';
import {
  ACCEPTED_ATTACHMENT_MEDIA_TYPES,
  ALLOWED_ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MEDIA_TYPES,
  attachmentExtension,
  checkAttachment,
  checkAttachmentBatch,
  checkAttachmentRemoval,
  isAllowedAttachmentExtension,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_BATCH,
  sniffFileType,
  stagedAttachments,
} from './attachments.ts';

const text = (s: string) => new TextEncoder().encode(s);
const BYTES = {
  pdf: text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'),
  png: new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]),
  gif: text('GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00'),
  bmp: new Uint8Array([0x42, 0x4d, 0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0]),
  ole2: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]),
  zip: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0, 0, 0]),
  text: text('Office notes from the 2026-11-02 visit'),
  exe: new Uint8Array([0x4d, 0x5a, 0x90, 0, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff, 0, 0]),
  elf: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
};
const CONTENT_OF: Record<string, Uint8Array> = {
  doc: BYTES.ole2,
  docx: BYTES.zip,
  pdf: BYTES.pdf,
  xls: BYTES.ole2,
  ppt: BYTES.ole2,
  jpg: BYTES.jpeg,
  jpeg: BYTES.jpeg,
  png: BYTES.png,
  bmp: BYTES.bmp,
  gif: BYTES.gif,
  txt: BYTES.text,
};

const file = (overrides: Partial<AttachmentCandidate> = {}): AttachmentCandidate => ({
  name: 'office-notes.pdf',
  size: 48_213,
  type: 'application/pdf',
  bytes: BYTES.pdf,
  ...overrides,
});
function codes(violations: { code: string; path: string; message: string }[], pin = true) {
  if (pin) pinViolations(violations);
  return violations.map((v) => v.code);
}

describe('limits', () => {
  it('are 25 MB per file, 5 files per batch and the eleven types of seed 003', () => {
    expect(MAX_ATTACHMENT_BYTES).toBe(26_214_400);
    expect(MAX_ATTACHMENTS_PER_BATCH).toBe(5);
    expect([...ALLOWED_ATTACHMENT_EXTENSIONS]).toEqual([
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
    ]);
    for (const extension of ALLOWED_ATTACHMENT_EXTENSIONS) {
      expect(ACCEPTED_ATTACHMENT_MEDIA_TYPES[extension]).toContain(ATTACHMENT_MEDIA_TYPES[extension]);
    }
  });
});

describe('checkAttachment: size', () => {
  it('accepts exactly 25 MiB and refuses one byte more', () => {
    expect(checkAttachment(file({ size: 26_214_400 }), '$.files[0]')).toEqual([]);
    const violations = checkAttachment(file({ size: 26_214_401 }), '$.files[0]');
    expect(violations).toEqual([
      { code: 'ATTACHMENT_TOO_LARGE', path: '$.files[0]', message: expect.any(String) },
    ]);
    expect(violations[0]?.message).toContain('26214401');
    expect(violations[0]?.message).toContain('25 MB');
  });

  it('refuses an empty file and accepts a 1-byte one', () => {
    expect(codes(checkAttachment(file({ size: 0, bytes: undefined })))).toEqual(['ATTACHMENT_EMPTY']);
    expect(checkAttachment(file({ name: 'a.txt', type: 'text/plain', size: 1, bytes: text('x') }))).toEqual(
      [],
    );
  });

  it('refuses a size that is not a whole non-negative number', () => {
    for (const size of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codes(checkAttachment(file({ size })))).toEqual(['ATTACHMENT_EMPTY']);
    }
    expect(codes(checkAttachment({ name: 'a.pdf', size: '10' }))).toEqual(['ATTACHMENT_EMPTY']);
  });
});

describe('checkAttachment: type', () => {
  for (const extension of ALLOWED_ATTACHMENT_EXTENSIONS) {
    it(`accepts a .${extension} file with its media type and content`, () => {
      const content = CONTENT_OF[extension];
      expect(
        checkAttachment({
          name: `scan.${extension}`,
          size: 1000,
          type: ATTACHMENT_MEDIA_TYPES[extension],
          bytes: content,
        }),
      ).toEqual([]);
      expect(checkAttachment({ name: `scan.${extension}`, size: 1000 })).toEqual([]);
    });
  }

  it('accepts upper-case extensions and content types with parameters', () => {
    expect(checkAttachment(file({ name: 'REPORT.PDF' }))).toEqual([]);
    expect(checkAttachment(file({ name: 'Photo.JpEg', type: 'IMAGE/JPEG', bytes: BYTES.jpeg }))).toEqual([]);
    expect(
      checkAttachment(file({ name: 'notes.txt', type: 'text/plain; charset=utf-8', bytes: BYTES.text })),
    ).toEqual([]);
  });

  it('accepts an unspecific content type (the client did not know)', () => {
    expect(checkAttachment(file({ type: 'application/octet-stream' }))).toEqual([]);
    expect(checkAttachment(file({ type: '' }))).toEqual([]);
  });

  it('refuses extensions outside the list', () => {
    for (const name of [
      'setup.exe',
      'records.zip',
      'logo.svg',
      'page.html',
      'macro.docm',
      'sheet.xlsx',
      'notes.pdf.exe',
    ]) {
      const violations = checkAttachment({ name, size: 1000 }, '$.files[3]');
      expect(violations).toEqual([
        { code: 'ATTACHMENT_TYPE_NOT_ALLOWED', path: '$.files[3]', message: expect.any(String) },
      ]);
      expect(violations[0]?.message).toContain(name);
      expect(violations[0]?.message).toContain('doc, docx, pdf, xls, ppt, jpg, jpeg, png, bmp, gif, txt');
    }
  });

  it('refuses a file without an extension', () => {
    for (const name of ['README', 'notes.', '.pdf', 'folder.pdf/notes']) {
      expect([name, codes(checkAttachment({ name, size: 1000 }))]).toEqual([
        name,
        ['ATTACHMENT_TYPE_NOT_ALLOWED'],
      ]);
    }
  });

  it('refuses a renamed executable and content that contradicts the extension', () => {
    const exe = checkAttachment(file({ name: 'notes.pdf', type: 'application/pdf', bytes: BYTES.exe }));
    expect(codes(exe)).toEqual(['ATTACHMENT_TYPE_NOT_ALLOWED']);
    expect(exe[0]?.message).toContain('Windows executable');
    expect(codes(checkAttachment(file({ name: 'notes.pdf', bytes: BYTES.png })))).toEqual([
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ]);
    expect(codes(checkAttachment(file({ name: 'notes.txt', type: 'text/plain', bytes: BYTES.elf })))).toEqual(
      ['ATTACHMENT_TYPE_NOT_ALLOWED'],
    );
    expect(codes(checkAttachment(file({ name: 'notes.docx', type: undefined, bytes: BYTES.ole2 })))).toEqual([
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ]);
    expect(
      codes(
        checkAttachment(
          file({
            name: 'logo.png',
            type: 'image/png',
            bytes: text('<svg xmlns="http://www.w3.org/2000/svg">'),
          }),
        ),
      ),
    ).toEqual(['ATTACHMENT_TYPE_NOT_ALLOWED']);
    expect(
      codes(
        checkAttachment(
          file({ name: 'notes.txt', type: 'text/plain', bytes: text('<!DOCTYPE html><html>') }),
        ),
      ),
    ).toEqual(['ATTACHMENT_TYPE_NOT_ALLOWED']);
  });

  it('refuses a content type that contradicts the extension', () => {
    const violations = checkAttachment(file({ name: 'notes.pdf', type: 'image/png', bytes: undefined }));
    expect(codes(violations)).toEqual(['ATTACHMENT_TYPE_NOT_ALLOWED']);
    expect(violations[0]?.message).toContain('image/png');
    expect(codes(checkAttachment(file({ name: 'notes.pdf', type: 'application/x-msdownload' })))).toEqual([
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ]);
    expect(codes(checkAttachment({ name: 'notes.pdf', size: 10, type: 42 }))).toEqual([
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ]);
  });

  it('reports type and size of one file together', () => {
    expect(codes(checkAttachment({ name: 'setup.exe', size: 0 }))).toEqual([
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'ATTACHMENT_EMPTY',
    ]);
    expect(codes(checkAttachment({ name: 'setup.exe', size: MAX_ATTACHMENT_BYTES + 1 }))).toEqual([
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'ATTACHMENT_TOO_LARGE',
    ]);
  });

  it('refuses a file without a usable name, calling it "The file"', () => {
    for (const name of ['', '   ', 42, undefined]) {
      const violations = checkAttachment({ name, size: 10 }, '$.files[0]');
      expect(violations.map((v) => [v.code, v.path])).toEqual([
        ['ATTACHMENT_TYPE_NOT_ALLOWED', '$.files[0]'],
      ]);
      pinViolations(violations);
    }
    const unnamedAndEmpty = checkAttachment({ name: '  ', size: 0 });
    expect(unnamedAndEmpty.map((v) => v.code)).toEqual(['ATTACHMENT_TYPE_NOT_ALLOWED', 'ATTACHMENT_EMPTY']);
    pinViolations(unnamedAndEmpty);
  });

  it('reads the media type before its parameters, trimmed', () => {
    expect(checkAttachment(file({ type: ' application/pdf ; version=1.7' }))).toEqual([]);
  });

  it('has nothing to check in an empty byte sample', () => {
    expect(checkAttachment(file({ bytes: new Uint8Array(0) }))).toEqual([]);
  });

  it('says which size it could not read', () => {
    const violations = [
      ...checkAttachment({ name: 'a.pdf' }, '$.files[0]'),
      ...checkAttachment({ name: 'a.pdf', size: '10' }, '$.files[1]'),
    ];
    expect(violations.map((v) => [v.code, v.path])).toEqual([
      ['ATTACHMENT_EMPTY', '$.files[0]'],
      ['ATTACHMENT_EMPTY', '$.files[1]'],
    ]);
    pinViolations(violations);
  });

  it('says what it got instead of a file', () => {
    const violations = [null, undefined, 42, 'notes.pdf', [], true].flatMap((value) =>
      checkAttachment(value, '$.files[0]'),
    );
    expect(violations.every((v) => v.code === 'ATTACHMENT_EMPTY' && v.path === '$.files[0]')).toBe(true);
    pinViolations(violations);
    expect(checkAttachment(null)[0]?.path).toBe('$');
  });

  it('never throws on values that are not files', () => {
    for (const value of [
      null,
      undefined,
      0,
      42,
      'notes.pdf',
      [],
      {},
      { name: 42, size: 10 },
      { name: 'a.pdf' },
      true,
    ]) {
      const violations = checkAttachment(value, '$.files[0]');
      expect(violations.length).toBeGreaterThan(0);
      for (const v of violations) expect(v.path).toBe('$.files[0]');
    }
  });
});

describe('checkAttachmentBatch', () => {
  const pdfs = (n: number) => Array.from({ length: n }, (_, i) => file({ name: `page-${i + 1}.pdf` }));

  it('accepts five files and refuses six', () => {
    expect(checkAttachmentBatch(pdfs(5))).toEqual([]);
    const violations = checkAttachmentBatch(pdfs(6));
    expect(violations).toEqual([
      { code: 'TOO_MANY_ATTACHMENTS', path: '$.files', message: expect.stringContaining('6 files') },
    ]);
    expect(violations[0]?.message).toContain('at most 5');
    pinViolations(violations);
  });

  it('reports every violation of every file together, at $.files[i]', () => {
    const batch = [
      file(),
      { name: 'setup.exe', size: 10 },
      file({ name: 'huge.pdf', size: MAX_ATTACHMENT_BYTES + 1 }),
      file({ name: 'empty.txt', type: 'text/plain', size: 0, bytes: undefined }),
      file({ name: 'notes.pdf', bytes: BYTES.exe }),
      file({ name: 'ok.png', type: 'image/png', bytes: BYTES.png }),
    ];
    expect(checkAttachmentBatch(batch).map((v) => [v.code, v.path])).toEqual([
      ['TOO_MANY_ATTACHMENTS', '$.files'],
      ['ATTACHMENT_TYPE_NOT_ALLOWED', '$.files[1]'],
      ['ATTACHMENT_TOO_LARGE', '$.files[2]'],
      ['ATTACHMENT_EMPTY', '$.files[3]'],
      ['ATTACHMENT_TYPE_NOT_ALLOWED', '$.files[4]'],
    ]);
  });

  it('uses the given base path', () => {
    expect(checkAttachmentBatch([{ name: 'a.exe', size: 1 }], '$.body.files')[0]?.path).toBe(
      '$.body.files[0]',
    );
  });

  it('never throws on values that are not lists of files', () => {
    for (const value of [null, undefined, 0, 'a.pdf', {}, []]) {
      expect(codes(checkAttachmentBatch(value))).toEqual(['ATTACHMENT_EMPTY']);
    }
    expect(checkAttachmentBatch([null, 5, 'x']).map((v) => v.path)).toEqual([
      '$.files[0]',
      '$.files[1]',
      '$.files[2]',
    ]);
  });
});

describe('sniffFileType', () => {
  it('recognises magic numbers', () => {
    expect(sniffFileType(BYTES.pdf)).toBe('pdf');
    expect(sniffFileType(BYTES.png)).toBe('png');
    expect(sniffFileType(BYTES.jpeg)).toBe('jpeg');
    expect(sniffFileType(BYTES.gif)).toBe('gif');
    expect(sniffFileType(text('GIF87a'))).toBe('gif');
    expect(sniffFileType(BYTES.bmp)).toBe('bmp');
    expect(sniffFileType(BYTES.ole2)).toBe('ole2');
    expect(sniffFileType(BYTES.zip)).toBe('zip');
    expect(sniffFileType(BYTES.exe)).toBe('exe');
    expect(sniffFileType(BYTES.elf)).toBe('elf');
    expect(sniffFileType(new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toBe('macho');
    expect(sniffFileType(text('{\\rtf1\\ansi'))).toBe('rtf');
  });

  it('recognises markup, scripts, text and binary', () => {
    expect(sniffFileType(text('  <svg width="10">'))).toBe('svg');
    expect(sniffFileType(text('<!doctype html>'))).toBe('html');
    expect(sniffFileType(text('<HTML><body>'))).toBe('html');
    expect(sniffFileType(text('\ufeff<script>alert(1)'))).toBe('html');
    expect(sniffFileType(text('<?xml version="1.0"?>'))).toBe('xml');
    expect(sniffFileType(text('#!/bin/sh\nrm -rf'))).toBe('script');
    expect(sniffFileType(BYTES.text)).toBe('text');
    expect(sniffFileType(text('BMI notes for the visit'))).toBe('text');
    expect(sniffFileType(text('MZ is a postal code'))).toBe('text');
    expect(sniffFileType(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toBe('text');
    expect(sniffFileType(new Uint8Array([1, 2, 0, 4]))).toBe('binary');
    expect(sniffFileType(new Uint8Array())).toBe('empty');
  });

  it('needs "BM" before the reserved zeros to call it a bitmap', () => {
    expect(sniffFileType(new Uint8Array([0x41, 0x41, 0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0]))).toBe('binary');
  });

  it('calls "MZ" without NUL bytes an executable below 16 bytes, text from 16', () => {
    expect(sniffFileType(text('MZ is a code ab'))).toBe('exe'); // 15 bytes
    expect(sniffFileType(text('MZ is a code abc'))).toBe('text'); // 16 bytes
  });
});

describe('attachmentExtension and isAllowedAttachmentExtension', () => {
  it('read the last extension of the base name, in lower case', () => {
    expect(attachmentExtension('REPORT.PDF')).toBe('pdf');
    expect(attachmentExtension('C:\\scans\\x.tar.gz')).toBe('gz');
    expect(attachmentExtension('dir.v2/README')).toBeUndefined();
    expect(isAllowedAttachmentExtension('PDF')).toBe(true);
    expect(isAllowedAttachmentExtension('docm')).toBe(false);
    expect(isAllowedAttachmentExtension(7)).toBe(false);
  });
});

describe('ATTACHMENT_LOCKED', () => {
  it('lets a pending file be removed and refuses removing an uploaded one', () => {
    const staging = stagedAttachments();
    expect(staging.add(file({ name: 'a.pdf' }))).toEqual([]);
    expect(staging.add(file({ name: 'b.pdf' }))).toEqual([]);
    expect(staging.remove('a.pdf')).toEqual([]);
    expect(staging.pending.map((f) => f.name)).toEqual(['b.pdf']);
    expect(staging.upload()).toEqual([]);
    expect(staging.pending).toEqual([]);
    expect(staging.uploaded.map((f) => f.name)).toEqual(['b.pdf']);
    const violations = staging.remove('b.pdf');
    expect(violations).toEqual([
      { code: 'ATTACHMENT_LOCKED', path: '$.files[0]', message: expect.stringContaining('b.pdf') },
    ]);
    expect(staging.uploaded.map((f) => f.name)).toEqual(['b.pdf']);
    expect(staging.remove('never-added.pdf')).toEqual([]);
  });

  it('refuses a sixth pending file and invalid files, without adding them', () => {
    const staging = stagedAttachments();
    for (let i = 0; i < 5; i++) expect(staging.add(file({ name: `${i}.pdf` }))).toEqual([]);
    expect(codes(staging.add(file({ name: '5.pdf' })))).toEqual(['TOO_MANY_ATTACHMENTS']);
    expect(staging.pending).toHaveLength(5);
    expect(staging.upload()).toEqual([]);
    expect(staging.add(file({ name: 'more.pdf' }))).toEqual([]); // a further batch
    expect(codes(staging.add({ name: 'x.exe', size: 1 }))).toEqual(['ATTACHMENT_TYPE_NOT_ALLOWED']);
    expect(staging.pending.map((f) => f.name)).toEqual(['more.pdf']);
  });

  it('refuses uploading an empty batch', () => {
    expect(codes(stagedAttachments().upload())).toEqual(['ATTACHMENT_EMPTY']);
  });

  it('checkAttachmentRemoval refuses an uploaded attachment', () => {
    const uploaded = {
      attachmentId: 'ATT-000001',
      fileName: 'office-notes.pdf',
      uploadedAt: '2026-11-23T14:05:00Z',
      locked: true,
    };
    expect(checkAttachmentRemoval(uploaded, '$.attachmentId')).toEqual([
      {
        code: 'ATTACHMENT_LOCKED',
        path: '$.attachmentId',
        message: expect.stringContaining('office-notes.pdf'),
      },
    ]);
    expect(checkAttachmentRemoval({ name: 'draft.pdf', size: 10 })).toEqual([]);
    expect(checkAttachmentRemoval(null)).toEqual([]);
  });

  it('checkAttachmentRemoval: uploadedAt or locked: true each lock it', () => {
    const locked = [
      ...checkAttachmentRemoval({ fileName: 'a.pdf', locked: true }),
      ...checkAttachmentRemoval({ name: 'b.pdf', uploadedAt: '2026-11-23T14:05:00Z', locked: false }),
      ...checkAttachmentRemoval({ fileName: 7, uploadedAt: '2026-11-23T14:05:00Z' }),
    ];
    expect(locked.map((v) => [v.code, v.path])).toEqual([
      ['ATTACHMENT_LOCKED', '$'],
      ['ATTACHMENT_LOCKED', '$'],
      ['ATTACHMENT_LOCKED', '$'],
    ]);
    pinViolations(locked);
    expect(checkAttachmentRemoval({ fileName: 'c.pdf', locked: false })).toEqual([]);
    expect(checkAttachmentRemoval({ fileName: 'c.pdf', locked: 'yes' })).toEqual([]);
  });

  it('removing a name that was never added leaves the pending files as they are', () => {
    const staging = stagedAttachments();
    staging.add(file({ name: 'a.pdf' }));
    staging.add(file({ name: 'b.pdf' }));
    expect(staging.remove('c.pdf')).toEqual([]);
    expect(staging.pending.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf']);
  });
});
