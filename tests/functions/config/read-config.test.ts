// The functions' settings per national cloud: CROSSWALK_CLOUD picks Graph's endpoint and scope,
// explicit URLs still win, and URLs of another cloud are refused at start-up.
import { readConfig } from '../../../functions/src/config/read-config.ts';

const BASE_ENV = {
  CROSSWALK_COSMOS_ENDPOINT: 'https://crosswalk.documents.azure.us:443/',
  CROSSWALK_COSMOS_KEY: 'test-fixture-not-a-key',
  CROSSWALK_GRAPH_CLIENT_ID: '4d2c8a1e-0000-4000-8000-000000000001',
  CROSSWALK_GRAPH_CLIENT_SECRET: 'test-fixture-not-a-secret',
};

describe('readConfig', () => {
  it.each(['CROSSWALK_GRAPH_CLIENT_SECRET', 'CROSSWALK_COSMOS_KEY', 'CROSSWALK_QUEUE_CONNECTION'])(
    'refuses to start with an unresolved Key Vault reference in %s, instead of sending it as the secret',
    (name) => {
      const env = {
        ...BASE_ENV,
        CROSSWALK_GRAPH_TOKEN_ENDPOINT: 'https://login.microsoftonline.com/7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10/oauth2/v2.0/token',
        [name]: '@Microsoft.KeyVault(SecretUri=https://crosswalk-kv.vault.azure.net/secrets/example/)',
      };
      expect(() => readConfig(env)).toThrow(new RegExp(`${name} is a Key Vault reference the platform did not resolve`));
    },
  );

  it.each([
    { cloud: undefined, login: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com', id: 'worldwide' },
    { cloud: 'gcc', login: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com', id: 'worldwide' },
    { cloud: 'gcc-high', login: 'https://login.microsoftonline.us', graph: 'https://graph.microsoft.us', id: 'gcc-high' },
    { cloud: 'dod', login: 'https://login.microsoftonline.us', graph: 'https://dod-graph.microsoft.us', id: 'dod' },
  ])('CROSSWALK_CLOUD=$cloud → Graph $graph with its own .default scope', ({ cloud, login, graph, id }) => {
    const config = readConfig({
      ...BASE_ENV,
      ...(cloud ? { CROSSWALK_CLOUD: cloud } : {}),
      CROSSWALK_GRAPH_TOKEN_ENDPOINT: `${login}/7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10/oauth2/v2.0/token`,
    });
    expect(config.cloud).toBe(id);
    expect(config.graph.baseUrl).toBe(`${graph}/`);
    expect(config.graph.scope).toBe(`${graph}/.default`);
  });

  it('keeps an explicit Graph base URL (the local stand-in) and derives the scope from it', () => {
    const config = readConfig({
      ...BASE_ENV,
      CROSSWALK_GRAPH_BASE_URL: 'https://127.0.0.1:7443/',
      CROSSWALK_GRAPH_TOKEN_ENDPOINT: 'http://127.0.0.1:7072/7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10/oauth2/v2.0/token',
    });
    expect(config.graph.baseUrl).toBe('https://127.0.0.1:7443/');
    expect(config.graph.scope).toBe('https://127.0.0.1:7443/.default');
  });

  it('reads the shared mailboxes listed in CROSSWALK_SHARED_MAILBOXES (none by default)', () => {
    const endpoint = 'https://login.microsoftonline.com/7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10/oauth2/v2.0/token';
    expect(readConfig({ ...BASE_ENV, CROSSWALK_GRAPH_TOKEN_ENDPOINT: endpoint }).sharedMailboxes).toEqual([]);
    const config = readConfig({ ...BASE_ENV, CROSSWALK_GRAPH_TOKEN_ENDPOINT: endpoint, CROSSWALK_SHARED_MAILBOXES: ' Housing.Help@housing.cascadia.gov, records@housing.cascadia.gov,' });
    expect(config.sharedMailboxes).toEqual(['housing.help@housing.cascadia.gov', 'records@housing.cascadia.gov']);
  });

  it('refuses a Graph URL or token endpoint of another cloud', () => {
    expect(() =>
      readConfig({
        ...BASE_ENV,
        CROSSWALK_CLOUD: 'gcc-high',
        CROSSWALK_GRAPH_BASE_URL: 'https://graph.microsoft.com/',
        CROSSWALK_GRAPH_TOKEN_ENDPOINT: 'https://login.microsoftonline.us/t/oauth2/v2.0/token',
      }),
    ).toThrow(/CROSSWALK_GRAPH_BASE_URL/);
    expect(() =>
      readConfig({ ...BASE_ENV, CROSSWALK_CLOUD: 'dod', CROSSWALK_GRAPH_TOKEN_ENDPOINT: 'https://login.microsoftonline.com/t/oauth2/v2.0/token' }),
    ).toThrow(/CROSSWALK_GRAPH_TOKEN_ENDPOINT/);
  });

  it('refuses an unknown cloud', () => {
    expect(() => readConfig({ ...BASE_ENV, CROSSWALK_CLOUD: 'mooncake', CROSSWALK_GRAPH_TOKEN_ENDPOINT: 'https://x.example/t' })).toThrow(
      /CROSSWALK_CLOUD must be one of/,
    );
  });
});
