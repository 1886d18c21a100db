// The people on the open message, in reading order (sender, To, Cc), one card each; for a
// draft, the people it is going to (To, Cc, Bcc). A participant whose card has not arrived yet
// shows their name with a skeleton; one that could not be loaded says so.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { KnownPersonCard } from './known-person-card.tsx';
import { PendingPersonCard } from './pending-person-card.tsx';
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
});

export function ParticipantList(props: {
  participants: OrderedParticipant[];
  cards: ReadonlyMap<string, PersonCard>;
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
          return (
            <li key={participant.key}>
              {card?.known ? (
                <KnownPersonCard participant={participant} card={card} now={props.now} onOpenGroup={props.onOpenGroup} onOpenPerson={props.onOpenPerson} />
              ) : card ? (
                <UnknownPersonCard participant={participant} />
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
