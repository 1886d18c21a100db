// The whole product on local stand-ins, in one process: Cosmos DB, the Entra ID token issuer,
// the Graph tenant server, the Functions host and the add-in server. Used by `npm start` and
// by the integration and end-to-end tests, so what the tests prove is what a developer runs.
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createAccessTokenVerifier } from '../functions/src/auth/verify-access-token.ts';
import { createClientCredentialsProvider } from '../functions/src/graph/client-credentials.ts';
import { createGraphClient } from '../functions/src/graph/create-graph-client.ts';
import { startLocalHost } from '../functions/src/http/local-host.ts';
import { openCosmosStore, type CosmosStore } from '../functions/src/store/cosmos-store.ts';
import { createRepositories, type Repositories } from '../functions/src/store/repositories.ts';
import { runTenantSync, type TenantSyncReport } from '../functions/src/sync/run-tenant-sync.ts';
import type { SyncProgress } from '../functions/src/sync/sync-dependencies.ts';
import { startAddinServer } from './addin-server.ts';
import { startCosmosStandIn } from './cosmos-server.ts';
import { DATA_DIR, ensureLocalCertificate } from './local-ca.ts';
import { seedDemoTenant } from './seed-demo.ts';
import { startGraphServer, type GraphServer } from './graph-server/graph-server.ts';
import { generateDemoTenant } from './tenant/generate-tenant.ts';
import { listMailboxMessages } from './tenant/list-mailbox-messages.ts';
import { toPreviewMessage } from './addin-server/to-preview-message.ts';
import type { DemoTenant } from './tenant/tenant-types.ts';
import { DEFAULT_API_AUDIENCE, GRAPH_AUDIENCE, startTokenIssuer } from './token-issuer.ts';

export const DEMO_SIGNED_IN_USER = { email: 'dana.reyes@housing.cascadia.gov', displayName: 'Dana Reyes' };

export interface StackOptions {
  /** Fixed well-known ports (npm start) or random free ones (tests). */
  ports: 'fixed' | 'random';
  /** Demo tenant size: 1 is the full six months; tests use less. */
  scale?: number;
  /** Keep Cosmos data in .data/cosmos between runs (npm start). */
  persist?: boolean;
  /** Serve the add-in from Vite in middleware mode (dev) or from dist/addin (static). */
  addinMode?: 'dev' | 'static';
  /** Also serve the add-in over HTTPS for sideloading into Outlook. */
  https?: boolean;
  /** Start the add-in server (default true); API-level tests leave it out. */
  addin?: boolean;
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
  repositories: Repositories;
  /** The opened containers, for tests that inspect what is stored. */
  store: CosmosStore;
  issueUserToken(user: string, options?: { expiresInSeconds?: number; audience?: string; tenantId?: string }): Promise<string>;
  sync(onProgress?: (progress: SyncProgress) => void): Promise<TenantSyncReport>;
  close(): Promise<void>;
}

const fixedPorts = { api: 7071, issuer: 7072, graph: 7443, cosmos: 8081, addin: 3000, addinHttps: 3443 };

export async function startStack(options: StackOptions): Promise<Stack> {
  const port = (name: keyof typeof fixedPorts) => (options.ports === 'fixed' ? fixedPorts[name] : 0);
  const tls = await ensureLocalCertificate();
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const tenant = generateDemoTenant({ scale: options.scale ?? 1 });
    const now = () => new Date(tenant.now);

    const issuer = await startTokenIssuer({ port: port('issuer') });
    closers.push(() => issuer.close());

    const cosmos = await startCosmosStandIn({
      port: port('cosmos'),
      tls,
      snapshotPath: options.persist ? join(DATA_DIR, 'cosmos', 'snapshot.json') : undefined,
    });
    closers.push(() => cosmos.close());
    const store: CosmosStore = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId: 'crosswalk' });
    closers.push(async () => store.close());
    const repositories = createRepositories(store);
    if ((await repositories.organizations.listAll(tenant.tenantId)).length === 0) {
      await seedDemoTenant(repositories, tenant, { now: tenant.now });
    }

    const graphKeys = createRemoteJWKSet(new URL(issuer.jwksUri));
    const graphServer = await startGraphServer({
      tenant,
      port: port('graph'),
      tls: { key: tls.key, cert: tls.cert },
      acceptToken: async (token) => {
        try {
          await jwtVerify(token, graphKeys, { audience: GRAPH_AUDIENCE });
          return true;
        } catch {
          return false;
        }
      },
    });
    closers.push(() => graphServer.close());
    const graph = createGraphClient({
      baseUrl: graphServer.baseUrl,
      getAccessToken: createClientCredentialsProvider({
        tokenEndpoint: `${issuer.baseUrl}/${tenant.tenantId}/oauth2/v2.0/token`,
        clientId: 'crosswalk-functions-local',
        clientSecret: 'local-only',
        scope: `${GRAPH_AUDIENCE}/.default`,
      }),
    });

    const verifyAccessToken = createAccessTokenVerifier({
      jwksUri: issuer.jwksUri,
      issuerTemplate: `${issuer.baseUrl}/{tenantid}/v2.0`,
      audience: DEFAULT_API_AUDIENCE,
    });
    const host = await startLocalHost({ services: { repositories, verifyAccessToken }, port: port('api') });
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
      repositories,
      store,
      issueUserToken: (user, tokenOptions = {}) =>
        issuer.issueToken({ user, tenantId: tokenOptions.tenantId ?? tenant.tenantId, ...tokenOptions }),
      sync: (onProgress) => runTenantSync({ graph, repositories, now, pageSize: 200, onProgress }, tenant.tenantId),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
