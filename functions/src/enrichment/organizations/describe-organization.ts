// Finds an organization by its id as the API sees it: a stored entry (a merged-away one
// answers with the organization it was merged into), or "domain:<domain>" for one that only
// the registry or the domain rules describe. Pure.
import { findOrganizationFacts } from '../resolve-organization.ts';
import { compactFacts, type OrganizationFacts } from './organization-facts.ts';
import type { DotgovRegistry } from './dotgov-registry.ts';
import { makeDomainOrganizationId, readDomainOrganizationId, type OrganizationEntry } from './organization-entry.ts';

export interface OrganizationView {
  id: string;
  /** The stored entry, or null while only the registry or the rules describe it. */
  entry: OrganizationEntry | null;
  facts: OrganizationFacts;
  domains: string[];
}

/** Merges chain (A into B, then B into C); a bound keeps a corrupted cycle from hanging. */
const MAX_MERGE_HOPS = 16;

function describeEntry(entry: OrganizationEntry): OrganizationView {
  const domains = entry.domains.map((domain) => domain.toLowerCase());
  return {
    id: entry.id ?? makeDomainOrganizationId(domains[0] ?? entry.name),
    entry,
    facts: compactFacts({
      name: entry.name,
      kind: entry.kind,
      domain: domains[0] ?? '',
      source: entry.source ?? 'directory',
      detail: entry.detail,
      agency: entry.agency,
      subOrganization: entry.subOrganization,
      city: entry.city,
      state: entry.state,
    }),
    domains,
  };
}

export function describeOrganization(
  id: string,
  entries: readonly OrganizationEntry[],
  options: { registry?: DotgovRegistry | null } = {},
): OrganizationView | null {
  const byId = new Map(entries.filter((entry) => entry.id).map((entry) => [entry.id as string, entry]));
  let stored = byId.get(id);
  for (let hops = 0; stored?.mergedInto && hops < MAX_MERGE_HOPS; hops += 1) stored = byId.get(stored.mergedInto);
  if (stored && !stored.mergedInto) return describeEntry(stored);
  if (stored) return null;
  const domain = readDomainOrganizationId(id);
  if (!domain) return null;
  const found = findOrganizationFacts(domain, entries, options);
  if (!found) return null;
  if (found.entry) return describeEntry(found.entry);
  return { id: makeDomainOrganizationId(found.facts.domain), entry: null, facts: found.facts, domains: [found.facts.domain] };
}
