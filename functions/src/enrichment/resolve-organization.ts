// Which organization an address belongs to, in a fixed order (docs/ORGANIZATIONS.md):
// 1. the tenant's own entries — the directory an admin listed and the overrides users made
//    (edits, merges, splits) — most specific domain first;
// 2. the .gov registry (CISA), when one is passed;
// 3. domain rules: .us localities, .mil, .edu;
// 4. the registrable domain itself, kind unknown — never a public suffix, never freemail. Pure.
import { getDomain } from 'tldts';
import { domainOfEmail } from '../../../shared/domain/email-address.ts';
import { labelOrganizationKind } from '../../../shared/domain/organization-kind.ts';
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';
import { classifyUsLocality } from './organizations/classify-us-locality.ts';
import { describeDotgovEntry, findDotgovEntry, type DotgovRegistry } from './organizations/dotgov-registry.ts';
import { compactFacts, type OrganizationFacts } from './organizations/organization-facts.ts';
import { makeDomainOrganizationId, type OrganizationEntry } from './organizations/organization-entry.ts';
import { matchTenantEntry } from './organizations/match-tenant-entry.ts';

export type { OrganizationEntry } from './organizations/organization-entry.ts';

export interface ResolveOrganizationOptions {
  /** The .gov registry; without it .gov domains fall through to the domain rules. */
  registry?: DotgovRegistry | null;
  /** Manual overrides kept apart from the directory (stored overrides usually arrive in `directory`). */
  overrides?: readonly OrganizationEntry[];
}

const freemail = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
  'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.com', 'mail.com', 'zoho.com',
]);

/** Whether a registrable domain is a free-mail provider (never an organization on its own). */
export function isFreemailDomain(registrable: string): boolean {
  return freemail.has(registrable.toLowerCase());
}

function classifyTopLevel(registrable: string): OrganizationFacts {
  if (registrable.endsWith('.mil')) return { name: registrable, kind: 'military', domain: registrable, source: 'domain-rule' };
  if (registrable.endsWith('.edu')) return { name: registrable, kind: 'education', domain: registrable, source: 'domain-rule' };
  return { name: registrable, kind: 'unknown', domain: registrable, source: 'domain' };
}

function readEntryFacts(entry: OrganizationEntry, domain: string): OrganizationFacts {
  return compactFacts({
    name: entry.name,
    kind: entry.kind,
    domain,
    source: entry.source ?? 'directory',
    detail: entry.detail,
    agency: entry.agency,
    subOrganization: entry.subOrganization,
    city: entry.city,
    state: entry.state,
  });
}

/** Everything known about a host's organization, by the resolution order, or null. */
export function findOrganizationFacts(
  host: string,
  directory: readonly OrganizationEntry[],
  options: ResolveOrganizationOptions = {},
): { facts: OrganizationFacts; entry: OrganizationEntry | null } | null {
  const tenantEntries = options.overrides?.length
    ? [...directory, ...options.overrides.map((entry) => ({ ...entry, source: 'manual' as const }))]
    : directory;
  const match = matchTenantEntry(host, tenantEntries);
  if (match) return { facts: readEntryFacts(match.entry, match.domain), entry: match.entry };
  const registered = options.registry ? findDotgovEntry(options.registry, host) : null;
  if (registered) return { facts: describeDotgovEntry(registered), entry: null };
  const locality = classifyUsLocality(host);
  if (locality) return { facts: compactFacts(locality), entry: null };
  const registrable = getDomain(host);
  if (!registrable || isFreemailDomain(registrable)) return null;
  return { facts: classifyTopLevel(registrable), entry: null };
}

export function summarizeOrganization(entry: OrganizationEntry, domain: string): OrganizationSummary {
  return summarizeFacts(readEntryFacts(entry, domain), entry.id);
}

/** The card's summary; an organization no document describes gets its domain-derived id. */
export function summarizeFacts(facts: OrganizationFacts, storedId?: string): OrganizationSummary {
  const isTenantEntry = facts.source === 'directory' || facts.source === 'manual';
  const id = storedId ?? (isTenantEntry ? undefined : makeDomainOrganizationId(facts.domain));
  const { name, kind, domain, ...rest } = facts;
  return compactFacts({ name, kind, kindLabel: labelOrganizationKind(kind), domain, ...(id ? { id } : {}), ...rest });
}

export function resolveOrganization(
  email: string,
  directory: readonly OrganizationEntry[],
  options: ResolveOrganizationOptions = {},
): OrganizationSummary | null {
  const host = domainOfEmail(email);
  if (!host) return null;
  const found = findOrganizationFacts(host, directory, options);
  return found ? summarizeFacts(found.facts, found.entry?.id) : null;
}
