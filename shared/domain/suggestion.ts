// Suggested groups, as both sides speak them: what enrichment found in mail and calendars that
// looks like a working group, a network or a distribution list, offered to users to accept
// (optionally renamed) or dismiss. Nothing here becomes a group until someone accepts it.
import { z } from 'zod';

export const suggestionKinds = ['working-group', 'network', 'distribution-list'] as const;
export const suggestionKindSchema = z.enum(suggestionKinds);
export type SuggestionKind = z.infer<typeof suggestionKindSchema>;

/** open: waiting for someone; accepted: a group exists; dismissed: never offered again. */
export const suggestionStatuses = ['open', 'accepted', 'dismissed'] as const;
export const suggestionStatusSchema = z.enum(suggestionStatuses);
export type SuggestionStatus = z.infer<typeof suggestionStatusSchema>;

/** What the suggestion was inferred from; it decides how the id stays stable across re-mining. */
export const suggestionOrigins = ['series', 'recipient-set', 'community', 'distribution-list'] as const;
export type SuggestionOrigin = (typeof suggestionOrigins)[number];

export const suggestionMemberSchema = z.object({
  email: z.string(),
  displayName: z.string().optional(),
  /** Meetings of the series the person attended (series suggestions only). */
  attended: z.number().int().optional(),
  /** The role the person would get: Convener, Member, Poster, Subscriber. */
  role: z.string().optional(),
});
export type SuggestionMember = z.infer<typeof suggestionMemberSchema>;

export const suggestionSchema = z.object({
  id: z.string(),
  kind: suggestionKindSchema,
  name: z.string(),
  status: suggestionStatusSchema,
  people: z.number().int(),
  organizations: z.number().int(),
  meetings: z.number().int(),
  threads: z.number().int(),
  emails: z.number().int(),
  /** When the evidence starts (the first meeting, thread or message). */
  since: z.string().nullable(),
  members: z.array(suggestionMemberSchema),
  /** "Looks like a working group: 9 people, 14 meetings since May". */
  evidence: z.string(),
  /** The group made when it was accepted. */
  groupId: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  etag: z.string(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
