// The top row of a card: avatar, name (as the card's heading), address, and badges.
import { Avatar, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { ParticipantBadges } from './participant-badges.tsx';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  name: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  secondary: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
});

export function PersonHeading(props: { id: string; participant: OrderedParticipant; name: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Avatar name={props.name} size={32} color="colorful" aria-hidden="true" />
      <div className={styles.text}>
        <h3 id={props.id} className={styles.name}>
          {props.name}
        </h3>
        {props.children}
        <span className={styles.secondary}>{props.participant.email}</span>
      </div>
      <ParticipantBadges participant={props.participant} />
    </div>
  );
}
