// Networks: communities in the tenant's co-occurrence graph. People are nodes; an edge's weight
// is how many non-bulk messages and meetings two people shared. Louvain finds the communities;
// its random node order is seeded, and nodes and edges are added in sorted order, so the same
// ledger always gives the same networks. Pure.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { TenantMeeting, TenantMessage } from './collect-messages.ts';
import { networkThresholds } from './network-thresholds.ts';

export interface CoOccurrenceEdge {
  a: string;
  b: string;
  weight: number;
}

export interface Community {
  /** Sorted addresses. */
  members: string[];
  /** Shared interactions inside the community (the sum of its edge weights). */
  interactions: number;
}

/** mulberry32: a tiny seeded generator, so Louvain's shuffles are the same on every run. */
export function createSeededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildCoOccurrenceEdges(
  messages: readonly TenantMessage[],
  meetings: readonly TenantMeeting[],
  options: { excluded: ReadonlySet<string> },
): CoOccurrenceEdge[] {
  const weights = new Map<string, number>();
  const addGroup = (people: readonly string[]): void => {
    const present = [...new Set(people)].filter((email) => !options.excluded.has(email)).sort();
    if (present.length < 2 || present.length > networkThresholds.communities.maxParticipants) return;
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const key = `${present[i]}\u0000${present[j]}`;
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  };
  for (const message of messages) if (!message.bulk && message.from) addGroup([message.from, ...message.recipients]);
  for (const meeting of meetings) addGroup(meeting.attendees);
  return [...weights]
    .map(([key, weight]) => {
      const [a, b] = key.split('\u0000') as [string, string];
      return { a, b, weight };
    })
    .sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

export function findCommunities(edges: readonly CoOccurrenceEdge[], options: { seed?: number; minEdgeWeight?: number } = {}): Community[] {
  const thresholds = networkThresholds.communities;
  const minEdgeWeight = options.minEdgeWeight ?? thresholds.minEdgeWeight;
  const kept = edges.filter((edge) => edge.weight >= minEdgeWeight);
  const graph = new Graph({ type: 'undirected' });
  for (const node of [...new Set(kept.flatMap((edge) => [edge.a, edge.b]))].sort()) graph.addNode(node);
  for (const edge of kept) graph.addEdge(edge.a, edge.b, { weight: edge.weight });
  if (graph.size === 0) return [];
  const assignment = louvain(graph, {
    getEdgeWeight: 'weight',
    resolution: thresholds.resolution,
    rng: createSeededRng(options.seed ?? thresholds.seed),
  });
  const byCommunity = new Map<number, string[]>();
  for (const node of graph.nodes()) {
    const community = assignment[node]!;
    const members = byCommunity.get(community) ?? [];
    members.push(node);
    byCommunity.set(community, members);
  }
  const communities = [...byCommunity.values()].map((members) => {
    const inside = new Set(members);
    const interactions = kept.filter((edge) => inside.has(edge.a) && inside.has(edge.b)).reduce((sum, edge) => sum + edge.weight, 0);
    return { members: members.sort(), interactions };
  });
  return communities.sort((a, b) => b.members.length - a.members.length || a.members[0]!.localeCompare(b.members[0]!));
}
