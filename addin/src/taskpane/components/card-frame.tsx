// The shared look of a person card: a bordered surface labelled by the person's name.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  compact: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
});

export function CardFrame(props: { labelledBy: string; compact?: boolean; children: ReactNode }) {
  const styles = useStyles();
  return (
    <article aria-labelledby={props.labelledBy} className={mergeClasses(styles.card, props.compact && styles.compact)}>
      {props.children}
    </article>
  );
}
