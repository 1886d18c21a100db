// The people on the open message, in reading order (sender, To, Cc), one card each.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { KnownPersonCard } from './known-person-card.tsx';
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
  onOpenGroup?: (groupId: string) => void;
}) {
  const styles = useStyles();
  return (
    <section aria-labelledby="crosswalk-people-heading">
      <h2 id="crosswalk-people-heading" className={styles.heading} tabIndex={-1}>
        People on this message ({props.participants.length})
      </h2>
      <ul className={styles.list} aria-label="People on this message">
        {props.participants.map((participant) => {
          const card = props.cards.get(participant.key);
          return (
            <li key={participant.key}>
              {card?.known ? (
                <KnownPersonCard participant={participant} card={card} now={props.now} onOpenGroup={props.onOpenGroup} />
              ) : (
                <UnknownPersonCard participant={participant} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
