// The inbox column: sender, subject and date per message, newest first.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatListDate } from './format-preview-date.ts';
import type { PreviewMessage } from './preview-message.ts';

const useStyles = makeStyles({
  column: { width: '320px', flexShrink: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
  heading: { margin: 0, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  button: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    rowGap: '2px',
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    border: 'none',
    borderLeft: `3px solid transparent`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    background: 'none',
    color: 'inherit',
    textAlign: 'left',
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, borderLeftColor: tokens.colorBrandStroke1, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  sender: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  date: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  subject: { gridColumn: '1 / -1', fontSize: tokens.fontSizeBase200, color: tokens.colorBrandForeground1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

export function MessageList(props: { messages: PreviewMessage[]; selectedId: string | null; now: Date; onSelect: (message: PreviewMessage) => void }) {
  const styles = useStyles();
  return (
    <nav className={styles.column} aria-labelledby="preview-inbox-heading">
      <h2 id="preview-inbox-heading" className={styles.heading}>
        Inbox
      </h2>
      {props.messages.length === 0 && <p className={styles.empty}>The demo mailbox is empty.</p>}
      <ul className={styles.list}>
        {props.messages.map((message) => (
          <li key={message.id}>
            <button
              type="button"
              className={mergeClasses(styles.button, message.id === props.selectedId && styles.selected)}
              aria-current={message.id === props.selectedId ? 'true' : undefined}
              onClick={() => props.onSelect(message)}
            >
              <span className={styles.sender}>{message.mode === 'compose' ? '[Draft] ' : ''}{message.from.name || message.from.address}</span>
              <span className={styles.date}>{formatListDate({ iso: message.receivedDateTime, now: props.now })}</span>
              <span className={styles.subject}>{message.subject || '(no subject)'}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
