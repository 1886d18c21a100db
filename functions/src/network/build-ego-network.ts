// The ego network of a person or group, as the network map shows it: walk out from the center
// level by level over the records read, keep the closest nodes up to the limit, and link every
// kept pair the records connect. Pure: same records in, same network out.
//
//   person → their groups (a role), their organization, the people with a relationship
//            strength to them (either side a mailbox owner)
//   group  → its members
//   organization → nothing further (its staff could be thousands); people in the map link to it
import type { EgoNetwork, NetworkEdge, NetworkNode } from '../../../shared/api/network-routes.ts';
import { groupKindLabels } from '../../../shared/domain/group.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import {
  groupRef,
  indexNetworkSources,
  organizationKey,
  personRef,
  type NetworkCenter,
  type NetworkIndex,
  type NetworkSources,
  type NodeRef,
} from './network-sources.ts';

export interface WalkedNode {
  ref: NodeRef;
  /** Steps from the center. */
  level: number;
  /** The closest tie to a node one level nearer the center (0–100). */
  tie: number;
}

export function centerRef(center: NetworkCenter, index: NetworkIndex): NodeRef {
  return center.kind === 'person' ? personRef(index.canonical(center.email)) : groupRef(center.groupId);
}

/** Every node within `depth` steps of the center, by key, with its level and tie. */
export function walkEgoNetwork(options: { center: NetworkCenter; index: NetworkIndex; depth: number }): Map<string, WalkedNode> {
  const start = centerRef(options.center, options.index);
  const nodes = new Map<string, WalkedNode>([[start.key, { ref: start, level: 0, tie: 100 }]]);
  let frontier: NodeRef[] = [start];
  for (let level = 1; level <= options.depth && frontier.length > 0; level += 1) {
    const next: NodeRef[] = [];
    for (const ref of frontier) {
      for (const neighbour of options.index.neighbours(ref)) {
        const known = nodes.get(neighbour.ref.key);
        if (!known) {
          nodes.set(neighbour.ref.key, { ref: neighbour.ref, level, tie: neighbour.tie });
          next.push(neighbour.ref);
        } else if (known.level === level && neighbour.tie > known.tie) {
          known.tie = neighbour.tie;
        }
      }
    }
    frontier = next;
  }
  return nodes;
}

/** The people and groups at `level` steps from the center: the ones to read the records of next. */
export function findFrontier(options: { center: NetworkCenter; sources: NetworkSources; level: number }): { emails: string[]; groupIds: string[] } {
  const walked = walkEgoNetwork({ center: options.center, index: indexNetworkSources(options.sources), depth: options.level });
  const atLevel = [...walked.values()].filter((node) => node.level === options.level).map((node) => node.ref);
  return {
    emails: atLevel.flatMap((ref) => (ref.kind === 'person' ? [ref.email] : [])),
    groupIds: atLevel.flatMap((ref) => (ref.kind === 'group' ? [ref.groupId] : [])),
  };
}

/** Nearer levels first; within a level organizations and groups (few, they give the map its shape), then the closest ties. */
function compareForKeeping(a: WalkedNode, b: WalkedNode): number {
  const kindRank = (node: WalkedNode) => (node.ref.kind === 'person' ? 1 : 0);
  return a.level - b.level || kindRank(a) - kindRank(b) || b.tie - a.tie || a.ref.key.localeCompare(b.ref.key);
}

export interface BuildEgoNetworkOptions {
  tenantId: string;
  center: NetworkCenter;
  depth: number;
  limit: number;
  sources: NetworkSources;
}

export interface BuiltEgoNetwork {
  network: EgoNetwork;
  /** Kept people whose records were not among the sources: read them and build again for their names. */
  peopleWithoutRecord: string[];
}

export function buildEgoNetwork(options: BuildEgoNetworkOptions): BuiltEgoNetwork {
  const index = indexNetworkSources(options.sources);
  const walked = walkEgoNetwork({ center: options.center, index, depth: options.depth });
  const kept = [...walked.values()].sort(compareForKeeping).slice(0, Math.max(1, options.limit));
  const keptKeys = new Set(kept.map((node) => node.ref.key));
  const nodes = kept.map((node) => describeNode(node, index, options.tenantId));
  const idOf = new Map(kept.map((node, position) => [node.ref.key, nodes[position]!.id]));
  const edges = linkKeptNodes({ index, sources: options.sources, kept, keptKeys, idOf });
  return {
    network: {
      centerId: nodes[0]!.id,
      depth: options.depth,
      nodes,
      edges,
      totalNodes: walked.size,
      truncated: walked.size > kept.length,
    },
    peopleWithoutRecord: kept.flatMap((node) => (node.ref.kind === 'person' && !index.personOf(node.ref.email) ? [node.ref.email] : [])),
  };
}

function describeNode(node: WalkedNode, index: NetworkIndex, tenantId: string): NetworkNode {
  const { ref, level } = node;
  if (ref.kind === 'person') {
    const person = index.personOf(ref.email);
    const personId = makePersonId(tenantId, ref.email);
    return {
      id: `person:${personId}`,
      kind: 'person',
      label: person?.displayName.value || ref.email,
      detail: person?.title?.value ?? null,
      level,
      email: ref.email,
      personId,
      ...(person?.organization ? { organizationKind: person.organization.kind, organization: person.organization.name } : {}),
    };
  }
  if (ref.kind === 'group') {
    const group = index.groupName(ref.groupId);
    return {
      id: ref.key,
      kind: 'group',
      label: group?.name ?? ref.groupId,
      detail: group ? groupKindLabels[group.kind] : null,
      level,
      groupId: ref.groupId,
      ...(group ? { groupKind: group.kind } : {}),
    };
  }
  return {
    id: ref.key,
    kind: 'organization',
    label: ref.organization.name,
    detail: ref.organization.kindLabel,
    level,
    organizationKind: ref.organization.kind,
  };
}

/** Every tie the records hold between two kept nodes, once: the strongest side of a relationship, all roles in a group. */
function linkKeptNodes(options: {
  index: NetworkIndex;
  sources: NetworkSources;
  kept: readonly WalkedNode[];
  keptKeys: ReadonlySet<string>;
  idOf: ReadonlyMap<string, string>;
}): NetworkEdge[] {
  const { index, sources, keptKeys: kept, idOf } = options;
  const edges = new Map<string, NetworkEdge>();
  const idFor = (key: string) => idOf.get(key)!;

  for (const edge of sources.edges) {
    const a = personRef(index.canonical(edge.ownerEmail)).key;
    const b = personRef(index.canonical(edge.contactEmail)).key;
    if (a === b || edge.strength.score <= 0 || !kept.has(a) || !kept.has(b)) continue;
    const [source, target] = [idFor(a), idFor(b)].sort() as [string, string];
    const pair = `knows|${source}|${target}`;
    const known = edges.get(pair);
    if (known && (known.strength ?? 0) >= edge.strength.score) continue;
    edges.set(pair, { source, target, kind: 'knows', strength: edge.strength.score, strengthLabel: edge.strength.label, role: null });
  }

  const roles = new Map<string, { source: string; target: string; roles: Set<string> }>();
  for (const membership of sources.memberships) {
    const person = personRef(index.canonical(membership.email)).key;
    const group = groupRef(membership.groupId).key;
    if (!kept.has(person) || !kept.has(group)) continue;
    const pair = `member|${person}|${group}`;
    const entry = roles.get(pair) ?? { source: idFor(person), target: idFor(group), roles: new Set<string>() };
    entry.roles.add(membership.role);
    roles.set(pair, entry);
  }
  for (const [pair, entry] of roles) {
    edges.set(pair, { source: entry.source, target: entry.target, kind: 'member', strength: null, strengthLabel: null, role: [...entry.roles].sort().join(', ') });
  }

  for (const { ref } of options.kept) {
    if (ref.kind !== 'person') continue;
    const organization = index.personOf(ref.email)?.organization;
    const target = organization ? organizationKey(organization) : null;
    if (!target || !kept.has(target)) continue;
    edges.set(`works-at|${ref.key}`, { source: idFor(ref.key), target: idFor(target), kind: 'works-at', strength: null, strengthLabel: null, role: null });
  }

  return [...edges.values()].sort((x, y) => x.kind.localeCompare(y.kind) || x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
}
