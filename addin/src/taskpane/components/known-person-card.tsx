// The full card for a known person: who they are, where they work and what kind of
// organization it is, how strong the relationship is, their roles, and recent contact.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { KnownPersonCard as KnownCard } from '../../../../shared/domain/person-card.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { CardFrame } from './card-frame.tsx';
import { PersonHeading } from './person-heading.tsx';
import { PersonHistory } from './person-history.tsx';
import { RecentInteractions } from './recent-interactions.tsx';
import { RoleList } from './role-list.tsx';
import { StrengthMeter } from './strength-meter.tsx';

const useStyles = makeStyles({
  title: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  organization: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  kind: { color: tokens.colorNeutralForeground3 },
  details: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
});

export function KnownPersonCard(props: {
  participant: OrderedParticipant;
  card: KnownCard;
  now: Date;
  onOpenGroup?: (groupId: string) => void;
  /** Opens the person page (everything about them, notes, actions). */
  onOpenPerson?: (participant: OrderedParticipant) => void;
}) {
  const styles = useStyles();
  const { card } = props;
  const id = `person-${props.participant.key}`;
  return (
    <CardFrame labelledBy={id}>
      <PersonHeading id={id} participant={props.participant} name={card.displayName || props.participant.displayName}>
        {card.title && <span className={styles.title}>{card.title}</span>}
        {card.organization && (
          <span className={styles.organization} aria-label={`Organization: ${card.organization.name}, ${card.organization.kindLabel}`}>
            {card.organization.name}
            <span className={styles.kind}> · {card.organization.kindLabel}</span>
          </span>
        )}
      </PersonHeading>
      {/* A relationship with yourself means nothing: your own card shows only who you are and your roles. */}
      {!props.participant.isSelf && <StrengthMeter strength={card.strength} now={props.now} />}
      <RoleList roles={card.roles} headingId={`${id}-roles`} now={props.now} onOpenGroup={props.onOpenGroup} />
      {!props.participant.isSelf && (
        <RecentInteractions interactions={card.lastInteractions} now={props.now} headingId={`${id}-recent`} />
      )}
      <PersonHistory email={card.primaryEmail ?? card.email} name={card.displayName || props.participant.displayName} now={props.now} />
      {props.onOpenPerson && (
        <Button id={`details-${props.participant.key}`} className={styles.details} appearance="transparent" size="small" onClick={() => props.onOpenPerson?.(props.participant)}>
          Details about {card.displayName || props.participant.displayName}
        </Button>
      )}
    </CardFrame>
  );
}
