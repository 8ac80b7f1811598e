import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.ts';
import { toCsv } from './csv.ts';
import { buildXlsx } from './xlsx.ts';

interface ZipListing {
  name: string;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** Reads the central directory of a ZIP and each entry's stored data. */
function readZip(zip: Uint8Array): ZipListing[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipListing[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    const localName = view.getUint16(local + 26, true);
    const extra = view.getUint16(local + 28, true);
    const start = local + 30 + localName + extra;
    entries.push({ name, crc, size, data: zip.subarray(start, start + size) });
    at += 46 + nameLength;
  }
  return entries;
}

describe('buildXlsx', () => {
  const xlsx = buildXlsx({
    name: 'PCP Member Panel',
    rows: [
      ['Member ID', 'Name', 'Amount'],
      ['K5500648801', 'Ayod, Testh <F> & co', 112.34],
      [null, '', undefined],
    ],
  });
  const entries = readZip(xlsx);

  it('is a zip whose central directory lists the workbook parts', () => {
    expect(entries.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('stores every part with its CRC-32', () => {
    for (const entry of entries) expect(crc32(entry.data), entry.name).toBe(entry.crc);
  });

  it('writes inline strings (escaped) and numbers', () => {
    const sheet = new TextDecoder().decode(entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data);
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">K5500648801</t></is></c>');
    expect(sheet).toContain('Ayod, Testh &lt;F&gt; &amp; co');
    expect(sheet).toContain('<c r="C2"><v>112.34</v></c>');
    expect(sheet).toContain('<row r="3"></row>');
  });

  it('is deterministic', () => {
    expect(buildXlsx({ name: 'S', rows: [['a']] })).toEqual(buildXlsx({ name: 'S', rows: [['a']] }));
  });
});

describe('toCsv', () => {
  it('quotes fields with commas, quotes, line breaks, edge spaces and formula starts, with CRLF lines', () => {
    expect(
      toCsv([
        ['Name', 'Note', 'Amount'],
        ['Ayod, Testh', 'said "hi"\nbye', 112.34],
        [' x', '=1+1', null],
      ]),
    ).toBe('Name,Note,Amount\r\n"Ayod, Testh","said ""hi""\nbye",112.34\r\n" x","=1+1",\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});
