// Where a person sits on the message (From / To / Cc), and "You" for the signed-in user.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { OrderedParticipant } from '../model/order-participants.ts';

const positionLabels: Record<OrderedParticipant['position'], string> = { from: 'From', to: 'To', cc: 'Cc' };

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

export function ParticipantBadges(props: { participant: OrderedParticipant }) {
  const styles = useStyles();
  return (
    <span className={styles.badges}>
      <Badge appearance="tint" color={props.participant.position === 'from' ? 'brand' : 'informative'} size="small">
        {positionLabels[props.participant.position]}
      </Badge>
      {props.participant.isSelf && (
        <Badge appearance="filled" color="important" size="small" aria-label="This is you">
          You
        </Badge>
      )}
    </span>
  );
}
