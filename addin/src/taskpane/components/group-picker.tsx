// The group picker: type-ahead over the user's groups in the API's order (most recently used
// first), each with its kind, and a "Create group “…”" option for a name that is not there yet.
import { Button, Combobox, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Group } from '../../../../shared/domain/group.ts';
import type { GroupListState } from '../model/use-group-list.ts';

/** Options shown at once: enough to scan, few enough for a person in hundreds of groups. */
const MAX_OPTIONS = 50;
const CREATE_OPTION = '\u0000create';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  kind: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3 },
  create: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  combobox: { minWidth: 0, width: '100%' },
  retry: { marginLeft: tokens.spacingHorizontalXS },
});

/** Groups whose name contains the query (case-insensitive), in the given order. */
export function matchGroups(groups: readonly Group[], query: string): Group[] {
  const needle = query.trim().toLowerCase();
  return needle === '' ? [...groups] : groups.filter((group) => group.name.toLowerCase().includes(needle));
}

export function GroupPicker(props: {
  state: GroupListState;
  selected: Group | null;
  onSelect: (group: Group | null) => void;
  onCreateRequest: (name: string) => void;
  onRetry: () => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  const [text, setText] = useState(props.selected?.name ?? '');

  // A group chosen from outside (just created) shows its name.
  useEffect(() => {
    if (props.selected) setText(props.selected.name);
  }, [props.selected]);

  const groups = props.state.status === 'ready' ? props.state.groups : [];
  // With a group chosen, reopening the list shows every group, not just the one whose name is typed.
  const query = props.selected && text === props.selected.name ? '' : text;
  const matches = matchGroups(groups, query).slice(0, MAX_OPTIONS);
  const name = text.trim();
  const canCreate = name !== '' && !groups.some((group) => group.name.trim().toLowerCase() === name.toLowerCase());

  if (props.state.status === 'error') {
    return (
      <Field label="Group" validationState="error" validationMessage={props.state.message}>
        <Button size="small" className={styles.retry} onClick={props.onRetry}>
          Retry loading groups
        </Button>
      </Field>
    );
  }

  return (
    <Field label="Group" hint={props.state.status === 'ready' && groups.length === 0 ? 'You have no groups yet: type a name to create one.' : undefined}>
      <Combobox
        className={styles.combobox}
        freeform
        disabled={props.disabled || props.state.status === 'loading'}
        placeholder={props.state.status === 'loading' ? 'Loading your groups…' : 'Search groups or type a new name'}
        value={text}
        selectedOptions={props.selected ? [props.selected.id] : []}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          if (props.selected && value !== props.selected.name) props.onSelect(null);
        }}
        onOptionSelect={(_, data) => {
          if (data.optionValue === CREATE_OPTION) {
            props.onCreateRequest(name);
            return;
          }
          const group = groups.find((g) => g.id === data.optionValue) ?? null;
          if (group) setText(group.name);
          props.onSelect(group);
        }}
      >
        {matches.map((group) => (
          <Option key={group.id} value={group.id} text={group.name}>
            <span className={styles.option}>
              <span>{group.name}</span>
              <span className={styles.kind}>
                {group.kindLabel}
                {group.myRole === 'viewer' ? ' · view only' : ''}
                {group.status === 'archived' ? ' · archived' : ''}
              </span>
            </span>
          </Option>
        ))}
        {canCreate && (
          <Option value={CREATE_OPTION} text={name}>
            <span className={styles.create}>Create group “{name}”</span>
          </Option>
        )}
        {matches.length === 0 && !canCreate && (
          <Option value="" text="" disabled>
            No groups yet
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
