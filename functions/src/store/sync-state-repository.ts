// Where each mailbox's sync stands, in the syncState container. Per resource (a mail folder,
// the calendar): the Graph link to continue from, so a stopped sync resumes at the page it had
// not finished, and the resource's stage. Per mailbox: the stage of its queued sync, failures
// and last error, for the admin API. Per tenant: when enrichment last ran, to debounce it. Per
// parked message: the mailbox syncs moved here from the poison queue, listed page by page.
import type { SyncError, SyncStage } from '../../../shared/api/routes.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { queryAll } from './container-operations.ts';

export interface SyncCursor {
  id: string;
  tenantId: string;
  ownerEmail: string;
  resource: string;
  /** The next page of a sync in progress, or null when the last run finished. */
  nextLink: string | null;
  /** Where the next incremental run starts. */
  deltaLink: string | null;
  lastSuccessAt: string | null;
  updatedAt: string;
  /** Absent on cursors written before stages existed; read as idle. */
  stage?: SyncStage;
  failureCount?: number;
  lastError?: SyncError | null;
}

/** One per mailbox: the state machine of its queued syncs (functions/src/sync/next-sync-stage.ts). */
export interface MailboxSyncState {
  id: string;
  tenantId: string;
  docType: 'mailbox';
  ownerEmail: string;
  /** Graph user id, so an admin resync can enqueue without reading the directory. */
  userId: string;
  /** A shared mailbox, as the directory last said (sync-directory.ts). */
  shared?: boolean;
  stage: SyncStage;
  /** When the mailbox entered its stage (absent on states written before it: read updatedAt). */
  stageSince?: string;
  /** A notification came while the sync ran: it runs once more when it finishes. */
  rerun?: boolean;
  lastSuccessAt: string | null;
  failureCount: number;
  lastError: SyncError | null;
  /** Set when the mailbox's message was parked in the poison queue; cleared by a success. */
  parkedAt: string | null;
  /** The error of the last parked message; kept after recovery, as the poison queue keeps the message. */
  lastParkedError?: SyncError | null;
  updatedAt: string;
}

export type MailboxStateFields = Omit<MailboxSyncState, 'id' | 'docType'>;

/** One per tenant: enrichment runs, so a burst of finished mailboxes enriches once. */
export interface TenantSyncState {
  id: string;
  tenantId: string;
  docType: 'tenant';
  /** When the last enrichment that finished had started: data written before it is covered. */
  enrichedThrough: string | null;
  lastEnrichedAt: string | null;
  updatedAt: string;
}

/** A mailbox sync the queue gave up on, moved here from the poison queue (archive-parked-messages.ts). */
export interface ParkedSyncDocument {
  id: string;
  tenantId: string;
  docType: 'parked';
  /** The poison queue's message id. */
  messageId: string;
  /** When it was parked (put in the poison queue). */
  insertedOn: string | null;
  archivedAt: string;
  /** insertedOn|messageId: the order of the admin listing, and its cursor. */
  sortKey: string;
  ownerEmail: string;
  userId: string;
  reason: string;
  /** The mailbox's error when the message was parked (the runtime parks the text alone). */
  error: SyncError | null;
}

export interface SyncStateRepository {
  read(tenantId: string, ownerEmail: string, resource: string): Promise<SyncCursor | null>;
  save(cursor: Omit<SyncCursor, 'id'>): Promise<void>;
  listForTenant(tenantId: string): Promise<SyncCursor[]>;
}

/** The mailbox- and tenant-level documents; a separate interface so Repositories stays as it was. */
export interface SyncStatusRepository {
  readMailbox(tenantId: string, ownerEmail: string): Promise<MailboxSyncState | null>;
  saveMailbox(state: Omit<MailboxSyncState, 'id' | 'docType'>): Promise<void>;
  /**
   * Reads the mailbox's state, lets `change` compute the next one and writes it only if nobody
   * wrote in between (ETag), else starts over: a notification and a finishing sync racing on
   * one mailbox both land. `change` returns null to write nothing. Returns what was written (or
   * the state left as it was).
   */
  updateMailbox(
    tenantId: string,
    ownerEmail: string,
    change: (current: MailboxStateFields | null) => MailboxStateFields | null,
  ): Promise<MailboxStateFields | null>;
  listMailboxes(tenantId: string): Promise<MailboxSyncState[]>;
  listCursors(tenantId: string): Promise<SyncCursor[]>;
  /** Forgets a mailbox's next and delta links, so its next sync reads everything again. */
  clearCursors(tenantId: string, ownerEmail: string, updatedAt: string): Promise<number>;
  readTenant(tenantId: string): Promise<TenantSyncState | null>;
  saveTenant(state: Omit<TenantSyncState, 'id' | 'docType'>): Promise<void>;
  /** Idempotent: the same poison message archived twice is one document. */
  saveParked(parked: Omit<ParkedSyncDocument, 'id' | 'docType' | 'sortKey'>): Promise<void>;
  /** The tenant's parked syncs in the order they were parked, from after `afterSortKey`. */
  listParked(tenantId: string, options: { afterSortKey?: string; limit: number }): Promise<ParkedSyncDocument[]>;
}

/** Attempts of a conditional mailbox update before giving up (each loses only to another writer). */
const MAX_UPDATE_ATTEMPTS = 20;

const cursorIdOf = (tenantId: string, ownerEmail: string, resource: string) => makeStableId(tenantId, 'sync', ownerEmail, resource);
const mailboxIdOf = (tenantId: string, ownerEmail: string) => makeStableId(tenantId, 'sync-mailbox', ownerEmail);
const tenantIdOf = (tenantId: string) => makeStableId(tenantId, 'sync-tenant');
const parkedIdOf = (tenantId: string, messageId: string) => makeStableId(tenantId, 'sync-parked', messageId);

// Cursors predate docType, so they are the documents without one.
const CURSORS_QUERY = 'SELECT * FROM c WHERE c.tenantId = @tenantId AND NOT IS_DEFINED(c.docType)';

export function createSyncStateRepository(store: Pick<CosmosStore, 'syncState'>): SyncStateRepository {
  const container = store.syncState;
  return {
    async read(tenantId, ownerEmail, resource) {
      const { resource: cursor } = await container.item(cursorIdOf(tenantId, ownerEmail, resource), tenantId).read<SyncCursor>();
      return cursor ?? null;
    },
    async save(cursor) {
      await container.items.upsert({ ...cursor, id: cursorIdOf(cursor.tenantId, cursor.ownerEmail, cursor.resource) });
    },
    listForTenant(tenantId) {
      return queryAll<SyncCursor>(container, CURSORS_QUERY, { tenantId }, { partitionKey: tenantId });
    },
  };
}

export function createSyncStatusRepository(store: Pick<CosmosStore, 'syncState'>): SyncStatusRepository {
  const container = store.syncState;
  const listCursors = (tenantId: string) => queryAll<SyncCursor>(container, CURSORS_QUERY, { tenantId }, { partitionKey: tenantId });
  return {
    async readMailbox(tenantId, ownerEmail) {
      const { resource } = await container.item(mailboxIdOf(tenantId, ownerEmail), tenantId).read<MailboxSyncState>();
      return resource ?? null;
    },
    async saveMailbox(state) {
      const document: MailboxSyncState = { ...state, id: mailboxIdOf(state.tenantId, state.ownerEmail), docType: 'mailbox' };
      await container.items.upsert(document);
    },
    async updateMailbox(tenantId, ownerEmail, change) {
      const item = container.item(mailboxIdOf(tenantId, ownerEmail), tenantId);
      for (let attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt += 1) {
        const { resource: stored } = await item.read<MailboxSyncState & { _etag?: string }>();
        const current = stored ? toStateFields(stored) : null;
        const next = change(current);
        if (!next) return current;
        const document: MailboxSyncState = { ...next, id: mailboxIdOf(tenantId, ownerEmail), docType: 'mailbox' };
        try {
          if (stored?._etag) await item.replace(document, { accessCondition: { type: 'IfMatch', condition: stored._etag } });
          else await container.items.create(document);
          return next;
        } catch (error) {
          // 412: changed since read; 409: created since read. Either way, read again.
          const code = (error as { code?: number }).code;
          if (code !== 412 && code !== 409) throw error;
        }
      }
      throw new Error(`sync state of ${ownerEmail} kept changing under us`);
    },
    listMailboxes(tenantId) {
      return queryAll<MailboxSyncState>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'mailbox'",
        { tenantId },
        { partitionKey: tenantId },
      );
    },
    listCursors,
    async clearCursors(tenantId, ownerEmail, updatedAt) {
      const cursors = (await listCursors(tenantId)).filter((cursor) => cursor.ownerEmail === ownerEmail);
      for (const cursor of cursors) {
        await container.items.upsert({ ...stripSystemFields(cursor), nextLink: null, deltaLink: null, updatedAt });
      }
      return cursors.length;
    },
    async readTenant(tenantId) {
      const { resource } = await container.item(tenantIdOf(tenantId), tenantId).read<TenantSyncState>();
      return resource ?? null;
    },
    async saveTenant(state) {
      const document: TenantSyncState = { ...state, id: tenantIdOf(state.tenantId), docType: 'tenant' };
      await container.items.upsert(document);
    },
    async saveParked(parked) {
      const document: ParkedSyncDocument = {
        ...parked,
        id: parkedIdOf(parked.tenantId, parked.messageId),
        docType: 'parked',
        sortKey: `${parked.insertedOn ?? parked.archivedAt}|${parked.messageId}`,
      };
      await container.items.upsert(document);
    },
    listParked(tenantId, { afterSortKey, limit }) {
      const after = afterSortKey === undefined ? '' : 'AND c.sortKey > @after ';
      return queryAll<ParkedSyncDocument>(
        container,
        `SELECT TOP @limit * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'parked' ${after}ORDER BY c.sortKey`,
        { tenantId, limit, ...(afterSortKey === undefined ? {} : { after: afterSortKey }) },
        { partitionKey: tenantId },
      );
    },
  };
}

function toStateFields(stored: MailboxSyncState): MailboxStateFields {
  const { id: _id, docType: _docType, ...fields } = stripSystemFields(stored);
  return fields;
}

/** Cosmos adds _rid, _etag and friends on read; write back without them. */
function stripSystemFields<T extends object>(document: T): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}
