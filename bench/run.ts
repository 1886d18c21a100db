// `npm run bench`: figures for the local stack at full demo scale, printed, never asserted.
// Sync throughput of the whole tenant, then lookup latency for a 20-participant message.
import { DEMO_SIGNED_IN_USER, startStack } from '../dev/stack.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const startedAt = performance.now();
const stack = await startStack({ ports: 'random', scale: 1, addin: false });
console.log(`stack started in ${(performance.now() - startedAt).toFixed(0)} ms`);

const syncStart = performance.now();
const report = await stack.sync();
const syncMs = performance.now() - syncStart;
console.log(
  `full sync: ${report.mailboxes} mailboxes, ${report.interactions} items in ${(syncMs / 1000).toFixed(1)} s ` +
    `(${Math.round(report.interactions / (syncMs / 1000))} items/s), ${report.failures.length} failures`,
);

const incrementalStart = performance.now();
await stack.sync();
console.log(`incremental sync with no changes: ${((performance.now() - incrementalStart) / 1000).toFixed(1)} s`);

const participants = (await stack.repositories.people.listAll(stack.tenant.tenantId)).slice(0, 20).map((p) => p.email);
const token = await stack.issueUserToken(DEMO_SIGNED_IN_USER.email);
const timings: number[] = [];
for (let i = 0; i < 200; i += 1) {
  const t = performance.now();
  const response = await fetch(`${stack.apiUrl}/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ emails: participants }),
  });
  await response.json();
  timings.push(performance.now() - t);
}
timings.sort((a, b) => a - b);
console.log(
  `lookup of ${participants.length} participants, 200 sequential requests: ` +
    `p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, max ${timings.at(-1)?.toFixed(1)} ms`,
);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
await stack.close();
