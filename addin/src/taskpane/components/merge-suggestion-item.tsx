// One "same person?" suggestion: the same name at two domains ("Jess Morgan at
// orcacounty-cascadia.gov and housing.cascadia.gov — she may have moved from the county to the
// state"), the two addresses with what is known of each, and the two answers.
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { MergeSuggestionView } from '../../../../shared/api/person-routes.ts';
import { splitMergePair, type ItemActivity } from '../model/use-suggestions.ts';
import { CardFrame } from './card-frame.tsx';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  message: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  people: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** "Orca County" or the bare domain when no organization is known. */
function placeOf(person: MergeSuggestionView['people'][number]): string {
  return person.organization ?? person.domain;
}

export function MergeSuggestionItem(props: {
  suggestion: MergeSuggestionView;
  activity: ItemActivity;
  onSame: () => void;
  onNotSame: () => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const { suggestion, activity } = props;
  const [older, newer] = suggestion.people;
  const { primary } = splitMergePair(suggestion);
  const moved = placeOf(older) !== placeOf(newer);
  const busy = activity.acting !== null;
  return (
    <CardFrame labelledBy={headingId}>
      <h4 id={headingId} className={styles.heading}>
        {moved ? `${suggestion.name} moved from ${placeOf(older)} to ${placeOf(newer)}?` : `${suggestion.name}: a second address?`}
      </h4>
      <p className={styles.message}>{suggestion.message}</p>
      <ul className={styles.people} aria-label="Addresses">
        {[older, newer].map((person) => (
          <li key={person.email}>
            {person.email} · {placeOf(person)} · last seen {person.lastSeenAt.slice(0, 10)}
            {person.email === primary ? ' (kept as the main address)' : ''}
          </li>
        ))}
      </ul>
      {activity.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{activity.error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" size="small" disabled={busy} onClick={props.onSame}>
          Same person
        </Button>
        <Button size="small" disabled={busy} onClick={props.onNotSame}>
          Not the same
        </Button>
        {activity.acting === 'merge' && <Spinner size="extra-tiny" label="Merging…" labelPosition="after" />}
        {activity.acting === 'keep-apart' && <Spinner size="extra-tiny" label="Keeping them apart…" labelPosition="after" />}
      </div>
    </CardFrame>
  );
}
