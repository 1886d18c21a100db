// Which of a batch of interaction ids one owner's ledger already holds: how an import tells
// "imported" from "already there" without reading the whole ledger. One query per chunk,
// inside the owner's partition.
import { queryAll } from '../store/container-operations.ts';
import type { CosmosStore } from '../store/cosmos-store.ts';

const IDS_PER_QUERY = 200;

export async function findExistingInteractionIds(
  container: CosmosStore['interactions'],
  query: { ownerKey: string; ids: readonly string[] },
): Promise<Set<string>> {
  const existing = new Set<string>();
  for (let start = 0; start < query.ids.length; start += IDS_PER_QUERY) {
    const ids = query.ids.slice(start, start + IDS_PER_QUERY);
    const found = await queryAll<{ id: string }>(
      container,
      'SELECT c.id FROM c WHERE c.ownerKey = @ownerKey AND ARRAY_CONTAINS(@ids, c.id)',
      { ownerKey: query.ownerKey, ids },
      { partitionKey: query.ownerKey },
    );
    for (const { id } of found) existing.add(id);
  }
  return existing;
}
