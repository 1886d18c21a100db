// While the item is read or the lookup runs: a spinner with a label for screen readers and
// skeleton cards shaped like the ones about to appear.
import { makeStyles, Skeleton, SkeletonItem, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, flexGrow: 1 },
});

export function LoadingState(props: { label: string; count: number }) {
  const styles = useStyles();
  const placeholders = Math.min(props.count, 3);
  return (
    <div className={styles.block}>
      <Spinner size="tiny" label={props.label} labelPosition="after" />
      {placeholders > 0 && (
        <Skeleton aria-hidden="true" className={styles.block}>
          {Array.from({ length: placeholders }, (_, index) => (
            <div key={index} className={styles.card}>
              <SkeletonItem shape="circle" size={32} />
              <div className={styles.lines}>
                <SkeletonItem size={16} style={{ width: '60%' }} />
                <SkeletonItem size={12} style={{ width: '85%' }} />
                <SkeletonItem size={8} />
              </div>
            </div>
          ))}
        </Skeleton>
      )}
    </div>
  );
}
