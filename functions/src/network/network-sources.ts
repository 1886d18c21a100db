// What the network map is built from — the stored records the handler read — and an index over
// them that answers "who and what is next to this node". Pure: no I/O, plain data in.
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';
import type { EdgeStrength } from '../store/edges-repository.ts';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import { buildAliasMap, resolvePrimaryAddress } from '../enrichment/people/resolve-aliases.ts';

export interface NetworkSources {
  /** Records of the people read so far (labels, organizations, alias links). */
  people: readonly PersonDocument[];
  /** Memberships the caller may see (visible-memberships.ts), current ones only. */
  memberships: readonly MembershipDocument[];
  /** Owner ↔ contact strength aggregates (never the owner's interactions). */
  edges: readonly EdgeStrength[];
  /** Group records at hand (the center group's); other groups are named by their memberships. */
  groups: readonly GroupDocument[];
}

export type NetworkCenter = { kind: 'person'; email: string } | { kind: 'group'; groupId: string };

export type NodeRef =
  | { kind: 'person'; key: string; email: string }
  | { kind: 'group'; key: string; groupId: string }
  | { kind: 'organization'; key: string; organization: OrganizationSummary };

/** How close a tie is, for choosing which nodes to keep when there are too many: a strength 0–100. */
export interface Neighbour {
  ref: NodeRef;
  tie: number;
}

/** A role in a group, or working at an organization, ranks like a "Strong" relationship (docs/NETWORK-MAP.md). */
export const AFFILIATION_TIE = 50;

export function personRef(email: string): NodeRef {
  return { kind: 'person', key: `person:${email}`, email };
}

export function groupRef(groupId: string): NodeRef {
  return { kind: 'group', key: `group:${groupId}`, groupId };
}

export function organizationKey(organization: OrganizationSummary): string {
  return `organization:${organization.id ?? `domain:${organization.domain}`}`;
}

export interface NetworkIndex {
  /** An address as the map keys its person: confirmed aliases fold into the primary. */
  canonical(email: string): string;
  personOf(email: string): PersonDocument | undefined;
  groupName(groupId: string): { name: string; kind: GroupDocument['kind'] } | undefined;
  membershipsOfPerson(email: string): readonly MembershipDocument[];
  membershipsOfGroup(groupId: string): readonly MembershipDocument[];
  edgesOf(email: string): readonly { other: string; edge: EdgeStrength }[];
  neighbours(ref: NodeRef): Neighbour[];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexNetworkSources(sources: NetworkSources): NetworkIndex {
  const aliases = buildAliasMap(sources.people);
  const canonical = (email: string) => resolvePrimaryAddress(email, aliases);
  const people = new Map<string, PersonDocument>();
  // A primary's own record describes the person; an alias record only until the primary's is read.
  for (const person of sources.people) if (!person.mergedInto) people.set(person.email, person);
  for (const person of sources.people) if (person.mergedInto && !people.has(canonical(person.email))) people.set(canonical(person.email), person);

  const groups = new Map<string, { name: string; kind: GroupDocument['kind'] }>();
  for (const membership of sources.memberships) groups.set(membership.groupId, { name: membership.groupName, kind: membership.groupKind });
  for (const group of sources.groups) groups.set(group.id, { name: group.name, kind: group.kind });

  const byPerson = new Map<string, MembershipDocument[]>();
  const byGroup = new Map<string, MembershipDocument[]>();
  const seenMemberships = new Set<string>();
  for (const membership of sources.memberships) {
    if (seenMemberships.has(membership.id)) continue;
    seenMemberships.add(membership.id);
    pushTo(byPerson, canonical(membership.email), membership);
    pushTo(byGroup, membership.groupId, membership);
  }

  const byEmail = new Map<string, { other: string; edge: EdgeStrength }[]>();
  const seenEdges = new Set<string>();
  for (const edge of sources.edges) {
    if (seenEdges.has(edge.id)) continue;
    seenEdges.add(edge.id);
    const owner = canonical(edge.ownerEmail);
    const contact = canonical(edge.contactEmail);
    // No strength, no tie; and a person is not their own neighbour (an alias of themselves).
    if (edge.strength.score <= 0 || owner === contact) continue;
    pushTo(byEmail, owner, { other: contact, edge });
    pushTo(byEmail, contact, { other: owner, edge });
  }

  const index: NetworkIndex = {
    canonical,
    personOf: (email) => people.get(canonical(email)),
    groupName: (groupId) => groups.get(groupId),
    membershipsOfPerson: (email) => byPerson.get(canonical(email)) ?? [],
    membershipsOfGroup: (groupId) => byGroup.get(groupId) ?? [],
    edgesOf: (email) => byEmail.get(canonical(email)) ?? [],
    neighbours(ref) {
      if (ref.kind === 'group') return index.membershipsOfGroup(ref.groupId).map((m) => ({ ref: personRef(canonical(m.email)), tie: AFFILIATION_TIE }));
      // An organization's staff is not walked: it may be thousands; its people in the map link to it.
      if (ref.kind === 'organization') return [];
      const found: Neighbour[] = [];
      for (const membership of index.membershipsOfPerson(ref.email)) found.push({ ref: groupRef(membership.groupId), tie: AFFILIATION_TIE });
      for (const { other, edge } of index.edgesOf(ref.email)) found.push({ ref: personRef(other), tie: edge.strength.score });
      const organization = index.personOf(ref.email)?.organization;
      if (organization) found.push({ ref: { kind: 'organization', key: organizationKey(organization), organization }, tie: AFFILIATION_TIE });
      return found;
    },
  };
  return index;
}
