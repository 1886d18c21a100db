// A small uppercase heading inside a card (Roles, Recent contact, Relationship). Its level follows
// where the card sits: under a person's name on a card (h3) it is an h4; on a page whose title is
// an h2 (a person or organization page) the page sets SectionHeadingLevel to 3, so headings never
// skip a level.
import { makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useContext, type ReactNode } from 'react';

export const SectionHeadingLevel = createContext<3 | 4>(4);

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
  const Heading = useContext(SectionHeadingLevel) === 3 ? 'h3' : 'h4';
  return (
    <Heading id={props.id} className={styles.heading}>
      {props.children}
    </Heading>
  );
}

/**
 * A titled part of a card or page. On a page (SectionHeadingLevel 3) it is a region, a landmark
 * screen readers can jump to; inside a card it is a group, so a message with ten people does not
 * fill the landmark list with ten "Roles" regions.
 */
export function CardSection(props: { labelledBy: string; className?: string; children: ReactNode }) {
  const onPage = useContext(SectionHeadingLevel) === 3;
  return onPage ? (
    <section aria-labelledby={props.labelledBy} className={props.className}>
      {props.children}
    </section>
  ) : (
    <div role="group" aria-labelledby={props.labelledBy} className={props.className}>
      {props.children}
    </div>
  );
}
