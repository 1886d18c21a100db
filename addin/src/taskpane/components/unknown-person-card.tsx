// A compact card for an address Crosswalk has never seen in the user's mail or meetings. For the
// sender of a message it is the "first contact" panel: what the domain tells (registered .gov?
// which organization, kind, parent agency, state). Warnings sit above the card.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { SenderSafety } from '../../../../shared/domain/sender-safety.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { CardFrame } from './card-frame.tsx';
import { CardSection, CardSectionHeading } from './card-section-heading.tsx';
import { FirstContactFacts } from './first-contact-facts.tsx';
import { PersonHeading } from './person-heading.tsx';

const useStyles = makeStyles({
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function UnknownPersonCard(props: { participant: OrderedParticipant; safety?: SenderSafety }) {
  const styles = useStyles();
  const id = `person-${props.participant.key}`;
  const isSender = props.participant.position === 'from';
  return (
    <CardFrame labelledBy={id} compact={!isSender}>
      <PersonHeading id={id} participant={props.participant} name={props.participant.displayName}>
        <span className={styles.note}>Not seen before</span>
        {isSender && (
          <span>
            <Badge appearance="tint" color="severe" size="small">
              First contact
            </Badge>
          </span>
        )}
      </PersonHeading>
      {props.safety && (
        <CardSection labelledBy={`${id}-domain`} className={styles.section}>
          <CardSectionHeading id={`${id}-domain`}>What the domain tells</CardSectionHeading>
          <FirstContactFacts domain={props.safety.domain} />
        </CardSection>
      )}
    </CardFrame>
  );
}
