// Small helpers over the Cosmos SDK shared by the repositories: bulk upserts in chunks the
// service accepts, and queries read to the end.
import type { Container, JSONObject, SqlParameter } from '@azure/cosmos';
import { AppError } from '../errors/app-error.ts';
import { recordStoreOperation } from './store-metrics.ts';

const BULK_CHUNK = 100;

export async function bulkUpsert<T extends { id: string }>(
  container: Container,
  documents: readonly T[],
  partitionKeyOf: (document: T) => string,
): Promise<void> {
  for (let start = 0; start < documents.length; start += BULK_CHUNK) {
    const chunk = documents.slice(start, start + BULK_CHUNK);
    const results = await container.items.bulk(
      chunk.map((document) => ({
        operationType: 'Upsert' as const,
        partitionKey: partitionKeyOf(document),
        resourceBody: document as unknown as JSONObject,
      })),
    );
    recordStoreOperation('writes', chunk.length, results.reduce((sum, result) => sum + (result.requestCharge ?? 0), 0));
    const failed = results.find((result) => result.statusCode >= 300);
    if (failed) {
      throw new AppError('unavailable', `Writing to ${container.id} failed with status ${failed.statusCode}`);
    }
  }
}

export async function bulkDelete(container: Container, keys: readonly { id: string; partitionKey: string }[]): Promise<void> {
  for (let start = 0; start < keys.length; start += BULK_CHUNK) {
    const chunk = keys.slice(start, start + BULK_CHUNK);
    const results = await container.items.bulk(
      chunk.map((key) => ({ operationType: 'Delete' as const, id: key.id, partitionKey: key.partitionKey })),
    );
    recordStoreOperation('writes', chunk.length, results.reduce((sum, result) => sum + (result.requestCharge ?? 0), 0));
    const failed = results.find((result) => result.statusCode >= 300 && result.statusCode !== 404);
    if (failed) {
      throw new AppError('unavailable', `Deleting from ${container.id} failed with status ${failed.statusCode}`);
    }
  }
}

export async function queryAll<T>(
  container: Container,
  query: string,
  parameters: Record<string, unknown>,
  options: { partitionKey?: string } = {},
): Promise<T[]> {
  const sqlParameters: SqlParameter[] = Object.entries(parameters).map(([name, value]) => ({
    name: `@${name}`,
    value: value as SqlParameter['value'],
  }));
  const { resources, requestCharge } = await container.items
    // Large pages: each page is a round trip (and, on the local stand-in, a full re-scan).
    .query<T>({ query, parameters: sqlParameters }, { maxItemCount: 1000, ...(options.partitionKey ? { partitionKey: options.partitionKey } : {}) })
    .fetchAll();
  recordStoreOperation('queries', 1, requestCharge);
  return resources;
}
