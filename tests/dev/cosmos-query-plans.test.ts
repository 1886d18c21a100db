// The Cosmos stand-in answers the SDK's query-plan requests at once (with an error the SDK sets
// aside) instead of running each query twice; queries, ordered and aggregated ones included,
// answer as before through the real SDK.
import { request } from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import { describeResource, signCosmosRequest } from '../../dev/cosmos-key-check.ts';
import { startCosmosStandIn, type CosmosStandIn } from '../../dev/cosmos-server.ts';
import { ensureLocalCertificate } from '../../dev/local-ca.ts';

let cosmos: CosmosStandIn;
let client: CosmosClient;
let container: Container;

beforeAll(async () => {
  cosmos = await startCosmosStandIn({ port: 0, tls: await ensureLocalCertificate() });
  client = new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
  const { database } = await client.databases.createIfNotExists({ id: 'plans-test' });
  ({ container } = await database.containers.createIfNotExists({ id: 'items', partitionKey: { paths: ['/tenantId'] } }));
  for (let n = 0; n < 12; n += 1) await container.items.create({ id: `i${n}`, tenantId: 't1', score: n % 5 });
});
afterAll(async () => {
  client?.dispose();
  await cosmos?.close();
});

/** A signed POST to the container's documents, as the SDK sends a query (or, with the header, its plan). */
function post(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const path = '/dbs/plans-test/colls/items/docs';
  const date = new Date().toUTCString();
  const sig = signCosmosRequest({ key: cosmos.key, method: 'POST', date, ...describeResource(path) });
  return new Promise((resolve, reject) => {
    const req = request(`${cosmos.endpoint}${path}`, {
      method: 'POST',
      headers: {
        authorization: encodeURIComponent(`type=master&ver=1.0&sig=${sig}`),
        'x-ms-date': date,
        'content-type': 'application/query+json',
        'x-ms-documentdb-isquery': 'true',
        'x-ms-documentdb-partitionkey': '["t1"]',
        'x-ms-documentdb-query-enablecrosspartition': 'true',
        ...headers,
      },
    });
    req.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query: 'SELECT * FROM c', parameters: [] }));
  });
}

it('answers a query-plan request without running the query', async () => {
  const plan = await post({ 'x-ms-cosmos-is-query-plan-request': 'True' });
  expect(plan.status).toBe(400);
  expect(plan.body).toContain('serves no query plans');
  expect(plan.body).not.toContain('"i1"');
  const query = await post({});
  expect(query.status, query.body).toBe(200);
  expect((JSON.parse(query.body) as { Documents: unknown[] }).Documents).toHaveLength(12);
});

it('still answers queries through the SDK, ordered and aggregated ones included', async () => {
  const ordered = await container.items.query('SELECT VALUE c.id FROM c WHERE c.score = 4 ORDER BY c.id DESC', { partitionKey: 't1' }).fetchAll();
  expect(ordered.resources).toEqual(['i9', 'i4']);
  const counted = await container.items.query('SELECT VALUE COUNT(1) FROM c WHERE c.score < 2', { partitionKey: 't1' }).fetchAll();
  expect(counted.resources).toEqual([6]);
  const all = await container.items.query('SELECT c.id FROM c').fetchAll();
  expect(all.resources).toHaveLength(12);
});
