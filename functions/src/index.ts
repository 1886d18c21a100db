// Azure Functions (v4 programming model) registrations: every route of the shared route
// table as an HTTP function, and a timer that syncs the configured tenants.
import functions from '@azure/functions';
import type { HttpRequest, HttpResponseInit, InvocationContext, Timer } from '@azure/functions';
import { readConfig } from './config/read-config.ts';
import { createServices, type AppServices } from './create-services.ts';
import { handleApiRequest } from './http/handle-api-request.ts';
import { routeTable, type RouteEntry } from './http/route-table.ts';
import { runTenantSync } from './sync/run-tenant-sync.ts';

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
      body,
      params: request.params,
    });
    return { status: result.status, headers: result.headers, jsonBody: result.body };
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

app.timer('scheduleSync', {
  schedule: '0 */15 * * * *',
  handler: async (_timer: Timer, context: InvocationContext) => {
    const appServices = await getServices();
    for (const tenantId of readConfig().tenantIds) {
      const report = await runTenantSync({ graph: appServices.graph, repositories: appServices.repositories, now: () => new Date() }, tenantId);
      context.log(`tenant sync: ${report.mailboxes} mailboxes, ${report.interactions} items, ${report.failures.length} failures`);
    }
  },
});
