// What the suggestions view needs from the API, as one injectable object: merge suggestions
// ("same person?") and suggested groups (working groups, networks, lists). main.tsx wires the
// typed API client in; tests pass fakes.
import { dismissMergeSuggestionRoute, listMergeSuggestionsRoute, mergePeopleRoute, type MergeSuggestionView } from '../../../../shared/api/person-routes.ts';
import { acceptSuggestionRoute, dismissSuggestionRoute, listSuggestionsRoute } from '../../../../shared/api/suggestion-routes.ts';
import type { Suggestion } from '../../../../shared/domain/suggestion.ts';
import type { ApiClient } from '../../api/api-client.ts';

export interface SuggestionServices {
  listMergeSuggestions(signal?: AbortSignal): Promise<MergeSuggestionView[]>;
  /** The secondary becomes an alias of the primary. */
  mergePeople(primary: string, secondary: string): Promise<{ primary: string; aliases: string[] }>;
  /** "Not the same person": never suggested again. */
  dismissMergeSuggestion(id: string): Promise<unknown>;
  /** Open group suggestions: working groups, then networks, then lists. */
  listGroupSuggestions(signal?: AbortSignal): Promise<Suggestion[]>;
  /** Creates the group, under `name` when given. */
  acceptGroupSuggestion(id: string, name?: string): Promise<{ group: { id: string; name: string } }>;
  dismissGroupSuggestion(id: string): Promise<unknown>;
}

export function createSuggestionServices(client: ApiClient): SuggestionServices {
  const byId = (id: string) => ({ params: { id } });
  return {
    listMergeSuggestions: async (signal) => (await client.callRoute(listMergeSuggestionsRoute, undefined, { signal })).suggestions,
    mergePeople: (primary, secondary) => client.callRoute(mergePeopleRoute, { primary, secondary }),
    dismissMergeSuggestion: (id) => client.callRoute(dismissMergeSuggestionRoute, undefined, byId(id)),
    listGroupSuggestions: async (signal) => (await client.callRoute(listSuggestionsRoute, undefined, { signal })).suggestions,
    acceptGroupSuggestion: (id, name) => client.callRoute(acceptSuggestionRoute, name ? { name } : {}, byId(id)),
    dismissGroupSuggestion: (id) => client.callRoute(dismissSuggestionRoute, undefined, byId(id)),
  };
}
