// Government display-name conventions carry facts: "Morgan, Jess (HOUSING)" names the
// agency, "Pat Okafor - Director" the title. This pulls them apart.
export interface ParsedDisplayName {
  name: string;
  title: string | null;
  unit: string | null;
}

const titleSuffix = /^(.+?)\s+[-–—|]\s+(.+)$/;
const unitSuffix = /^(.+?)\s*\(([^()]+)\)\s*$/;
const lastFirst = /^([^,]+),\s*(.+)$/;

export function parseDisplayName(raw: string): ParsedDisplayName {
  let name = raw.replace(/\s+/g, ' ').trim().replace(/^["']|["']$/g, '').trim();
  let title: string | null = null;
  let unit: string | null = null;
  const unitMatch = unitSuffix.exec(name);
  if (unitMatch?.[1] && unitMatch[2]) {
    name = unitMatch[1].trim();
    unit = unitMatch[2].trim();
  }
  const titleMatch = titleSuffix.exec(name);
  if (titleMatch?.[1] && titleMatch[2]) {
    name = titleMatch[1].trim();
    title = titleMatch[2].trim();
  }
  const lastFirstMatch = lastFirst.exec(name);
  if (lastFirstMatch?.[1] && lastFirstMatch[2]) {
    name = `${lastFirstMatch[2].trim()} ${lastFirstMatch[1].trim()}`;
  }
  return { name, title, unit };
}
