// Where each mailbox's sync stands, per resource (a mail folder, the calendar): the Graph
// link to continue from, so a stopped sync resumes at the page it had not finished.
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
}

export interface SyncStateRepository {
  read(tenantId: string, ownerEmail: string, resource: string): Promise<SyncCursor | null>;
  save(cursor: Omit<SyncCursor, 'id'>): Promise<void>;
  listForTenant(tenantId: string): Promise<SyncCursor[]>;
}

export function createSyncStateRepository(store: Pick<CosmosStore, 'syncState'>): SyncStateRepository {
  const container = store.syncState;
  const idOf = (tenantId: string, ownerEmail: string, resource: string) => makeStableId(tenantId, 'sync', ownerEmail, resource);
  return {
    async read(tenantId, ownerEmail, resource) {
      const { resource: cursor } = await container.item(idOf(tenantId, ownerEmail, resource), tenantId).read<SyncCursor>();
      return cursor ?? null;
    },
    async save(cursor) {
      await container.items.upsert({ ...cursor, id: idOf(cursor.tenantId, cursor.ownerEmail, cursor.resource) });
    },
    listForTenant(tenantId) {
      return queryAll<SyncCursor>(container, 'SELECT * FROM c WHERE c.tenantId = @tenantId', { tenantId }, { partitionKey: tenantId });
    },
  };
}
