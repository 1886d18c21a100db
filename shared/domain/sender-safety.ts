// First contact and safety: what the lookup says about an address beyond its card — what its
// domain tells (a registered .gov? which kind of organization, which agency, which state) and the
// warnings it deserves (display-name spoof, look-alike domain, government name from free mail).
// Computed by the API (functions/src/enrichment/safety/), so the known-domain list stays there.
import { z } from 'zod';
import { organizationSummarySchema } from './person-card.ts';

export const senderWarningSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('display-name-address'),
    /** The address written into the display name. */
    shownAddress: z.string(),
    message: z.string(),
  }),
  z.object({
    kind: z.literal('lookalike-domain'),
    domain: z.string(),
    /** The known domain it imitates, and its organization's name. */
    resembles: z.string(),
    resemblesName: z.string().nullable(),
    technique: z.enum(['homoglyph', 'hyphenation', 'rearranged', 'edit', 'embedded']),
    /** Non-Latin writing systems in the domain ("Cyrillic"). */
    scripts: z.array(z.string()),
    message: z.string(),
  }),
  z.object({
    kind: z.literal('gov-name-from-freemail'),
    message: z.string(),
  }),
]);
export type SenderWarning = z.infer<typeof senderWarningSchema>;

export const domainFactsSchema = z.object({
  /** The address's host, in Unicode when it was sent as punycode. */
  host: z.string(),
  /** The host (or a parent) is in the .gov registry. */
  dotgov: z.boolean(),
  freemail: z.boolean(),
  /** What the domain says about the organization: name, kind, parent agency, place, source. */
  organization: organizationSummarySchema.nullable(),
});
export type DomainFacts = z.infer<typeof domainFactsSchema>;

export const senderSafetySchema = z.object({
  email: z.string(),
  domain: domainFactsSchema,
  warnings: z.array(senderWarningSchema),
});
export type SenderSafety = z.infer<typeof senderSafetySchema>;
