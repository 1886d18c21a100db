// The pane's title bar: product name and the subject of the message being looked at.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { MailItemMode } from '../../office/participant.ts';

const useStyles = makeStyles({
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  subject: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

export function PaneHeader(props: { subject: string | null; mode: MailItemMode | null }) {
  const styles = useStyles();
  const subject = props.subject === null ? null : props.subject.trim() || '(no subject)';
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>Crosswalk</h1>
      {subject !== null && (
        <p className={styles.subject} title={subject}>
          {props.mode === 'compose' ? 'Draft: ' : ''}
          {subject}
        </p>
      )}
    </header>
  );
}
