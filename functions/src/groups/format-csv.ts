// Members as CSV (RFC 4180: CRLF lines, fields quoted when they hold a comma, quote or line
// break). Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) are prefixed
// with an apostrophe: a display name like "=HYPERLINK(...)" comes from other people's mail.
import type { ExportRow } from './export-rows.ts';

export const csvColumns: readonly { key: keyof ExportRow; header: string }[] = [
  { key: 'name', header: 'Name' },
  { key: 'email', header: 'Email' },
  { key: 'role', header: 'Role' },
  { key: 'organization', header: 'Organization' },
  { key: 'organizationKind', header: 'Organization kind' },
  { key: 'title', header: 'Title' },
  { key: 'termStart', header: 'Term start' },
  { key: 'termEnd', header: 'Term end' },
  { key: 'status', header: 'Status' },
  { key: 'source', header: 'Source' },
  { key: 'notes', header: 'Notes' },
];

const formulaStart = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string): string {
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The whole file, with a byte-order mark so Excel reads it as UTF-8. */
export function formatMembersCsv(rows: readonly ExportRow[]): string {
  const lines = [csvColumns.map((column) => escapeCsvCell(column.header)).join(',')];
  for (const row of rows) lines.push(csvColumns.map((column) => escapeCsvCell(row[column.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
