// The .gov registry (CISA's current-full.csv) as an index by domain: built once from the file's
// text, then an O(1) lookup per suffix of an address's host. Entries are registrable .gov
// domains; a subdomain of an entry belongs to that entry. Pure.
import { classifyDomainType } from './classify-domain-type.ts';
import { compactFacts, type OrganizationFacts } from './organization-facts.ts';
import { parseCsvRecords } from './parse-csv.ts';

export interface DotgovEntry {
  domain: string;
  domainType: string;
  organization: string;
  subOrganization: string;
  city: string;
  state: string;
}

export interface DotgovRegistry {
  readonly byDomain: ReadonlyMap<string, DotgovEntry>;
}

export const DOTGOV_COLUMNS = ['Domain name', 'Domain type', 'Organization name', 'Suborganization name', 'City', 'State'] as const;

/** Indexes the registry CSV; throws naming the column when the file is not the registry's format. */
export function parseDotgovRegistry(csvText: string): DotgovRegistry {
  const records = parseCsvRecords(csvText);
  const header = records[0] ? Object.keys(records[0]) : [];
  if (records.length > 0) {
    const missing = DOTGOV_COLUMNS.filter((column) => !header.includes(column));
    if (missing.length > 0) throw new Error(`not a .gov registry file: column "${missing[0]}" is missing`);
  }
  const byDomain = new Map<string, DotgovEntry>();
  for (const record of records) {
    const domain = (record['Domain name'] ?? '').trim().toLowerCase();
    if (!domain) continue;
    byDomain.set(domain, {
      domain,
      domainType: (record['Domain type'] ?? '').trim(),
      organization: (record['Organization name'] ?? '').trim(),
      subOrganization: (record['Suborganization name'] ?? '').trim(),
      city: (record.City ?? '').trim(),
      state: (record.State ?? '').trim().toUpperCase(),
    });
  }
  return { byDomain };
}

/** The registry entry a host belongs to: the host itself or its nearest registered parent. */
export function findDotgovEntry(registry: DotgovRegistry, host: string): DotgovEntry | null {
  let candidate = host.toLowerCase();
  for (;;) {
    const entry = registry.byDomain.get(candidate);
    if (entry) return entry;
    const dot = candidate.indexOf('.');
    // Stop before a bare top-level label: "gov" alone is never an entry.
    if (dot < 0 || candidate.indexOf('.', dot + 1) < 0) return null;
    candidate = candidate.slice(dot + 1);
  }
}

/** What a registry entry says: a sub-organization is the organization, its agency the parent. */
export function describeDotgovEntry(entry: DotgovEntry): OrganizationFacts {
  const { kind, detail } = classifyDomainType(entry.domainType);
  return compactFacts({
    name: entry.subOrganization || entry.organization || entry.domain,
    kind,
    domain: entry.domain,
    source: 'dotgov' as const,
    detail,
    agency: entry.organization || undefined,
    subOrganization: entry.subOrganization || undefined,
    city: entry.city || undefined,
    state: entry.state || undefined,
  });
}
