/**
 * CSV as RFC 4180 writes it: fields with a comma, a double quote, a line break or surrounding spaces
 * are quoted, quotes doubled, lines ended with CRLF.
 */

/** A CSV cell: text, a number, or nothing (an empty field). */
export type CsvCell = string | number | boolean | null | undefined;

function field(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // A leading = + - @ would be a formula to a spreadsheet: quote it too (it stays the same text).
  if (/[",\r\n]/.test(text) || /^\s|\s$/.test(text) || /^[=+\-@]/.test(text)) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/**
 * Writes rows (the first usually the header) as CSV text.
 *
 * @example
 * toCsv([['Name', 'Amount'], ['Ayod, Testh', 112.34]]); // 'Name,Amount\r\n"Ayod, Testh",112.34\r\n'
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
