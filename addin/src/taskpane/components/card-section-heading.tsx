// A small uppercase heading inside a card (Roles, Recent contact, Relationship).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.04em',
    textTransform: 'uppercase',
    color: tokens.colorNeutralForeground3,
  },
});

export function CardSectionHeading(props: { id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <h4 id={props.id} className={styles.heading}>
      {props.children}
    </h4>
  );
}
