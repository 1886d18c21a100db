// The people on the open message, in reading order (sender, To, Cc), one card each; for a
// draft, the people it is going to (To, Cc, Bcc). A participant whose card has not arrived yet
// shows their name with a skeleton; one that could not be loaded says so.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { SenderSafety } from '../../../../shared/domain/sender-safety.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { KnownPersonCard } from './known-person-card.tsx';
import { PendingPersonCard } from './pending-person-card.tsx';
import { SenderWarnings } from './sender-warnings.tsx';
import { UnknownPersonCard } from './unknown-person-card.tsx';

const useStyles = makeStyles({
  heading: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
});

export function ParticipantList(props: {
  participants: OrderedParticipant[];
  cards: ReadonlyMap<string, PersonCard>;
  /** First contact and safety per address (unknown or suspicious ones). */
  safety?: ReadonlyMap<string, SenderSafety>;
  now: Date;
  /** Cards still on their way (loading) or not to be had (error). */
  missing?: 'pending' | 'failed';
  /** A draft: the list is who the message is going to. */
  composing?: boolean;
  onOpenGroup?: (groupId: string) => void;
  onOpenPerson?: (participant: OrderedParticipant) => void;
}) {
  const styles = useStyles();
  const label = props.composing ? 'Going to' : 'People on this message';
  return (
    <section aria-labelledby="crosswalk-people-heading">
      <h2 id="crosswalk-people-heading" className={styles.heading} tabIndex={-1}>
        {label} ({props.participants.length})
      </h2>
      <ul className={styles.list} aria-label={label}>
        {props.participants.map((participant) => {
          const card = props.cards.get(participant.key);
          const safety = props.safety?.get(participant.key);
          return (
            <li key={participant.key} className={styles.item}>
              {safety && <SenderWarnings warnings={safety.warnings} name={participant.displayName} />}
              {card?.known ? (
                <KnownPersonCard participant={participant} card={card} now={props.now} onOpenGroup={props.onOpenGroup} onOpenPerson={props.onOpenPerson} />
              ) : card ? (
                <UnknownPersonCard participant={participant} safety={safety} />
              ) : (
                <PendingPersonCard participant={participant} failed={props.missing === 'failed'} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
