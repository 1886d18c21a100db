// The pane's title bar: product name and the subject of the message being looked at.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { MailItemMode } from '../../office/participant.ts';

const useStyles = makeStyles({
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // The Suggestions button sits at the top right, beside the product name.
  suggestions: { float: 'right', marginTop: `-${tokens.spacingVerticalXXS}` },
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

export function PaneHeader(props: { subject: string | null; mode: MailItemMode | null; onOpenSuggestions?: () => void }) {
  const styles = useStyles();
  const subject = props.subject === null ? null : props.subject.trim() || '(no subject)';
  return (
    <header className={styles.header}>
      {props.onOpenSuggestions && (
        <Button className={styles.suggestions} appearance="subtle" size="small" onClick={props.onOpenSuggestions}>
          Suggestions
        </Button>
      )}
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
