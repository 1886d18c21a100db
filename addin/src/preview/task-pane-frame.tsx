// The task pane column: the add-in page in a 350 px iframe, as Outlook hosts it. The first
// state goes into the iframe URL; later selections and theme changes go by postMessage to
// the mailbox stand-in, which swaps the item and raises ItemChanged / OfficeThemeChanged.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PreviewMessage, PreviewUser } from './preview-message.ts';
import { encodePreviewState, PREVIEW_MESSAGE_SOURCE } from './preview-protocol.ts';
import type { PreviewCommand, PreviewItemMode, PreviewTheme } from './preview-protocol.ts';

export const TASK_PANE_WIDTH_PX = 350;

const useStyles = makeStyles({
  column: { width: `${TASK_PANE_WIDTH_PX}px`, flexShrink: 0, display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground1 },
  title: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  frame: { border: 'none', width: `${TASK_PANE_WIDTH_PX}px`, flexGrow: 1 },
});

export function TaskPaneFrame(props: { user: PreviewUser; message: PreviewMessage | null; mode: PreviewItemMode; theme: PreviewTheme }) {
  const styles = useStyles();
  const frame = useRef<HTMLIFrameElement>(null);
  // The src is fixed at first render; changing it would reload the add-in, which Outlook does not do.
  const [src] = useState(() => `/preview/taskpane.html${encodePreviewState({ user: props.user, message: props.message, mode: props.mode, theme: props.theme })}`);
  const sent = useRef({ message: props.message, mode: props.mode, theme: props.theme });

  const post = (command: PreviewCommand) => frame.current?.contentWindow?.postMessage(command, location.origin);

  useEffect(() => {
    const previous = sent.current;
    if (previous.message === props.message && previous.mode === props.mode) return;
    sent.current = { ...previous, message: props.message, mode: props.mode };
    // The same draft with other recipients: Outlook keeps the item and raises RecipientsChanged.
    if (props.mode === 'compose' && previous.mode === 'compose' && props.message && previous.message?.id === props.message.id) {
      post({ source: PREVIEW_MESSAGE_SOURCE, type: 'update-recipients', to: props.message.to, cc: props.message.cc });
      return;
    }
    post({ source: PREVIEW_MESSAGE_SOURCE, type: 'select-item', message: props.message, mode: props.mode });
  }, [props.message, props.mode]);

  useEffect(() => {
    if (sent.current.theme === props.theme) return;
    sent.current = { ...sent.current, theme: props.theme };
    post({ source: PREVIEW_MESSAGE_SOURCE, type: 'set-theme', theme: props.theme });
  }, [props.theme]);

  return (
    <aside className={styles.column} aria-label="Add-in task pane">
      <h2 className={styles.title}>Crosswalk (add-in)</h2>
      <iframe ref={frame} className={styles.frame} title="Crosswalk task pane" src={src} />
    </aside>
  );
}
