import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { toCsv } from './csv.ts';
import { buildXlsx } from './xlsx.ts';

describe('buildXlsx', () => {
  const xlsx = buildXlsx({
    name: 'PCP Member Panel',
    rows: [
      ['Member ID', 'Name', 'Amount'],
      ['K5500648801', 'Ayod, Testh <F> & co', 112.34],
      [null, '', undefined],
    ],
  });
  const entries = unzipSync(xlsx);

  it('is a zip of the workbook parts, the content types first', () => {
    expect(Object.keys(entries)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('writes inline strings (escaped) and numbers', () => {
    const sheet = new TextDecoder().decode(entries['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">K5500648801</t></is></c>');
    expect(sheet).toContain('Ayod, Testh &lt;F&gt; &amp; co');
    expect(sheet).toContain('<c r="C2"><v>112.34</v></c>');
    expect(sheet).toContain('<row r="3"></row>');
  });

  it('is deterministic, whatever the time it is made at (every entry is stamped 1980-01-01)', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-23T14:00:00Z') });
    try {
      const first = buildXlsx({ name: 'S', rows: [['a']] });
      vi.setSystemTime(new Date('2032-02-29T23:59:59Z'));
      expect(buildXlsx({ name: 'S', rows: [['a']] })).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
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
