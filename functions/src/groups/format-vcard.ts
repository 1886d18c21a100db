// Members as vCard 4.0 (RFC 6350): one card per member, CRLF lines folded at 75 octets, text
// values escaped (backslash, comma, semicolon, newline). The group role goes in ROLE and the
// group in CATEGORIES, so an address book can find the group's members.
import type { ExportRow } from './export-rows.ts';

/** RFC 6350 §3.4: backslash, comma and semicolon are escaped; a line break becomes "\n". */
export function escapeVcardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 6350 §3.2: lines longer than 75 octets continue on the next line after CRLF and a space,
 * never splitting a UTF-8 character. */
export function foldVcardLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const character of line) {
    const bytes = Buffer.byteLength(character);
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
    }
    current += character;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** N from a display name "First Last": family;given;;; — a best effort, as names vary. */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return `${escapeVcardText(name)};;;;`;
  const family = words.pop() ?? '';
  return `${escapeVcardText(family)};${escapeVcardText(words.join(' '))};;;`;
}

export function formatMemberVcard(row: ExportRow, groupName: string): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escapeVcardText(row.name)}`,
    `N:${structuredName(row.name)}`,
    `EMAIL;TYPE=work:${escapeVcardText(row.email)}`,
    ...(row.organization ? [`ORG:${escapeVcardText(row.organization)}`] : []),
    ...(row.title ? [`TITLE:${escapeVcardText(row.title)}`] : []),
    `ROLE:${escapeVcardText(row.role)}`,
    `CATEGORIES:${escapeVcardText(groupName)}`,
    `NOTE:${escapeVcardText(describeMembership(row, groupName))}`,
    'END:VCARD',
  ];
  return lines.map(foldVcardLine).join('\r\n');
}

function describeMembership(row: ExportRow, groupName: string): string {
  const term = row.termEnd ? `${row.termStart || '?'} to ${row.termEnd}` : row.termStart ? `since ${row.termStart}` : '';
  const base = `${row.role}, ${groupName}${term ? ` (${term})` : ''}${row.status === 'past' ? ', past' : ''}`;
  return row.notes ? `${base}. ${row.notes}` : base;
}

export function formatMembersVcard(rows: readonly ExportRow[], groupName: string): string {
  return rows.map((row) => `${formatMemberVcard(row, groupName)}\r\n`).join('');
}
