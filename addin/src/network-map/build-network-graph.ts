// The visible network as a graphology graph the renderer draws: node size by number of ties
// (hubs are big and labelled first), colour and symbol by kind, edge thickness by strength;
// then a layout — rings by steps from the center, settled by ForceAtlas2 with strength as
// weight, the same every time for the same network. Pure (no DOM).
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { NetworkEdge, NetworkNodeKind } from '../../../shared/api/network-routes.ts';
import type { VisibleNetwork } from './filter-network.ts';
import { nodeSymbols, type NetworkPalette } from './network-palette.ts';

export interface MapNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: NetworkNodeKind;
  level: number;
  /** The center's label is always drawn. */
  forceLabel: boolean;
}

export interface MapEdgeAttributes {
  size: number;
  color: string;
  /** ForceAtlas2's attraction: strong relationships pull closer. */
  weight: number;
}

export type MapGraph = Graph<MapNodeAttributes, MapEdgeAttributes>;

/** 5 px for a leaf, growing with the square root of its ties, at most 20; the center 22. */
export function sizeForDegree(degree: number): number {
  return Math.min(20, 5 + 2 * Math.sqrt(degree));
}

function edgeSize(edge: NetworkEdge): number {
  return edge.kind === 'knows' ? 0.6 + ((edge.strength ?? 0) / 100) * 4 : edge.kind === 'member' ? 1.2 : 0.8;
}

function edgeWeight(edge: NetworkEdge): number {
  return edge.kind === 'knows' ? 0.2 + (edge.strength ?? 0) / 100 : edge.kind === 'member' ? 0.8 : 0.5;
}

export function buildNetworkGraph(network: VisibleNetwork, palette: NetworkPalette): MapGraph {
  const graph: MapGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  // Rings by level, each ring's nodes spread evenly in the network's order (deterministic).
  const perLevel = new Map<number, number>();
  for (const node of network.nodes) perLevel.set(node.level, (perLevel.get(node.level) ?? 0) + 1);
  const placed = new Map<number, number>();
  for (const node of network.nodes) {
    const index = placed.get(node.level) ?? 0;
    placed.set(node.level, index + 1);
    const angle = (2 * Math.PI * index) / (perLevel.get(node.level) ?? 1) + node.level * 0.5;
    const radius = node.level * 100;
    const isCenter = node.id === network.centerId;
    graph.addNode(node.id, {
      x: radius * Math.cos(angle),
      y: radius * Math.sin(angle),
      size: isCenter ? 22 : sizeForDegree(network.degree.get(node.id) ?? 0),
      color: palette.node[node.kind],
      label: node.kind === 'person' ? node.label : `${nodeSymbols[node.kind]} ${node.label}`,
      kind: node.kind,
      level: node.level,
      forceLabel: isCenter,
    });
  }
  for (const edge of network.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || graph.hasEdge(edge.source, edge.target)) continue;
    graph.addEdge(edge.source, edge.target, { size: edgeSize(edge), color: palette.edge, weight: edgeWeight(edge) });
  }
  return graph;
}

/** Settles the graph in place; more nodes get fewer iterations, so 500 stays quick. */
export function layoutNetworkGraph(graph: MapGraph, options: { iterations?: number } = {}): void {
  if (graph.order < 2) return;
  const iterations = options.iterations ?? Math.round(Math.max(60, Math.min(300, 30_000 / graph.order)));
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: false, barnesHutOptimize: graph.order > 300, scalingRatio: 10, gravity: 1 },
  });
}
