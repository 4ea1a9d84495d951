/**
 * RFC 4180 CSV for exports: CRLF after every record, fields quoted when they hold a comma, a
 * quote, CR or LF, quotes doubled. Columns are the given ones, else every key in order of first
 * appearance, so rows with missing fields still line up.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (header.length === 0) return '';
  const lines = [header, ...rows.map((row) => header.map((column) => row[column]))];
  return lines.map((cells) => `${cells.map(field).join(',')}\r\n`).join('');
}

/**
 * Text a user typed (a "waiting on") that starts like a formula would run as one when the export
 * is opened in a spreadsheet; a leading apostrophe keeps it text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
