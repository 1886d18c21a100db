// The map's filters, applied to the network the API sent: which kinds of node, the weakest
// relationship still drawn, which kinds of organization. What a filter cuts off from the center
// goes too: an ego network shows only what is still connected to its center. Pure.
import type { EgoNetwork, NetworkEdge, NetworkNode, NetworkNodeKind } from '../../../shared/api/network-routes.ts';
import { labelOrganizationKind, type OrganizationKind } from '../../../shared/domain/organization-kind.ts';

export interface NetworkFilters {
  kinds: ReadonlySet<NetworkNodeKind>;
  /** Relationships (knows) weaker than this are not drawn; roles and workplaces have no strength and stay. */
  minStrength: number;
  /** Organizations of these kinds, and the people working at them; null: every kind. People with no known organization stay. */
  organizationKinds: ReadonlySet<OrganizationKind> | null;
}

export const defaultNetworkFilters: NetworkFilters = {
  kinds: new Set<NetworkNodeKind>(['person', 'organization', 'group']),
  minStrength: 0,
  organizationKinds: null,
};

export interface VisibleNetwork {
  centerId: string;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Ties per visible node (drawn size, list column). */
  degree: ReadonlyMap<string, number>;
  /** Nodes of the answer the filters hide. */
  hiddenCount: number;
}

/** The organization kinds in the network, as the filter offers them, by label. */
export function listOrganizationKinds(network: Pick<EgoNetwork, 'nodes'>): OrganizationKind[] {
  const kinds = new Set(network.nodes.flatMap((node) => (node.organizationKind ? [node.organizationKind] : [])));
  return [...kinds].sort((a, b) => labelOrganizationKind(a).localeCompare(labelOrganizationKind(b)));
}

function passesNodeFilters(node: NetworkNode, filters: NetworkFilters): boolean {
  if (!filters.kinds.has(node.kind)) return false;
  return !filters.organizationKinds || node.organizationKind === undefined || node.kind === 'group' || filters.organizationKinds.has(node.organizationKind);
}

export function filterNetwork(network: Pick<EgoNetwork, 'centerId' | 'nodes' | 'edges'>, filters: NetworkFilters): VisibleNetwork {
  const passing = new Set(network.nodes.filter((node) => node.id === network.centerId || passesNodeFilters(node, filters)).map((node) => node.id));
  const candidateEdges = network.edges.filter(
    (edge) => passing.has(edge.source) && passing.has(edge.target) && (edge.kind !== 'knows' || (edge.strength ?? 0) >= filters.minStrength),
  );
  // Still connected to the center through what is drawn.
  const neighbours = new Map<string, string[]>();
  for (const edge of candidateEdges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const reached = new Set([network.centerId]);
  const queue = [network.centerId];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const other of neighbours.get(next) ?? []) {
      if (!reached.has(other)) {
        reached.add(other);
        queue.push(other);
      }
    }
  }
  const nodes = network.nodes.filter((node) => reached.has(node.id));
  const edges = candidateEdges.filter((edge) => reached.has(edge.source) && reached.has(edge.target));
  const degree = new Map(nodes.map((node) => [node.id, 0]));
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return { centerId: network.centerId, nodes, edges, degree, hiddenCount: network.nodes.length - nodes.length };
}
