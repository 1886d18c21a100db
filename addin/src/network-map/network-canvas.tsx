// The map itself: sigma.js draws the laid-out graph with WebGL (create-map-renderer.ts). Loaded
// on demand inside the dialog only, never in the task pane's bundle. Zoom buttons make the
// camera keyboard-operable; the list view carries the same data for assistive technology.
import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import type { PaneTheme } from '../office/read-office-theme.ts';
import { buildNetworkGraph, layoutNetworkGraph } from './build-network-graph.ts';
import { createMapRenderer, type MapRenderer } from './create-map-renderer.ts';
import type { VisibleNetwork } from './filter-network.ts';
import { networkPalettes } from './network-palette.ts';

const useStyles = makeStyles({
  frame: { position: 'relative', width: '100%', height: '100%', minHeight: '360px' },
  stage: { position: 'absolute', inset: 0 },
  zoom: { position: 'absolute', top: tokens.spacingVerticalS, right: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

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
  const renderer = useRef<MapRenderer | null>(null);
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
    let sigma: MapRenderer;
    try {
      sigma = createMapRenderer({ graph, container, palette, centerId: props.network.centerId, selectedId: () => selected.current });
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
  }, [graph, palette, props.network.centerId]);

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
