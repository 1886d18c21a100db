// The open message: subject, sender, recipients, date — and no body, because Crosswalk never
// reads bodies. "Open as draft" opens the same people as a draft to show the compose mode, where
// a recipient can be typed in (the stand-in raises RecipientsChanged, as Outlook does).
import { Avatar, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatFullDate } from './format-preview-date.ts';
import type { PreviewAddress, PreviewMessage, PreviewUser } from './preview-message.ts';
import type { PreviewItemMode } from './preview-protocol.ts';

const useStyles = makeStyles({
  pane: { flexGrow: 1, minWidth: '280px', overflowY: 'auto', padding: tokens.spacingHorizontalXXL, backgroundColor: tokens.colorNeutralBackground1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  subject: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  people: { display: 'flex', flexDirection: 'column', gap: '2px', fontSize: tokens.fontSizeBase200, minWidth: 0, flexGrow: 1 },
  from: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  line: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  label: { color: tokens.colorNeutralForeground3 },
  date: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground3 },
  addForm: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function formatAddresses(addresses: PreviewAddress[]): string {
  return addresses.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join('; ');
}

export function ReadingPane(props: {
  message: PreviewMessage | null;
  mode: PreviewItemMode;
  user: PreviewUser;
  onModeChange: (mode: PreviewItemMode) => void;
  onAddRecipient: (address: PreviewAddress) => void;
}) {
  const styles = useStyles();
  const { message } = props;
  if (!message) {
    return (
      <main className={styles.pane}>
        <p className={styles.empty}>Select a message to read.</p>
      </main>
    );
  }
  return (
    <main className={styles.pane} aria-label="Reading pane">
      <h2 className={styles.subject}>
        {props.mode === 'compose' ? 'Draft: ' : ''}
        {message.subject || '(no subject)'}
      </h2>
      <div className={styles.header}>
        <Avatar name={props.mode === 'compose' ? props.user.displayName : message.from.name || message.from.address} size={40} color="colorful" />
        <div className={styles.people}>
          <span className={styles.from}>
            {props.mode === 'compose' ? `${props.user.displayName} <${props.user.email}>` : `${message.from.name} <${message.from.address}>`}
          </span>
          <span className={styles.line}>
            <span className={styles.label}>To: </span>
            {formatAddresses(message.to) || '—'}
          </span>
          {message.cc.length > 0 && (
            <span className={styles.line}>
              <span className={styles.label}>Cc: </span>
              {formatAddresses(message.cc)}
            </span>
          )}
        </div>
        <time className={styles.date} dateTime={message.receivedDateTime}>
          {formatFullDate(message.receivedDateTime)}
        </time>
      </div>
      <div className={styles.actions}>
        <Button size="small" appearance={props.mode === 'read' ? 'primary' : 'secondary'} onClick={() => props.onModeChange('read')}>
          Read
        </Button>
        <Button size="small" appearance={props.mode === 'compose' ? 'primary' : 'secondary'} onClick={() => props.onModeChange('compose')}>
          Open as draft (compose mode)
        </Button>
      </div>
      {props.mode === 'compose' && <AddRecipientForm onAdd={props.onAddRecipient} />}
      <MessageBar intent="info">
        <MessageBarBody>
          Message bodies are not loaded in this preview: Crosswalk works from metadata only (sender, recipients, subject, date) and never reads bodies.
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

/** Compose mode: type an address (optionally "Name <address>") to put it on the draft's To line. */
function AddRecipientForm(props: { onAdd: (address: PreviewAddress) => void }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const submit = () => {
    const match = /^\s*(?:(.*?)\s*<([^>]+)>|(\S+@\S+))\s*$/.exec(text);
    const address = match?.[2] ?? match?.[3];
    if (!address) return;
    props.onAdd({ name: match?.[1] ?? '', address: address.trim() });
    setText('');
  };
  return (
    <form
      className={styles.addForm}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field label="Add a recipient (To)">
        <Input value={text} onChange={(_, data) => setText(data.value)} placeholder="Name <address@example.org>" />
      </Field>
      <Button type="submit" size="small">
        Add to draft
      </Button>
    </form>
  );
}
