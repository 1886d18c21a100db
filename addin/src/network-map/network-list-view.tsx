// The network as a table: the keyboard and screen-reader way through the same data the map
// draws (a canvas says nothing to assistive technology), and the whole view where the browser
// cannot draw the map. Nearest first; choosing a name shows its ties.
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { NetworkNode } from '../../../shared/api/network-routes.ts';
import { describeTieToCenter, nodeKindLabels } from './describe-ties.ts';
import type { VisibleNetwork } from './filter-network.ts';

const useStyles = makeStyles({
  wrapper: { overflow: 'auto', maxHeight: '100%' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'start', padding: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  header: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  number: { textAlign: 'end' },
  name: { minWidth: 0, justifyContent: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightSemibold },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

/** Nearest first, then the strongest tie to the center, then by name. */
export function orderForList(network: Pick<VisibleNetwork, 'nodes' | 'edges' | 'centerId'>): NetworkNode[] {
  const toCenter = new Map<string, number>();
  for (const edge of network.edges) {
    const other = edge.source === network.centerId ? edge.target : edge.target === network.centerId ? edge.source : null;
    if (other !== null) toCenter.set(other, Math.max(toCenter.get(other) ?? -1, edge.strength ?? 0));
  }
  return [...network.nodes].sort((a, b) => a.level - b.level || (toCenter.get(b.id) ?? -1) - (toCenter.get(a.id) ?? -1) || a.label.localeCompare(b.label));
}

function describeAbout(node: NetworkNode): string {
  if (node.kind !== 'person') return node.detail ?? '';
  return [node.detail, node.organization].filter(Boolean).join(', ');
}

export function NetworkListView(props: { network: VisibleNetwork; centerLabel: string; selectedId: string | null; onSelect: (nodeId: string) => void }) {
  const styles = useStyles();
  const { network } = props;
  return (
    <div className={styles.wrapper}>
      <table className={styles.table}>
        <caption className={styles.caption}>
          Everyone and everything on the map, nearest to {props.centerLabel} first. Choose a name to see its ties.
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.header}>Name</th>
            <th scope="col" className={styles.header}>Kind</th>
            <th scope="col" className={styles.header}>About</th>
            <th scope="col" className={styles.header}>Tie to {props.centerLabel}</th>
            <th scope="col" className={mergeClasses(styles.header, styles.number)}>Ties</th>
            <th scope="col" className={mergeClasses(styles.header, styles.number)}>Steps away</th>
          </tr>
        </thead>
        <tbody>
          {orderForList(network).map((node) => {
            const selected = node.id === props.selectedId;
            return (
              <tr key={node.id} className={selected ? styles.selected : undefined}>
                <th scope="row" className={styles.cell}>
                  <Button appearance="transparent" size="small" className={styles.name} aria-current={selected ? 'true' : undefined} onClick={() => props.onSelect(node.id)}>
                    {node.label}
                  </Button>
                </th>
                <td className={styles.cell}>{node.id === network.centerId ? `${nodeKindLabels[node.kind]} (center)` : nodeKindLabels[node.kind]}</td>
                <td className={styles.cell}>{describeAbout(node)}</td>
                <td className={styles.cell}>{describeTieToCenter(network, node) ?? (node.id === network.centerId ? '—' : 'through others')}</td>
                <td className={mergeClasses(styles.cell, styles.number)}>{network.degree.get(node.id) ?? 0}</td>
                <td className={mergeClasses(styles.cell, styles.number)}>{node.level}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
