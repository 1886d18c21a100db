// POST /api/lookup: the cards of every participant of the open message, in one request and
// two Cosmos DB round trips whatever the number of addresses (read-lookup-data.ts).
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { lookupRoute } from '../../../shared/api/routes.ts';
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import { AppError } from '../errors/app-error.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { buildPersonCard } from './build-person-card.ts';
import { rankTeam } from './person-team.ts';
import { readLookupData } from './read-lookup-data.ts';
import { describeSenderSafety, prefetchSenderSafety } from './describe-sender-safety.ts';

/** The caller's own edge to the person: the primary's, else the strongest via an alias (until re-enrichment folds them). */
function pickOwnEdge(edges: readonly EdgeDocument[], owner: string, addresses: readonly string[], primary: string): EdgeDocument | undefined {
  const own = edges.filter((edge) => edge.ownerEmail === owner && addresses.includes(edge.contactEmail));
  return own.find((edge) => edge.contactEmail === primary) ?? own.sort((a, b) => b.strength.score - a.strength.score)[0];
}

export async function handleLookup(
  services: ApiServices,
  input: HandlerInput<{ emails: string[]; names?: { email: string; name: string }[] }>,
): Promise<RouteResponse<typeof lookupRoute>> {
  if (!input.identity) throw new AppError('unauthenticated', 'sign-in required');
  const { tenantId, userPrincipalName: owner } = input.identity;
  const emails = [...new Set(input.body.emails)];
  // First contact and safety (task pane issue): its known-domain read overlaps the queries below.
  prefetchSenderSafety(services, tenantId);
  const data = await readLookupData(services.repositories, { tenantId, caller: owner, emails });
  const cards = emails.map((email) => {
    const person = data.personOf(email);
    const own = data.addressesOf(email);
    const ownSet = new Set(own);
    return buildPersonCard(
      email,
      person,
      data.memberships.filter((m) => ownSet.has(m.email)),
      pickOwnEdge(data.edges, owner, own, person?.email ?? email),
      person
        ? {
            team: rankTeam({
              edges: data.edges,
              addresses: ownSet,
              excluded: new Set([owner, ...own]),
              displayNameOf: data.ownerNameOf,
            }),
          }
        : {},
    );
  });
  const safety = await describeSenderSafety(services, { tenantId, people: cards, names: input.body.names });
  return { people: cards, ...(safety.length > 0 ? { safety } : {}) };
}
