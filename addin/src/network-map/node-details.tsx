// The chosen node: who or what it is, its ties on the map (each a button to move on to that
// node, so the network can be walked by keyboard), and a way to make it the center.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { NetworkNode } from '../../../shared/api/network-routes.ts';
import { listTies, nodeKindLabels } from './describe-ties.ts';
import type { VisibleNetwork } from './filter-network.ts';
import type { NetworkMapTarget } from './network-map-protocol.ts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', outline: 'none' },
  meta: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  ties: { listStyleType: 'none', margin: 0, padding: 0, maxHeight: '260px', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  tie: { fontSize: tokens.fontSizeBase200, display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalXS },
  tieButton: { minWidth: 0, padding: 0, height: 'auto', textAlign: 'start' },
  tieText: { color: tokens.colorNeutralForeground2 },
});

/** The target that makes a node the center, when it can be one (organizations cannot). */
export function targetOfNode(node: NetworkNode): NetworkMapTarget | null {
  if (node.kind === 'person' && node.personId) return { personId: node.personId, label: node.label };
  if (node.kind === 'group' && node.groupId) return { groupId: node.groupId, label: node.label };
  return null;
}

export function NodeDetails(props: { network: VisibleNetwork; node: NetworkNode; onSelect: (nodeId: string) => void; onRecenter: (target: NetworkMapTarget) => void }) {
  const styles = useStyles();
  const { node } = props;
  const ties = listTies(props.network, node.id);
  const target = targetOfNode(node);
  const about = [nodeKindLabels[node.kind], node.detail, node.kind === 'person' ? node.organization : undefined, node.email].filter(Boolean).join(' · ');
  return (
    <section className={styles.panel} aria-labelledby="network-node-heading">
      <h2 id="network-node-heading" className={styles.heading} tabIndex={-1}>
        {node.label}
      </h2>
      <p className={styles.meta}>{about}</p>
      {target && node.id !== props.network.centerId && (
        <Button size="small" onClick={() => props.onRecenter(target)}>
          Show the network of {node.label}
        </Button>
      )}
      <ul className={styles.ties} aria-label={`Ties of ${node.label} (${ties.length})`}>
        {ties.map((tie) => (
          <li key={`${tie.edge.kind}|${tie.other.id}`} className={styles.tie}>
            <Button appearance="transparent" size="small" className={styles.tieButton} onClick={() => props.onSelect(tie.other.id)}>
              {tie.other.label}
            </Button>
            <span className={styles.tieText}>{tie.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
