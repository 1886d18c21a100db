// One suggested group: a working group from a recurring meeting series or stable recipient sets,
// a network (a community in who meets and writes to whom) or a distribution list, with its
// evidence ("Looks like a working group: 9 people, 14 meetings since May") and three answers:
// create it, create it under another name, or dismiss it for good.
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { MAX_GROUP_NAME } from '../../../../shared/domain/group.ts';
import type { Suggestion, SuggestionKind } from '../../../../shared/domain/suggestion.ts';
import type { ItemActivity } from '../model/use-suggestions.ts';
import { CardFrame } from './card-frame.tsx';

const KIND_LABEL: Record<SuggestionKind, string> = { 'working-group': 'Working group', network: 'Network', 'distribution-list': 'Distribution list' };
const MEMBERS_SHOWN = 5;

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  evidence: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  members: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

function describeMembers(suggestion: Suggestion): string {
  const names = suggestion.members.slice(0, MEMBERS_SHOWN).map((member) => member.displayName ?? member.email);
  const more = suggestion.people - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

export function GroupSuggestionItem(props: {
  suggestion: Suggestion;
  activity: ItemActivity;
  onAccept: (name?: string) => void;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const { suggestion, activity } = props;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(suggestion.name);
  const busy = activity.acting !== null;
  const trimmed = name.trim();
  return (
    <CardFrame labelledBy={headingId}>
      <div className={styles.header}>
        <h4 id={headingId} className={styles.heading}>
          {suggestion.name}
        </h4>
        <Badge appearance="tint" shape="rounded">
          {KIND_LABEL[suggestion.kind]}
        </Badge>
      </div>
      <p className={styles.evidence}>{suggestion.evidence}</p>
      {suggestion.members.length > 0 && <p className={styles.members}>{describeMembers(suggestion)}</p>}
      {activity.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{activity.error}</MessageBarBody>
        </MessageBar>
      )}
      {renaming ? (
        <form
          className={styles.actions}
          onSubmit={(event) => {
            event.preventDefault();
            if (trimmed) props.onAccept(trimmed);
          }}
        >
          <Field label="Group name" required>
            <Input value={name} maxLength={MAX_GROUP_NAME} disabled={busy} onChange={(_, data) => setName(data.value)} />
          </Field>
          <Button type="submit" appearance="primary" size="small" disabled={busy || !trimmed}>
            Create as named
          </Button>
          <Button size="small" disabled={busy} onClick={() => setRenaming(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" size="small" disabled={busy} onClick={() => props.onAccept()}>
            Create group
          </Button>
          <Button size="small" disabled={busy} onClick={() => setRenaming(true)}>
            Rename…
          </Button>
          <Button size="small" appearance="subtle" disabled={busy} onClick={props.onDismiss}>
            Dismiss
          </Button>
        </div>
      )}
      {activity.acting === 'accept' && <Spinner size="extra-tiny" label="Creating the group…" labelPosition="after" />}
      {activity.acting === 'dismiss' && <Spinner size="extra-tiny" label="Dismissing…" labelPosition="after" />}
    </CardFrame>
  );
}
