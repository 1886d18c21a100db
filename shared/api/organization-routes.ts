// Routes for organizations: read one, and the manual changes every signed-in user of the
// tenant may make — edit (name, kind), merge into another, split a domain off. Changes are
// kept as overrides that outlast re-mining; each records who made it.
import { z } from 'zod';
import { organizationKindSchema } from '../domain/organization-kind.ts';
import { organizationSummarySchema } from '../domain/person-card.ts';
import { defineRoute } from './define-route.ts';

const nameSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'is longer than 200 characters' });

const kindSchema = z.enum(organizationKindSchema.options, { error: `must be one of ${organizationKindSchema.options.join(', ')}` });

const domainSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: 'is not a valid domain name' });

export const organizationChangeSchema = z.object({
  at: z.string(),
  by: z.string(),
  action: z.enum(['edit', 'merge', 'merged-into', 'split', 'split-off']),
  summary: z.string(),
});

export const organizationSchema = organizationSummarySchema.extend({
  id: z.string(),
  /** Every domain that resolves to this organization (its subdomains too). */
  domains: z.array(z.string()),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
  history: z.array(organizationChangeSchema).optional(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const readOrganizationRoute = defineRoute({
  name: 'readOrganization',
  method: 'GET',
  path: 'organizations/{id}',
  authenticated: true,
  body: z.unknown(),
  response: organizationSchema,
});

export const editOrganizationRoute = defineRoute({
  name: 'editOrganization',
  method: 'PATCH',
  path: 'organizations/{id}',
  authenticated: true,
  body: z
    .object({ name: nameSchema.optional(), kind: kindSchema.optional() }, { error: 'must be a JSON object' })
    .refine((body) => body.name !== undefined || body.kind !== undefined, { error: 'name or kind is required' }),
  response: organizationSchema,
});

export const mergeOrganizationRoute = defineRoute({
  name: 'mergeOrganization',
  method: 'POST',
  path: 'organizations/{id}/merge',
  authenticated: true,
  body: z.object({ intoId: z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' }) }, { error: 'must be a JSON object' }),
  response: organizationSchema,
});

export const splitOrganizationRoute = defineRoute({
  name: 'splitOrganization',
  method: 'POST',
  path: 'organizations/split',
  authenticated: true,
  body: z.object({ domain: domainSchema, name: nameSchema, kind: kindSchema }, { error: 'must be a JSON object' }),
  response: organizationSchema,
});

export const organizationRoutes = [readOrganizationRoute, editOrganizationRoute, mergeOrganizationRoute, splitOrganizationRoute] as const;
