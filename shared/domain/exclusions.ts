// Exclusion lists: addresses and domains Crosswalk must never capture, for a whole tenant (set by
// an admin) or for one user's own mailbox.
import { z } from 'zod';
import { emailSchema } from './email-address.ts';

export const MAX_EXCLUSIONS = 1000;

const domainSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: 'is not a valid domain name' });

export const exclusionListSchema = z.object(
  {
    addresses: z.array(emailSchema, { error: 'must be an array of email addresses' }).max(MAX_EXCLUSIONS, { error: `must list at most ${MAX_EXCLUSIONS}` }),
    domains: z.array(domainSchema, { error: 'must be an array of domain names' }).max(MAX_EXCLUSIONS, { error: `must list at most ${MAX_EXCLUSIONS}` }),
  },
  { error: 'must be a JSON object' },
);
export type ExclusionList = z.infer<typeof exclusionListSchema>;

export const emptyExclusions: ExclusionList = { addresses: [], domains: [] };
