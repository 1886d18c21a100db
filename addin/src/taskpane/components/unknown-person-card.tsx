// A compact card for an address Crosswalk has never seen in the user's mail or meetings.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { CardFrame } from './card-frame.tsx';
import { PersonHeading } from './person-heading.tsx';

const useStyles = makeStyles({
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

export function UnknownPersonCard(props: { participant: OrderedParticipant }) {
  const styles = useStyles();
  const id = `person-${props.participant.key}`;
  return (
    <CardFrame labelledBy={id} compact>
      <PersonHeading id={id} participant={props.participant} name={props.participant.displayName}>
        <span className={styles.note}>Not seen before</span>
      </PersonHeading>
    </CardFrame>
  );
}
