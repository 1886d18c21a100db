// CSV: RFC 4180 quoting and the formula-injection guard.
import { escapeCsvCell, formatMembersCsv } from '../../../functions/src/groups/format-csv.ts';
import type { ExportRow } from '../../../functions/src/groups/export-rows.ts';

it.each([
  ['plain', 'plain'],
  ['Reyes, Dana', '"Reyes, Dana"'],
  ['say "hi"', '"say ""hi"""'],
  ['two\nlines', '"two\nlines"'],
  ['cr\rhere', '"cr\rhere"'],
  ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
  ['+1 555', "'+1 555"],
  ['-2', "'-2"],
  ['@cmd', "'@cmd"],
  ['\tTabbed', "'\tTabbed"],
  ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
  ['a=b', 'a=b'],
  ['', ''],
])('%j → %j', (value, escaped) => {
  expect(escapeCsvCell(value)).toBe(escaped);
});

it('writes a header, CRLF lines and a byte-order mark', () => {
  const row: ExportRow = {
    name: 'Jess Morgan', email: 'jess@x.gov', role: 'lead', organization: 'Dept. of Housing', organizationKind: 'State agency',
    title: 'Director', termStart: '2025-01-01', termEnd: '', status: 'current', source: 'manual', notes: 'a, b',
  };
  expect(formatMembersCsv([row])).toBe(
    '\uFEFFName,Email,Role,Organization,Organization kind,Title,Term start,Term end,Status,Source,Notes\r\n' +
      'Jess Morgan,jess@x.gov,lead,Dept. of Housing,State agency,Director,2025-01-01,,current,manual,"a, b"\r\n',
  );
});
