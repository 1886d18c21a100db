// Who to add: one checkbox per participant of the open message (sender, To, Cc, in reading
// order) and "Select all", which shows mixed when only some are ticked.
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { ParticipantBadges } from './participant-badges.tsx';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  checkbox: { flexGrow: 1, minWidth: 0 },
  name: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  email: { display: 'block', fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  all: { fontWeight: tokens.fontWeightSemibold },
  badges: { marginLeft: 'auto', paddingRight: tokens.spacingHorizontalXS },
});

export function ParticipantChecklist(props: {
  participants: OrderedParticipant[];
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const count = props.participants.filter((p) => props.selected.has(p.key)).length;
  const allState = count === 0 ? false : count === props.participants.length ? true : 'mixed';

  const toggle = (key: string, checked: boolean) => {
    const next = new Set(props.selected);
    if (checked) next.add(key);
    else next.delete(key);
    props.onChange(next);
  };

  return (
    <fieldset className={styles.fieldset} disabled={props.disabled}>
      <legend className={styles.legend}>People to add ({count} of {props.participants.length} selected)</legend>
      <Checkbox
        className={styles.all}
        label="Select all"
        checked={allState}
        disabled={props.disabled}
        onChange={(_, data) => props.onChange(data.checked === true ? new Set(props.participants.map((p) => p.key)) : new Set())}
      />
      <ul className={styles.list}>
        {props.participants.map((participant) => (
          <li key={participant.key} className={styles.row}>
            <Checkbox
              className={styles.checkbox}
              checked={props.selected.has(participant.key)}
              disabled={props.disabled}
              onChange={(_, data) => toggle(participant.key, data.checked === true)}
              aria-label={`${participant.displayName} (${participant.email})`}
              label={
                <span>
                  <span className={styles.name}>{participant.displayName}</span>
                  {participant.displayName !== participant.email && <span className={styles.email}>{participant.email}</span>}
                </span>
              }
            />
            <span className={styles.badges}>
              <ParticipantBadges participant={participant} />
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
