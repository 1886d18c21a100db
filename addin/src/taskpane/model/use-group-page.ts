// The group page's data: the group and its members, filtered by the server, a page at a time
// ("Load more", or scrolling near the end), plus the current members of the whole group for
// "Email this group". Rows the user changes are updated in place. Answers for a group or a
// filter the pane has since left are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberListPage } from '../../../../shared/api/group-routes.ts';
import type { Group, Member } from '../../../../shared/domain/group.ts';
import { describeGroupError } from './describe-group-error.ts';
import { defaultMemberFilters, matchesFilters, toMemberListQuery, type MemberFilters } from './filter-members.ts';
import type { GroupServices } from './group-services.ts';

export type GroupPageState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      group: Group;
      filters: MemberFilters;
      /** Every role in the group, for the role filter. */
      roles: string[];
      members: Member[];
      /** True while the list is being fetched again for new filters. */
      refiltering: boolean;
      /** Null once every matching page is loaded. */
      nextCursor: string | null;
      loadingMore: boolean;
      moreError: string | null;
    };

type ReadyState = Extract<GroupPageState, { status: 'ready' }>;

/** A filtered page may come back empty with more to examine (the server bounds each request's
 * scan); the pane asks again, up to this many times, before showing "Load more". */
const MAX_EMPTY_PAGES_FOLLOWED = 10;

/** Fetches the next page that has members (or the end), following empty filtered pages. */
async function fetchPage(
  services: GroupServices,
  options: { groupId: string; cursor: string | null; filters: MemberFilters; signal?: AbortSignal },
): Promise<MemberListPage> {
  let page = await services.listMembers(options.groupId, options.cursor, { filters: toMemberListQuery(options.filters), signal: options.signal });
  const roles = page.roles;
  for (let followed = 0; page.members.length === 0 && page.nextCursor !== null && followed < MAX_EMPTY_PAGES_FOLLOWED; followed += 1) {
    page = await services.listMembers(options.groupId, page.nextCursor, { filters: toMemberListQuery(options.filters), signal: options.signal });
  }
  return { ...page, ...(roles ? { roles } : {}) };
}

export function useGroupPage(options: { services: GroupServices; groupId: string }) {
  const { services, groupId } = options;
  const [state, setState] = useState<GroupPageState>({ status: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Bumped when the page loads again or is left: every answer from before is dropped. */
  const generation = useRef(0);
  /** Bumped when the member list starts over (new filters): pages of the old list are dropped. */
  const listGeneration = useRef(0);

  const commit = (next: GroupPageState) => {
    stateRef.current = next;
    setState(next);
  };

  const load = useCallback(() => {
    const current = ++generation.current;
    listGeneration.current += 1;
    const controller = new AbortController();
    const filters = stateRef.current.status === 'ready' ? stateRef.current.filters : defaultMemberFilters;
    commit({ status: 'loading' });
    Promise.all([services.readGroup(groupId, controller.signal), fetchPage(services, { groupId, cursor: null, filters, signal: controller.signal })])
      .then(([group, page]) => {
        if (current !== generation.current) return;
        commit({
          status: 'ready',
          group,
          filters,
          roles: page.roles ?? [],
          members: page.members,
          refiltering: false,
          nextCursor: page.nextCursor,
          loadingMore: false,
          moreError: null,
        });
      })
      .catch((error: unknown) => {
        if (current !== generation.current) return;
        commit({ status: 'error', message: describeGroupError(error, { action: 'read' }).message });
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

  /** Asks the server for the list under new filters; the old rows stay until the answer comes. */
  const setFilters = useCallback(
    async (filters: MemberFilters): Promise<void> => {
      const snapshot = stateRef.current;
      if (snapshot.status !== 'ready') return;
      const current = generation.current;
      const list = ++listGeneration.current;
      commit({ ...snapshot, filters, refiltering: true, moreError: null });
      const stale = () => current !== generation.current || list !== listGeneration.current;
      try {
        const page = await fetchPage(services, { groupId, cursor: null, filters });
        const latest = stateRef.current;
        if (stale() || latest.status !== 'ready') return;
        commit({ ...latest, members: page.members, nextCursor: page.nextCursor, roles: page.roles ?? latest.roles, refiltering: false, loadingMore: false });
      } catch (error) {
        const latest = stateRef.current;
        if (stale() || latest.status !== 'ready') return;
        // The rows shown no longer match the filters chosen: show none, and the error beside "Load more".
        commit({ ...latest, members: [], nextCursor: null, refiltering: false, loadingMore: false, moreError: describeGroupError(error, { action: 'read' }).message });
      }
    },
    [services, groupId],
  );

  /** Fetches the next page and appends it; errors stay beside the button, the list stays. */
  const loadMore = useCallback(async (): Promise<boolean> => {
    const snapshot = stateRef.current;
    if (snapshot.status !== 'ready' || snapshot.nextCursor === null || snapshot.loadingMore || snapshot.refiltering) return false;
    const current = generation.current;
    const list = listGeneration.current;
    const stale = () => current !== generation.current || list !== listGeneration.current;
    commit({ ...snapshot, loadingMore: true, moreError: null });
    try {
      const page = await fetchPage(services, { groupId, cursor: snapshot.nextCursor, filters: snapshot.filters });
      const latest = stateRef.current;
      if (stale() || latest.status !== 'ready') return false;
      // Rows changed meanwhile (an edit) keep their new version; a page never repeats a person.
      const known = new Set(latest.members.map((m) => m.personId));
      commit({ ...latest, members: [...latest.members, ...page.members.filter((m) => !known.has(m.personId))], nextCursor: page.nextCursor, loadingMore: false });
      return true;
    } catch (error) {
      const latest = stateRef.current;
      if (stale() || latest.status !== 'ready') return false;
      commit({ ...latest, loadingMore: false, moreError: describeGroupError(error, { action: 'read' }).message });
      return false;
    }
  }, [services, groupId]);

  /** Every current member of the group, whatever the filters (for email); null when a page failed. */
  const loadCurrentMembers = useCallback(async (): Promise<Member[] | null> => {
    const filters: MemberFilters = { role: '', organizationKind: '', term: 'current' };
    const members: Member[] = [];
    let cursor: string | null = null;
    try {
      do {
        const page: MemberListPage = await services.listMembers(groupId, cursor, { filters: toMemberListQuery(filters) });
        members.push(...page.members);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return members;
    } catch {
      return null;
    }
  }, [services, groupId]);

  /** Puts a member changed in the pane in place; one that no longer matches the filters leaves the list. */
  const updateMember = useCallback((member: Member) => {
    const snapshot = stateRef.current;
    if (snapshot.status !== 'ready') return;
    const members = snapshot.members.flatMap((m) => (m.personId !== member.personId ? [m] : matchesFilters(member, snapshot.filters) ? [member] : []));
    commit({ ...snapshot, members });
  }, []);

  /** Takes a removed member off the list and the count. */
  const dropMember = useCallback((personId: string) => {
    const snapshot = stateRef.current;
    if (snapshot.status !== 'ready' || !snapshot.members.some((m) => m.personId === personId)) return;
    const { group } = snapshot;
    const memberCount = group.memberCount === undefined ? undefined : Math.max(0, group.memberCount - 1);
    commit({ ...snapshot, members: snapshot.members.filter((m) => m.personId !== personId), group: { ...group, ...(memberCount === undefined ? {} : { memberCount }) } });
  }, []);

  return { state, reload: () => void load(), setFilters, loadMore, loadCurrentMembers, updateMember, dropMember };
}

export type GroupPageModel = ReturnType<typeof useGroupPage>;
export type { ReadyState as GroupPageReadyState };
