// `npm run bench`: the mining engine and the API on the real local stack, at agency scale.
// Prints one JSON line per figure (never asserted anywhere); docs/PERFORMANCE.md records them.
//   npm run bench                      → 20 mailboxes, 2,000 contacts, ≥ 200,000 messages
//   npm run bench -- --scale 1 --mailboxes 14 --contacts 0   → the demo tenant
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { DEMO_SIGNED_IN_USER, startStack } from '../dev/stack.ts';
import { createClientCredentialsProvider } from '../functions/src/graph/client-credentials.ts';
import { createGraphClient } from '../functions/src/graph/create-graph-client.ts';
import { readGraphPage } from '../functions/src/graph/read-graph-page.ts';
import { MESSAGE_SELECT } from '../functions/src/mining/graph-shapes.ts';
import { readStoreMetrics } from '../functions/src/store/store-metrics.ts';
import { syncMailbox } from '../functions/src/sync/sync-mailbox.ts';
import { GRAPH_AUDIENCE } from '../dev/token-issuer.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    mailboxes: { type: 'string', default: '20' },
    contacts: { type: 'string', default: '2000' },
    lookups: { type: 'string', default: '300' },
  },
});
const print = (figure: string, data: Record<string, unknown>) => console.log(JSON.stringify({ figure, ...data }));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
const mib = (bytes: number) => round(bytes / 1024 / 1024, 0);

print('machine', { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version });

let t = performance.now();
const stack = await startStack({
  ports: 'random',
  scale: Number(values.scale),
  tenant: { mailboxes: Number(values.mailboxes), contacts: Number(values.contacts) || undefined },
  addin: false,
});
const mailboxes = stack.tenant.users.filter((user) => stack.tenant.mailboxes[user.id]);
const messagesInTenant = mailboxes.reduce(
  (sum, user) => sum + Object.values(stack.tenant.mailboxes[user.id]!.messages).reduce((n, list) => n + list.length, 0),
  0,
);
print('tenant', { mailboxes: mailboxes.length, people: stack.tenant.people?.length ?? null, messages: messagesInTenant, startSeconds: round((performance.now() - t) / 1000) });

// The source alone: how fast the local Graph stand-in serves the pages the sync reads.
const graph = createGraphClient({
  baseUrl: stack.graphBaseUrl,
  getAccessToken: createClientCredentialsProvider({
    tokenEndpoint: `${stack.issuerBaseUrl}/${stack.tenant.tenantId}/oauth2/v2.0/token`,
    clientId: 'crosswalk-bench',
    clientSecret: 'local-only',
    scope: `${GRAPH_AUDIENCE}/.default`,
  }),
});
t = performance.now();
let served = 0;
for (const user of mailboxes) {
  for (const folder of ['inbox', 'sentitems']) {
    let url: string | null = `/users/${user.id}/mailFolders/${folder}/messages/delta?$select=${MESSAGE_SELECT.join(',')}`;
    while (url) {
      const page: { items: unknown[]; nextLink: string | null } = await readGraphPage(graph, url, { maxPageSize: 200 });
      served += page.items.length;
      url = page.nextLink;
    }
  }
}
const sourceSeconds = (performance.now() - t) / 1000;
print('graph-source', { messages: served, seconds: round(sourceSeconds), messagesPerSecond: Math.round(served / sourceSeconds) });

// End-to-end mining: Graph → Interactions → buckets and people → edges and groups.
const before = readStoreMetrics();
t = performance.now();
const report = await stack.sync();
const miningSeconds = (performance.now() - t) / 1000;
const after = readStoreMetrics();
print('mining', {
  mailboxes: report.mailboxes,
  items: report.interactions,
  failures: report.failures.length,
  seconds: round(miningSeconds),
  itemsPerSecond: Math.round(report.interactions / miningSeconds),
  sourceShareOfTime: round((served / (served / sourceSeconds)) / miningSeconds, 2),
  writesPerItem: round((after.writes - before.writes) / report.interactions, 3),
  queriesPerItem: round((after.queries - before.queries) / report.interactions, 3),
  requestUnitsPerItem: round((after.requestCharge - before.requestCharge) / report.interactions, 3),
  peakRssMiB: mib(peakRss),
  heapUsedMiB: mib(process.memoryUsage().heapUsed),
});

t = performance.now();
await stack.sync();
print('incremental-no-change', { seconds: round((performance.now() - t) / 1000) });

// A lost delta token: Graph answers 410 and one mailbox is read again from the start.
const dana = mailboxes.find((user) => user.mail.toLowerCase() === DEMO_SIGNED_IN_USER.email)!;
stack.graphServer.faults.failNext({ status: 410, count: 3, pathIncludes: 'deltatoken' });
const resyncBefore = readStoreMetrics();
t = performance.now();
const directory = await stack.repositories.organizations.listAll(stack.tenant.tenantId);
const resources = await syncMailbox(
  { graph, repositories: stack.repositories, now: () => new Date(stack.tenant.now), pageSize: 200 },
  { tenantId: stack.tenant.tenantId, ownerEmail: DEMO_SIGNED_IN_USER.email, userId: dana.id },
  directory,
);
print('resync-after-410', {
  mailbox: DEMO_SIGNED_IN_USER.email,
  seconds: round((performance.now() - t) / 1000),
  fullResyncs: resources.reduce((n, r) => n + r.fullResyncs, 0),
  itemsReread: resources.reduce((n, r) => n + r.items, 0),
  writes: readStoreMetrics().writes - resyncBefore.writes,
});

// The task pane's one request per opened message: 20 participants.
const participants = (await stack.repositories.people.listAll(stack.tenant.tenantId)).slice(0, 20).map((p) => p.email);
const token = await stack.issueUserToken(DEMO_SIGNED_IN_USER.email);
const timings: number[] = [];
const queriesBefore = readStoreMetrics().queries;
for (let i = 0; i < Number(values.lookups); i += 1) {
  const started = performance.now();
  const response = await fetch(`${stack.apiUrl}/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ emails: participants }),
  });
  await response.json();
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
const at = (p: number) => round(timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))] ?? NaN);
print('lookup', {
  participants: participants.length,
  requests: timings.length,
  cosmosQueriesPerRequest: round((readStoreMetrics().queries - queriesBefore) / timings.length, 2),
  p50Ms: at(50),
  p95Ms: at(95),
  maxMs: round(timings.at(-1) ?? NaN),
});
print('memory', { peakRssMiB: mib(peakRss), note: 'whole process: the Graph and Cosmos stand-ins keep the corpus in memory here' });
clearInterval(sampler);
await stack.close();
