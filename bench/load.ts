// `npm run bench:load`: 200 concurrent lookup clients for 60 s against the local stack (the demo
// tenant at scale 1, synced first), with autocannon. Each connection signs in as its own user of
// the tenant and looks up three addresses per request, like the task pane opening a message.
// Prints JSON lines; docs/PERFORMANCE.md records the figures. Loopback only, bounded in time.
//   npm run bench:load -- --connections 200 --seconds 60 --scale 1
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startStack } from '../dev/stack.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    scale: { type: 'string', default: '1' },
  },
});
const connections = Math.min(Number(values.connections), 500);
const seconds = Math.min(Number(values.seconds), 300);
const print = (figure: string, data: Record<string, unknown>) => console.log(JSON.stringify({ figure, ...data }));

// The limiter stays in the path (its cost is measured) but with limits this load cannot reach:
// one local machine playing a whole tenant's worth of users would trip the per-tenant limit.
process.env.CROSSWALK_RATE_LIMIT_USER_PER_MINUTE ??= '1000000';
process.env.CROSSWALK_RATE_LIMIT_TENANT_PER_MINUTE ??= '10000000';

print('machine', { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version });
const stack = await startStack({ ports: 'random', scale: Number(values.scale), addin: false });
try {
  const started = performance.now();
  const report = await stack.sync();
  if (report.failures.length > 0) throw new Error(`sync failed: ${JSON.stringify(report.failures)}`);
  print('sync', { seconds: Math.round((performance.now() - started) / 100) / 10 });

  const people = (await stack.store.people.items.readAll<{ email: string; tenantId: string }>().fetchAll()).resources
    .filter((person) => person.tenantId === stack.tenant.tenantId)
    .map((person) => person.email);
  const users = stack.tenant.users.map((user) => (user.mail ?? user.userPrincipalName).toLowerCase());
  // One distinct signed-in user per connection's worth of load (the tenant's users, then
  // synthetic colleagues), so per-user limits and caches see what 200 people would cause.
  const tokens = await Promise.all(
    Array.from({ length: connections }, (_, index) =>
      stack.issueUserToken(index < users.length ? users[index]! : `load.user${index}@housing.cascadia.gov`),
    ),
  );
  // autocannon gives setupRequest a fresh context per request, so requests take the 200 users in
  // turn (each user's requests interleave across connections) rather than one per socket.
  let sent = 0;
  const result = await autocannon({
    url: stack.apiUrl.replace(/\/api$/, ''),
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/lookup',
        setupRequest: (request) => {
          sent += 1;
          const offset = (sent * 3) % people.length;
          const emails = [0, 1, 2].map((k) => people[(offset + k) % people.length]!);
          return {
            ...request,
            headers: { authorization: `Bearer ${tokens[sent % tokens.length]}`, 'content-type': 'application/json' },
            body: JSON.stringify({ emails }),
          };
        },
      },
    ],
  });
  print('load', {
    connections,
    seconds,
    people: people.length,
    requests: result['2xx'] + result.non2xx,
    requestsPerSecond: Math.round(result.requests.average),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: (result as unknown as { statusCodeStats?: unknown }).statusCodeStats,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  });
} finally {
  await stack.close();
}
