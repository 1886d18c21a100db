// Azure Functions (v4 programming model) registrations: every route of the shared route
// table as an HTTP function, a timer that schedules the configured tenants' mailboxes, and the
// queue-triggered per-mailbox sync and tenant enrichment.
import functions from '@azure/functions';
import type { HttpRequest, HttpResponseInit, InvocationContext, Timer } from '@azure/functions';
import { readConfig } from './config/read-config.ts';
import { createServices, type AppServices } from './create-services.ts';
import { readForwardedClientAddress } from './http/client-address.ts';
import { handleApiRequest, methodNotAllowedResponse } from './http/handle-api-request.ts';
import { listUnservedMethods } from './http/match-route.ts';
import { routeTable, type RouteEntry } from './http/route-table.ts';
import { handleMailboxSync } from './queue/handle-mailbox-sync.ts';
import { handleTenantEnrich } from './queue/handle-tenant-enrich.ts';
import type { QueueSyncServices } from './queue/queue-sync-services.ts';
import { MAILBOX_SYNC_QUEUE, MAX_DEQUEUE_COUNT, TENANT_ENRICH_QUEUE } from './queue/sync-messages.ts';
import { scheduleMailboxSyncs } from './sync/schedule-mailbox-syncs.ts';

// The default import: `import { app }` fails in plain Node ESM against this CommonJS package.
const { app } = functions;

let services: Promise<AppServices> | null = null;
function getServices(): Promise<AppServices> {
  services ??= createServices(readConfig());
  return services;
}

export function createHttpHandler(entry: RouteEntry, servicesProvider: () => Promise<AppServices> = getServices) {
  return async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const body = entry.route.method === 'GET' || entry.route.method === 'DELETE' ? null : await request.text();
    const result = await handleApiRequest(await servicesProvider(), entry, {
      authorization: request.headers.get('authorization') ?? undefined,
      clientAddress: readForwardedClientAddress(request.headers.get('x-forwarded-for')),
      body,
      params: request.params,
      query: Object.fromEntries(request.query),
    });
    return typeof result.body === 'string' && result.headers['content-type'] === 'text/plain'
      ? { status: result.status, headers: result.headers, body: result.body }
      : { status: result.status, headers: result.headers, jsonBody: result.body };
  };
}

for (const entry of routeTable) {
  app.http(entry.route.name, {
    methods: [entry.route.method],
    route: entry.route.path,
    authLevel: 'anonymous',
    handler: createHttpHandler(entry),
  });
}
// A known path asked with another method: 405 with Allow, as the local host answers, rather than the host's bare 404.
for (const unserved of listUnservedMethods(routeTable)) {
  app.http(unserved.name, {
    methods: unserved.methods,
    route: unserved.path,
    authLevel: 'anonymous',
    handler: async (request: HttpRequest): Promise<HttpResponseInit> => {
      const result = methodNotAllowedResponse({ method: request.method, path: new URL(request.url).pathname, allow: unserved.allow });
      return { status: result.status, headers: result.headers, jsonBody: result.body };
    },
  });
}

// Fan-out: the timer sends one message per connected mailbox; each is synced by its own
// invocation of syncMailbox (the runtime retries a failure and parks it in mailbox-sync-poison
// after host.json's maxDequeueCount); finished mailboxes ask for one debounced tenant enrichment.
// The local stack runs the same handlers from functions/src/queue/local-queue-worker.ts.
const QUEUE_CONNECTION_SETTING = 'CROSSWALK_QUEUE_CONNECTION';
/** Lets mailboxes finishing within a minute share one tenant enrichment. */
const ENRICH_DELAY_SECONDS = 60;

async function getQueueSyncServices(): Promise<QueueSyncServices> {
  const appServices = await getServices();
  if (!appServices.syncQueue || !appServices.syncStatus) throw new Error(`Setting ${QUEUE_CONNECTION_SETTING} is missing`);
  return {
    graph: appServices.graph,
    repositories: appServices.repositories,
    now: () => new Date(),
    syncStatus: appServices.syncStatus,
    queue: appServices.syncQueue,
    enrichDelaySeconds: ENRICH_DELAY_SECONDS,
    sharedMailboxes: readConfig().sharedMailboxes,
    ...(process.env.CROSSWALK_PUBLIC_API_URL
      ? {
          subscriptionEndpoints: {
            notificationUrl: `${process.env.CROSSWALK_PUBLIC_API_URL}/notifications`,
            lifecycleNotificationUrl: `${process.env.CROSSWALK_PUBLIC_API_URL}/notifications/lifecycle`,
          },
        }
      : {}),
  };
}

app.timer('scheduleSync', {
  schedule: '0 */15 * * * *',
  handler: async (_timer: Timer, context: InvocationContext) => {
    const queueServices = await getQueueSyncServices();
    for (const tenantId of readConfig().tenantIds) {
      const report = await scheduleMailboxSyncs(queueServices, tenantId, { reason: 'schedule' });
      context.log(`tenant ${tenantId}: ${report.enqueued.length} mailboxes queued, ${report.skipped.length} skipped`);
    }
  },
});

app.storageQueue('syncMailbox', {
  queueName: MAILBOX_SYNC_QUEUE,
  connection: QUEUE_CONNECTION_SETTING,
  handler: async (message: unknown, context: InvocationContext) => {
    const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
    const result = await handleMailboxSync(await getQueueSyncServices(), message, { dequeueCount, maxDequeueCount: MAX_DEQUEUE_COUNT });
    context.log(`mailbox sync ${result.ownerEmail}: ${result.outcome}`);
  },
});

app.storageQueue('enrichTenant', {
  queueName: TENANT_ENRICH_QUEUE,
  connection: QUEUE_CONNECTION_SETTING,
  handler: async (message: unknown, context: InvocationContext) => {
    const result = await handleTenantEnrich(await getQueueSyncServices(), message);
    context.log(`tenant enrichment: ${result.outcome}`);
  },
});
