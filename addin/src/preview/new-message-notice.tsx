// Stands in for Outlook's new-message window: when the task pane calls displayNewMessageForm,
// the stand-in tells the page, and this notice says what Outlook would have opened.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { isNewMessageNotice } from './preview-protocol.ts';
import type { NewMessageNotice as Notice } from './preview-protocol.ts';

const useStyles = makeStyles({
  bar: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, flexShrink: 0 },
});

export function NewMessageNotice() {
  const styles = useStyles();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== location.origin || !isNewMessageNotice(event.data)) return;
      const notice = event.data;
      setNotices((previous) => [...previous, notice]);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const last = notices.at(-1);
  if (!last) return null;
  const recipients = [last.to && `${last.to} To`, last.cc && `${last.cc} Cc`, last.bcc && `${last.bcc} Bcc`].filter(Boolean).join(', ') || 'no';
  return (
    <MessageBar className={styles.bar} intent="info" role="status" aria-label="New message notice">
      <MessageBarBody>
        <MessageBarTitle>New message opened: {recipients} recipients</MessageBarTitle>
        Subject “{last.subject}”{notices.length > 1 ? ` · ${notices.length} messages opened so far` : ''}. (In Outlook, a new message window opens here.)
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => setNotices([])}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
