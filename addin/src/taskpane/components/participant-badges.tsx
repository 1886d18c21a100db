// Where a person sits on the message (From / To / Cc / Bcc), "You" for the signed-in user,
// and, on a draft, "External" and "First contact" so the writer notices before sending.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { OrderedParticipant } from '../model/order-participants.ts';

const positionLabels: Record<OrderedParticipant['position'], string> = { from: 'From', to: 'To', cc: 'Cc', bcc: 'Bcc' };

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: tokens.spacingHorizontalXS, flexShrink: 0, maxWidth: '45%' },
});

export function ParticipantBadges(props: { participant: OrderedParticipant }) {
  const styles = useStyles();
  const { participant } = props;
  return (
    <span className={styles.badges}>
      <Badge appearance="tint" color={participant.position === 'from' ? 'brand' : 'informative'} size="small">
        {positionLabels[participant.position]}
      </Badge>
      {participant.isSelf && (
        <Badge appearance="filled" color="important" size="small" aria-label="This is you">
          You
        </Badge>
      )}
      {participant.flags?.external && (
        <Badge appearance="tint" color="warning" size="small" aria-label="Outside your organization">
          External
        </Badge>
      )}
      {participant.flags?.firstContact && (
        <Badge appearance="tint" color="severe" size="small" aria-label="First contact: you have never written to or met them">
          First contact
        </Badge>
      )}
    </span>
  );
}
