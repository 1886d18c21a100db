// The last few emails and meetings with the person: date, kind and subject (subjects are the
// signed-in user's own, so showing them here exposes nothing new).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { InteractionSummary } from '../../../../shared/domain/person-card.ts';
import { formatShortDate } from '../model/format-relative-time.ts';
import { CardSection, CardSectionHeading } from './card-section-heading.tsx';

const directionLabels: Record<InteractionSummary['direction'], string> = { sent: 'Sent', received: 'Received', meeting: 'Meeting' };

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'grid',
    gridTemplateColumns: '3.5em 1fr',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  date: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  subject: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  kind: { color: tokens.colorNeutralForeground3 },
  none: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

export function RecentInteractions(props: { interactions: InteractionSummary[]; now: Date; headingId: string }) {
  const styles = useStyles();
  return (
    <CardSection labelledBy={props.headingId}>
      <CardSectionHeading id={props.headingId}>Recent contact</CardSectionHeading>
      {props.interactions.length === 0 ? (
        <p className={styles.none}>No recent contact.</p>
      ) : (
        <ul className={styles.list}>
          {props.interactions.map((interaction, index) => {
            const subject = interaction.subject.trim() || '(no subject)';
            return (
              <li key={`${interaction.at}:${index}`} className={styles.item}>
                <time className={styles.date} dateTime={interaction.at}>
                  {formatShortDate({ iso: interaction.at, now: props.now })}
                </time>
                <span className={styles.subject} title={`${directionLabels[interaction.direction]}: ${subject}`}>
                  <span className={styles.kind}>{directionLabels[interaction.direction]} · </span>
                  {subject}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </CardSection>
  );
}
