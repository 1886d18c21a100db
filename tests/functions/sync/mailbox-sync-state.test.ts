// Mailbox states on the Cosmos stand-in under racing writers: duplicate notifications coalesce
// into one message, and a notification racing a finishing sync is never lost, whichever lands
// first (the writes are ETag-conditional).
import { openCosmosStore, type CosmosStore } from '../../../functions/src/store/cosmos-store.ts';
import { createSyncStatusRepository, type SyncStatusRepository } from '../../../functions/src/store/sync-state-repository.ts';
import { recordMailboxEvent } from '../../../functions/src/sync/mailbox-sync-state.ts';
import { startCosmosStandIn } from '../../../dev/cosmos-server.ts';
import { ensureLocalCertificate } from '../../../dev/local-ca.ts';

let cosmos: Awaited<ReturnType<typeof startCosmosStandIn>>;
let store: CosmosStore;
let syncStatus: SyncStatusRepository;
const now = new Date('2026-03-02T10:00:00Z');
const tenantId = 'tenant-races';

beforeAll(async () => {
  cosmos = await startCosmosStandIn({ port: 0, tls: await ensureLocalCertificate() });
  store = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId: 'sync-state-test' });
  syncStatus = createSyncStatusRepository(store);
});
afterAll(async () => {
  store?.close();
  await cosmos?.close();
});

const mailbox = (n: number) => ({ tenantId, ownerEmail: `owner${n}@example.gov`, userId: `user-${n}` });
const notify = (n: number) => recordMailboxEvent(syncStatus, mailbox(n), { type: 'enqueued', reason: 'notification' }, { now });

it('sends one message for five notifications arriving at once', async () => {
  const results = await Promise.all([1, 2, 3, 4, 5].map(() => notify(1)));
  expect(results.filter((r) => r.transition.proceed)).toHaveLength(1);
  expect(await syncStatus.readMailbox(tenantId, mailbox(1).ownerEmail)).toMatchObject({ stage: 'pending', rerun: false, stageSince: now.toISOString() });
});

it('never loses a notification that races a finishing sync: exactly one of the two sends the next message', async () => {
  const owners = Array.from({ length: 12 }, (_, i) => 100 + i);
  for (const n of owners) {
    await notify(n);
    await recordMailboxEvent(syncStatus, mailbox(n), { type: 'started' }, { now });
  }
  const outcomes = await Promise.all(
    owners.map(async (n) => {
      const [finished, notified] = await Promise.all([recordMailboxEvent(syncStatus, mailbox(n), { type: 'succeeded' }, { now }), notify(n)]);
      return { finished: finished.transition.proceed, notified: notified.transition.proceed };
    }),
  );
  for (const outcome of outcomes) expect(Number(outcome.finished) + Number(outcome.notified)).toBe(1);
  for (const state of (await syncStatus.listMailboxes(tenantId)).filter((s) => owners.some((n) => s.ownerEmail === mailbox(n).ownerEmail))) {
    expect(state).toMatchObject({ stage: 'pending', rerun: false });
  }
});

it('sends a pending mailbox again once its stage has gone stale (its message was lost)', async () => {
  expect((await notify(200)).transition.proceed).toBe(true);
  expect((await notify(200)).transition.proceed).toBe(false);
  const later = new Date(now.getTime() + 2 * 3_600_000);
  const again = await recordMailboxEvent(syncStatus, mailbox(200), { type: 'enqueued', reason: 'schedule' }, { now: later });
  expect(again.transition.proceed).toBe(true);
  expect(again.state).toMatchObject({ stage: 'pending', stageSince: later.toISOString() });
});
