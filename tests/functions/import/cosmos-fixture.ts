// A real Cosmos stand-in (cosmosdb-server over HTTPS, the real SDK) for the import tests, in
// memory only, with the repositories over it.
import { randomUUID } from 'node:crypto';
import { startCosmosStandIn, type CosmosStandIn } from '../../../dev/cosmos-server.ts';
import { ensureLocalCertificate } from '../../../dev/local-ca.ts';
import { openCosmosStore, type CosmosStore } from '../../../functions/src/store/cosmos-store.ts';
import { createRepositories, type Repositories } from '../../../functions/src/store/repositories.ts';

export interface CosmosFixture {
  cosmos: CosmosStandIn;
  store: CosmosStore;
  repositories: Repositories;
  close(): Promise<void>;
}

export async function startCosmosFixture(): Promise<CosmosFixture> {
  const cosmos = await startCosmosStandIn({ port: 0, tls: await ensureLocalCertificate() });
  const store = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId: `crosswalk-${randomUUID()}` });
  return {
    cosmos,
    store,
    repositories: createRepositories(store),
    async close() {
      store.close();
      await cosmos.close();
    },
  };
}
