// GET /api/search?q=: people, organizations and groups for the pane's type-ahead. Tenant-scoped
// throughout; a private team's group is found only by the team's members (as lookup shows
// their roles); organizations come from the tenant's directory and overrides, then the .gov
// registry. Each kind is ranked (whole name, start, word start, anywhere) and capped.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import { SEARCH_LIMIT, type searchRoute } from '../../../shared/api/search-routes.ts';
import { groupKindLabels, TENANT_TEAM_ID } from '../../../shared/domain/group.ts';
import { labelOrganizationKind } from '../../../shared/domain/organization-kind.ts';
import type { DotgovRegistry } from '../enrichment/organizations/dotgov-registry.ts';
import { describeDotgovEntry } from '../enrichment/organizations/dotgov-registry.ts';
import { makeDomainOrganizationId } from '../enrichment/organizations/organization-entry.ts';
import { AppError } from '../errors/app-error.ts';
import { getDotgovRegistry } from '../registry/load-dotgov-registry.ts';
import type { SearchRepository } from '../store/search-repository.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { requireCaller, TENANT_TEAM_NAME } from './group-access.ts';
import { rankMatches } from './rank-search-matches.ts';

/** Rows read per kind before ranking: enough that the best matches are among them. */
const CANDIDATES = 40;

type RegistryRow = { domain: string; name: string; agency: string; search: string };
const registryRows = new WeakMap<DotgovRegistry, RegistryRow[]>();

function listRegistryRows(registry: DotgovRegistry): RegistryRow[] {
  let rows = registryRows.get(registry);
  if (!rows) {
    rows = [...registry.byDomain.values()].map((entry) => {
      const name = entry.subOrganization || entry.organization || entry.domain;
      return { domain: entry.domain, name, agency: entry.organization, search: `${name}\n${entry.organization}\n${entry.domain}`.toLowerCase() };
    });
    registryRows.set(registry, rows);
  }
  return rows;
}

function requireSearch(services: ApiServices): SearchRepository {
  const search = services.repositories.search;
  if (!search) throw new AppError('unavailable', 'search is not available on this server');
  return search;
}

export async function handleSearch(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof searchRoute>> {
  const caller = requireCaller(input);
  const search = requireSearch(services);
  const text = (input.query?.q ?? '').trim().toLowerCase();
  const [people, groups, organizations, myTeams] = await Promise.all([
    search.findPeople(caller.tenantId, text, CANDIDATES),
    search.findGroups(caller.tenantId, text, CANDIDATES),
    search.findOrganizations(caller.tenantId, text, CANDIDATES),
    services.repositories.teams.listTeamsOf(caller.tenantId, caller.email),
  ]);

  const teamNames = new Map(myTeams.map((team) => [team.id, team.name]));
  const visibleGroups = groups.filter((group) => group.teamId === undefined || group.teamId === TENANT_TEAM_ID || teamNames.has(group.teamId));

  const tenantOrganizations = rankMatches(organizations, text, { keysOf: (o) => [o.name, ...o.domains], limit: SEARCH_LIMIT }).map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    kindLabel: labelOrganizationKind(o.kind),
    domain: o.domains[0] ?? '',
    source: o.source === 'manual' ? ('manual' as const) : ('directory' as const),
  }));
  const taken = new Set(organizations.flatMap((o) => o.domains));
  const registry = getDotgovRegistry();
  const registryMatches =
    tenantOrganizations.length >= SEARCH_LIMIT
      ? []
      : rankMatches(
          listRegistryRows(registry).filter((row) => row.search.includes(text) && !taken.has(row.domain)),
          text,
          { keysOf: (row) => [row.name, row.agency, row.domain], limit: SEARCH_LIMIT - tenantOrganizations.length },
        ).map((row) => {
          const facts = describeDotgovEntry(registry.byDomain.get(row.domain)!);
          return { id: makeDomainOrganizationId(row.domain), name: facts.name, kind: facts.kind, kindLabel: labelOrganizationKind(facts.kind), domain: row.domain, source: 'dotgov' as const };
        });

  return {
    people: rankMatches(people, text, { keysOf: (p) => [p.displayName.value, p.email], limit: SEARCH_LIMIT }).map((p) => ({
      personId: p.id,
      email: p.email,
      displayName: p.displayName.value,
      title: p.title?.value ?? null,
      organization: p.organization?.name ?? null,
    })),
    organizations: [...tenantOrganizations, ...registryMatches],
    groups: rankMatches(visibleGroups, text, { keysOf: (g) => [g.name], limit: SEARCH_LIMIT }).map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      kindLabel: groupKindLabels[g.kind] ?? g.kind,
      teamName: g.teamId && g.teamId !== TENANT_TEAM_ID ? (teamNames.get(g.teamId) ?? g.teamId) : TENANT_TEAM_NAME,
    })),
  };
}
