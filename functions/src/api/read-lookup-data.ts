// What the lookup reads, in two Cosmos DB round trips whatever the number of addresses:
//   1. the people: a point read of each address's own record (its id comes from the address,
//      makePersonId), plus-address bases included: one request per 100 addresses;
//   2. together: every owner's edges to those people (the caller's strength and the team view;
//      each edge names its owner, so the team needs no read of the owners' records; only the
//      caller's own edges bring their subjects out of the database), the
//      people's memberships with the caller's teams (one query of the groups container), and
//      the primary record of any address that was merged into another person.
// Only rare states cost a third: a merged alias asked for whose primary has further aliases (their
// memberships and edges), or edges written before edges named their owner (the owners' names;
// an unnamed owner of an edge found in that third round trip shows as their address).
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import type { MembershipDocument } from '../enrichment/group-documents.ts';
import { expandLookupAddresses } from '../enrichment/people/normalize-address.ts';
import { resolvePerson } from '../enrichment/people/resolve-aliases.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import type { StoredEdge } from '../store/edges-repository.ts';
import type { Repositories } from '../store/repositories.ts';
import { TENANT_TEAM_ID } from '../../../shared/domain/group.ts';

export interface LookupData {
  /** The person each requested address means; undefined for someone never seen. */
  personOf(email: string): PersonDocument | undefined;
  /** A requested address's person's addresses: the primary and the confirmed aliases (and the address asked for). */
  addressesOf(email: string): string[];
  /** The people's memberships the caller may see (private teams' roles only to their members). */
  memberships: MembershipDocument[];
  /** Every owner's edges to the people's addresses. */
  edges: EdgeDocument[];
  /** Display names of the owners of those edges. */
  ownerNameOf(email: string): string | undefined;
}

/** A person's addresses: the primary and the confirmed aliases (and the address asked for). */
function addressesOfPerson(requested: string, person: PersonDocument | undefined): string[] {
  if (!person) return [requested];
  return [...new Set([person.email, ...(person.aliases ?? []), requested])];
}

export async function readLookupData(
  repositories: Pick<Repositories, 'people' | 'edges' | 'groups'>,
  request: { tenantId: string; caller: string; emails: readonly string[] },
): Promise<LookupData> {
  const { tenantId, caller, emails } = request;
  const { people, edges, groups } = repositories;

  // Round trip 1: the addresses' own records.
  const asked = [...new Set(emails.flatMap(expandLookupAddresses))];
  const records = await people.readByAddresses(tenantId, asked);
  const primaries = [...new Set(records.map((person) => person.mergedInto).filter((email): email is string => email !== undefined))];

  // Round trip 2: edges, memberships and the caller's teams for every address known so far, and
  // the primaries of merged addresses.
  const knownAddresses = new Set([...asked, ...primaries, ...records.flatMap((person) => person.aliases ?? [])]);
  const [primaryRecords, edgesRead, groupsRead] = await Promise.all([
    primaries.length > 0 ? people.readByAddresses(tenantId, primaries) : Promise.resolve([]),
    edges.findForContacts(tenantId, [...knownAddresses], { lastInteractionsOf: caller }),
    groups.findMembershipsVisibleTo(tenantId, [...knownAddresses], caller),
  ]);
  const candidates = [...records, ...primaryRecords.filter((primary) => !records.some((person) => person.email === primary.email))];
  const resolved = new Map(emails.map((email) => [email, resolvePerson(email, candidates)]));
  const addresses = new Map(emails.map((email) => [email, addressesOfPerson(email, resolved.get(email))]));
  const foundEdges: StoredEdge[] = [...edgesRead];
  const memberships = [...groupsRead.memberships];

  // Rare: a primary's further aliases (known only now), and owners of edges that do not name them.
  const laterAddresses = [...new Set([...addresses.values()].flat())].filter((address) => !knownAddresses.has(address));
  const ownerNames = new Map(candidates.filter((person) => !person.mergedInto).map((person) => [person.email, person.displayName.value]));
  const unnamedOwners = [
    ...new Set(foundEdges.filter((edge) => edge.ownerDisplayName === undefined && edge.ownerEmail !== caller && !ownerNames.has(edge.ownerEmail)).map((edge) => edge.ownerEmail)),
  ];
  const [laterEdges, laterGroups, ownerRecords] = await Promise.all([
    laterAddresses.length > 0 ? edges.findForContacts(tenantId, laterAddresses, { lastInteractionsOf: caller }) : Promise.resolve([]),
    laterAddresses.length > 0 ? groups.findMembershipsForPeople(tenantId, laterAddresses) : Promise.resolve([]),
    unnamedOwners.length > 0 ? people.readByAddresses(tenantId, unnamedOwners) : Promise.resolve([]),
  ]);
  foundEdges.push(...laterEdges);
  memberships.push(...laterGroups);
  for (const person of ownerRecords) ownerNames.set(person.email, person.displayName.value);
  for (const edge of foundEdges) if (edge.ownerDisplayName) ownerNames.set(edge.ownerEmail, edge.ownerDisplayName);

  const myTeams = new Set(groupsRead.teamIds);
  return {
    personOf: (email) => resolved.get(email),
    addressesOf: (email) => addresses.get(email) ?? [email],
    memberships: memberships.filter((m) => m.teamId === undefined || m.teamId === TENANT_TEAM_ID || myTeams.has(m.teamId)),
    edges: foundEdges,
    ownerNameOf: (email) => ownerNames.get(email),
  };
}
