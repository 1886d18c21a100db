// The local Outlook preview: a simulated reading window (message list, reading pane) with the
// real task pane beside it in an iframe, driven through the mailbox stand-in.
import { FluentProvider, makeStyles, Spinner, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { loadPreviewMessages } from './load-preview-messages.ts';
import { MessageList } from './message-list.tsx';
import { NewMessageNotice } from './new-message-notice.tsx';
import { PreviewTopBar } from './preview-top-bar.tsx';
import type { PreviewAddress, PreviewMessagesResponse } from './preview-message.ts';
import type { PreviewItemMode, PreviewTheme } from './preview-protocol.ts';
import { ReadingPane } from './reading-pane.tsx';
import { TaskPaneFrame } from './task-pane-frame.tsx';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground3 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0, gap: '1px', backgroundColor: tokens.colorNeutralStroke2 },
  status: { padding: tokens.spacingHorizontalXXL },
});

export function PreviewApp() {
  const styles = useStyles();
  const [mailbox, setMailbox] = useState<PreviewMessagesResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<PreviewItemMode>('read');
  const [theme, setTheme] = useState<PreviewTheme>('light');
  /** Recipients typed into the open draft (compose mode), until another message or mode is chosen. */
  const [addedRecipients, setAddedRecipients] = useState<PreviewAddress[]>([]);
  const now = useMemo(() => new Date(), []);

  useEffect(() => {
    loadPreviewMessages()
      .then((loaded) => {
        setMailbox(loaded);
        const first = loaded.messages[0];
        if (first) {
          setSelectedId(first.id);
          setMode(first.mode ?? 'read');
        }
      })
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : 'Could not load the mailbox.'));
  }, []);

  const listed = mailbox?.messages.find((message) => message.id === selectedId) ?? null;
  const selected = useMemo(
    () => (listed && mode === 'compose' && addedRecipients.length > 0 ? { ...listed, to: [...listed.to, ...addedRecipients] } : listed),
    [listed, mode, addedRecipients],
  );
  const changeMode = (next: PreviewItemMode) => {
    setMode(next);
    setAddedRecipients([]);
  };

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
      <div className={styles.shell}>
      <PreviewTopBar user={mailbox?.user ?? null} theme={theme} onThemeChange={setTheme} />
      <NewMessageNotice />
      {loadError && (
        <p role="alert" className={styles.status}>
          {loadError}
        </p>
      )}
      {!mailbox && !loadError && <Spinner className={styles.status} label="Loading the demo mailbox…" />}
      {mailbox && (
        <div className={styles.body}>
          <MessageList
            messages={mailbox.messages}
            selectedId={selectedId}
            now={now}
            onSelect={(message) => {
              setSelectedId(message.id);
              changeMode(message.mode ?? 'read');
            }}
          />
          <ReadingPane
            message={selected}
            mode={mode}
            user={mailbox.user}
            onModeChange={changeMode}
            onAddRecipient={(address) => setAddedRecipients((current) => [...current, address])}
          />
          <TaskPaneFrame user={mailbox.user} message={selected} mode={mode} theme={theme} />
        </div>
      )}
      </div>
    </FluentProvider>
  );
}
