// `npm start`: the whole product on local stand-ins. Prints the preview URL as soon as it
// serves, then mines the demo tenant in the background the way Azure does: the timer's
// scheduling puts one message per mailbox on the azurite queue and the queue worker syncs
// them, one line per mailbox. The schedule repeats every 15 minutes, like the Functions timer.
import type { MailboxSyncOutcome } from '../functions/src/queue/handle-mailbox-sync.ts';
import type { QueueSettlement } from '../functions/src/queue/local-queue-worker.ts';
import type { SyncProgress } from '../functions/src/sync/sync-dependencies.ts';
import { startStack } from './stack.ts';

const SCHEDULE_EVERY_MS = 15 * 60_000;

// One line per mailbox, plus a heartbeat on long folders, so progress is visible but short.
let mined = 0;
let lastLine = Date.now();
function showProgress(progress: SyncProgress): void {
  if (!progress.done && Date.now() - lastLine > 5000) {
    console.log(`  ... ${progress.mailbox} ${progress.resource}: ${progress.items} items so far`);
    lastLine = Date.now();
  }
}
function showSettled(settlement: QueueSettlement): void {
  if (settlement.outcome === 'completed') {
    const result = settlement.result as MailboxSyncOutcome | { outcome: string };
    if (!('ownerEmail' in result)) return;
    if (result.outcome === 'synced') {
      mined += 1;
      console.log(`  mined mailbox ${mined}: ${result.ownerEmail}, ${result.items} items`);
    } else {
      console.log(`  mailbox ${result.ownerEmail}: ${result.outcome}`);
    }
  } else {
    const error = settlement.error instanceof Error ? settlement.error.message : String(settlement.error);
    const what = settlement.outcome === 'poisoned' ? 'parked in the poison queue' : `attempt ${settlement.dequeueCount} failed, retrying`;
    console.log(`  ${settlement.queueName} ${JSON.stringify(settlement.message)}: ${what}: ${error}`);
  }
  lastLine = Date.now();
}

const started = Date.now();
const stack = await startStack({
  ports: 'fixed',
  persist: true,
  https: true,
  addinMode: 'dev',
  onSyncProgress: showProgress,
  onQueueSettled: showSettled,
});
console.log('');
console.log(`  Crosswalk is running: open ${stack.previewUrl}`);
console.log('');
console.log(`  API ${stack.apiUrl} · Graph stand-in ${stack.graphBaseUrl} · token issuer ${stack.issuerBaseUrl} · queues (azurite) ${stack.queueEndpoint}`);
if (stack.httpsUrl) console.log(`  Add-in for sideloading (manifest/manifest.xml): ${stack.httpsUrl}/taskpane.html`);
console.log(`  Signed in as dana.reyes@housing.cascadia.gov. Ready in ${((Date.now() - started) / 1000).toFixed(1)} s; mining the demo tenant...`);

async function scheduleAndReport(): Promise<void> {
  mined = 0;
  const report = await stack.syncThroughQueue();
  const byStage = new Map<string, string[]>();
  for (const mailbox of report.mailboxes) byStage.set(mailbox.stage, [...(byStage.get(mailbox.stage) ?? []), mailbox.ownerEmail]);
  const problems = [...byStage].filter(([stage]) => stage !== 'idle').map(([stage, owners]) => `${stage}: ${owners.join(', ')}`);
  console.log(
    `  Mining done: ${report.schedule.enqueued.length} mailboxes queued, ${byStage.get('idle')?.length ?? 0} idle` +
      (problems.length ? `; ${problems.join('; ')} (see GET /api/manage/sync)` : '') +
      '. Press Ctrl+C to stop.',
  );
}

await scheduleAndReport();
let scheduling = false;
const timer = setInterval(() => {
  if (scheduling) return;
  scheduling = true;
  void scheduleAndReport()
    .catch((error: unknown) => console.error('  scheduling failed:', error instanceof Error ? error.message : error))
    .finally(() => {
      scheduling = false;
    });
}, SCHEDULE_EVERY_MS);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    console.log('\n  Saving data and stopping...');
    void stack.close().then(() => process.exit(0));
  });
}
