// Words for the map's ties, shared by the list view and the selected node's details: "Strong
// relationship (72)", "lead", "works here". Pure.
import type { NetworkEdge, NetworkNode } from '../../../shared/api/network-routes.ts';
import type { VisibleNetwork } from './filter-network.ts';

export const nodeKindLabels: Record<NetworkNode['kind'], string> = { person: 'Person', organization: 'Organization', group: 'Group' };

/** A tie as seen from one end of it. */
export function describeTie(edge: NetworkEdge, from: NetworkNode): string {
  if (edge.kind === 'knows') return `${edge.strengthLabel ?? 'Some'} relationship (${edge.strength ?? 0})`;
  if (edge.kind === 'member') return `role: ${edge.role ?? 'member'}`;
  return from.kind === 'organization' ? 'works here' : 'works at';
}

export interface Tie {
  other: NetworkNode;
  edge: NetworkEdge;
  text: string;
}

/** A node's ties in the visible network: strongest relationships first, then roles and workplaces, by name. */
export function listTies(network: Pick<VisibleNetwork, 'nodes' | 'edges'>, nodeId: string): Tie[] {
  const byId = new Map(network.nodes.map((node) => [node.id, node]));
  const from = byId.get(nodeId);
  if (!from) return [];
  const ties: Tie[] = [];
  for (const edge of network.edges) {
    const otherId = edge.source === nodeId ? edge.target : edge.target === nodeId ? edge.source : null;
    const other = otherId === null ? undefined : byId.get(otherId);
    if (other) ties.push({ other, edge, text: describeTie(edge, from) });
  }
  return ties.sort((a, b) => (b.edge.strength ?? -1) - (a.edge.strength ?? -1) || a.other.label.localeCompare(b.other.label));
}

/** How a node is tied to the center, for the list view's column; null when only through others. */
export function describeTieToCenter(network: Pick<VisibleNetwork, 'nodes' | 'edges' | 'centerId'>, node: NetworkNode): string | null {
  if (node.id === network.centerId) return null;
  const direct = listTies(network, node.id).find((tie) => tie.other.id === network.centerId);
  return direct ? direct.text : null;
}
