// The map itself: sigma.js draws the laid-out graph with WebGL. Loaded on demand inside the
// dialog only (never in the task pane's bundle). Readable at 500 nodes: labels go to the
// biggest nodes first and the rest appear as you zoom in (sigma's label grid and size
// threshold), edges hide while moving, and choosing a node dims everything not tied to it.
// Zoom buttons make the camera keyboard-operable; the list view carries the same data for
// assistive technology.
import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import Sigma from 'sigma';
import type { PaneTheme } from '../office/read-office-theme.ts';
import { buildNetworkGraph, layoutNetworkGraph, type MapEdgeAttributes, type MapNodeAttributes } from './build-network-graph.ts';
import type { VisibleNetwork } from './filter-network.ts';
import { networkPalettes } from './network-palette.ts';

const useStyles = makeStyles({
  frame: { position: 'relative', width: '100%', height: '100%', minHeight: '360px' },
  stage: { position: 'absolute', inset: 0 },
  zoom: { position: 'absolute', top: tokens.spacingVerticalS, right: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** More than this many nodes: edges are hidden while the map moves, so panning stays smooth. */
const HIDE_EDGES_WHILE_MOVING_ABOVE = 300;

export interface NetworkCanvasProps {
  network: VisibleNetwork;
  centerLabel: string;
  theme: PaneTheme;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  /** The browser could not draw after all (no WebGL context): the dialog falls back to the list. */
  onUnavailable: (reason: string) => void;
}

export function NetworkCanvas(props: NetworkCanvasProps) {
  const styles = useStyles();
  const stage = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma<MapNodeAttributes, MapEdgeAttributes> | null>(null);
  const selected = useRef(props.selectedId);
  const callbacks = useRef({ onSelect: props.onSelect, onUnavailable: props.onUnavailable });
  callbacks.current = { onSelect: props.onSelect, onUnavailable: props.onUnavailable };
  const palette = networkPalettes[props.theme];

  const graph = useMemo(() => {
    const built = buildNetworkGraph(props.network, palette);
    layoutNetworkGraph(built);
    return built;
  }, [props.network, palette]);

  useEffect(() => {
    const container = stage.current;
    if (!container) return;
    let sigma: Sigma<MapNodeAttributes, MapEdgeAttributes>;
    try {
      sigma = new Sigma(graph, container, {
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
          const focus = selected.current;
          if (!focus || node === focus || graph.areNeighbors(node, focus)) return node === focus ? { ...data, highlighted: true, forceLabel: true, zIndex: 2 } : { ...data, zIndex: 1 };
          return { ...data, color: palette.nodeMuted, label: null, zIndex: 0 };
        },
        edgeReducer: (edge, data) => {
          const focus = selected.current;
          if (!focus || graph.hasExtremity(edge, focus)) return { ...data, zIndex: 1 };
          return { ...data, color: palette.edgeMuted, zIndex: 0 };
        },
      });
    } catch (error) {
      callbacks.current.onUnavailable(error instanceof Error ? error.message : 'the map could not be drawn');
      return;
    }
    sigma.on('clickNode', ({ node }) => callbacks.current.onSelect(node));
    sigma.on('clickStage', () => callbacks.current.onSelect(null));
    renderer.current = sigma;
    container.dataset.renderedNodes = String(graph.order);
    return () => {
      renderer.current = null;
      delete container.dataset.renderedNodes;
      sigma.kill();
    };
  }, [graph, palette]);

  useEffect(() => {
    selected.current = props.selectedId;
    renderer.current?.refresh({ skipIndexation: false });
  }, [props.selectedId]);

  const camera = () => renderer.current?.getCamera();
  return (
    <div className={styles.frame}>
      <div
        ref={stage}
        className={styles.stage}
        role="img"
        aria-label={`Network map of ${props.centerLabel}: ${props.network.nodes.length} people, organizations and groups. The List tab has the same network for keyboard and screen-reader use.`}
      />
      <div className={styles.zoom} role="group" aria-label="Zoom">
        <Tooltip content="Zoom in" relationship="label">
          <Button size="small" onClick={() => void camera()?.animatedZoom({ duration: 200 })}>
            +
          </Button>
        </Tooltip>
        <Tooltip content="Zoom out" relationship="label">
          <Button size="small" onClick={() => void camera()?.animatedUnzoom({ duration: 200 })}>
            −
          </Button>
        </Tooltip>
        <Tooltip content="Fit the whole network" relationship="label">
          <Button size="small" onClick={() => void camera()?.animatedReset({ duration: 200 })}>
            ⤢
          </Button>
        </Tooltip>
      </div>
    </div>
  );
}
