// Local secrets: generated on first use into a file only the owner can read, kept across
// restarts, different per machine (per file), completed when a newer stack needs another one;
// and checked by the local stand-ins: the issuer's token endpoint wants the Graph client
// secret, the Cosmos stand-in wants requests signed with the account key. Wrong ones are refused.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { startCosmosStandIn } from '../../dev/cosmos-server.ts';
import { ensureLocalCertificate } from '../../dev/local-ca.ts';
import { LOCAL_SECRETS_PATH, loadLocalSecrets } from '../../dev/local-secrets.ts';
import { DEMO_TENANT_ID, LOCAL_GRAPH_CLIENT_ID, startTokenIssuer } from '../../dev/token-issuer.ts';
import { createClientCredentialsProvider } from '../../functions/src/graph/client-credentials.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosswalk-secrets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadLocalSecrets', () => {
  it('generates strong random secrets on first use into an owner-only file', () => {
    const path = join(dir, 'nested', 'secrets.json');
    const secrets = loadLocalSecrets({ path });
    expect(secrets.graphClientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secrets.cosmosKey, 'base64')).toHaveLength(64);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(secrets);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('returns the same secrets on every later start, and other secrets for another file', () => {
    const path = join(dir, 'secrets.json');
    const first = loadLocalSecrets({ path });
    expect(loadLocalSecrets({ path })).toEqual(first);
    const other = loadLocalSecrets({ path: join(dir, 'other.json') });
    expect(other.graphClientSecret).not.toBe(first.graphClientSecret);
    expect(other.cosmosKey).not.toBe(first.cosmosKey);
  });

  it('adds a secret the file lacks and keeps the ones it has', () => {
    const path = join(dir, 'secrets.json');
    writeFileSync(path, JSON.stringify({ graphClientSecret: 'kept-from-an-older-stack' }));
    const secrets = loadLocalSecrets({ path });
    expect(secrets.graphClientSecret).toBe('kept-from-an-older-stack');
    expect(secrets.cosmosKey.length).toBeGreaterThan(80);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(secrets);
  });

  it('lives under .data/, which git ignores', () => {
    expect(LOCAL_SECRETS_PATH.replace(/\\/g, '/')).toMatch(/\/\.data\/secrets\.json$/);
    const root = join(import.meta.dirname, '..', '..');
    expect(execFileSync('git', ['check-ignore', '.data/secrets.json'], { cwd: root, encoding: 'utf8' }).trim()).toBe('.data/secrets.json');
  });
});

describe('the local stand-ins check the generated secrets', () => {
  it('the issuer gives the functions a Graph token for the generated client secret only', async () => {
    const issuer = await startTokenIssuer({ port: 0 });
    try {
      const credentials = (clientSecret: string) => ({
        tokenEndpoint: `${issuer.baseUrl}/${DEMO_TENANT_ID}/oauth2/v2.0/token`,
        clientId: LOCAL_GRAPH_CLIENT_ID,
        clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      });
      const token = await createClientCredentialsProvider(credentials(loadLocalSecrets().graphClientSecret))();
      expect(token.split('.')).toHaveLength(3);
      await expect(createClientCredentialsProvider(credentials(randomBytes(32).toString('base64url')))()).rejects.toThrow(/401/);
    } finally {
      await issuer.close();
    }
  });

  it('the Cosmos stand-in serves requests signed with the generated account key only', async () => {
    const cosmos = await startCosmosStandIn({ port: 0, tls: await ensureLocalCertificate() });
    const right = new CosmosClient({ endpoint: cosmos.endpoint, key: loadLocalSecrets().cosmosKey });
    const wrong = new CosmosClient({ endpoint: cosmos.endpoint, key: randomBytes(64).toString('base64') });
    try {
      expect(cosmos.key).toBe(loadLocalSecrets().cosmosKey);
      const { database } = await right.databases.createIfNotExists({ id: 'secrets-test' });
      const { container } = await database.containers.createIfNotExists({ id: 'people', partitionKey: { paths: ['/tenantId'] } });
      await container.items.create({ id: 'p1', tenantId: 't1', email: 'jess@example.gov' });
      await expect(wrong.database('secrets-test').container('people').item('p1', 't1').read()).rejects.toMatchObject({ code: 401 });
      await expect(wrong.database('secrets-test').container('people').items.create({ id: 'p2', tenantId: 't1' })).rejects.toMatchObject({ code: 401 });
      const { resources } = await container.items.query('SELECT c.id FROM c').fetchAll();
      expect(resources).toEqual([{ id: 'p1' }]);
    } finally {
      right.dispose();
      wrong.dispose();
      await cosmos.close();
    }
  });
});
