// The network map dialog: whose network it is, the filters and legend beside the map, the map
// (or, where the browser cannot draw it, a notice) and the same network as a list, and the
// chosen node's ties. Opened from a person card or a group page in the task pane.
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EgoNetwork, NetworkNode } from '../../../shared/api/network-routes.ts';
import type { PaneTheme } from '../office/read-office-theme.ts';
import { defaultNetworkFilters, filterNetwork, listOrganizationKinds, type NetworkFilters, type VisibleNetwork } from './filter-network.ts';
import { NetworkFiltersPanel } from './network-filters-panel.tsx';
import { NetworkLegend } from './network-legend.tsx';
import { NetworkListView } from './network-list-view.tsx';
import type { NetworkMapTarget } from './network-map-protocol.ts';
import type { NetworkMapServices } from './network-map-services.ts';
import { networkPalettes } from './network-palette.ts';
import { NodeDetails } from './node-details.tsx';
import { useNetwork } from './use-network.ts';

// sigma.js and the layout load only when the map is drawn (not for the list, not without WebGL).
const NetworkCanvas = lazy(() => import('./network-canvas.tsx').then((module) => ({ default: module.NetworkCanvas })));

const useStyles = makeStyles({
  root: {
    height: '100vh',
    boxSizing: 'border-box',
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  summary: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  body: { display: 'grid', gridTemplateColumns: 'minmax(220px, 260px) 1fr', minHeight: 0 },
  side: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  main: { display: 'grid', gridTemplateRows: 'auto 1fr', minHeight: 0, minWidth: 0 },
  panels: { display: 'grid', gridTemplateColumns: '1fr minmax(220px, 300px)', minHeight: 0 },
  view: { minHeight: 0, minWidth: 0, overflow: 'hidden', padding: tokens.spacingHorizontalS },
  details: { padding: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflowY: 'auto' },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  state: { padding: tokens.spacingHorizontalL },
});

type View = 'map' | 'list';

function describeTarget(target: NetworkMapTarget): string {
  return target.label ?? ('email' in target ? target.email : 'this network');
}

function countKinds(nodes: readonly NetworkNode[]): string {
  const count = (kind: NetworkNode['kind']) => nodes.filter((node) => node.kind === kind).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(count('person'), 'person', 'people')}, ${plural(count('organization'), 'organization', 'organizations')}, ${plural(count('group'), 'group', 'groups')}`;
}

export function NetworkMapApp(props: { services: NetworkMapServices; target: NetworkMapTarget; theme: PaneTheme }) {
  const styles = useStyles();
  const [target, setTarget] = useState(props.target);
  const [depth, setDepth] = useState<1 | 2>(2);
  const { state, retry } = useNetwork(props.services, target, depth);
  const [filters, setFilters] = useState<NetworkFilters>(defaultNetworkFilters);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const mapPossible = useMemo(() => props.services.canDrawMap(), [props.services]);
  const [mapProblem, setMapProblem] = useState<string | null>(mapPossible ? null : 'this browser offers no WebGL');
  const [view, setView] = useState<View>(mapPossible ? 'map' : 'list');
  const palette = networkPalettes[props.theme];

  // A new center starts with nothing chosen.
  useEffect(() => setSelectedId(null), [target]);

  const network = state.status === 'ready' ? state.network : null;
  const visible = useMemo(() => (network ? filterNetwork(network, filters) : null), [network, filters]);
  const center = network?.nodes.find((node) => node.id === network.centerId);
  const centerLabel = center?.label ?? describeTarget(target);
  const selected = visible && selectedId ? visible.nodes.find((node) => node.id === selectedId) ?? null : null;

  const details = useRef<HTMLDivElement>(null);
  const select = useCallback((nodeId: string | null) => {
    setSelectedId(nodeId);
    // Keyboard and screen-reader users land on what they chose.
    if (nodeId) requestAnimationFrame(() => details.current?.querySelector<HTMLElement>('#network-node-heading')?.focus());
  }, []);

  return (
    <FluentProvider theme={props.theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={props.theme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>Network of {centerLabel}</h1>
          <p className={styles.summary} role="status">
            {state.status === 'loading' && 'Loading the network…'}
            {visible && network && <NetworkSummary network={network} visible={visible} />}
          </p>
        </header>
        {state.status === 'error' ? (
          <div className={styles.state}>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Could not load the network</MessageBarTitle>
                {state.message}
              </MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" size="small" onClick={retry}>
                  Retry
                </Button>
              </MessageBarActions>
            </MessageBar>
          </div>
        ) : (
          <div className={styles.body}>
            <aside className={styles.side} aria-label="Filters and legend">
              <NetworkFiltersPanel depth={depth} onDepthChange={setDepth} filters={filters} organizationKinds={network ? listOrganizationKinds(network) : []} onChange={setFilters} />
              <NetworkLegend palette={palette} />
            </aside>
            <main className={styles.main}>
              <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} size="small">
                <Tab value="map">Map</Tab>
                <Tab value="list">List</Tab>
              </TabList>
              <div className={styles.panels}>
                <div className={styles.view} role="tabpanel" aria-label={view === 'map' ? 'Map' : 'List'}>
                  {!visible && <Spinner label="Loading the network…" />}
                  {visible && view === 'map' && mapProblem && (
                    <MessageBar intent="info" layout="multiline">
                      <MessageBarBody>
                        <MessageBarTitle>The map cannot be drawn here</MessageBarTitle>
                        Drawing it needs WebGL ({mapProblem}). The List tab shows the same network.
                      </MessageBarBody>
                      <MessageBarActions>
                        <Button size="small" onClick={() => setView('list')}>
                          Show the list
                        </Button>
                      </MessageBarActions>
                    </MessageBar>
                  )}
                  {visible && view === 'map' && !mapProblem && (
                    <Suspense fallback={<Spinner label="Drawing the map…" />}>
                      <NetworkCanvas network={visible} centerLabel={centerLabel} theme={props.theme} selectedId={selectedId} onSelect={select} onUnavailable={setMapProblem} />
                    </Suspense>
                  )}
                  {visible && view === 'list' && <NetworkListView network={visible} centerLabel={centerLabel} selectedId={selectedId} onSelect={select} />}
                </div>
                <div className={styles.details} ref={details}>
                  {visible && selected ? (
                    <NodeDetails network={visible} node={selected} onSelect={select} onRecenter={setTarget} />
                  ) : (
                    <p className={styles.hint}>Choose someone or something on the {view === 'map' ? 'map' : 'list'} to see their ties.</p>
                  )}
                </div>
              </div>
            </main>
          </div>
        )}
      </div>
    </FluentProvider>
  );
}

function NetworkSummary(props: { network: EgoNetwork; visible: VisibleNetwork }) {
  const { network, visible } = props;
  const parts = [`Showing ${countKinds(visible.nodes)}`];
  if (visible.hiddenCount > 0) parts.push(`${visible.hiddenCount} hidden by the filters`);
  if (network.truncated) parts.push(`the ${network.nodes.length} closest of ${network.totalNodes}`);
  return <>{parts.join(' · ')}.</>;
}
