// "Email this group": opens a new Outlook message with the current members in Bcc. Exchange
// Online delivers a message to at most MAX_RECIPIENTS_PER_MESSAGE recipients, so a bigger group
// goes out as several messages: the pane explains why and offers one button per batch.
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
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

type EmailState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'batches'; batches: RecipientBatch[]; total: number; pastLeftOut: number; opened: ReadonlySet<number> }
  | { status: 'message'; intent: 'success' | 'error' | 'info'; text: string };

const numberFormat = new Intl.NumberFormat('en-US');

export function EmailGroupPanel(props: { services: GroupServices; group: Group; loadAllMembers: () => Promise<Member[] | null>; disabled?: boolean }) {
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
    const members = await props.loadAllMembers();
    if (!members) {
      setState({ status: 'message', intent: 'error', text: 'Could not load every member of the group; try again.' });
      return;
    }
    const current = members.filter((member) => member.current);
    const batches = splitRecipientBatches({ emails: current.map((member) => member.email) });
    const pastLeftOut = members.length - current.length;
    const total = batches.reduce((sum, batch) => sum + batch.emails.length, 0);
    if (batches.length === 0) {
      setState({ status: 'message', intent: 'info', text: 'This group has no current members to email.' });
    } else if (batches.length === 1) {
      if (open(batches[0]!)) {
        setState({ status: 'message', intent: 'success', text: `Opened a new message with ${describeCount(total)} in Bcc.` });
      }
    } else {
      setState({ status: 'batches', batches, total, pastLeftOut, opened: new Set() });
    }
  };

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
            This group has {numberFormat.format(state.total)} members: Exchange Online delivers a message to at most {MAX_RECIPIENTS_PER_MESSAGE}{' '}
            recipients, so it will be sent as {state.batches.length} messages.
            {state.pastLeftOut > 0 && ` Past members (${numberFormat.format(state.pastLeftOut)}) are left out.`}
          </p>
          <ul className={styles.batches}>
            {state.batches.map((batch) => {
              const opened = state.opened.has(batch.number);
              return (
                <li key={batch.number}>
                  <Button
                    size="small"
                    appearance="secondary"
                    icon={opened ? <span aria-hidden="true">✓</span> : undefined}
                    onClick={() => {
                      if (open(batch)) setState({ ...state, opened: new Set([...state.opened, batch.number]) });
                    }}
                  >
                    {`Message ${batch.number}: members ${numberFormat.format(batch.first)}–${numberFormat.format(batch.last)}`}
                    {opened ? ' (opened)' : ''}
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}

function describeCount(count: number): string {
  return count === 1 ? '1 member' : `${numberFormat.format(count)} members`;
}
