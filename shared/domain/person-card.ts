// What the task pane shows for one participant: the lookup API's answer per address.
import { z } from 'zod';
import { organizationKindSchema } from './organization-kind.ts';

export const membershipSourceSchema = z.enum(['manual', 'inferred']);
export type MembershipSource = z.infer<typeof membershipSourceSchema>;

export const roleSchema = z.object({
  groupId: z.string(),
  group: z.string(),
  groupKind: z.string(),
  role: z.string(),
  source: membershipSourceSchema,
  /** Why an inferred role was inferred, e.g. "attended 11 of 12 meetings". */
  evidence: z.string().optional(),
  // Term (groups issue); optional so clients from before terms keep working.
  /** When the term started, "YYYY-MM-DD". */
  start: z.string().optional(),
  /** When the term ends or ended, "YYYY-MM-DD". */
  end: z.string().optional(),
  /** True once the term has ended: a past role, listed after the current ones. */
  past: z.boolean().optional(),
});
export type Role = z.infer<typeof roleSchema>;

export const organizationSummarySchema = z.object({
  name: z.string(),
  kind: organizationKindSchema,
  kindLabel: z.string(),
  domain: z.string(),
  /** For GET/PATCH /api/organizations/{id}; "domain:<domain>" when no document describes it yet. */
  id: z.string().optional(),
  /** Where the answer came from: the tenant's directory, a user's override, the .gov registry, a domain rule, the bare domain. */
  source: z.enum(['directory', 'manual', 'dotgov', 'domain-rule', 'domain']).optional(),
  /** E.g. "Federal · Executive", "County · Election office". */
  detail: z.string().optional(),
  /** The parent agency (the registry's Organization name). */
  agency: z.string().optional(),
  subOrganization: z.string().optional(),
  city: z.string().optional(),
  /** Two-letter postal code. */
  state: z.string().optional(),
});
export type OrganizationSummary = z.infer<typeof organizationSummarySchema>;

export const strengthLabelSchema = z.enum(['None', 'Weak', 'Moderate', 'Strong', 'Very strong']);
export type StrengthLabel = z.infer<typeof strengthLabelSchema>;

export const strengthSchema = z.object({
  score: z.number().int().min(0).max(100),
  label: strengthLabelSchema,
  emailsSent: z.number().int().min(0),
  emailsReceived: z.number().int().min(0),
  meetings: z.number().int().min(0),
  lastInteractionAt: z.string().nullable(),
  // Long relationships fade slower (enrichment issue); optional so older clients keep working.
  /** The first interaction counted: with lastInteractionAt, the relationship's span. */
  firstInteractionAt: z.string().nullable().optional(),
  /** The half-life the recency decay used for this relationship, in days (docs/SCORING.md). */
  halfLifeDays: z.number().optional(),
});
export type Strength = z.infer<typeof strengthSchema>;

export const interactionSummarySchema = z.object({
  at: z.string(),
  kind: z.enum(['email', 'meeting']),
  direction: z.enum(['sent', 'received', 'meeting']),
  subject: z.string(),
});
export type InteractionSummary = z.infer<typeof interactionSummarySchema>;

export const personAttributeNameSchema = z.enum(['title', 'department', 'company', 'phone', 'office']);

export const attributeProvenanceSchema = z.object({
  attribute: personAttributeNameSchema,
  value: z.string(),
  source: z.enum(['graph-profile', 'contact', 'graph-people', 'display-name', 'signature', 'manual', 'inferred']),
  /** "YYYY-MM-DD" when known: the first day the current value was seen. */
  firstObservedAt: z.string().nullable(),
  lastObservedAt: z.string(),
  confidence: z.number(),
});
export type AttributeProvenance = z.infer<typeof attributeProvenanceSchema>;

export const attributeChangeSchema = z.object({
  attribute: personAttributeNameSchema,
  from: z.string(),
  to: z.string(),
  /** "YYYY-MM-DD": the first day the new value was seen. */
  since: z.string(),
});
export type AttributeChange = z.infer<typeof attributeChangeSchema>;

export const teamStrengthSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  score: z.number().int().min(0).max(100),
  label: strengthLabelSchema,
});
export type TeamStrength = z.infer<typeof teamStrengthSchema>;

export const knownPersonCardSchema = z.object({
  email: z.string(),
  known: z.literal(true),
  displayName: z.string(),
  title: z.string().nullable(),
  organization: organizationSummarySchema.nullable(),
  roles: z.array(roleSchema),
  strength: strengthSchema,
  lastInteractions: z.array(interactionSummarySchema),
  /** The person's stable id (people/{personId}/… routes: notes, audit, network map). */
  personId: z.string().optional(),
  // People enrichment (issue 4): all optional, so clients from before keep working.
  /** The person's primary address when the card was asked for by an alias of it. */
  primaryEmail: z.string().optional(),
  /** Other addresses of this person (confirmed merges). */
  aliases: z.array(z.string()).optional(),
  department: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  office: z.string().nullable().optional(),
  /** Where each shown attribute came from and when it was first and last seen. */
  attributes: z.array(attributeProvenanceSchema).optional(),
  /** Changes, newest first: "Program Manager → Director, since 2026-08-17". */
  attributeHistory: z.array(attributeChangeSchema).optional(),
  /** Who else on the caller's team knows this person best, strongest first; aggregates only, never subjects. */
  team: z.array(teamStrengthSchema).optional(),
});
export type KnownPersonCard = z.infer<typeof knownPersonCardSchema>;

export const unknownPersonCardSchema = z.object({
  email: z.string(),
  known: z.literal(false),
});

export const personCardSchema = z.discriminatedUnion('known', [knownPersonCardSchema, unknownPersonCardSchema]);
export type PersonCard = z.infer<typeof personCardSchema>;
