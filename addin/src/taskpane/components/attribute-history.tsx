// A person's attributes with where each came from, and how they changed ("Title: Program
// Manager → Director, since Aug 17, 2026"), newest change first.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { AttributeChange, AttributeProvenance } from '../../../../shared/domain/person-card.ts';
import { attributeLabels, describeAttributeSource } from '../model/describe-provenance.ts';
import { formatShortDate } from '../model/format-relative-time.ts';
import { CardSection, CardSectionHeading } from './card-section-heading.tsx';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  secondary: { color: tokens.colorNeutralForeground3 },
  none: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

export function AttributeHistory(props: {
  attributes: readonly AttributeProvenance[] | undefined;
  history: readonly AttributeChange[] | undefined;
  headingId: string;
  now: Date;
}) {
  const styles = useStyles();
  const attributes = props.attributes ?? [];
  const history = props.history ?? [];
  return (
    <CardSection labelledBy={props.headingId} className={styles.block}>
      <CardSectionHeading id={props.headingId}>Details and history</CardSectionHeading>
      {attributes.length > 0 && (
        <ul className={styles.list} aria-label="Where each detail comes from">
          {attributes.map((attribute) => (
            <li key={attribute.attribute} className={styles.item}>
              {attributeLabels[attribute.attribute]}: {attribute.value}
              <span className={styles.secondary}>
                {' '}
                · from {describeAttributeSource(attribute.source)}, last seen {formatShortDate({ iso: attribute.lastObservedAt, now: props.now })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {history.length === 0 ? (
        <p className={styles.none}>No changes recorded.</p>
      ) : (
        <ul className={styles.list} aria-label="Changes">
          {history.map((change, index) => (
            <li key={`${change.attribute}:${change.since}:${index}`} className={styles.item}>
              {attributeLabels[change.attribute]}: {change.from} → {change.to}
              <span className={styles.secondary}> · since {formatShortDate({ iso: change.since, now: props.now })}</span>
            </li>
          ))}
        </ul>
      )}
    </CardSection>
  );
}
