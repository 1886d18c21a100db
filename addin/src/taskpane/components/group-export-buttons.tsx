// Export CSV / Export vCard: the API returns the file (name, type, content) and the pane hands
// it to the browser as a download.
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { describeGroupError } from '../model/describe-group-error.ts';
import type { ExportFormat, GroupServices } from '../model/group-services.ts';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const formatLabels: Record<ExportFormat, string> = { csv: 'Export CSV', vcard: 'Export vCard' };

export function GroupExportButtons(props: { services: GroupServices; groupId: string }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const file = await props.services.exportMembers(props.groupId, format);
      props.services.saveFile(file);
    } catch (caught) {
      setError(describeGroupError(caught, { action: 'read' }).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={styles.block}>
      <div className={styles.row}>
        {(['csv', 'vcard'] as const).map((format) => (
          <Button
            key={format}
            size="small"
            disabledFocusable={busy !== null}
            icon={busy === format ? <Spinner size="tiny" /> : undefined}
            onClick={() => void exportAs(format)}
          >
            {formatLabels[format]}
          </Button>
        ))}
      </div>
      {error && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>Could not export: {error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
