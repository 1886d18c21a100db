// The people identity API: merge suggestions (the same name at two domains), a user's
// confirmed merge (one address becomes an alias of another person), its undoing (split), and
// dismissal.
import { z } from 'zod';
import { emailSchema } from '../domain/email-address.ts';
import { defineRoute } from './define-route.ts';

export const mergeCandidateSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  domain: z.string(),
  organization: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});

export const mergeSuggestionSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The earlier address first. */
  people: z.tuple([mergeCandidateSchema, mergeCandidateSchema]),
  /** The more recent address: the one to keep as primary if they moved. */
  suggestedPrimary: z.string(),
  /** "Jess Morgan at orcacounty-cascadia.gov and housing.cascadia.gov — same person? They may have moved from … to …" */
  message: z.string(),
});
export type MergeSuggestionView = z.infer<typeof mergeSuggestionSchema>;

/** Open merge suggestions of the caller's tenant, most recent first. */
export const listMergeSuggestionsRoute = defineRoute({
  name: 'listPersonMergeSuggestions',
  method: 'GET',
  path: 'people/merge-suggestions',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ suggestions: z.array(mergeSuggestionSchema) }),
});

export const mergePeopleBodySchema = z
  .object(
    {
      /** The person to keep. */
      primary: emailSchema,
      /** The address that becomes an alias of the primary. */
      secondary: emailSchema,
    },
    { error: 'must be a JSON object' },
  )
  .refine((body) => body.primary !== body.secondary, { error: 'must differ from primary', path: ['secondary'] });
export type MergePeopleBody = z.input<typeof mergePeopleBodySchema>;

/** A user confirms two addresses are one person: lookups, edges and cards of the secondary resolve to the primary. */
export const mergePeopleRoute = defineRoute({
  name: 'mergePeople',
  method: 'POST',
  path: 'people/merge',
  authenticated: true,
  body: mergePeopleBodySchema,
  response: z.object({ primary: z.string(), aliases: z.array(z.string()) }),
});

export const unmergePeopleBodySchema = z
  .object(
    {
      /** The person the address was merged into. */
      primary: emailSchema,
      /** The alias to split back out as a person of its own. */
      secondary: emailSchema,
    },
    { error: 'must be a JSON object' },
  )
  .refine((body) => body.primary !== body.secondary, { error: 'must differ from primary', path: ['secondary'] });
export type UnmergePeopleBody = z.input<typeof unmergePeopleBodySchema>;

/**
 * Undoes a merge: the secondary is a person of its own again (its mail counts for it, not the
 * primary, from this answer on) and the pair is never suggested again. Re-mining keeps the split.
 */
export const unmergePeopleRoute = defineRoute({
  name: 'unmergePeople',
  method: 'POST',
  path: 'people/unmerge',
  authenticated: true,
  body: unmergePeopleBodySchema,
  response: z.object({ primary: z.string(), aliases: z.array(z.string()), split: z.string() }),
});

/** These are different people: never suggest this pair again. */
export const dismissMergeSuggestionRoute = defineRoute({
  name: 'dismissPersonMergeSuggestion',
  method: 'POST',
  path: 'people/merge-suggestions/{id}/dismiss',
  authenticated: true,
  body: z.unknown(),
  bodyOptional: true,
  response: z.object({ dismissed: z.string() }),
});

export const personRoutes = [listMergeSuggestionsRoute, mergePeopleRoute, unmergePeopleRoute, dismissMergeSuggestionRoute] as const;
