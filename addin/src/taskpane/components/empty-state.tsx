// Nothing to show: no item selected, or an item with nobody on it yet.
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  block: { textAlign: 'center', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalM}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  detail: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function EmptyState(props: { title: string; detail: string }) {
  const styles = useStyles();
  return (
    <div className={styles.block} role="status">
      <h2 className={styles.title}>{props.title}</h2>
      <p className={styles.detail}>{props.detail}</p>
    </div>
  );
}
