// sigma.js over the laid-out graph, with the settings that keep 500 nodes readable: labels go to
// the biggest nodes first and the rest appear as you zoom in (sigma's label grid, density and
// rendered-size threshold), edges hide while the map moves, the center is always labelled, and
// a chosen node dims everything not tied to it. Shared by the dialog and `npm run bench:map`.
import Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { NodeHoverDrawingFunction } from 'sigma/rendering';
import type { MapEdgeAttributes, MapGraph, MapNodeAttributes } from './build-network-graph.ts';
import type { NetworkPalette } from './network-palette.ts';

/** More than this many nodes: edges are hidden while the map moves, so panning stays smooth. */
const HIDE_EDGES_WHILE_MOVING_ABOVE = 300;

export type MapRenderer = Sigma<MapNodeAttributes, MapEdgeAttributes>;

/**
 * The highlighted node's label on a box of the theme's background (sigma's own box is always
 * white, which hides the dark theme's white labels): the shape of sigma's drawDiscNodeHover.
 */
function drawHoverOn(background: string): NodeHoverDrawingFunction<MapNodeAttributes, MapEdgeAttributes> {
  return (context, data, settings) => {
    const padding = 2;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    context.fillStyle = background;
    context.shadowOffsetX = 0;
    context.shadowOffsetY = 0;
    context.shadowBlur = 8;
    context.shadowColor = '#000';
    context.beginPath();
    if (typeof data.label === 'string') {
      const boxWidth = Math.round(context.measureText(data.label).width + 5);
      const boxHeight = Math.round(settings.labelSize + 2 * padding);
      const radius = Math.max(data.size, settings.labelSize / 2) + padding;
      const angle = Math.asin(boxHeight / 2 / radius);
      const xDelta = Math.sqrt(Math.abs(radius ** 2 - (boxHeight / 2) ** 2));
      context.moveTo(data.x + xDelta, data.y + boxHeight / 2);
      context.lineTo(data.x + radius + boxWidth, data.y + boxHeight / 2);
      context.lineTo(data.x + radius + boxWidth, data.y - boxHeight / 2);
      context.lineTo(data.x + xDelta, data.y - boxHeight / 2);
      context.arc(data.x, data.y, radius, angle, -angle);
    } else {
      context.arc(data.x, data.y, data.size + padding, 0, Math.PI * 2);
    }
    context.closePath();
    context.fill();
    context.shadowBlur = 0;
    drawDiscNodeLabel(context, data, settings);
  };
}

export function createMapRenderer(options: { graph: MapGraph; container: HTMLElement; palette: NetworkPalette; centerId: string; selectedId: () => string | null }): MapRenderer {
  const { graph, palette } = options;
  return new Sigma(graph, options.container, {
    labelColor: { color: palette.label },
    defaultDrawNodeHover: drawHoverOn(palette.background),
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
