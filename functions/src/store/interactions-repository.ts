// The interaction ledger: one document per message or meeting per mailbox owner, written
// under stable ids so that a replayed page overwrites instead of adding.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { bulkDelete, bulkUpsert, queryAll } from './container-operations.ts';

export interface InteractionsRepository {
  upsertMany(interactions: readonly Interaction[]): Promise<void>;
  /** Removes what Graph reported deleted, unless the item has since been seen in another folder (a move). */
  removeBySource(tenantId: string, ownerKey: string, folder: string, graphIds: readonly string[]): Promise<number>;
  listByOwner(tenantId: string, ownerKey: string): Promise<Interaction[]>;
  listSeriesMeetings(tenantId: string): Promise<Interaction[]>;
}

export function createInteractionsRepository(store: Pick<CosmosStore, 'interactions'>): InteractionsRepository {
  const container = store.interactions;
  return {
    async upsertMany(interactions) {
      await bulkUpsert(container, interactions, (interaction) => interaction.ownerKey);
    },
    async removeBySource(tenantId, ownerKey, folder, graphIds) {
      if (graphIds.length === 0) return 0;
      const matches = await queryAll<{ id: string }>(
        container,
        'SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.ownerKey = @ownerKey AND c.source.folder = @folder AND ARRAY_CONTAINS(@graphIds, c.source.graphId)',
        { tenantId, ownerKey, folder, graphIds },
        { partitionKey: ownerKey },
      );
      await bulkDelete(container, matches.map((match) => ({ id: match.id, partitionKey: ownerKey })));
      return matches.length;
    },
    listByOwner(tenantId, ownerKey) {
      return queryAll<Interaction>(
        container,
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.ownerKey = @ownerKey',
        { tenantId, ownerKey },
        { partitionKey: ownerKey },
      );
    },
    listSeriesMeetings(tenantId) {
      return queryAll<Interaction>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.kind = 'meeting' AND IS_STRING(c.seriesKey)",
        { tenantId },
      );
    },
  };
}
