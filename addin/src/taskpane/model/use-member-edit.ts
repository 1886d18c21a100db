// Changing one member from the group page: a new role, the end of their term, or removal. Each
// change carries the etag of the version the user saw; when someone else changed the member
// meanwhile (409, or a removal answered "conflict"), the member is read again and the user sees
// what it is now and may apply their change to that version, or leave it.
import { useState } from 'react';
import type { Group, Member } from '../../../../shared/domain/group.ts';
import { isApiError } from '../../api/api-error.ts';
import { describeGroupError } from './describe-group-error.ts';
import type { GroupServices } from './group-services.ts';

export type MemberChange = { kind: 'role'; role: string } | { kind: 'end-term'; end: string } | { kind: 'remove' };

export type MemberEditState =
  | { status: 'editing' }
  | { status: 'saving' }
  /** Someone else changed the member: `current` is how it is now. */
  | { status: 'conflict'; current: Member }
  /** Someone else removed the member. */
  | { status: 'gone' }
  | { status: 'error'; message: string };

export function nameOf(member: Member): string {
  return member.displayName ?? member.email;
}

/** What the pane announces once a change is saved. */
export function describeSavedChange(change: MemberChange, member: Member, group: Pick<Group, 'name'>): string {
  const name = nameOf(member);
  if (change.kind === 'role') return `${name} is now ${change.role} in ${group.name}.`;
  if (change.kind === 'end-term') return `Ended ${name}'s term in ${group.name} on ${change.end}.`;
  return `Removed ${name} from ${group.name}.`;
}

export function useMemberEdit(options: {
  services: GroupServices;
  group: Group;
  member: Member;
  /** A newer version of the member (saved, or found after a conflict). */
  onUpdated: (member: Member) => void;
  onRemoved: (personId: string) => void;
  /** The change is done (saved, or the member is gone): close and announce. */
  onDone: (announcement: string) => void;
}) {
  const { services, group } = options;
  /** The version the change applies to: the one the user saw, or the one they were shown after a conflict. */
  const [base, setBase] = useState(options.member);
  const [state, setState] = useState<MemberEditState>({ status: 'editing' });

  /** After a refusal: is it someone else's change (then show it), or something else (then say it)? */
  const explainRefusal = async (fallback: string) => {
    let current: Member;
    try {
      current = await services.readMember(group.id, base.personId);
    } catch (error) {
      if (isApiError(error) && error.status === 404) {
        options.onRemoved(base.personId);
        setState({ status: 'gone' });
        return;
      }
      setState({ status: 'error', message: describeGroupError(error, { action: 'read' }).message });
      return;
    }
    if (current.etag !== base.etag) {
      options.onUpdated(current);
      setBase(current);
      setState({ status: 'conflict', current });
    } else {
      setState({ status: 'error', message: fallback });
    }
  };

  const submit = async (change: MemberChange) => {
    setState({ status: 'saving' });
    try {
      if (change.kind === 'remove') {
        const [result] = (await services.removeMembers(group.id, [{ personId: base.personId, etag: base.etag }])).results;
        if (result?.result === 'conflict') return await explainRefusal('The member could not be removed; reload the group and try again.');
        options.onRemoved(base.personId);
        options.onDone(result?.result === 'not-member' ? `${nameOf(base)} had already been removed from ${group.name}.` : describeSavedChange(change, base, group));
        return;
      }
      const body = change.kind === 'role' ? { etag: base.etag, role: change.role } : { etag: base.etag, end: change.end };
      const saved = await services.updateMember(group.id, base.personId, body);
      options.onUpdated(saved);
      options.onDone(describeSavedChange(change, saved, group));
    } catch (error) {
      // 409 is also an archived group or an inferred membership, 404 a member removed meanwhile:
      // explainRefusal tells them apart.
      if (isApiError(error) && (error.status === 409 || error.status === 404)) return await explainRefusal(error.message);
      setState({ status: 'error', message: describeGroupError(error, { action: 'change' }).message });
    }
  };

  return { base, state, submit, edit: () => setState({ status: 'editing' }) };
}
