// The suggestions API: list what enrichment suggests, accept (optionally renamed) or dismiss.
// Every signed-in user of the tenant may do all three; who did it is recorded.
import { z } from 'zod';
import { groupNameSchema, groupSchema } from '../domain/group.ts';
import { suggestionSchema } from '../domain/suggestion.ts';
import { defineRoute } from './define-route.ts';

/** Open suggestions of the caller's tenant, working groups first, then networks, then lists. */
export const listSuggestionsRoute = defineRoute({
  name: 'listSuggestions',
  method: 'GET',
  path: 'suggestions',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ suggestions: z.array(suggestionSchema) }),
});

export const acceptSuggestionBodySchema = z.object(
  {
    /** The group's name, if not the suggested one. */
    name: groupNameSchema.optional(),
  },
  { error: 'must be a JSON object' },
);
export type AcceptSuggestionBody = z.input<typeof acceptSuggestionBodySchema>;

/** Makes the suggestion a group (source accepted-suggestion) with its people as inferred members. */
export const acceptSuggestionRoute = defineRoute({
  name: 'acceptSuggestion',
  method: 'POST',
  path: 'suggestions/{id}/accept',
  authenticated: true,
  body: acceptSuggestionBodySchema.optional(),
  bodyOptional: true,
  response: z.object({ suggestion: suggestionSchema, group: groupSchema.pick({ id: true, name: true, kind: true, source: true }) }),
});

/** Never offer this suggestion again, whatever later mail and meetings show. */
export const dismissSuggestionRoute = defineRoute({
  name: 'dismissSuggestion',
  method: 'POST',
  path: 'suggestions/{id}/dismiss',
  authenticated: true,
  body: z.unknown(),
  bodyOptional: true,
  response: z.object({ suggestion: suggestionSchema }),
});

export const suggestionRoutes = [listSuggestionsRoute, acceptSuggestionRoute, dismissSuggestionRoute] as const;
