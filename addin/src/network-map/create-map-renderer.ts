// sigma.js over the laid-out graph, with the settings that keep 500 nodes readable: labels go to
// the biggest nodes first and the rest appear as you zoom in (sigma's label grid, density and
// rendered-size threshold), edges hide while the map moves, the center is always labelled, and
// a chosen node dims everything not tied to it. Shared by the dialog and `npm run bench:map`.
import Sigma from 'sigma';
import type { MapEdgeAttributes, MapGraph, MapNodeAttributes } from './build-network-graph.ts';
import type { NetworkPalette } from './network-palette.ts';

/** More than this many nodes: edges are hidden while the map moves, so panning stays smooth. */
const HIDE_EDGES_WHILE_MOVING_ABOVE = 300;

export type MapRenderer = Sigma<MapNodeAttributes, MapEdgeAttributes>;

export function createMapRenderer(options: { graph: MapGraph; container: HTMLElement; palette: NetworkPalette; centerId: string; selectedId: () => string | null }): MapRenderer {
  const { graph, palette } = options;
  return new Sigma(graph, options.container, {
    labelColor: { color: palette.label },
    labelFont: '"Segoe UI", "Segoe UI Web (West European)", -apple-system, Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '600',
    labelDensity: 0.6,
    labelGridCellSize: 110,
    labelRenderedSizeThreshold: 9,
    hideEdgesOnMove: graph.order > HIDE_EDGES_WHILE_MOVING_ABOVE,
    zIndex: true,
    minCameraRatio: 0.05,
    maxCameraRatio: 4,
    nodeReducer: (node, data) => {
      const focus = options.selectedId();
      // Nothing chosen: the center's label stands out.
      if (!focus) return node === options.centerId ? { ...data, highlighted: true, zIndex: 2 } : data;
      if (node === focus) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
      if (graph.areNeighbors(node, focus)) return { ...data, zIndex: 1 };
      return { ...data, color: palette.nodeMuted, label: null, zIndex: 0 };
    },
    edgeReducer: (edge, data) => {
      const focus = options.selectedId();
      if (!focus || graph.hasExtremity(edge, focus)) return { ...data, zIndex: 1 };
      return { ...data, color: palette.edgeMuted, zIndex: 0 };
    },
  });
}
