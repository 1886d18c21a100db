// Routes for exclusion lists: the tenant's (admins) and each user's own.
import { z } from 'zod';
import { exclusionListSchema } from '../domain/exclusions.ts';
import { defineRoute } from './define-route.ts';

const removalSchema = z.object({
  interactionsRemoved: z.number().int(),
  interactionsTrimmed: z.number().int(),
  peopleRemoved: z.number().int(),
});

export const readTenantExclusionsRoute = defineRoute({
  name: 'readTenantExclusions',
  method: 'GET',
  path: 'exclusions/tenant',
  authenticated: true,
  body: z.unknown(),
  response: exclusionListSchema,
});

export const replaceTenantExclusionsRoute = defineRoute({
  name: 'replaceTenantExclusions',
  method: 'PUT',
  path: 'exclusions/tenant',
  authenticated: true,
  body: exclusionListSchema,
  response: z.object({ exclusions: exclusionListSchema, removed: removalSchema }),
});

export const readMyExclusionsRoute = defineRoute({
  name: 'readMyExclusions',
  method: 'GET',
  path: 'exclusions/me',
  authenticated: true,
  body: z.unknown(),
  response: exclusionListSchema,
});

export const replaceMyExclusionsRoute = defineRoute({
  name: 'replaceMyExclusions',
  method: 'PUT',
  path: 'exclusions/me',
  authenticated: true,
  body: exclusionListSchema,
  response: z.object({ exclusions: exclusionListSchema, removed: removalSchema }),
});

export const exclusionRoutes = [readTenantExclusionsRoute, replaceTenantExclusionsRoute, readMyExclusionsRoute, replaceMyExclusionsRoute] as const;
