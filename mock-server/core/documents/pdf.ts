/**
 * A minimal valid PDF writer: pages of text lines in Helvetica (regular and bold), US Letter, with a
 * cross-reference table whose offsets point at each object. Deterministic: no dates, no random IDs.
 */

/** A line of text; a plain string is regular 10-point text. */
export type PdfLine = string | { text: string; size?: number; bold?: boolean };

/** What a PDF holds. */
export interface PdfDocument {
  title: string;
  lines: readonly PdfLine[];
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 54;
const MAX_CHARS = 95;

// Characters outside Latin-1 that WinAnsiEncoding has (typographic quotes and dashes).
const WIN_ANSI: Readonly<Record<string, number>> = {
  '\u2018': 0x91,
  '\u2019': 0x92,
  '\u201c': 0x93,
  '\u201d': 0x94,
  '\u2022': 0x95,
  '\u2013': 0x96,
  '\u2014': 0x97,
  '\u2026': 0x85,
  '\u20ac': 0x80,
};

/** Text as WinAnsi bytes in a latin1 string; characters it cannot show become '?'. */
function winAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    if (code === 9) out += ' ';
    else if (code >= 32 && code <= 126) out += char;
    else if (code >= 160 && code <= 255) out += char;
    else if (WIN_ANSI[char] !== undefined) out += String.fromCharCode(WIN_ANSI[char]);
    else out += '?';
  }
  return out;
}

function literal(text: string): string {
  return `(${winAnsi(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') lines.push(rest);
  return lines;
}

interface Laid {
  text: string;
  size: number;
  bold: boolean;
}

function paginate(lines: readonly PdfLine[]): Laid[][] {
  const pages: Laid[][] = [[]];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const entry = typeof line === 'string' ? { text: line } : line;
    const size = entry.size ?? 10;
    const width = Math.floor((MAX_CHARS * 10) / size);
    for (const piece of wrap(entry.text, width)) {
      const height = size * 1.4;
      if (y - height < MARGIN) {
        pages.push([]);
        y = PAGE_HEIGHT - MARGIN;
      }
      y -= height;
      (pages[pages.length - 1] as Laid[]).push({ text: piece, size, bold: entry.bold === true });
    }
  }
  return pages;
}

function contentStream(lines: readonly Laid[]): string {
  let y = PAGE_HEIGHT - MARGIN;
  const ops: string[] = [];
  for (const line of lines) {
    y -= line.size * 1.4;
    ops.push(
      `BT /${line.bold ? 'F2' : 'F1'} ${line.size} Tf ${MARGIN} ${y.toFixed(1)} Td ${literal(line.text)} Tj ET`,
    );
  }
  return ops.join('\n');
}

/**
 * Builds a PDF of text lines, wrapped and paginated.
 *
 * @example
 * const bytes = buildPdf({ title: 'EOP', lines: [{ text: 'Explanation of Payment', size: 16, bold: true }, 'Claim 2026C00123456'] });
 * new TextDecoder().decode(bytes.slice(0, 5)); // '%PDF-'
 */
export function buildPdf(document: PdfDocument): Uint8Array {
  const pages = paginate(document.lines);
  const objects: string[] = [];
  // 1 catalog, 2 pages, 3 regular font, 4 bold font, 5 info, then a page and its content per page.
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title ${literal(document.title)} /Producer (provider-portal-sdk mock portal) >>`;
  pages.forEach((lines, i) => {
    const pageId = 6 + i * 2;
    const stream = contentStream(lines);
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  // A binary comment line after the header tells transfer tools the file is binary.
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is one latin1 byte (winAnsi made sure), so string offsets are byte offsets.
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i) & 0xff;
  return bytes;
}
