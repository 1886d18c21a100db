// The API contract: every route Crosswalk serves, defined once.
import { z } from 'zod';
import { emailSchema } from '../domain/email-address.ts';
import { personCardSchema } from '../domain/person-card.ts';
import { senderSafetySchema } from '../domain/sender-safety.ts';
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
      /** Display names as the message shows them, for the first-contact checks (task pane issue); optional. */
      names: z
        .array(
          z.object({ email: emailSchema, name: z.string({ error: 'must be a string' }).max(320, { error: 'is longer than 320 characters' }) }, { error: 'must be an object with email and name' }),
          { error: 'must be an array of { email, name }' },
        )
        .max(MAX_LOOKUP_EMAILS, { error: `must name at most ${MAX_LOOKUP_EMAILS} addresses` })
        .optional(),
    },
    { error: 'must be a JSON object' },
  ),
  response: z.object({
    people: z.array(personCardSchema),
    /** First contact and safety (task pane issue): per unknown or suspicious address, what its domain tells and the warnings. */
    safety: z.array(senderSafetySchema).optional(),
  }),
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

// --- Sync administration (mining issue: fan-out and state machine) ---
// Paths start with "manage/", not "admin/": the Azure Functions host rejects any HTTP route
// starting with "admin" (its own /admin API), even under the /api prefix.

/** Where a mailbox's or resource's sync stands. */
export const syncStages = ['pending', 'running', 'idle', 'failed', 'needs-reconnect'] as const;
export type SyncStage = (typeof syncStages)[number];
/** The four Graph failure buckets (functions/src/graph/classify-graph-error.ts). */
export const syncFailureKinds = ['temporary', 'auth', 'bad-cursor', 'unknown'] as const;
export type SyncFailureKind = (typeof syncFailureKinds)[number];

export const syncErrorSchema = z.object({ message: z.string(), at: z.string(), kind: z.enum(syncFailureKinds) });
export type SyncError = z.infer<typeof syncErrorSchema>;

const resourceSyncStatusSchema = z.object({
  resource: z.string(),
  stage: z.enum(syncStages),
  lastSuccessAt: z.string().nullable(),
  failureCount: z.number().int(),
  lastError: syncErrorSchema.nullable(),
});

export const mailboxSyncStatusSchema = z.object({
  ownerEmail: z.string(),
  /** A shared mailbox: synced, but with no relationships of its own (docs/MINING.md). */
  shared: z.boolean(),
  stage: z.enum(syncStages),
  /** When the mailbox entered its stage, e.g. how long it has been pending. */
  stageSince: z.string().nullable(),
  /** A notification came while it was running: it runs once more when it finishes. */
  rerun: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  failureCount: z.number().int(),
  lastError: syncErrorSchema.nullable(),
  /** When the mailbox's last message was parked in the poison queue; null once it syncs again. */
  parkedAt: z.string().nullable(),
  resources: z.array(resourceSyncStatusSchema),
});
export type MailboxSyncStatus = z.infer<typeof mailboxSyncStatusSchema>;

export const syncStatusRoute = defineRoute({
  name: 'manageSyncStatus',
  method: 'GET',
  path: 'manage/sync',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ mailboxes: z.array(mailboxSyncStatusSchema) }),
});

export const resyncRoute = defineRoute({
  name: 'manageSyncResync',
  method: 'POST',
  path: 'manage/sync/resync',
  authenticated: true,
  body: z.object(
    {
      ownerEmail: emailSchema,
      /** Forget the delta links first, so everything is read again (writes are idempotent). */
      full: z.boolean().optional(),
    },
    { error: 'must be a JSON object' },
  ),
  response: z.object({ ownerEmail: z.string(), full: z.boolean(), stage: z.enum(syncStages) }),
});

export const POISON_PAGE_DEFAULT = 100;
export const POISON_PAGE_MAX = 500;

export const poisonMessagesQuerySchema = z.object(
  {
    /** nextCursor of the previous page; absent for the first. */
    cursor: z.string({ error: 'must be the nextCursor of the previous page' }).min(1).max(400).optional(),
    limit: z.coerce
      .number({ error: `must be a whole number from 1 to ${POISON_PAGE_MAX}` })
      .int({ error: `must be a whole number from 1 to ${POISON_PAGE_MAX}` })
      .min(1, { error: 'must be at least 1' })
      .max(POISON_PAGE_MAX, { error: `must be at most ${POISON_PAGE_MAX}` })
      .default(POISON_PAGE_DEFAULT),
  },
  { error: 'must be query-string parameters cursor, limit' },
);
export type PoisonMessagesQuery = z.output<typeof poisonMessagesQuerySchema>;

/** Parked mailbox syncs, oldest first, a page at a time: follow nextCursor until it is null. */
export const poisonMessagesRoute = defineRoute({
  name: 'manageSyncPoison',
  method: 'GET',
  path: 'manage/sync/poison',
  authenticated: true,
  query: poisonMessagesQuerySchema,
  body: z.unknown(),
  response: z.object({
    messages: z.array(
      z.object({
        messageId: z.string(),
        insertedOn: z.string().nullable(),
        ownerEmail: z.string(),
        reason: z.string(),
        /** The mailbox's last recorded error (the runtime parks the message without one). */
        error: syncErrorSchema.nullable(),
        /** Where the mailbox stands now, e.g. idle again after a resync. */
        stage: z.enum(syncStages).nullable(),
      }),
    ),
    /** Where the next page starts; null on the last page. */
    nextCursor: z.string().nullable(),
  }),
});

export const syncAdminRoutes = [syncStatusRoute, resyncRoute, poisonMessagesRoute] as const;
