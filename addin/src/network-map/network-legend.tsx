// What the map's colours, symbols, sizes and lines mean.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { NetworkNodeKind } from '../../../shared/api/network-routes.ts';
import { nodeSymbols, type NetworkPalette } from './network-palette.ts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  symbol: { width: '1.25em', textAlign: 'center', fontSize: tokens.fontSizeBase400, lineHeight: '1' },
  line: { width: '1.25em', height: '0', borderTopStyle: 'solid', borderTopColor: tokens.colorNeutralForeground3 },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const kindNames: Record<NetworkNodeKind, string> = { person: 'Person', organization: 'Organization', group: 'Group' };

export function NetworkLegend(props: { palette: NetworkPalette }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="network-legend-heading">
      <h2 id="network-legend-heading" className={styles.heading}>
        Legend
      </h2>
      <ul className={styles.list}>
        {(Object.keys(kindNames) as NetworkNodeKind[]).map((kind) => (
          <li key={kind} className={styles.item}>
            <span aria-hidden="true" className={styles.symbol} style={{ color: props.palette.node[kind] }}>
              {nodeSymbols[kind]}
            </span>
            {kindNames[kind]}
          </li>
        ))}
        <li className={styles.item}>
          <span aria-hidden="true" className={styles.symbol}>
            ⬤
          </span>
          Bigger: more ties on the map
        </li>
        <li className={styles.item}>
          <span aria-hidden="true" className={styles.line} style={{ borderTopWidth: '4px' }} />
          Thicker line: stronger relationship
        </li>
        <li className={styles.item}>
          <span aria-hidden="true" className={styles.line} style={{ borderTopWidth: '1px' }} />
          Thin line: a role in a group, or where someone works
        </li>
      </ul>
    </section>
  );
}
