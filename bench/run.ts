// `npm run bench`: the mining engine and the API on the real local stack, at agency scale.
// Prints one JSON line per figure (never asserted anywhere); docs/PERFORMANCE.md records them.
//   npm run bench                      → 20 mailboxes, 2,000 contacts, ≥ 200,000 messages
//   npm run bench -- --scale 5         → the same tenant with half the mail (memory as the corpus grows)
//   npm run bench -- --scale 1 --mailboxes 14 --contacts 0   → the demo tenant
// The stand-ins (Graph, Cosmos DB, token issuer, azurite, the API host) run in a child process
// (standins-process.ts) and hold the corpus there; this process is the mining pipeline alone,
// talking to them over HTTPS like the Functions app, so its memory is the pipeline's.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readConfig } from '../functions/src/config/read-config.ts';
import { createClientCredentialsProvider } from '../functions/src/graph/client-credentials.ts';
import { createGraphClient } from '../functions/src/graph/create-graph-client.ts';
import { readGraphPage } from '../functions/src/graph/read-graph-page.ts';
import { MESSAGE_SELECT } from '../functions/src/mining/graph-shapes.ts';
import { openCosmosStore } from '../functions/src/store/cosmos-store.ts';
import { createRepositories } from '../functions/src/store/repositories.ts';
import { readStoreMetrics, type StoreMetrics } from '../functions/src/store/store-metrics.ts';
import { runTenantSync } from '../functions/src/sync/run-tenant-sync.ts';
import type { SyncDependencies } from '../functions/src/sync/sync-dependencies.ts';
import { syncMailbox } from '../functions/src/sync/sync-mailbox.ts';
import { countStoreOperations, subtractMetrics } from './count-store-operations.ts';
import { startStandInsProcess } from './start-standins-process.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    mailboxes: { type: 'string', default: '20' },
    contacts: { type: 'string', default: '2000' },
    lookups: { type: 'string', default: '300' },
    // Also collect garbage at checkpoints (each mailbox's rescoring, every 25th page, tenant enrichment)
    // and report the heap still in use: what the pipeline holds, apart from garbage not yet collected.
    'live-heap': { type: 'boolean', default: false },
  },
});
const print = (figure: string, data: Record<string, unknown>) => console.log(JSON.stringify({ figure, ...data }));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const mib = (bytes: number) => round(bytes / 1024 / 1024, 0);
const seconds = (since: number) => round((performance.now() - since) / 1000);
type Checkpoint = { metrics: StoreMetrics; items: number };
const perItem = (metrics: StoreMetrics, items: number) => ({
  writesPerItem: round(metrics.writes / items, 3),
  readsPerItem: round(metrics.reads / items, 3),
  queriesPerItem: round(metrics.queries / items, 3),
  requestUnitsPerItem: round(metrics.requestCharge / items, 3),
});

// This process's memory, per phase of the run; the OS's peak RSS (maxRSS) covers the whole run.
let phase = 'start';
const peakHeapUsed = new Map<string, number>();
const peakRss = new Map<string, number>();
const sampleMemory = () => {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeapUsed.set(phase, Math.max(peakHeapUsed.get(phase) ?? 0, heapUsed));
  peakRss.set(phase, Math.max(peakRss.get(phase) ?? 0, rss));
};
const sampler = setInterval(sampleMemory, 100);
const enterPhase = (name: string) => {
  sampleMemory();
  phase = name;
};
const liveHeap = new Map<string, number>();
let collectGarbage: (() => void) | null = null;
if (values['live-heap']) {
  setFlagsFromString('--expose-gc');
  collectGarbage = runInNewContext('gc') as () => void;
}
const measureLiveHeap = () => {
  if (!collectGarbage) return;
  collectGarbage();
  liveHeap.set(phase, Math.max(liveHeap.get(phase) ?? 0, process.memoryUsage().heapUsed));
};
const peaksOf = (name: string) => ({
  peakRssMiB: mib(peakRss.get(name) ?? NaN),
  peakHeapUsedMiB: mib(peakHeapUsed.get(name) ?? NaN),
  ...(liveHeap.has(name) ? { peakLiveHeapMiB: mib(liveHeap.get(name)!) } : {}),
});

print('machine', { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version });

const standIns = await startStandInsProcess({
  scale: Number(values.scale),
  mailboxes: Number(values.mailboxes),
  contacts: Number(values.contacts) || undefined,
});
try {
  const { tenant, functionsSettings, apiUrl, signedInUser } = standIns.ready;
  print('tenant', {
    mailboxes: tenant.mailboxes.length,
    people: tenant.people,
    messages: tenant.messages,
    startSeconds: round(standIns.ready.startSeconds),
  });

  // The pipeline as the Functions app runs it: from the app settings, over HTTPS.
  const config = readConfig(functionsSettings);
  const store = await openCosmosStore(config.cosmos);
  const itemsSoFar = new Map<string, number>();
  const countItems = () => [...itemsSoFar.values()].reduce((sum, n) => sum + n, 0);
  let enrichmentStarted = 0;
  // Store counts and items so far at two moments: the first warm mailbox, the end of the mailboxes.
  const checkpoints: { warm?: Checkpoint; mailboxesDone?: Checkpoint } = {};
  let answers = 0;
  const counted = countStoreOperations(createRepositories(store), {
    // Phases from the calls the pipeline makes: a mailbox's pages (sync state saved per page),
    // its rescoring (its whole ledger read back for the edges), then tenant enrichment (its first
    // read). Live heap: with the ledger just read, every 25th page written, every 5th ledger page
    // folded, and with the folded ledger as suggestions are written.
    onCall: (name, moment) => {
      if (moment === 'start' && phase.startsWith('mailboxes')) {
        if (name === 'interactions.listSeriesMeetings') {
          enrichmentStarted = performance.now();
          checkpoints.mailboxesDone = { metrics: readStoreMetrics(), items: countItems() };
          enterPhase('tenant-enrichment');
        } else if (name === 'interactions.listByOwner') enterPhase('mailboxes:rescoring');
        else if (name.startsWith('syncState.') && phase !== 'mailboxes:pages') enterPhase('mailboxes:pages');
      }
      if (moment === 'answered' && name === 'interactions.listByOwner' && (phase === 'mailboxes:rescoring' || phase === 'resync')) measureLiveHeap();
      if (moment === 'answered' && name === 'interactions.upsertMany' && phase === 'mailboxes:pages' && ++answers % 25 === 0) measureLiveHeap();
      if (moment === 'answered' && name === 'interactions.readByOwner' && phase === 'tenant-enrichment' && ++answers % 5 === 0) measureLiveHeap();
      if (moment === 'start' && name === 'suggestions.applySuggestions' && phase === 'tenant-enrichment') measureLiveHeap();
    },
  });
  const graph = createGraphClient({ baseUrl: config.graph.baseUrl, getAccessToken: createClientCredentialsProvider(config.graph) });
  const deps: SyncDependencies = { graph, repositories: counted.repositories, now: () => new Date(tenant.now), pageSize: 200 };
  enterPhase('ready');
  const rssBeforeMining = process.memoryUsage().rss;

  // The source alone: how fast the local Graph stand-in serves the pages the sync reads.
  enterPhase('graph-source');
  let t = performance.now();
  let served = 0;
  for (const user of tenant.mailboxes) {
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
  const sourceRate = served / sourceSeconds;
  print('graph-source', { messages: served, seconds: round(sourceSeconds), messagesPerSecond: Math.round(sourceRate) });

  // End-to-end mining: Graph → Interactions → buckets and people → edges, groups, networks.
  // Warm: the second half of the mailboxes, once the people they write to mostly exist.
  const mailboxesSeen = new Set<string>();
  counted.reset();
  const before = readStoreMetrics();
  enterPhase('mailboxes:pages');
  t = performance.now();
  const report = await runTenantSync({
    ...deps,
    onProgress: (progress) => {
      if (!mailboxesSeen.has(progress.mailbox)) {
        mailboxesSeen.add(progress.mailbox);
        if (mailboxesSeen.size === Math.floor(tenant.mailboxes.length / 2) + 1) checkpoints.warm = { metrics: readStoreMetrics(), items: countItems() };
      }
      itemsSoFar.set(`${progress.mailbox}|${progress.resource}`, progress.items);
    },
  }, tenant.tenantId);
  const miningSeconds = (performance.now() - t) / 1000;
  const enrichmentSeconds = enrichmentStarted ? (performance.now() - enrichmentStarted) / 1000 : NaN;
  enterPhase('after-mining');
  const mining = subtractMetrics(readStoreMetrics(), before);
  print('mining', {
    mailboxes: report.mailboxes,
    items: report.interactions,
    failures: report.failures.length,
    seconds: round(miningSeconds),
    itemsPerSecond: Math.round(report.interactions / miningSeconds),
    mailboxSyncSeconds: round(miningSeconds - enrichmentSeconds),
    tenantEnrichmentSeconds: round(enrichmentSeconds),
    sourceShareOfTime: round(sourceSeconds / miningSeconds, 2),
    ...perItem(mining, report.interactions),
  });
  const { warm: warmStart, mailboxesDone: done } = checkpoints;
  if (warmStart && done) {
    // The second half of the mailboxes, up to tenant enrichment (a fixed cost per run, not per message).
    print('mining-warm', {
      mailboxes: report.mailboxes - Math.floor(tenant.mailboxes.length / 2),
      items: done.items - warmStart.items,
      ...perItem(subtractMetrics(done.metrics, warmStart.metrics), done.items - warmStart.items),
      tenantEnrichmentWrites: readStoreMetrics().writes - done.metrics.writes,
    });
  }
  const byOperation = counted.read();
  print('cosmos-by-operation', {
    items: report.interactions,
    operations: Object.fromEntries(
      Object.entries(byOperation).map(([name, metrics]) => [
        name,
        { writes: metrics.writes, queries: metrics.queries, reads: metrics.reads, writesPerItem: round(metrics.writes / report.interactions, 3) },
      ]),
    ),
  });
  print('memory-mining', {
    messages: tenant.messages,
    rssBeforeMiningMiB: mib(rssBeforeMining),
    mailboxPages: peaksOf('mailboxes:pages'),
    mailboxRescoring: peaksOf('mailboxes:rescoring'),
    tenantEnrichment: peaksOf('tenant-enrichment'),
  });

  enterPhase('incremental');
  t = performance.now();
  await runTenantSync(deps, tenant.tenantId);
  print('incremental-no-change', { seconds: seconds(t) });

  // A lost delta token: Graph answers 410 and one mailbox is read again from the start.
  enterPhase('resync');
  const dana = tenant.mailboxes.find((user) => user.mail.toLowerCase() === signedInUser)!;
  await standIns.failNext({ status: 410, count: 3, pathIncludes: 'deltatoken' });
  const resyncBefore = readStoreMetrics();
  t = performance.now();
  const directory = await deps.repositories.organizations.listAll(tenant.tenantId);
  const resources = await syncMailbox(deps, { tenantId: tenant.tenantId, ownerEmail: signedInUser, userId: dana.id }, directory);
  print('resync-after-410', {
    mailbox: signedInUser,
    seconds: seconds(t),
    fullResyncs: resources.reduce((n, r) => n + r.fullResyncs, 0),
    itemsReread: resources.reduce((n, r) => n + r.items, 0),
    writes: readStoreMetrics().writes - resyncBefore.writes,
  });

  // The task pane's one request per opened message: 20 participants (the API host runs with the stand-ins).
  enterPhase('lookup');
  const participants = (await deps.repositories.people.listAll(tenant.tenantId)).slice(0, 20).map((p) => p.email);
  const token = await standIns.issueUserToken(signedInUser);
  const timings: number[] = [];
  const queriesBefore = (await standIns.status()).storeMetrics.queries;
  for (let i = 0; i < Number(values.lookups); i += 1) {
    const started = performance.now();
    const response = await fetch(`${apiUrl}/lookup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ emails: participants }),
    });
    await response.json();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const at = (p: number) => round(timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))] ?? NaN);
  const standInsStatus = await standIns.status();
  print('lookup', {
    participants: participants.length,
    requests: timings.length,
    cosmosQueriesPerRequest: round((standInsStatus.storeMetrics.queries - queriesBefore) / timings.length, 2),
    p50Ms: at(50),
    p95Ms: at(95),
    maxMs: round(timings.at(-1) ?? NaN),
  });
  sampleMemory();
  print('memory', {
    pipelinePeakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    pipelinePeakHeapUsedMiB: mib(Math.max(...peakHeapUsed.values())),
    afterMining: Object.fromEntries(['incremental', 'resync', 'lookup'].map((name) => [name, peaksOf(name)])),
    standInsPeakRssMiB: standInsStatus.peakRssMiB,
    note: 'pipeline: this process (sync, mining, enrichment); the stand-ins hold the corpus in their own process',
  });
  store.close();
} finally {
  clearInterval(sampler);
  await standIns.close();
}
