// The add form itself: participants to tick, the group (picked or created inline), the role,
// one Add, and the result with Undo. Starts over for each message (the panel keys it by item).
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { DEFAULT_ROLE } from '../../../../shared/domain/group.ts';
import type { Group, GroupKind } from '../../../../shared/domain/group.ts';
import { describeGroupError, FORBIDDEN_MESSAGE } from '../model/describe-group-error.ts';
import { useAddToGroup } from '../model/use-add-to-group.ts';
import { useGroupList } from '../model/use-group-list.ts';
import { AddResultMessage } from './add-result-message.tsx';
import type { AddToGroupPanelProps } from './add-to-group-panel.tsx';
import { CreateGroupForm } from './create-group-form.tsx';
import { GroupPicker } from './group-picker.tsx';
import { ParticipantChecklist } from './participant-checklist.tsx';
import { RolePicker } from './role-picker.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function AddToGroupForm(props: AddToGroupPanelProps) {
  const styles = useStyles();
  const { services } = props;
  const groupList = useGroupList(services);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [group, setGroup] = useState<Group | null>(null);
  const [role, setRole] = useState<string>(DEFAULT_ROLE);
  const [creating, setCreating] = useState<{ name: string; busy: boolean; error: string | null } | null>(null);

  const onChanged = useCallback(
    (changed: Group) => {
      groupList.markUsed(changed);
      props.onMembershipChanged();
    },
    [groupList.markUsed, props.onMembershipChanged],
  );
  const adding = useAddToGroup({ services, onChanged });

  const createGroup = async (options: { name: string; kind: GroupKind }) => {
    setCreating({ name: options.name, busy: true, error: null });
    try {
      const created = await services.createGroup({ name: options.name, kind: options.kind });
      groupList.markUsed(created);
      setGroup(created);
      setCreating(null);
    } catch (error) {
      setCreating({ name: options.name, busy: false, error: describeGroupError(error, { action: 'create' }).message });
    }
  };

  const chosen = props.participants.filter((p) => selected.has(p.key));
  const viewOnly = group?.myRole === 'viewer';
  const busy = adding.busy !== null;
  const canAdd = chosen.length > 0 && group !== null && !viewOnly && role.trim() !== '' && !busy && creating === null;

  return (
    // A group, not a form: the inline "create group" form sits inside, and forms cannot nest.
    <div id={props.formId} role="group" aria-label="Add people to a group" className={styles.form}>
      <ParticipantChecklist participants={props.participants} selected={selected} onChange={setSelected} disabled={busy} />
      <GroupPicker
        state={groupList.state}
        selected={group}
        onSelect={setGroup}
        onCreateRequest={(name) => setCreating({ name, busy: false, error: null })}
        onRetry={groupList.reload}
        disabled={busy}
      />
      {creating && (
        <CreateGroupForm
          key={creating.name}
          initialName={creating.name}
          busy={creating.busy}
          error={creating.error}
          onCreate={(options) => void createGroup(options)}
          onCancel={() => setCreating(null)}
        />
      )}
      {viewOnly && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>{FORBIDDEN_MESSAGE}</MessageBarBody>
        </MessageBar>
      )}
      <RolePicker value={role} onChange={setRole} disabled={busy} />
      <div className={styles.row}>
        <Button
          appearance="primary"
          // Focusable while disabled: pressing Add must not drop keyboard focus to the page.
          disabledFocusable={!canAdd}
          icon={adding.busy === 'adding' ? <Spinner size="tiny" /> : undefined}
          onClick={() => {
            if (canAdd && group) void adding.add({ group, emails: chosen.map((p) => p.key), role: role.trim() });
          }}
        >
          {adding.busy === 'adding' ? 'Adding…' : chosen.length > 0 ? `Add ${chosen.length} ${chosen.length === 1 ? 'person' : 'people'}` : 'Add'}
        </Button>
        {group && (
          <Button appearance="subtle" onClick={() => props.onOpenGroup(group.id)}>
            Open group
          </Button>
        )}
      </div>
      {adding.outcome && (
        <AddResultMessage
          outcome={adding.outcome}
          busy={adding.busy === 'undoing'}
          onUndo={() => void adding.undo()}
          onReload={() => {
            adding.dismiss();
            setGroup(null);
            groupList.reload();
            props.onMembershipChanged();
          }}
          onOpenGroup={props.onOpenGroup}
          onDismiss={adding.dismiss}
        />
      )}
    </div>
  );
}
