// A small RFC 4180 CSV parser: quoted fields with embedded commas, quotes ("") and line
// breaks, CRLF or LF records, a UTF-8 BOM. Written here rather than pulled in as a package
// because the registry file is the only CSV the product reads. Pure.

/** Parses CSV text into rows of fields; a trailing line break does not make an empty row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = text.length;
  while (index < length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        continue;
      }
      field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      index += 1;
    } else if (char === ',') {
      row.push(field);
      field = '';
      index += 1;
    } else if (char === '\r' || char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
    } else {
      // Take the rest of an unquoted field in one slice: character-by-character appends cost
      // most of the time on a 16k-row file.
      let end = index + 1;
      while (end < length) {
        const next = text.charCodeAt(end);
        if (next === 44 /* , */ || next === 13 /* \r */ || next === 10 /* \n */) break;
        end += 1;
      }
      field += text.slice(index, end);
      index = end;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header row; short rows get empty strings for missing fields. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((name) => name.trim());
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ''))
    .map((row) => Object.fromEntries(names.map((name, column) => [name, row[column] ?? ''])));
}
