// `npm run bench:load`: 200 concurrent lookup clients for 60 s against the local stack (the demo
// tenant at scale 1, synced first), with autocannon. Each connection signs in as its own user of
// the tenant and looks up three addresses per request, like the task pane opening a message.
// Prints JSON lines; docs/PERFORMANCE.md records the figures. Loopback only, bounded in time.
// The clients run in their own process (load-client.ts); the stack and the API in this one.
//   npm run bench:load -- --connections 200 --seconds 60 --scale 1
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStack } from '../dev/stack.ts';
import type { LoadPlan } from './load-client.ts';

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

print('machine', { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage1m: Math.round((loadavg()[0] ?? NaN) * 100) / 100 });
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
  // The clients run in a process of their own (load-client.ts), like clients elsewhere would.
  const planPath = join(mkdtempSync(join(tmpdir(), 'crosswalk-load-')), 'plan.json');
  writeFileSync(planPath, JSON.stringify({ url: stack.apiUrl.replace(/\/api$/, ''), connections, seconds, tokens, people } satisfies LoadPlan), { mode: 0o600 });
  const client = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load-client.ts'), planPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  client.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(client, 'exit')) as [number | null];
  rmSync(dirname(planPath), { recursive: true, force: true });
  const [result, slowest] = output.trim().split('\n').slice(-2).map((line) => JSON.parse(line) as Record<string, unknown>);
  if (code !== 0 || !result) throw new Error(`the load client failed (exit ${code}): ${output.slice(-500)}`);
  print('load', { connections, seconds, people: people.length, ...result, loadAverage1m: Math.round((loadavg()[0] ?? NaN) * 100) / 100 });
  print('load-slowest-by-second', slowest ?? {});
} finally {
  await stack.close();
}
