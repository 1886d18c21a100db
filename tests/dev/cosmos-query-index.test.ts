// The Cosmos stand-in's index: queries it narrows answer exactly what a full scan answers (same
// documents, same order, same pages, same aggregates), also after documents are written,
// replaced and deleted; and the queries the API's hot paths send are ones it can narrow.
import { createRequire } from 'node:module';
import { CosmosClient, type Container } from '@azure/cosmos';
import { startCosmosStandIn, type CosmosStandIn } from '../../dev/cosmos-server.ts';
import { planNarrowing } from '../../dev/cosmos-query-index.ts';
import { ensureLocalCertificate } from '../../dev/local-ca.ts';

type Engine = (sql: string) => { ast: Parameters<typeof planNarrowing>[0]; exec(documents: unknown[], options: { parameters: { name: string; value: unknown }[] }): { result: unknown[] } };
const requireFromServer = createRequire(createRequire(import.meta.url).resolve('@vercel/cosmosdb-server'));
const parse = (requireFromServer('@zeit/cosmosdb-query') as { default: Engine }).default;

let cosmos: CosmosStandIn;
let client: CosmosClient;
let container: Container;

function makeDocument(n: number) {
  return {
    id: `doc-${n}`,
    tenantId: n % 3 === 0 ? 'tenant-b' : 'tenant-a',
    docType: n % 5 === 0 ? 'team' : 'membership',
    email: `person${n % 40}@agency${n % 7}.gov`,
    memberEmails: n % 5 === 0 ? [`person${n % 40}@agency${n % 7}.gov`, `person${(n + 1) % 40}@agency1.gov`] : undefined,
    score: n % 11,
    organization: { kind: n % 2 === 0 ? 'state' : 'county' },
  };
}

beforeAll(async () => {
  cosmos = await startCosmosStandIn({ port: 0, tls: await ensureLocalCertificate() });
  client = new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
  const { database } = await client.databases.createIfNotExists({ id: 'index-test' });
  ({ container } = await database.containers.createIfNotExists({ id: 'documents', partitionKey: { paths: ['/tenantId'] } }));
  for (let n = 0; n < 300; n += 1) await container.items.create(makeDocument(n));
}, 60_000);
afterAll(async () => {
  client?.dispose();
  await cosmos?.close();
});

const emails = ['person3@agency3.gov', 'person10@agency3.gov', 'person7@agency0.gov', 'nobody@example.org'];
const queries: { name: string; query: string; parameters: Record<string, unknown>; narrows: boolean; partitionKey?: string; matchesNone?: boolean }[] = [
  { name: 'ARRAY_CONTAINS(@list, c.field) with the tenant', query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@emails, c.email)', parameters: { tenantId: 'tenant-a', emails }, narrows: true },
  { name: 'c.field = @value', query: 'SELECT * FROM c WHERE c.email = @email', parameters: { email: emails[0] }, narrows: true },
  { name: 'a nested field', query: 'SELECT c.id FROM root c WHERE c.organization.kind = @kind AND c.score = 4', parameters: { kind: 'state' }, narrows: true },
  {
    name: 'an OR of two narrowable sides (memberships or the caller’s teams)',
    query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND ((c.docType = 'membership' AND ARRAY_CONTAINS(@emails, c.email)) OR (c.docType = 'team' AND ARRAY_CONTAINS(c.memberEmails, @member)))",
    parameters: { tenantId: 'tenant-a', emails, member: 'person11@agency1.gov' },
    narrows: true,
  },
  { name: 'ORDER BY and TOP', query: 'SELECT TOP 3 * FROM c WHERE ARRAY_CONTAINS(@emails, c.email) ORDER BY c.score DESC', parameters: { emails }, narrows: true, partitionKey: 'tenant-a' },
  { name: 'SELECT VALUE', query: 'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(@emails, c.email)', parameters: { emails }, narrows: true, partitionKey: 'tenant-a' },
  { name: 'COUNT', query: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND c.docType = @type', parameters: { tenantId: 'tenant-b', type: 'team' }, narrows: true, partitionKey: 'tenant-b' },
  { name: 'a type mismatch (a number where strings are stored)', query: 'SELECT * FROM c WHERE c.email = @email', parameters: { email: 3 }, narrows: true, matchesNone: true },
  { name: 'a list with an object in it (not narrowed)', query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(@emails, c.email)', parameters: { emails: [emails[0], { x: 1 }] }, narrows: false },
  { name: 'an OR with an unindexable side (not narrowed)', query: 'SELECT * FROM c WHERE c.email = @email OR c.score > 9', parameters: { email: emails[0] }, narrows: false },
  { name: 'NOT (not narrowed)', query: 'SELECT * FROM c WHERE NOT ARRAY_CONTAINS(@emails, c.email)', parameters: { emails }, narrows: false },
  {
    name: 'an alias found through a subquery (not narrowed)',
    query: 'SELECT * FROM c WHERE IS_DEFINED(c.memberEmails) AND EXISTS(SELECT VALUE a FROM a IN c.memberEmails WHERE ARRAY_CONTAINS(@emails, a))',
    parameters: { emails },
    narrows: false,
  },
];

const sqlParameters = (parameters: Record<string, unknown>) => Object.entries(parameters).map(([name, value]) => ({ name: `@${name}`, value }));

/** What a full scan answers: the stand-in's own engine over every stored document. */
async function scan(query: string, parameters: Record<string, unknown>): Promise<unknown[]> {
  const { resources: all } = await container.items.readAll().fetchAll();
  return parse(query).exec(all, { parameters: sqlParameters(parameters) }).result;
}

async function queryThroughIndex(row: (typeof queries)[number]): Promise<unknown[]> {
  const { resources } = await container.items
    .query({ query: row.query, parameters: sqlParameters(row.parameters) as never }, { maxItemCount: 4, ...(row.partitionKey ? { partitionKey: row.partitionKey } : {}) })
    .fetchAll();
  return resources;
}

describe.each(queries)('$name', (row) => {
  it(row.narrows ? 'is narrowed by the index' : 'is left to a full scan', () => {
    const narrowing = planNarrowing(parse(row.query).ast, new Map(sqlParameters(row.parameters).map((p) => [p.name, p.value])));
    expect(narrowing !== null).toBe(row.narrows);
  });

  it('answers what a full scan answers, page by page', async () => {
    const expected = await scan(row.query, row.parameters);
    expect(expected.length > 0).toBe(!row.matchesNone);
    expect(await queryThroughIndex(row)).toEqual(expected);
  });
});

it('stays exact after documents are created, replaced and deleted', async () => {
  for (const row of queries) await queryThroughIndex(row); // indexes built
  await container.items.create({ ...makeDocument(1000), email: emails[1] });
  await container.item('doc-3', 'tenant-b').replace({ ...makeDocument(3), email: 'moved@example.org' });
  await container.item('doc-10', 'tenant-a').delete();
  await container.items.upsert({ ...makeDocument(25), docType: 'membership', email: emails[2] });
  for (const row of queries) expect(await queryThroughIndex(row), row.name).toEqual(await scan(row.query, row.parameters));
});

it('the API’s lookup queries are ones it narrows', () => {
  const planned = (query: string, parameters: Record<string, unknown>) =>
    planNarrowing(parse(query).ast, new Map(sqlParameters(parameters).map((p) => [p.name, p.value])));
  expect(planned('SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@contacts, c.contactEmail)', { tenantId: 't', contacts: ['a@b.gov'] })).not.toBeNull();
  expect(planned("SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND ARRAY_CONTAINS(@emails, c.email)", { tenantId: 't', emails: ['a@b.gov'] })).not.toBeNull();
});
