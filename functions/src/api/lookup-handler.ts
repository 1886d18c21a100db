// POST /api/lookup: the cards of every participant of the open message, in one request.
// At most four Cosmos queries whatever the number of addresses: the people the addresses may
// mean (aliases and plus-addresses resolved in the same query), their memberships, every
// owner's edges to them (the caller's own strength and the team view), and the names of the
// team members shown when the first query did not already bring them.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { lookupRoute } from '../../../shared/api/routes.ts';
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import { expandLookupAddresses } from '../enrichment/people/normalize-address.ts';
import { resolvePerson } from '../enrichment/people/resolve-aliases.ts';
import { TENANT_TEAM_ID } from '../../../shared/domain/group.ts';
import { AppError } from '../errors/app-error.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { buildPersonCard } from './build-person-card.ts';
import { rankTeam } from './person-team.ts';

/** A person's addresses: the primary and the confirmed aliases (and the address asked for). */
function addressesOf(requested: string, person: PersonDocument | undefined): string[] {
  if (!person) return [requested];
  return [...new Set([person.email, ...(person.aliases ?? []), requested])];
}

/** The caller's own edge to the person: the primary's, else the strongest via an alias (until re-enrichment folds them). */
function pickOwnEdge(edges: readonly EdgeDocument[], owner: string, addresses: readonly string[], primary: string): EdgeDocument | undefined {
  const own = edges.filter((edge) => edge.ownerEmail === owner && addresses.includes(edge.contactEmail));
  return own.find((edge) => edge.contactEmail === primary) ?? own.sort((a, b) => b.strength.score - a.strength.score)[0];
}

export async function handleLookup(
  services: ApiServices,
  input: HandlerInput<{ emails: string[] }>,
): Promise<RouteResponse<typeof lookupRoute>> {
  if (!input.identity) throw new AppError('unauthenticated', 'sign-in required');
  const { tenantId, userPrincipalName: owner } = input.identity;
  const emails = [...new Set(input.body.emails)];
  const { people, groups, edges } = services.repositories;
  const candidates = await people.findByAddresses(tenantId, [...new Set(emails.flatMap(expandLookupAddresses))]);
  const resolved = new Map(emails.map((email) => [email, resolvePerson(email, candidates)]));
  const addresses = new Map(emails.map((email) => [email, addressesOf(email, resolved.get(email))]));
  const allAddresses = [...new Set([...addresses.values()].flat())];
  const [memberships, contactEdges] = await Promise.all([
    groups.findMembershipsForPeople(tenantId, allAddresses),
    edges.findForContacts(tenantId, allAddresses),
  ]);
  // Roles in a private team's group are that team's business: shown only to its members.
  const privateTeams = [...new Set(memberships.map((m) => m.teamId).filter((teamId) => teamId !== undefined && teamId !== TENANT_TEAM_ID))];
  const myTeams = privateTeams.length > 0 ? new Set((await services.repositories.teams.listTeamsOf(tenantId, owner)).map((team) => team.id)) : new Set<string>();
  const visible = memberships.filter((m) => m.teamId === undefined || m.teamId === TENANT_TEAM_ID || myTeams.has(m.teamId));
  const names = new Map(candidates.filter((person) => !person.mergedInto).map((person) => [person.email, person.displayName.value]));
  const teamOwners = [...new Set(contactEdges.map((edge) => edge.ownerEmail))].filter((email) => email !== owner && !names.has(email));
  if (teamOwners.length > 0) {
    for (const person of await people.findByEmails(tenantId, teamOwners)) names.set(person.email, person.displayName.value);
  }
  return {
    people: emails.map((email) => {
      const person = resolved.get(email);
      const own = addresses.get(email) ?? [email];
      const ownSet = new Set(own);
      return buildPersonCard(
        email,
        person,
        visible.filter((m) => ownSet.has(m.email)),
        pickOwnEdge(contactEdges, owner, own, person?.email ?? email),
        person
          ? {
              team: rankTeam({
                edges: contactEdges,
                addresses: ownSet,
                excluded: new Set([owner, ...own]),
                displayNameOf: (address) => names.get(address),
              }),
            }
          : {},
      );
    }),
  };
}
