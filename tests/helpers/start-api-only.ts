// Starts just the API on real parts (token issuer, Cosmos stand-in, local Functions host),
// for tests of the HTTP surface that need no Graph sync.
import { createAccessTokenVerifier } from '../../functions/src/auth/verify-access-token.ts';
import { startLocalHost } from '../../functions/src/http/local-host.ts';
import { openCosmosStore, type CosmosStore } from '../../functions/src/store/cosmos-store.ts';
import { createRepositories, type Repositories } from '../../functions/src/store/repositories.ts';
import { startCosmosStandIn } from '../../dev/cosmos-server.ts';
import { ensureLocalCertificate } from '../../dev/local-ca.ts';
import { DEFAULT_API_AUDIENCE, startTokenIssuer, type TokenIssuer } from '../../dev/token-issuer.ts';

export interface ApiOnly {
  apiUrl: string;
  issuer: TokenIssuer;
  repositories: Repositories;
  /** The opened containers, for tests that write what the repositories no longer would. */
  store: CosmosStore;
  close(): Promise<void>;
}

export async function startApiOnly(): Promise<ApiOnly> {
  const tls = await ensureLocalCertificate();
  const issuer = await startTokenIssuer({ port: 0 });
  const cosmos = await startCosmosStandIn({ port: 0, tls });
  const store = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId: 'api-test' });
  const repositories = createRepositories(store);
  const verifyAccessToken = createAccessTokenVerifier({
    jwksUri: issuer.jwksUri,
    issuerTemplate: `${issuer.baseUrl}/{tenantid}/v2.0`,
    audience: DEFAULT_API_AUDIENCE,
  });
  const host = await startLocalHost({ services: { repositories, verifyAccessToken }, port: 0 });
  return {
    apiUrl: host.url,
    issuer,
    repositories,
    store,
    async close() {
      await host.close();
      store.close();
      await cosmos.close();
      await issuer.close();
    },
  };
}
