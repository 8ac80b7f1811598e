import { describe, expect, it } from 'vitest';
import { buildPdf } from './pdf.ts';

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

describe('buildPdf', () => {
  const bytes = buildPdf({
    title: 'Explanation of Payment',
    lines: [
      { text: 'Explanation of Payment', size: 18, bold: true },
      'Claim 2026C00123456 (paid) \\ done',
      'Caf\u00e9 \u2013 ok',
    ],
  });
  const text = latin1(bytes);

  it('starts with %PDF- and ends with %%EOF', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('has xref offsets that point at each object', () => {
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const [, count] = /xref\n0 (\d+)\n/.exec(text) ?? [];
    const entries = text
      .slice(startxref)
      .split('\n')
      .slice(3, 2 + Number(count));
    expect(entries.length).toBe(Number(count) - 1);
    entries.forEach((entry, index) => {
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
    });
  });

  it('gives each content stream its byte length', () => {
    for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const start = (match.index ?? 0) + match[0].length;
      expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 10)).toBe('\nendstream');
    }
  });

  it('escapes parentheses and backslashes and writes WinAnsi bytes', () => {
    expect(text).toContain('(Claim 2026C00123456 \\(paid\\) \\\\ done) Tj');
    expect(text).toContain('(Caf\xe9 \x96 ok) Tj');
  });

  it('paginates long documents', () => {
    const long = latin1(
      buildPdf({ title: 'Long', lines: Array.from({ length: 130 }, (_, i) => `Line ${i}`) }),
    );
    expect(long).toMatch(/\/Count 3 /);
  });

  it('is deterministic', () => {
    expect(buildPdf({ title: 'A', lines: ['x'] })).toEqual(buildPdf({ title: 'A', lines: ['x'] }));
  });
});
