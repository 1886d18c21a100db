// Opens the Cosmos DB database and its containers (creating them if missing). The store
// folder is the only code that imports @azure/cosmos.
import { Agent } from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';

/** Containers and partition keys. Tenant-wide containers partition by tenant; the interaction
 * ledger partitions by mailbox owner, since every read of it is one owner's. */
export const containerDefinitions = {
  people: '/tenantId',
  organizations: '/tenantId',
  groups: '/tenantId',
  edges: '/tenantId',
  syncState: '/tenantId',
  settings: '/tenantId',
  interactions: '/ownerKey',
  /** Append-only audit trail of changes made through the API (groups issue). */
  audit: '/tenantId',
} as const;

export type ContainerName = keyof typeof containerDefinitions;
export type CosmosStore = Record<ContainerName, Container> & { close(): void };

export interface CosmosStoreOptions {
  endpoint: string;
  key: string;
  databaseId: string;
}

/**
 * Connections to Cosmos DB kept open and reused, at most this many: under a burst the SDK's
 * default agent opens a new TLS connection for every request that finds none free, and the
 * handshakes (CPU here, SNAT ports in Azure, where an instance may hold ~600 outbound
 * connections in all) starve the requests that wait on them; beyond the cap requests queue in
 * order for a warm connection. docs/PERFORMANCE.md, "Load".
 */
export const COSMOS_MAX_SOCKETS = 64;

export async function openCosmosStore(options: CosmosStoreOptions): Promise<CosmosStore> {
  const agent = new Agent({ keepAlive: true, maxSockets: COSMOS_MAX_SOCKETS, minVersion: 'TLSv1.2' });
  const client = new CosmosClient({ endpoint: options.endpoint, key: options.key, agent });
  const { database } = await client.databases.createIfNotExists({ id: options.databaseId });
  const entries = await Promise.all(
    Object.entries(containerDefinitions).map(async ([id, path]) => {
      // TTL on, no default (-1) for the ledger: buckets expire by their own `ttl` (retention,
      // docs/PRIVACY.md). A container made before this needs `az cosmosdb sql container update --ttl -1`.
      const ttl = id === 'interactions' ? { defaultTtl: -1 } : {};
      const { container } = await database.containers.createIfNotExists({ id, partitionKey: { paths: [path] }, ...ttl });
      return [id, container] as const;
    }),
  );
  return {
    ...(Object.fromEntries(entries) as Record<ContainerName, Container>),
    close: () => {
      client.dispose();
      agent.destroy();
    },
  };
}
