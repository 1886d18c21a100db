// Splits an RFC 5322 header block into its fields: continuation lines (starting with space or
// tab) are unfolded into the field they continue, and names are lower-cased, because a header
// name is case-insensitive and a field may legitimately appear more than once (Received).
export type HeaderFields = Map<string, string[]>;

const FIELD_LINE = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/;

/** Returns the fields and how many lines were neither a field nor a continuation. */
export function splitHeaderFields(headerText: string): { fields: HeaderFields; strayLines: number } {
  const fields: HeaderFields = new Map();
  let strayLines = 0;
  let current: { name: string; value: string } | null = null;
  const flush = () => {
    if (!current) return;
    const values = fields.get(current.name) ?? [];
    values.push(current.value.trim());
    fields.set(current.name, values);
    current = null;
  };
  for (const rawLine of headerText.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line === '') {
      // The header block ends at the first blank line; anything after it is body.
      break;
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && current) {
      // Unfolding removes the line break only; the leading white space stays (RFC 5322 2.2.3).
      (current as { value: string }).value += line;
      continue;
    }
    const match = FIELD_LINE.exec(line);
    if (!match) {
      flush();
      strayLines += 1;
      continue;
    }
    flush();
    current = { name: match[1]!.toLowerCase(), value: match[2]! };
  }
  flush();
  return { fields, strayLines };
}

/** The first value of a field, or undefined. */
export function firstField(fields: HeaderFields, name: string): string | undefined {
  return fields.get(name)?.[0];
}
