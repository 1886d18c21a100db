// The interaction ledger, stored in buckets (interaction-buckets.ts) under stable ids: a
// replayed page rewrites the same items, so nothing is ever counted twice. Writes use ETags, so
// two writers of one owner's bucket never lose each other's items.
import type { Container } from '@azure/cosmos';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { queryAll } from './container-operations.ts';
import { makeBucketId, periodOf, placeInBuckets, type InteractionBucket } from './interaction-buckets.ts';
import { recordStoreOperation } from './store-metrics.ts';

export interface InteractionsRepository {
  upsertMany(interactions: readonly Interaction[]): Promise<void>;
  /** Removes what Graph reported deleted, unless the item has since been seen in another folder (a move). */
  removeBySource(tenantId: string, ownerKey: string, folder: string, graphIds: readonly string[]): Promise<number>;
  /** Removes every interaction of the tenant for which `matches` is true (exclusions applied after the fact). */
  removeWhere(tenantId: string, matches: (interaction: Interaction) => boolean): Promise<number>;
  /** Which of these interactions the ledger already holds (by id), e.g. to count an import's duplicates. */
  findExistingIds(interactions: readonly Interaction[]): Promise<Set<string>>;
  listByOwner(tenantId: string, ownerKey: string): Promise<Interaction[]>;
  /** The same ledger a few buckets at a time, for passes that fold it rather than hold it (tenant enrichment). */
  readByOwner(tenantId: string, ownerKey: string): AsyncIterable<Interaction[]>;
  listSeriesMeetings(tenantId: string): Promise<Interaction[]>;
}

type StoredBucket = InteractionBucket & { _etag?: string };
const MAX_ATTEMPTS = 5;
/** Buckets per page of readByOwner: a busy owner's week is a few thousand interactions. */
const BUCKETS_PER_PAGE = 8;

function withoutSystemFields(bucket: StoredBucket): InteractionBucket {
  return Object.fromEntries(Object.entries(bucket).filter(([key]) => !key.startsWith('_'))) as unknown as InteractionBucket;
}

async function writeBuckets(container: Container, changed: readonly InteractionBucket[], etags: ReadonlyMap<string, string>): Promise<'ok' | 'conflict'> {
  for (const bucket of changed) {
    const etag = etags.get(bucket.id);
    try {
      if (Object.keys(bucket.items).length === 0) {
        if (etag) {
          const response = await container.item(bucket.id, bucket.ownerKey).delete({ accessCondition: { type: 'IfMatch', condition: etag } });
          recordStoreOperation('writes', 1, response.requestCharge);
        }
      } else if (etag) {
        const response = await container
          .item(bucket.id, bucket.ownerKey)
          .replace(bucket, { accessCondition: { type: 'IfMatch', condition: etag } });
        recordStoreOperation('writes', 1, response.requestCharge);
      } else {
        const response = await container.items.create(bucket);
        recordStoreOperation('writes', 1, response.requestCharge);
      }
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (code === 412 || code === 409) return 'conflict';
      throw error;
    }
  }
  return 'ok';
}

export function createInteractionsRepository(store: Pick<CosmosStore, 'interactions'>): InteractionsRepository {
  const container = store.interactions;

  const listBuckets = (tenantId: string, ownerKey: string, filter: { ids?: readonly string[]; kind?: Interaction['kind'] } = {}) => {
    // docType: a ledger written before buckets (one document per interaction) is not read as buckets.
    const clauses = ['c.tenantId = @tenantId', 'c.ownerKey = @ownerKey', "c.docType = 'interaction-bucket'"];
    if (filter.ids && filter.kind) clauses.push('(ARRAY_CONTAINS(@ids, c.id) OR c.kind = @kind)');
    else if (filter.ids) clauses.push('ARRAY_CONTAINS(@ids, c.id)');
    else if (filter.kind) clauses.push('c.kind = @kind');
    return queryAll<StoredBucket>(container, `SELECT * FROM c WHERE ${clauses.join(' AND ')}`, { tenantId, ownerKey, ids: filter.ids ?? [], kind: filter.kind ?? '' }, { partitionKey: ownerKey });
  };

  /** Read, change, write with ETags; on a conflict, read again and redo. */
  async function updateOwner(
    tenantId: string,
    ownerKey: string,
    read: () => Promise<StoredBucket[]>,
    change: (buckets: InteractionBucket[]) => InteractionBucket[],
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const stored = await read();
      const etags = new Map(stored.filter((b) => b._etag).map((b) => [b.id, b._etag as string]));
      const changed = change(stored.map(withoutSystemFields));
      if ((await writeBuckets(container, changed, etags)) === 'ok') return;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`interaction ledger of ${tenantId} kept changing under us`);
    }
  }

  return {
    async upsertMany(interactions) {
      const byOwner = new Map<string, Interaction[]>();
      for (const interaction of interactions) {
        const list = byOwner.get(interaction.ownerKey) ?? [];
        list.push(interaction);
        byOwner.set(interaction.ownerKey, list);
      }
      for (const [ownerKey, list] of byOwner) {
        const tenantId = list[0]!.tenantId;
        const ids = [...new Set(list.map((i) => makeBucketId(ownerKey, i.kind, periodOf(i))))];
        // Meetings can move between months: read all of the owner's meeting buckets to find an earlier copy.
        const hasMeetings = list.some((i) => i.kind === 'meeting');
        await updateOwner(
          tenantId,
          ownerKey,
          () => listBuckets(tenantId, ownerKey, hasMeetings ? { ids, kind: 'meeting' } : { ids }),
          (buckets) => placeInBuckets(buckets, list),
        );
      }
    },
    async removeBySource(tenantId, ownerKey, folder, graphIds) {
      if (graphIds.length === 0) return 0;
      const wanted = new Set(graphIds);
      let removed = 0;
      await updateOwner(
        tenantId,
        ownerKey,
        () => listBuckets(tenantId, ownerKey),
        (buckets) => {
          removed = 0;
          const changed: InteractionBucket[] = [];
          for (const bucket of buckets) {
            const keep = Object.entries(bucket.items).filter(([, i]) => !(i.source.folder === folder && wanted.has(i.source.graphId)));
            if (keep.length === Object.keys(bucket.items).length) continue;
            removed += Object.keys(bucket.items).length - keep.length;
            changed.push({ ...bucket, items: Object.fromEntries(keep) });
          }
          return changed;
        },
      );
      return removed;
    },
    async removeWhere(tenantId, matches) {
      const owners = new Set(await queryAll<string>(container, "SELECT VALUE c.ownerKey FROM c WHERE c.tenantId = @tenantId AND c.docType = 'interaction-bucket'", { tenantId }));
      let removed = 0;
      for (const ownerKey of owners) {
        await updateOwner(
          tenantId,
          ownerKey,
          () => listBuckets(tenantId, ownerKey),
          (buckets) => {
            const changed: InteractionBucket[] = [];
            for (const bucket of buckets) {
              const keep = Object.entries(bucket.items).filter(([, i]) => !matches(i));
              if (keep.length === Object.keys(bucket.items).length) continue;
              removed += Object.keys(bucket.items).length - keep.length;
              changed.push({ ...bucket, items: Object.fromEntries(keep) });
            }
            return changed;
          },
        );
      }
      return removed;
    },
    async findExistingIds(interactions) {
      const found = new Set<string>();
      const byOwner = new Map<string, Interaction[]>();
      for (const interaction of interactions) byOwner.set(interaction.ownerKey, [...(byOwner.get(interaction.ownerKey) ?? []), interaction]);
      for (const [ownerKey, list] of byOwner) {
        const wanted = new Set(list.map((i) => i.id));
        const ids = [...new Set(list.map((i) => makeBucketId(ownerKey, i.kind, periodOf(i))))];
        const hasMeetings = list.some((i) => i.kind === 'meeting');
        const buckets = await listBuckets(list[0]!.tenantId, ownerKey, hasMeetings ? { ids, kind: 'meeting' } : { ids });
        for (const bucket of buckets) for (const id of Object.keys(bucket.items)) if (wanted.has(id)) found.add(id);
      }
      return found;
    },
    async listByOwner(tenantId, ownerKey) {
      return (await listBuckets(tenantId, ownerKey)).flatMap((bucket) => Object.values(bucket.items));
    },
    async *readByOwner(tenantId, ownerKey) {
      const pages = container.items
        .query<StoredBucket>(
          {
            query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.ownerKey = @ownerKey AND c.docType = 'interaction-bucket'",
            parameters: [
              { name: '@tenantId', value: tenantId },
              { name: '@ownerKey', value: ownerKey },
            ],
          },
          { partitionKey: ownerKey, maxItemCount: BUCKETS_PER_PAGE },
        )
        .getAsyncIterator();
      for await (const page of pages) {
        recordStoreOperation('queries', 1, page.requestCharge);
        yield page.resources.flatMap((bucket) => Object.values(bucket.items));
      }
    },
    async listSeriesMeetings(tenantId) {
      const buckets = await queryAll<StoredBucket>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'interaction-bucket' AND c.kind = 'meeting'",
        { tenantId },
      );
      return buckets.flatMap((bucket) => Object.values(bucket.items)).filter((meeting) => meeting.seriesKey !== null);
    },
  };
}
