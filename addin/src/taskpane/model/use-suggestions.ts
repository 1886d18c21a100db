// The suggestions view's state: both lists loaded together (merge suggestions and suggested
// groups), and each item's action in flight or its error, so one slow or refused answer never
// blocks the others. A decided item leaves the list and a one-line outcome is announced.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MergeSuggestionView } from '../../../../shared/api/person-routes.ts';
import type { Suggestion } from '../../../../shared/domain/suggestion.ts';
import { isApiError } from '../../api/api-error.ts';
import type { SuggestionServices } from './suggestion-services.ts';

export type SuggestionsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; merges: MergeSuggestionView[]; groups: Suggestion[] };

export type SuggestionAction = 'merge' | 'keep-apart' | 'accept' | 'dismiss';

/** What is happening to one suggestion: an action awaiting its answer, or the error of the last one. */
export interface ItemActivity {
  acting: SuggestionAction | null;
  error: string | null;
}

const IDLE: ItemActivity = { acting: null, error: null };

export function describeSuggestionError(error: unknown): string {
  return isApiError(error) ? error.message : 'Something went wrong. Please try again.';
}

/** The address a merge keeps (the more recent one) and the one that becomes its alias. */
export function splitMergePair(suggestion: MergeSuggestionView): { primary: string; secondary: string } {
  const secondary = suggestion.people.find((person) => person.email !== suggestion.suggestedPrimary)?.email ?? suggestion.people[0].email;
  return { primary: suggestion.suggestedPrimary, secondary };
}

/** `onDecided` runs after each accepted answer (e.g. to refresh the open message's cards after a merge). */
export function useSuggestions(services: SuggestionServices, options: { onDecided?: () => void } = {}) {
  const onDecided = useRef(options.onDecided);
  onDecided.current = options.onDecided;
  const [state, setState] = useState<SuggestionsState>({ status: 'loading' });
  const [activity, setActivity] = useState<Record<string, ItemActivity>>({});
  const [outcome, setOutcome] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    const controller = new AbortController();
    setState({ status: 'loading' });
    setActivity({});
    Promise.all([services.listMergeSuggestions(controller.signal), services.listGroupSuggestions(controller.signal)])
      .then(([merges, groups]) => {
        if (current === generation.current) setState({ status: 'ready', merges, groups });
      })
      .catch((error: unknown) => {
        if (current === generation.current) setState({ status: 'error', message: describeSuggestionError(error) });
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

  /** Runs one action on one item; on success the item leaves its list and `done` describes what happened. */
  const act = useCallback(
    async (id: string, action: SuggestionAction, run: () => Promise<string>) => {
      setActivity((previous) => ({ ...previous, [id]: { acting: action, error: null } }));
      try {
        const done = await run();
        setState((previous) =>
          previous.status === 'ready'
            ? { ...previous, merges: previous.merges.filter((s) => s.id !== id), groups: previous.groups.filter((s) => s.id !== id) }
            : previous,
        );
        setActivity(({ [id]: _finished, ...rest }) => rest);
        setOutcome(done);
        onDecided.current?.();
      } catch (error) {
        setActivity((previous) => ({ ...previous, [id]: { acting: null, error: describeSuggestionError(error) } }));
      }
    },
    [],
  );

  const confirmMerge = (suggestion: MergeSuggestionView) =>
    act(suggestion.id, 'merge', async () => {
      const { primary, secondary } = splitMergePair(suggestion);
      await services.mergePeople(primary, secondary);
      return `${suggestion.name}: one person now. ${secondary} is an address of ${primary}.`;
    });
  const keepApart = (suggestion: MergeSuggestionView) =>
    act(suggestion.id, 'keep-apart', async () => {
      await services.dismissMergeSuggestion(suggestion.id);
      return `${suggestion.people[0].email} and ${suggestion.people[1].email} stay two people.`;
    });
  const acceptGroup = (suggestion: Suggestion, name?: string) =>
    act(suggestion.id, 'accept', async () => {
      const { group } = await services.acceptGroupSuggestion(suggestion.id, name?.trim() || undefined);
      return `Created the group "${group.name}".`;
    });
  const dismissGroup = (suggestion: Suggestion) =>
    act(suggestion.id, 'dismiss', async () => {
      await services.dismissGroupSuggestion(suggestion.id);
      return `Dismissed "${suggestion.name}"; it will not be suggested again.`;
    });

  return {
    state,
    outcome,
    activityOf: (id: string): ItemActivity => activity[id] ?? IDLE,
    reload: () => void reload(),
    confirmMerge,
    keepApart,
    acceptGroup,
    dismissGroup,
  };
}
