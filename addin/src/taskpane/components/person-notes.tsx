// Notes about the person shared with a team: who wrote what, for which team, when; a box to add
// one (shared with everyone unless another of the user's teams is picked); Remove on one's own.
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { TENANT_TEAM_ID } from '../../../../shared/domain/group.ts';
import { NOTE_MAX_LENGTH } from '../../../../shared/domain/person-note.ts';
import { formatShortDate } from '../model/format-relative-time.ts';
import type { PersonServices } from '../model/person-services.ts';
import { usePersonNotes } from '../model/use-person-notes.ts';
import { CardSection, CardSectionHeading } from './card-section-heading.tsx';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  none: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function PersonNotes(props: { services: PersonServices; personId: string; personName: string; now: Date }) {
  const styles = useStyles();
  const headingId = useId();
  const { state, busy, actionError, add, remove, retry } = usePersonNotes({ services: props.services, personId: props.personId });
  const [text, setText] = useState('');
  const [teamId, setTeamId] = useState(TENANT_TEAM_ID);
  const trimmed = text.trim();

  return (
    <CardSection labelledBy={headingId} className={styles.block}>
      <CardSectionHeading id={headingId}>Notes shared with your team</CardSectionHeading>
      {state.status === 'loading' && <Spinner size="tiny" label="Loading notes…" labelPosition="after" />}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {state.message}{' '}
            <Button size="small" appearance="transparent" onClick={retry}>
              Retry
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <>
          {state.notes.length === 0 ? (
            <p className={styles.none}>No notes yet.</p>
          ) : (
            <ul className={styles.list}>
              {state.notes.map((note) => (
                <li key={note.id} className={styles.note}>
                  <p className={styles.text}>{note.text}</p>
                  <span className={styles.meta}>
                    <span>
                      {note.author.name ?? note.author.email} · {formatShortDate({ iso: note.createdAt, now: props.now })} · {note.teamName}
                    </span>
                    {note.canRemove && (
                      <Button size="small" appearance="transparent" disabled={busy} onClick={() => void remove(note.id)} aria-label={`Remove your note: ${note.text.slice(0, 40)}`}>
                        Remove
                      </Button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              if (trimmed === '' || busy) return;
              void add(trimmed, teamId === TENANT_TEAM_ID ? undefined : teamId).then((saved) => {
                if (saved) setText('');
              });
            }}
          >
            <Field label={`Add a note about ${props.personName}`} hint={`Shared with the team you pick; at most ${NOTE_MAX_LENGTH} characters.`}>
              <Textarea value={text} maxLength={NOTE_MAX_LENGTH} resize="vertical" onChange={(_, data) => setText(data.value)} disabled={busy} />
            </Field>
            {state.teams.length > 1 && (
              <Field label="Share with">
                <Select value={teamId} onChange={(_, data) => setTeamId(data.value)} disabled={busy}>
                  {state.teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" size="small" disabled={trimmed === '' || busy}>
                Save note
              </Button>
              {busy && <Spinner size="extra-tiny" label="Saving…" labelPosition="after" />}
            </div>
            {actionError && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{actionError}</MessageBarBody>
              </MessageBar>
            )}
          </form>
        </>
      )}
    </CardSection>
  );
}
