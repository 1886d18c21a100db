// The user's groups for the picker: loaded once per pane, most recently used first (the API's
// order), with a reload for errors and conflicts and a way to put a group just used on top.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Group } from '../../../../shared/domain/group.ts';
import { describeGroupError } from './describe-group-error.ts';
import type { GroupServices } from './group-services.ts';

export type GroupListState =
  | { status: 'loading' }
  | { status: 'ready'; groups: Group[] }
  | { status: 'error'; message: string };

export function useGroupList(services: GroupServices): { state: GroupListState; reload: () => void; markUsed: (group: Group) => void } {
  const [state, setState] = useState<GroupListState>({ status: 'loading' });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    const controller = new AbortController();
    setState({ status: 'loading' });
    services
      .listGroups(controller.signal)
      .then((groups) => {
        if (current === generation.current) setState({ status: 'ready', groups });
      })
      .catch((error: unknown) => {
        if (current === generation.current) setState({ status: 'error', message: describeGroupError(error, { action: 'read' }).message });
      });
    return controller;
  }, [services]);

  useEffect(() => {
    const controller = reload();
    return () => {
      generation.current++;
      controller.abort();
    };
  }, [reload]);

  /** Moves (or adds) the group to the top: the user just created it or added to it. */
  const markUsed = useCallback((group: Group) => {
    setState((previous) => {
      const others = previous.status === 'ready' ? previous.groups.filter((g) => g.id !== group.id) : [];
      return { status: 'ready', groups: [group, ...others] };
    });
  }, []);

  return { state, reload: () => void reload(), markUsed };
}
