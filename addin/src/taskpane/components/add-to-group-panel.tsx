// "These people should be in our initiative": tick participants (or all), pick or create a
// group, pick a role, one Add. The panel folds away so the cards stay the pane's first view;
// its form starts over for each message.
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { DEFAULT_ROLE } from '../../../../shared/domain/group.ts';
import type { Group, GroupKind } from '../../../../shared/domain/group.ts';
import { describeGroupError, FORBIDDEN_MESSAGE } from '../model/describe-group-error.ts';
import type { GroupServices } from '../model/group-services.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { useAddToGroup } from '../model/use-add-to-group.ts';
import { useGroupList } from '../model/use-group-list.ts';
import { AddResultMessage } from './add-result-message.tsx';
import { CreateGroupForm } from './create-group-form.tsx';
import { GroupPicker } from './group-picker.tsx';
import { ParticipantChecklist } from './participant-checklist.tsx';
import { RolePicker } from './role-picker.tsx';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  headingRow: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface AddToGroupPanelProps {
  services: GroupServices;
  participants: OrderedParticipant[];
  /** Changes with the open message; the form starts over when it does. */
  itemKey: string;
  onMembershipChanged: () => void;
  onOpenGroup: (groupId: string) => void;
}

export function AddToGroupPanel(props: AddToGroupPanelProps) {
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  return (
    <section className={styles.section} aria-labelledby="crosswalk-add-heading">
      <div className={styles.headingRow}>
        <h2 id="crosswalk-add-heading" className={styles.heading}>
          Add to a group
        </h2>
        <Button size="small" appearance={expanded ? 'subtle' : 'primary'} aria-expanded={expanded} aria-controls="crosswalk-add-form" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Hide' : 'Add people…'}
        </Button>
      </div>
      {expanded && <AddToGroupForm key={props.itemKey} {...props} />}
    </section>
  );
}

function AddToGroupForm(props: AddToGroupPanelProps) {
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
    <div id="crosswalk-add-form" role="group" aria-label="Add people to a group" className={styles.form}>
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
        <MessageBar intent="warning">
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
