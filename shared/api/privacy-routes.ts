// Routes for privacy controls (docs/PRIVACY.md): each user's opt-out and delete-my-data, and for
// admins the do-not-track list, delete requests on someone's behalf and records-request exports.
// Addresses travel in bodies, never in paths: URLs end up in logs.
import { z } from 'zod';
import { emailSchema } from '../domain/email-address.ts';
import { strengthSchema } from '../domain/person-card.ts';
import { defineRoute } from './define-route.ts';

/** Deleting is not undoable: the body must say so. */
const confirmSchema = z.object({ confirm: z.literal(true, { error: 'must be true: this deletes data' }) }, { error: 'must be a JSON object' });
const reasonSchema = z.string({ error: 'must be a string' }).trim().min(1, { error: 'is required' }).max(500, { error: 'is longer than 500 characters' });
const documentSchema = z.record(z.string(), z.unknown());

const removalSchema = z.object({
  interactionsRemoved: z.number().int(),
  interactionsTrimmed: z.number().int(),
  peopleRemoved: z.number().int(),
  /** From the person's own mailbox, when they have one here (it is opted out too). */
  mailboxInteractionsRemoved: z.number().int(),
});

export const doNotTrackEntrySchema = z.object({ email: z.string(), reason: z.string(), at: z.string(), by: z.string() });

export const readMyPrivacyRoute = defineRoute({
  name: 'readMyPrivacy',
  method: 'GET',
  path: 'privacy/me',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ optedOut: z.boolean(), optedOutAt: z.string().nullable() }),
});

/** Stop mining my mailbox and delete what was mined from it. */
export const optOutRoute = defineRoute({
  name: 'privacyOptOut',
  method: 'POST',
  path: 'privacy/me/opt-out',
  authenticated: true,
  body: confirmSchema,
  response: z.object({ optedOut: z.literal(true), optedOutAt: z.string(), interactionsRemoved: z.number().int() }),
});

/** Mine my mailbox again (from the next sync on). */
export const optInRoute = defineRoute({
  name: 'privacyOptIn',
  method: 'DELETE',
  path: 'privacy/me/opt-out',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ optedOut: z.literal(false) }),
});

const deleteResultSchema = removalSchema;

export const deleteMyDataRoute = defineRoute({
  name: 'privacyDeleteMyData',
  method: 'POST',
  path: 'privacy/me/delete-my-data',
  authenticated: true,
  body: confirmSchema,
  response: deleteResultSchema,
});

export const listDoNotTrackRoute = defineRoute({
  name: 'privacyListDoNotTrack',
  method: 'GET',
  path: 'privacy/do-not-track',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ entries: z.array(doNotTrackEntrySchema) }),
});

export const markDoNotTrackRoute = defineRoute({
  name: 'privacyMarkDoNotTrack',
  method: 'POST',
  path: 'privacy/do-not-track',
  authenticated: true,
  body: z.object({ email: emailSchema, reason: reasonSchema }, { error: 'must be a JSON object' }),
  response: removalSchema,
});

/** A delete-my-data request received by the organization on someone's behalf. */
export const deletePersonDataRoute = defineRoute({
  name: 'privacyDeletePersonData',
  method: 'POST',
  path: 'privacy/delete-requests',
  authenticated: true,
  body: z.object({ email: emailSchema, confirm: z.literal(true, { error: 'must be true: this deletes data' }) }, { error: 'must be a JSON object' }),
  response: deleteResultSchema,
});

export const exportPersonDataRoute = defineRoute({
  name: 'privacyExportPersonData',
  method: 'POST',
  path: 'privacy/export',
  authenticated: true,
  body: z.object({ email: emailSchema }, { error: 'must be a JSON object' }),
  response: z.object({
    email: z.string(),
    personId: z.string(),
    exportedAt: z.string(),
    person: documentSchema.nullable(),
    memberships: z.array(documentSchema),
    relationships: z.array(z.object({ ownerEmail: z.string(), strength: strengthSchema })),
    audit: z.array(documentSchema),
    privacy: z.object({
      optedOut: z.object({ ownerEmail: z.string(), at: z.string() }).nullable(),
      doNotTrack: doNotTrackEntrySchema.nullable(),
    }),
    mailbox: z.object({ interactions: z.number().int() }),
  }),
});

export const privacyRoutes = [
  readMyPrivacyRoute,
  optOutRoute,
  optInRoute,
  deleteMyDataRoute,
  listDoNotTrackRoute,
  markDoNotTrackRoute,
  deletePersonDataRoute,
  exportPersonDataRoute,
] as const;
