// A participant whose card is on its way (skeleton lines under the name Outlook gave), or whose
// card could not be loaded. The name and badges come from the message itself, so the list
// already shows the right people while the lookup runs: no flash of the previous message.
import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { CardFrame } from './card-frame.tsx';
import { PersonHeading } from './person-heading.tsx';

const useStyles = makeStyles({
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export function PendingPersonCard(props: { participant: OrderedParticipant; failed?: boolean }) {
  const styles = useStyles();
  const id = `person-${props.participant.key}`;
  return (
    <CardFrame labelledBy={id} compact>
      <PersonHeading id={id} participant={props.participant} name={props.participant.displayName}>
        {props.failed && <span className={styles.note}>Details unavailable</span>}
      </PersonHeading>
      {!props.failed && (
        <Skeleton aria-hidden="true" className={styles.lines}>
          <SkeletonItem size={12} style={{ width: '70%' }} />
          <SkeletonItem size={8} />
        </Skeleton>
      )}
    </CardFrame>
  );
}
