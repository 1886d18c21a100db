// vCard 4.0: text escaping, line folding at 75 octets (never inside a UTF-8 character), a card per member.
import type { ExportRow } from '../../../functions/src/groups/export-rows.ts';
import { makeExportFilename } from '../../../functions/src/groups/export-rows.ts';
import { escapeVcardText, foldVcardLine, formatMemberVcard } from '../../../functions/src/groups/format-vcard.ts';

it.each([
  ['plain', 'plain'],
  ['a,b', 'a\\,b'],
  ['a;b', 'a\\;b'],
  ['back\\slash', 'back\\\\slash'],
  ['two\nlines', 'two\\nlines'],
  ['crlf\r\nhere', 'crlf\\nhere'],
])('escapes %j as %j', (value, escaped) => {
  expect(escapeVcardText(value)).toBe(escaped);
});

describe('foldVcardLine', () => {
  it('leaves short lines alone', () => {
    expect(foldVcardLine('FN:Jess')).toBe('FN:Jess');
  });

  it('folds at 75 octets with CRLF and a space', () => {
    const folded = foldVcardLine(`NOTE:${'x'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(`NOTE:${'x'.repeat(200)}`);
  });

  it('never splits a multi-byte character', () => {
    const value = `FN:${'é'.repeat(60)}${'😀'.repeat(20)}`;
    const lines = foldVcardLine(value).split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(value);
  });
});

it('writes a vCard 4.0 card with the group role and the group as a category', () => {
  const row: ExportRow = {
    name: 'Jess Morgan', email: 'jess@x.gov', role: 'lead', organization: 'Housing; Health', organizationKind: 'State agency',
    title: 'Director', termStart: '2025-01-01', termEnd: '', status: 'current', source: 'manual', notes: '',
  };
  expect(formatMemberVcard(row, 'Shelter Network').split('\r\n')).toEqual([
    'BEGIN:VCARD',
    'VERSION:4.0',
    'FN:Jess Morgan',
    'N:Morgan;Jess;;;',
    'EMAIL;TYPE=work:jess@x.gov',
    'ORG:Housing\\; Health',
    'TITLE:Director',
    'ROLE:lead',
    'CATEGORIES:Shelter Network',
    'NOTE:lead\\, Shelter Network (since 2025-01-01)',
    'END:VCARD',
  ]);
});

it.each([
  ['Shelter Network', 'shelter-network-members.csv'],
  ['Équipe « Logement »', 'equipe-logement-members.csv'],
  ['***', 'group-members.csv'],
])('file name for %j', (name, filename) => {
  expect(makeExportFilename(name, 'csv')).toBe(filename);
});
