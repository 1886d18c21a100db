// The one-click add and its Undo. Add sends ONE request for every selected participant; Undo
// sends ONE request removing exactly the members that add created (each with the etag it
// answered, so a member someone changed since is left alone), and puts back the role or term
// of members the add changed.
import { useCallback, useRef, useState } from 'react';
import type { AddMemberResult, Group } from '../../../../shared/domain/group.ts';
import { describeGroupError } from './describe-group-error.ts';
import type { GroupErrorKind } from './describe-group-error.ts';
import type { GroupServices } from './group-services.ts';

export interface UndoPlan {
  remove: { personId: string; etag: string }[];
  restore: { personId: string; etag: string; previous: NonNullable<AddMemberResult['previous']> }[];
}

export type AddOutcome =
  | { status: 'added'; group: Group; summary: string; undo: UndoPlan }
  | { status: 'undone'; group: Group; message: string }
  | { status: 'failed'; action: 'add' | 'undo'; kind: GroupErrorKind; message: string };

export interface AddRequest {
  group: Group;
  emails: string[];
  role: string;
}

export function useAddToGroup(options: { services: GroupServices; onChanged: (group: Group) => void }) {
  const [busy, setBusy] = useState<'adding' | 'undoing' | null>(null);
  const [outcome, setOutcome] = useState<AddOutcome | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const add = useCallback(async (request: AddRequest) => {
    const { services, onChanged } = optionsRef.current;
    setBusy('adding');
    try {
      const response = await services.addMembers(
        request.group.id,
        request.emails.map((email) => ({ email, role: request.role })),
      );
      setOutcome({ status: 'added', group: response.group, summary: response.summary, undo: planUndo(response.results) });
      onChanged(response.group);
    } catch (error) {
      const described = describeGroupError(error, { action: 'change' });
      setOutcome({ status: 'failed', action: 'add', ...described });
    } finally {
      setBusy(null);
    }
  }, []);

  const undo = useCallback(async () => {
    if (outcome?.status !== 'added') return;
    const { services, onChanged } = optionsRef.current;
    const { group, undo: plan } = outcome;
    setBusy('undoing');
    try {
      let removed = 0;
      let leftAlone = 0;
      if (plan.remove.length > 0) {
        const { results } = await services.removeMembers(group.id, plan.remove);
        removed = results.filter((r) => r.result === 'removed').length;
        leftAlone = results.filter((r) => r.result === 'conflict').length;
      }
      for (const { personId, etag, previous } of plan.restore) {
        await services.updateMember(group.id, personId, {
          etag,
          role: previous.role,
          ...(previous.start ? { start: previous.start } : {}),
          end: previous.end,
          notes: previous.notes,
        });
      }
      setOutcome({ status: 'undone', group, message: describeUndo({ groupName: group.name, removed, restored: plan.restore.length, leftAlone }) });
      onChanged(group);
    } catch (error) {
      const described = describeGroupError(error, { action: 'change' });
      setOutcome({ status: 'failed', action: 'undo', ...described });
    } finally {
      setBusy(null);
    }
  }, [outcome]);

  const dismiss = useCallback(() => setOutcome(null), []);
  return { busy, outcome, add, undo, dismiss };
}

/** What Undo must do: remove the members this add created, restore the ones it changed. */
export function planUndo(results: readonly AddMemberResult[]): UndoPlan {
  return {
    remove: results.filter((r) => r.result === 'added').map((r) => ({ personId: r.personId, etag: r.member.etag })),
    restore: results
      .filter((r) => r.result === 'updated' && r.previous)
      .map((r) => ({ personId: r.personId, etag: r.member.etag, previous: r.previous! })),
  };
}

function describeUndo(options: { groupName: string; removed: number; restored: number; leftAlone: number }): string {
  const parts: string[] = [];
  if (options.removed > 0) parts.push(`${options.removed} removed from ${options.groupName}`);
  if (options.restored > 0) parts.push(`${options.restored} put back as before`);
  if (parts.length === 0) parts.push(`Nothing to undo in ${options.groupName}`);
  let message = `Undone: ${parts.join('; ')}.`;
  if (options.leftAlone > 0) {
    message += ` ${options.leftAlone} changed by someone else since ${options.leftAlone === 1 ? 'was' : 'were'} left as ${options.leftAlone === 1 ? 'it is' : 'they are'}.`;
  }
  return message;
}
