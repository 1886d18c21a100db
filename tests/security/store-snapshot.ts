// Everything a running stack stores, as comparable text per container, so a security test can
// show that a refused request changed nothing. Cosmos's system fields (_ts, _etag, …) are left
// out; documents are sorted by id.
import type { Stack } from '../../dev/stack.ts';
import { containerDefinitions, type ContainerName } from '../../functions/src/store/cosmos-store.ts';

export type StoreSnapshot = Record<ContainerName, string[]>;

export async function snapshotStore(stack: Stack, keep: (document: Record<string, unknown>) => boolean = () => true): Promise<StoreSnapshot> {
  const names = Object.keys(containerDefinitions) as ContainerName[];
  const entries = await Promise.all(
    names.map(async (name) => {
      const { resources } = await stack.store[name].items.readAll<Record<string, unknown>>().fetchAll();
      const documents = resources
        .filter(keep)
        .map((document) => Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))))
        .sort((a, b) => String(a.id).localeCompare(String(b.id)))
        .map((document) => JSON.stringify(document));
      return [name, documents] as const;
    }),
  );
  return Object.fromEntries(entries) as StoreSnapshot;
}

/** Only one tenant's documents: by tenantId, or by the ledger's ownerKey ("tenant|owner"). */
export function belongsToTenant(tenantId: string) {
  return (document: Record<string, unknown>) =>
    document.tenantId === tenantId || (typeof document.ownerKey === 'string' && document.ownerKey.startsWith(`${tenantId}|`));
}
