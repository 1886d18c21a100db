// Creating a group inline, from the picker's "Create group “…”": the name (editable) and the
// kind, without leaving the pane. The new group becomes the picker's choice.
import { Button, Field, Input, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { groupKindLabels, groupKinds, MAX_GROUP_NAME } from '../../../../shared/domain/group.ts';
import type { GroupKind } from '../../../../shared/domain/group.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function CreateGroupForm(props: {
  initialName: string;
  busy: boolean;
  error: string | null;
  onCreate: (options: { name: string; kind: GroupKind }) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const [name, setName] = useState(props.initialName);
  const [kind, setKind] = useState<GroupKind>('initiative');
  const kindRef = useRef<HTMLSelectElement>(null);

  // The name is already typed; the next decision is the kind.
  useEffect(() => kindRef.current?.focus(), []);

  const trimmed = name.trim();
  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed !== '' && !props.busy) props.onCreate({ name: trimmed, kind });
      }}
    >
      <h3 id={headingId} className={styles.heading}>
        New group
      </h3>
      <Field label="Name" required validationMessage={props.error ?? undefined} validationState={props.error ? 'error' : 'none'}>
        <Input value={name} maxLength={MAX_GROUP_NAME} onChange={(_, data) => setName(data.value)} disabled={props.busy} />
      </Field>
      <Field label="Kind">
        <Select ref={kindRef} value={kind} onChange={(_, data) => setKind(data.value as GroupKind)} disabled={props.busy}>
          {groupKinds.map((value) => (
            <option key={value} value={value}>
              {groupKindLabels[value]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={trimmed === '' || props.busy} icon={props.busy ? <Spinner size="tiny" /> : undefined}>
          {props.busy ? 'Creating…' : 'Create group'}
        </Button>
        <Button size="small" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
