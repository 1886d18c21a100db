// Builds the long-lived parts of the app from its settings, once per process.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ApiServices } from './api/api-services.ts';
import { readAuthConfig } from './auth/auth-config.ts';
import { createAccessTokenVerifier } from './auth/verify-access-token.ts';
import type { FunctionsConfig } from './config/read-config.ts';
import { createClientCredentialsProvider } from './graph/client-credentials.ts';
import { createGraphClient } from './graph/create-graph-client.ts';
import { openCosmosStore } from './store/cosmos-store.ts';
import { createRepositories } from './store/repositories.ts';
import { createSyncQueue, type SyncQueue } from './queue/sync-queue.ts';
import { createSyncStatusRepository, type SyncStatusRepository } from './store/sync-state-repository.ts';

export interface AppServices extends ApiServices {
  graph: Client;
  close(): void;
  /** The sync queues and mailbox states; absent when CROSSWALK_QUEUE_CONNECTION is not set. */
  syncQueue?: SyncQueue;
  syncStatus?: SyncStatusRepository;
}

export async function createServices(config: FunctionsConfig, env: Record<string, string | undefined> = process.env): Promise<AppServices> {
  const store = await openCosmosStore(config.cosmos);
  const graph = createGraphClient({
    baseUrl: config.graph.baseUrl,
    getAccessToken: createClientCredentialsProvider(config.graph),
  });
  const syncStatus = createSyncStatusRepository(store);
  const syncQueue = config.queueConnectionString ? createSyncQueue(config.queueConnectionString) : undefined;
  return {
    repositories: createRepositories(store),
    verifyAccessToken: createAccessTokenVerifier(readAuthConfig(env)),
    graph,
    close: () => store.close(),
    ...(syncQueue ? { syncQueue, syncStatus, syncAdmin: { syncStatus, queue: syncQueue } } : {}),
  };
}
