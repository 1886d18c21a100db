// Search across people, organizations and groups, for the pane's type-ahead: GET /api/search?q=.
// Tenant-scoped; groups of a private team only for its members; organizations from the tenant's
// directory and the .gov registry.
import { z } from 'zod';
import { groupKindSchema } from '../domain/group.ts';
import { organizationKindSchema } from '../domain/organization-kind.ts';
import { defineRoute } from './define-route.ts';

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;
/** Results per kind. */
export const SEARCH_LIMIT = 8;

export const searchQuerySchema = z.strictObject(
  {
    q: z
      .string({ error: 'is required' })
      .trim()
      .min(SEARCH_MIN_LENGTH, { error: `must be at least ${SEARCH_MIN_LENGTH} characters` })
      .max(SEARCH_MAX_LENGTH, { error: `must be at most ${SEARCH_MAX_LENGTH} characters` }),
  },
  { error: 'must be the query parameter q' },
);

export const personResultSchema = z.object({
  personId: z.string(),
  email: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
});
export type PersonResult = z.infer<typeof personResultSchema>;

export const organizationResultSchema = z.object({
  /** For GET /api/organizations/{id}. */
  id: z.string(),
  name: z.string(),
  kind: organizationKindSchema,
  kindLabel: z.string(),
  domain: z.string(),
  /** The tenant's directory (or a team's correction), or the .gov registry. */
  source: z.enum(['directory', 'manual', 'dotgov']),
});
export type OrganizationResult = z.infer<typeof organizationResultSchema>;

export const groupResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: groupKindSchema,
  kindLabel: z.string(),
  teamName: z.string(),
});
export type GroupResult = z.infer<typeof groupResultSchema>;

export const searchResultsSchema = z.object({
  people: z.array(personResultSchema),
  organizations: z.array(organizationResultSchema),
  groups: z.array(groupResultSchema),
});
export type SearchResults = z.infer<typeof searchResultsSchema>;

export const searchRoute = defineRoute({
  name: 'search',
  method: 'GET',
  path: 'search',
  authenticated: true,
  query: searchQuerySchema,
  body: z.unknown(),
  response: searchResultsSchema,
});

export const searchRoutes = [searchRoute] as const;
