// The group page's data: the group and its members, a page at a time ("Load more"), plus
// loading every remaining page when the whole group is needed (email). Answers for a group the
// pane has since left are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Group, Member } from '../../../../shared/domain/group.ts';
import { describeGroupError } from './describe-group-error.ts';
import type { GroupServices } from './group-services.ts';

export type GroupPageState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      group: Group;
      members: Member[];
      /** Null once every page is loaded. */
      nextCursor: string | null;
      loadingMore: boolean;
      moreError: string | null;
    };

export function useGroupPage(options: { services: GroupServices; groupId: string }) {
  const { services, groupId } = options;
  const [state, setState] = useState<GroupPageState>({ status: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const generation = useRef(0);

  const load = useCallback(() => {
    const current = ++generation.current;
    const controller = new AbortController();
    setState({ status: 'loading' });
    Promise.all([services.readGroup(groupId, controller.signal), services.listMembers(groupId, null, controller.signal)])
      .then(([group, page]) => {
        if (current !== generation.current) return;
        setState({ status: 'ready', group, members: page.members, nextCursor: page.nextCursor, loadingMore: false, moreError: null });
      })
      .catch((error: unknown) => {
        if (current !== generation.current) return;
        setState({ status: 'error', message: describeGroupError(error, { action: 'read' }).message });
      });
    return controller;
  }, [services, groupId]);

  useEffect(() => {
    const controller = load();
    return () => {
      generation.current++;
      controller.abort();
    };
  }, [load]);

  /** Fetches the next page and appends it; errors stay beside the button, the list stays. */
  const loadMore = useCallback(async (): Promise<boolean> => {
    const snapshot = stateRef.current;
    if (snapshot.status !== 'ready' || snapshot.nextCursor === null || snapshot.loadingMore) return false;
    const current = generation.current;
    setState({ ...snapshot, loadingMore: true, moreError: null });
    try {
      const page = await services.listMembers(groupId, snapshot.nextCursor);
      if (current !== generation.current) return false;
      const next = { ...snapshot, members: [...snapshot.members, ...page.members], nextCursor: page.nextCursor, loadingMore: false, moreError: null };
      stateRef.current = next;
      setState(next);
      return true;
    } catch (error) {
      if (current !== generation.current) return false;
      const failed = { ...snapshot, loadingMore: false, moreError: describeGroupError(error, { action: 'read' }).message };
      stateRef.current = failed;
      setState(failed);
      return false;
    }
  }, [services, groupId]);

  /** Loads every remaining page; resolves to all members, or null when a page failed or the page was left. */
  const loadAll = useCallback(async (): Promise<Member[] | null> => {
    for (;;) {
      const snapshot = stateRef.current;
      if (snapshot.status !== 'ready') return null;
      if (snapshot.nextCursor === null) return snapshot.members;
      if (!(await loadMore())) return null;
    }
  }, [loadMore]);

  return { state, reload: () => void load(), loadMore, loadAll };
}
