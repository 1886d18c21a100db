// The dialog behind a member's actions on the group page: change their role, end their term, or
// remove them. A conflict (someone else changed or removed the member meanwhile) is shown with
// the member as they are now, and the user may apply their change to that version or keep it.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { Group, Member } from '../../../../shared/domain/group.ts';
import { nameOf, useMemberEdit, type MemberChange } from '../model/use-member-edit.ts';
import { RolePicker } from './role-picker.tsx';

export type MemberEditKind = MemberChange['kind'];

const titles: Record<MemberEditKind, string> = { role: 'Change role', 'end-term': 'End term', remove: 'Remove from group' };
const submitLabels: Record<MemberEditKind, string> = { role: 'Save role', 'end-term': 'End term', remove: 'Remove' };

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
});

export function GroupMemberEditDialog(props: {
  services: Parameters<typeof useMemberEdit>[0]['services'];
  group: Group;
  member: Member;
  kind: MemberEditKind;
  now: Date;
  onUpdated: (member: Member) => void;
  onRemoved: (personId: string) => void;
  /** The dialog closed; `announcement` says what was done, or null when nothing was. */
  onClose: (announcement: string | null) => void;
}) {
  const styles = useStyles();
  const descriptionId = useId();
  const edit = useMemberEdit({
    services: props.services,
    group: props.group,
    member: props.member,
    onUpdated: props.onUpdated,
    onRemoved: props.onRemoved,
    onDone: (announcement) => props.onClose(announcement),
  });
  const { base, state } = edit;
  const [role, setRole] = useState(props.member.role);
  const [end, setEnd] = useState(props.now.toISOString().slice(0, 10));
  const name = nameOf(base);
  const saving = state.status === 'saving';

  const change: MemberChange | null =
    props.kind === 'remove'
      ? { kind: 'remove' }
      : props.kind === 'role'
        ? role.trim() === '' ? null : { kind: 'role', role: role.trim() }
        : /^\d{4}-\d{2}-\d{2}$/.test(end) ? { kind: 'end-term', end } : null;
  const unchanged = change?.kind === 'role' && change.role === base.role;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (change && !saving && !unchanged) void edit.submit(change);
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && props.onClose(null)}>
      <DialogSurface aria-describedby={descriptionId}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{titles[props.kind]}</DialogTitle>
            <DialogContent className={styles.content}>
              <p id={descriptionId} className={styles.text}>
                {props.kind === 'remove'
                  ? `Remove ${name} (${base.role}) from ${props.group.name}? The change is recorded in the group's history.`
                  : props.kind === 'role'
                    ? `${name}'s role in ${props.group.name} is ${base.role}.`
                    : `After the last day, ${name} is a past ${base.role} of ${props.group.name}, kept in its history${base.start ? ` (the term started ${base.start})` : ''}.`}
              </p>
              {state.status !== 'gone' && props.kind === 'role' && <RolePicker label="New role" value={role} onChange={setRole} disabled={saving} />}
              {state.status !== 'gone' && props.kind === 'end-term' && (
                <Field label="Last day of the term" hint="The term counts as current up to and including this day.">
                  <Input type="date" value={end} min={base.start ?? undefined} onChange={(_, data) => setEnd(data.value)} disabled={saving} />
                </Field>
              )}
              {state.status === 'conflict' && (
                <MessageBar intent="warning" layout="multiline" role="alert">
                  <MessageBarBody>
                    <MessageBarTitle>Changed by someone else</MessageBarTitle>
                    {`${state.current.updatedBy ?? 'Someone'} changed ${name} while you were looking: now ${describeMembership(state.current)}. Your change was not saved.`}
                  </MessageBarBody>
                </MessageBar>
              )}
              {state.status === 'gone' && (
                <MessageBar intent="info" layout="multiline" role="alert">
                  <MessageBarBody>{`${name} was removed from ${props.group.name} by someone else.`}</MessageBarBody>
                </MessageBar>
              )}
              {state.status === 'error' && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{state.message}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              {state.status === 'gone' ? (
                <Button appearance="primary" onClick={() => props.onClose(null)}>
                  Close
                </Button>
              ) : (
                <>
                  <Button
                    type="submit"
                    appearance="primary"
                    disabledFocusable={saving || change === null || unchanged}
                    icon={saving ? <Spinner size="tiny" /> : undefined}
                  >
                    {state.status === 'conflict' ? 'Apply my change again' : submitLabels[props.kind]}
                  </Button>
                  <Button appearance="secondary" onClick={() => props.onClose(null)}>
                    {state.status === 'conflict' ? 'Keep their version' : 'Cancel'}
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** "co-chair, term ends 2026-06-30" — enough to decide whether to apply one's own change. */
function describeMembership(member: Member): string {
  const term = member.end ? (member.current ? `, term ends ${member.end}` : `, term ended ${member.end}`) : '';
  return `${member.role}${term}`;
}
