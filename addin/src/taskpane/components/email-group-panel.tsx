// "Email this group": opens a new Outlook message with the current members in Bcc. Exchange
// Online delivers a message to at most MAX_RECIPIENTS_PER_MESSAGE recipients, so a bigger group
// goes out as several messages: the pane explains why and offers one button per batch.
// Outlooks without Mailbox 1.6 cannot open a pre-filled message for an add-in: there the
// buttons copy each batch's addresses instead, to paste into Bcc of a new message (with the
// addresses shown to select by hand if the clipboard is out of reach).
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Group, Member } from '../../../../shared/domain/group.ts';
import { MAX_RECIPIENTS_PER_MESSAGE } from '../../../../shared/domain/group.ts';
import type { GroupServices } from '../model/group-services.ts';
import { splitRecipientBatches } from '../model/split-recipient-batches.ts';
import type { RecipientBatch } from '../model/split-recipient-batches.ts';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  batches: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  explain: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** open: Outlook opens each message; copy: the user pastes each batch into a message they start. */
type Delivery = 'open' | 'copy';

type EmailState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'batches'; delivery: Delivery; batches: RecipientBatch[]; total: number; pastLeftOut: number; done: ReadonlySet<number>; copyFailed: number | null }
  | { status: 'message'; intent: 'success' | 'error' | 'info'; text: string };

const numberFormat = new Intl.NumberFormat('en-US');
/** What Outlook's address fields accept when pasted. */
const ADDRESS_SEPARATOR = '; ';

export function EmailGroupPanel(props: { services: GroupServices; group: Group; loadCurrentMembers: () => Promise<Member[] | null>; disabled?: boolean }) {
  const styles = useStyles();
  const [state, setState] = useState<EmailState>({ status: 'idle' });

  /** Opens one batch's message; false (with the reason shown) when Outlook could not. */
  const open = (batch: RecipientBatch): boolean => {
    try {
      props.services.openNewMessage({ bcc: batch.emails, subject: props.group.name });
      return true;
    } catch (error) {
      setState({ status: 'message', intent: 'error', text: error instanceof Error ? error.message : 'Outlook could not open a new message.' });
      return false;
    }
  };

  const start = async () => {
    setState({ status: 'loading' });
    const current = await props.loadCurrentMembers();
    if (!current) {
      setState({ status: 'message', intent: 'error', text: 'Could not load every member of the group; try again.' });
      return;
    }
    const batches = splitRecipientBatches({ emails: current.map((member) => member.email) });
    const total = batches.reduce((sum, batch) => sum + batch.emails.length, 0);
    const pastLeftOut = Math.max(0, (props.group.memberCount ?? current.length) - current.length);
    const delivery: Delivery = props.services.canOpenNewMessage() ? 'open' : 'copy';
    if (batches.length === 0) {
      setState({ status: 'message', intent: 'info', text: 'This group has no current members to email.' });
    } else if (batches.length === 1 && delivery === 'open') {
      if (open(batches[0]!)) {
        setState({ status: 'message', intent: 'success', text: `Opened a new message with ${describeCount(total)} in Bcc.` });
      }
    } else {
      setState({ status: 'batches', delivery, batches, total, pastLeftOut, done: new Set(), copyFailed: null });
    }
  };

  const deliver = async (batch: RecipientBatch) => {
    if (state.status !== 'batches') return;
    if (state.delivery === 'open') {
      if (open(batch)) setState({ ...state, done: new Set([...state.done, batch.number]) });
      return;
    }
    try {
      await props.services.copyText(batch.emails.join(ADDRESS_SEPARATOR));
      setState({ ...state, done: new Set([...state.done, batch.number]), copyFailed: null });
    } catch {
      setState({ ...state, copyFailed: batch.number });
    }
  };

  const failedBatch = state.status === 'batches' && state.copyFailed !== null ? state.batches.find((b) => b.number === state.copyFailed) : undefined;

  return (
    <div className={styles.block}>
      <Button
        appearance="primary"
        size="small"
        disabledFocusable={props.disabled || state.status === 'loading'}
        icon={state.status === 'loading' ? <Spinner size="tiny" /> : undefined}
        onClick={() => void start()}
      >
        {state.status === 'loading' ? 'Loading members…' : 'Email this group'}
      </Button>
      {state.status === 'message' && (
        <MessageBar layout="multiline" intent={state.intent} role={state.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'batches' && (
        <section aria-label="Messages to send" className={styles.block}>
          <p className={styles.explain} role="status">
            {describeBatches(state)}
          </p>
          <ul className={styles.batches}>
            {state.batches.map((batch) => {
              const done = state.done.has(batch.number);
              const label = state.delivery === 'open' ? `Message ${batch.number}: members ${describeRange(batch)}` : describeCopy(batch, state.batches.length);
              return (
                <li key={batch.number}>
                  <Button size="small" appearance="secondary" icon={done ? <span aria-hidden="true">✓</span> : undefined} onClick={() => void deliver(batch)}>
                    {label}
                    {done ? (state.delivery === 'open' ? ' (opened)' : ' (copied)') : ''}
                  </Button>
                </li>
              );
            })}
          </ul>
          {failedBatch && (
            <Textarea
              readOnly
              resize="vertical"
              aria-label={`Addresses for message ${failedBatch.number}`}
              value={failedBatch.emails.join(ADDRESS_SEPARATOR)}
              onFocus={(event) => event.currentTarget.select()}
            />
          )}
          {failedBatch && (
            <MessageBar layout="multiline" intent="warning" role="alert">
              <MessageBarBody>The pane could not reach the clipboard. Select the addresses above and copy them (Ctrl+C), then paste them into Bcc.</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
    </div>
  );
}

function describeBatches(state: Extract<EmailState, { status: 'batches' }>): string {
  const count = state.batches.length;
  const limit = `Exchange Online delivers a message to at most ${MAX_RECIPIENTS_PER_MESSAGE} recipients, so it will be sent as ${count} messages.`;
  const past = state.pastLeftOut > 0 ? ` Past members (${numberFormat.format(state.pastLeftOut)}) are left out.` : '';
  if (state.delivery === 'open') return `This group has ${numberFormat.format(state.total)} members: ${limit}${past}`;
  return (
    'This version of Outlook cannot open a pre-filled message for an add-in (it needs Mailbox requirement set 1.6). ' +
    `Copy the addresses, start a new message in Outlook and paste them into Bcc.${count > 1 ? ` ${limit}` : ''}${past}`
  );
}

function describeRange(batch: RecipientBatch): string {
  return `${numberFormat.format(batch.first)}–${numberFormat.format(batch.last)}`;
}

function describeCopy(batch: RecipientBatch, count: number): string {
  const addresses = batch.emails.length === 1 ? '1 address' : `${numberFormat.format(batch.emails.length)} addresses`;
  return count === 1 ? `Copy ${addresses}` : `Copy message ${batch.number}: members ${describeRange(batch)}`;
}

function describeCount(count: number): string {
  return count === 1 ? '1 member' : `${numberFormat.format(count)} members`;
}
