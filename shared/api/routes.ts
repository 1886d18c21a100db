// The API contract: every route Crosswalk serves, defined once.
import { z } from 'zod';
import { emailSchema } from '../domain/email-address.ts';
import { personCardSchema } from '../domain/person-card.ts';
import { defineRoute } from './define-route.ts';

export const MAX_LOOKUP_EMAILS = 100;

export const lookupRoute = defineRoute({
  name: 'lookup',
  method: 'POST',
  path: 'lookup',
  authenticated: true,
  body: z.object(
    {
      emails: z
        .array(emailSchema, { error: 'must be an array of email addresses' })
        .min(1, { error: 'must name at least one address' })
        .max(MAX_LOOKUP_EMAILS, { error: `must name at most ${MAX_LOOKUP_EMAILS} addresses` }),
    },
    { error: 'must be a JSON object' },
  ),
  response: z.object({ people: z.array(personCardSchema) }),
});

export const healthRoute = defineRoute({
  name: 'health',
  method: 'GET',
  path: 'health',
  authenticated: false,
  body: z.unknown(),
  response: z.object({ status: z.literal('ok') }),
});

export const routes = [healthRoute, lookupRoute] as const;
