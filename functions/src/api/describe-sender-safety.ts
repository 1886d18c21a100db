// The lookup's first-contact answer: for each address that is unknown or deserves a warning,
// what its domain tells (registered .gov, organization kind, parent agency, state) and the
// warnings (enrichment/safety/detect-sender-warnings.ts). Known domains are the tenant's
// organizations and the .gov registry; both stay on the server. The tenant's organizations are
// read at most once per half minute per tenant (they change rarely, and a lookup must stay one
// or two Cosmos round trips); the registry's index is built once per loaded registry.
import { domainToUnicode } from 'node:url';
import { getDomain } from 'tldts';
import { domainOfEmail, normalizeEmail } from '../../../shared/domain/email-address.ts';
import type { PersonCard } from '../../../shared/domain/person-card.ts';
import type { SenderSafety } from '../../../shared/domain/sender-safety.ts';
import { findDotgovEntry, type DotgovRegistry } from '../enrichment/organizations/dotgov-registry.ts';
import { findOrganizationFacts, isFreemailDomain, summarizeFacts, type OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { detectSenderWarnings } from '../enrichment/safety/detect-sender-warnings.ts';
import { buildKnownDomainIndex, type KnownDomainIndex } from '../enrichment/safety/known-domain-index.ts';
import { getDotgovRegistry } from '../registry/load-dotgov-registry.ts';
import type { OrganizationsRepository } from '../store/organizations-repository.ts';
import type { ApiServices } from './api-services.ts';

const TENANT_DIRECTORY_TTL_MS = 30_000;

type CachedDirectory = { readAt: number; entries: Promise<OrganizationEntry[]>; index: Promise<KnownDomainIndex> };
const directories = new WeakMap<OrganizationsRepository, Map<string, CachedDirectory>>();
const registryIndexes = new WeakMap<DotgovRegistry, KnownDomainIndex>();

function readTenantDirectory(repository: OrganizationsRepository, tenantId: string, now: number): CachedDirectory {
  let byTenant = directories.get(repository);
  if (!byTenant) directories.set(repository, (byTenant = new Map()));
  const cached = byTenant.get(tenantId);
  if (cached && now - cached.readAt < TENANT_DIRECTORY_TTL_MS) return cached;
  // The cards matter more than the warnings: if the directory cannot be read, the checks go on
  // with the registry alone, and the failed read is not kept (the next lookup tries again).
  const entries = Promise.resolve()
    .then(() => repository.listAll(tenantId))
    .then((documents) => documents.filter((document) => !document.mergedInto))
    .catch((): OrganizationEntry[] => {
      byTenant.delete(tenantId);
      return [];
    });
  const fresh: CachedDirectory = {
    readAt: now,
    entries,
    index: entries.then((list) => buildKnownDomainIndex(list.flatMap((entry) => entry.domains.map((domain) => ({ domain, name: entry.name }))))),
  };
  byTenant.set(tenantId, fresh);
  return fresh;
}

function indexRegistry(registry: DotgovRegistry): KnownDomainIndex {
  let index = registryIndexes.get(registry);
  if (!index) {
    index = buildKnownDomainIndex([...registry.byDomain.values()].map((entry) => ({ domain: entry.domain, name: entry.subOrganization || entry.organization || null })));
    registryIndexes.set(registry, index);
  }
  return index;
}

/** Starts reading the tenant's organizations (if not cached) so the read overlaps the lookup's own queries. */
export function prefetchSenderSafety(services: ApiServices, tenantId: string): void {
  readTenantDirectory(services.repositories.organizations, tenantId, Date.now());
}

/** Forgets the cached tenant directories (tests that change organizations between lookups). */
export function forgetSenderSafetyCache(repository: OrganizationsRepository): void {
  directories.delete(repository);
}

export async function describeSenderSafety(
  services: ApiServices,
  options: { tenantId: string; people: readonly PersonCard[]; names?: readonly { email: string; name: string }[] },
): Promise<SenderSafety[]> {
  const registry = getDotgovRegistry();
  const directory = readTenantDirectory(services.repositories.organizations, options.tenantId, Date.now());
  const [entries, tenantIndex] = await Promise.all([directory.entries, directory.index]);
  const indexes = [tenantIndex, indexRegistry(registry)];
  const names = new Map((options.names ?? []).map((entry) => [normalizeEmail(entry.email), entry.name]));
  const answers: SenderSafety[] = [];
  for (const card of options.people) {
    const asciiHost = domainOfEmail(card.email);
    if (!asciiHost) continue;
    const host = domainToUnicode(asciiHost) || asciiHost;
    const registrable = getDomain(asciiHost) ?? asciiHost;
    const freemail = isFreemailDomain(registrable);
    const warnings = detectSenderWarnings({ email: card.email, host, displayName: names.get(card.email) ?? null, freemail }, indexes);
    if (card.known && warnings.length === 0) continue;
    const found = findOrganizationFacts(asciiHost, entries, { registry });
    const organization = found ? summarizeFacts(found.facts, found.entry?.id) : null;
    // An organization known only by its domain is named by it: in Unicode, as the reader sees it.
    if (organization && found?.facts.source === 'domain') organization.name = domainToUnicode(organization.name) || organization.name;
    answers.push({
      email: card.email,
      domain: {
        host,
        dotgov: findDotgovEntry(registry, asciiHost) !== null,
        freemail,
        organization,
      },
      warnings,
    });
  }
  return answers;
}
