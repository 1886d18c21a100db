// The whole product on local stand-ins, in one process: Cosmos DB, the Entra ID token issuer,
// the Graph tenant server, azurite's queues, the Functions host (HTTP routes and a queue worker
// running the queue-triggered handlers) and the add-in server. Used by `npm start` and
// by the integration and end-to-end tests, so what the tests prove is what a developer runs.
// The functions read their settings the way Azure gives them (app settings, readConfig), with
// this machine's generated secrets (.data/secrets.json): the Graph client secret the issuer
// checks, the account key the Cosmos stand-in checks.
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createAccessTokenVerifier } from '../functions/src/auth/verify-access-token.ts';
import { readConfig } from '../functions/src/config/read-config.ts';
import { createClientCredentialsProvider } from '../functions/src/graph/client-credentials.ts';
import { createGraphClient } from '../functions/src/graph/create-graph-client.ts';
import { startLocalHost } from '../functions/src/http/local-host.ts';
import { openCosmosStore, type CosmosStore } from '../functions/src/store/cosmos-store.ts';
import { createRepositories, type Repositories } from '../functions/src/store/repositories.ts';
import { runTenantSync, type TenantSyncReport } from '../functions/src/sync/run-tenant-sync.ts';
import type { SyncProgress } from '../functions/src/sync/sync-dependencies.ts';
import { handleMailboxSync } from '../functions/src/queue/handle-mailbox-sync.ts';
import { handleTenantEnrich } from '../functions/src/queue/handle-tenant-enrich.ts';
import { startLocalQueueWorker, type QueueSettlement } from '../functions/src/queue/local-queue-worker.ts';
import type { QueueSyncServices } from '../functions/src/queue/queue-sync-services.ts';
import { MAILBOX_SYNC_QUEUE, TENANT_ENRICH_QUEUE } from '../functions/src/queue/sync-messages.ts';
import { createSyncQueue, type SyncQueue } from '../functions/src/queue/sync-queue.ts';
import { createSyncStatusRepository, type MailboxSyncState, type SyncStatusRepository } from '../functions/src/store/sync-state-repository.ts';
import { scheduleMailboxSyncs, type ScheduleReport } from '../functions/src/sync/schedule-mailbox-syncs.ts';
import { DEFAULT_AZURITE_QUEUE_PORT, startAzurite } from './azurite.ts';
import { startAddinServer } from './addin-server.ts';
import { startCosmosStandIn } from './cosmos-server.ts';
import { DATA_DIR, ensureLocalCertificate } from './local-ca.ts';
import { loadLocalSecrets } from './local-secrets.ts';
import { seedDemoTenant } from './seed-demo.ts';
import { startGraphServer, type GraphServer } from './graph-server/graph-server.ts';
import { generateDemoTenant } from './tenant/generate-tenant.ts';
import { listMailboxMessages } from './tenant/list-mailbox-messages.ts';
import { toPreviewMessage } from './addin-server/to-preview-message.ts';
import type { DemoTenant } from './tenant/tenant-types.ts';
import { DEFAULT_API_AUDIENCE, GRAPH_AUDIENCE, LOCAL_GRAPH_CLIENT_ID, startTokenIssuer } from './token-issuer.ts';

export const DEMO_SIGNED_IN_USER = { email: 'dana.reyes@housing.cascadia.gov', displayName: 'Dana Reyes' };

export interface StackOptions {
  /** Fixed well-known ports (npm start) or random free ones (tests). */
  ports: 'fixed' | 'random';
  /** Demo tenant size: 1 is the full six months; tests use less. */
  scale?: number;
  /** More mailboxes, contacts or user folders than the demo's defaults (benchmarks). */
  tenant?: { mailboxes?: number; contacts?: number; userFolders?: boolean };
  /** Keep Cosmos data in .data/cosmos between runs (npm start). */
  persist?: boolean;
  /** Serve the add-in from Vite in middleware mode (dev) or from dist/addin (static). */
  addinMode?: 'dev' | 'static';
  /** Also serve the add-in over HTTPS for sideloading into Outlook. */
  https?: boolean;
  /** Start the add-in server (default true); API-level tests leave it out. */
  addin?: boolean;
  /** Progress of the queue worker's mailbox syncs (npm start prints it). */
  onSyncProgress?: (progress: SyncProgress) => void;
  /** Each message the queue worker finished with: completed, retrying or parked. */
  onQueueSettled?: (settlement: QueueSettlement) => void;
}

export interface QueueSyncReport {
  schedule: ScheduleReport;
  /** Every mailbox's state once the queues were drained. */
  mailboxes: MailboxSyncState[];
}

export interface Stack {
  tenant: DemoTenant;
  apiUrl: string;
  addinUrl: string;
  previewUrl: string;
  httpsUrl?: string;
  graphBaseUrl: string;
  /** The Graph stand-in itself: its request log and fault injection. */
  graphServer: GraphServer;
  issuerBaseUrl: string;
  /** The Functions app settings of the local stack (what Azure's app settings hold), secrets included. */
  functionsSettings: Record<string, string>;
  repositories: Repositories;
  /** The opened containers, for tests that inspect what is stored. */
  store: CosmosStore;
  issueUserToken(
    user: string,
    options?: { expiresInSeconds?: number; audience?: string; tenantId?: string; roles?: string[] },
  ): Promise<string>;
  /** One direct, in-process pass over the tenant (every mailbox, whatever its state); tests and bench. */
  sync(onProgress?: (progress: SyncProgress) => void): Promise<TenantSyncReport>;
  /** The azurite connection string (CROSSWALK_QUEUE_CONNECTION) and its queue endpoint. */
  queueConnectionString: string;
  queueEndpoint: string;
  syncQueue: SyncQueue;
  syncStatus: SyncStatusRepository;
  /** What the timer does (one message per connected mailbox), then waits until the worker drained the queues. */
  syncThroughQueue(): Promise<QueueSyncReport>;
  /** Waits until the sync queues are empty and the worker is idle. */
  drainQueues(): Promise<void>;
  close(): Promise<void>;
}

const fixedPorts = { api: 7071, issuer: 7072, graph: 7443, cosmos: 8081, addin: 3000, addinHttps: 3443, queue: DEFAULT_AZURITE_QUEUE_PORT };
/** Locally, mailboxes finishing within two seconds share one tenant enrichment (a minute in Azure). */
const LOCAL_ENRICH_DELAY_SECONDS = 2;
/** Mailboxes synced at once, as host.json's batchSize lets the runtime do, so local runs meet the same races. */
const LOCAL_QUEUE_BATCH_SIZE = 4;

export async function startStack(options: StackOptions): Promise<Stack> {
  const port = (name: keyof typeof fixedPorts) => (options.ports === 'fixed' ? fixedPorts[name] : 0);
  const tls = await ensureLocalCertificate();
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const tenant = generateDemoTenant({ scale: options.scale ?? 1, ...options.tenant });
    const now = () => new Date(tenant.now);
    const secrets = loadLocalSecrets();

    const issuer = await startTokenIssuer({ port: port('issuer'), clients: { [LOCAL_GRAPH_CLIENT_ID]: secrets.graphClientSecret } });
    closers.push(() => issuer.close());

    const cosmos = await startCosmosStandIn({
      port: port('cosmos'),
      tls,
      key: secrets.cosmosKey,
      snapshotPath: options.persist ? join(DATA_DIR, 'cosmos', 'snapshot.json') : undefined,
    });
    closers.push(() => cosmos.close());
    // Filled in as the stand-ins come up and read like Azure's app settings (only these: the
    // developer's own CROSSWALK_* variables do not leak in).
    const functionsSettings: Record<string, string> = {
      CROSSWALK_COSMOS_ENDPOINT: cosmos.endpoint,
      CROSSWALK_COSMOS_KEY: secrets.cosmosKey,
      CROSSWALK_GRAPH_TOKEN_ENDPOINT: `${issuer.baseUrl}/${tenant.tenantId}/oauth2/v2.0/token`,
      CROSSWALK_GRAPH_CLIENT_ID: LOCAL_GRAPH_CLIENT_ID,
      CROSSWALK_GRAPH_CLIENT_SECRET: secrets.graphClientSecret,
      CROSSWALK_TENANT_IDS: tenant.tenantId,
    };
    const store: CosmosStore = await openCosmosStore(readConfig(functionsSettings).cosmos);
    closers.push(async () => store.close());
    const repositories = createRepositories(store);
    if ((await repositories.organizations.listAll(tenant.tenantId)).length === 0) {
      await seedDemoTenant(repositories, tenant, { now: tenant.now });
    }

    const graphKeys = createRemoteJWKSet(new URL(issuer.jwksUri));
    let graphOrigin = GRAPH_AUDIENCE;
    const graphServer = await startGraphServer({
      tenant,
      port: port('graph'),
      tls: { key: tls.key, cert: tls.cert },
      // App tokens for Graph itself or for the stand-in's own origin (what readConfig asks for
      // when CROSSWALK_GRAPH_BASE_URL points elsewhere), from this issuer only.
      acceptToken: async (token) => {
        try {
          await jwtVerify(token, graphKeys, { audience: [GRAPH_AUDIENCE, graphOrigin] });
          return true;
        } catch {
          return false;
        }
      },
    });
    closers.push(() => graphServer.close());
    graphOrigin = new URL(graphServer.baseUrl).origin;
    functionsSettings.CROSSWALK_GRAPH_BASE_URL = graphServer.baseUrl;
    const graphApp = readConfig(functionsSettings).graph;
    const graph = createGraphClient({ baseUrl: graphApp.baseUrl, getAccessToken: createClientCredentialsProvider(graphApp) });

    const verifyAccessToken = createAccessTokenVerifier({
      jwksUri: issuer.jwksUri,
      issuerTemplate: `${issuer.baseUrl}/{tenantid}/v2.0`,
      audience: DEFAULT_API_AUDIENCE,
    });
    const azurite = await startAzurite({
      port: port('queue'),
      ...(options.persist ? { location: join(DATA_DIR, 'azurite') } : { inMemory: true }),
    });
    closers.push(() => azurite.close());
    functionsSettings.CROSSWALK_QUEUE_CONNECTION = azurite.connectionString;
    const syncQueue = createSyncQueue(azurite.connectionString);
    await syncQueue.ensureQueues();
    const syncStatus = createSyncStatusRepository(store);
    const queueServices: QueueSyncServices = {
      graph,
      repositories,
      now,
      pageSize: 200,
      syncStatus,
      queue: syncQueue,
      enrichDelaySeconds: LOCAL_ENRICH_DELAY_SECONDS,
      onProgress: options.onSyncProgress,
      // Read at each schedule, as functions/src/index.ts reads its app settings.
      get sharedMailboxes() {
        return readConfig(functionsSettings).sharedMailboxes;
      },
    };
    // The Functions runtime's part for the queue triggers of functions/src/index.ts, same handlers.
    const worker = await startLocalQueueWorker({
      connectionString: azurite.connectionString,
      bindings: [
        { queueName: MAILBOX_SYNC_QUEUE, handle: (message, delivery) => handleMailboxSync(queueServices, message, delivery) },
        { queueName: TENANT_ENRICH_QUEUE, handle: (message) => handleTenantEnrich(queueServices, message) },
      ],
      batchSize: LOCAL_QUEUE_BATCH_SIZE,
      onSettled: options.onQueueSettled,
    });
    closers.push(() => worker.close());

    const host = await startLocalHost({
      services: { repositories, verifyAccessToken, syncAdmin: { syncStatus, queue: syncQueue } },
      port: port('api'),
    });
    // Graph (the stand-in) posts change notifications to the local host, like to the Functions app.
    queueServices.subscriptionEndpoints = { notificationUrl: `${host.url}/notifications`, lifecycleNotificationUrl: `${host.url}/notifications/lifecycle` };
    closers.push(() => host.close());

    const addin = options.addin === false ? null : await startAddinServer({
      port: port('addin'),
      https: options.https ? { port: port('addinHttps'), key: tls.key, cert: tls.cert } : undefined,
      apiBaseUrl: host.url.replace(/\/api$/, ''),
      listMessages: (mailbox) => listMailboxMessages(tenant, mailbox, { limit: 200 }).map(toPreviewMessage),
      signedInUser: DEMO_SIGNED_IN_USER,
      issueToken: (user) => issuer.issueToken({ user, tenantId: tenant.tenantId }),
      mode: options.addinMode ?? 'dev',
    });
    if (addin) closers.push(() => addin.close());

    return {
      tenant,
      apiUrl: host.url,
      addinUrl: addin?.url ?? '',
      previewUrl: addin?.previewUrl ?? '',
      httpsUrl: addin?.httpsUrl,
      graphBaseUrl: graphServer.baseUrl,
      graphServer,
      issuerBaseUrl: issuer.baseUrl,
      functionsSettings,
      repositories,
      store,
      issueUserToken: (user, tokenOptions = {}) =>
        issuer.issueToken({ user, tenantId: tokenOptions.tenantId ?? tenant.tenantId, ...tokenOptions }),
      sync: (onProgress) => runTenantSync({ graph, repositories, now, pageSize: 200, onProgress }, tenant.tenantId),
      queueConnectionString: azurite.connectionString,
      queueEndpoint: azurite.queueEndpoint,
      syncQueue,
      syncStatus,
      async syncThroughQueue() {
        const schedule = await scheduleMailboxSyncs(queueServices, tenant.tenantId, { reason: 'schedule' });
        await worker.drain();
        return { schedule, mailboxes: await syncStatus.listMailboxes(tenant.tenantId) };
      },
      drainQueues: () => worker.drain(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
