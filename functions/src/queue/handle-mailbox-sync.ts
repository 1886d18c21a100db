// The queue-triggered sync of one mailbox, for both hosts (app.storageQueue 'syncMailbox' and
// the local worker). Moves the mailbox through its stages; a temporary or unknown failure is
// rethrown so the queue retries it (and parks it after the last attempt, its error recorded
// here first); an auth failure is not rethrown: the mailbox waits in needs-reconnect for an
// admin. After a success it asks for a tenant enrichment (debounced, handle-tenant-enrich.ts),
// and sends the mailbox once more if a notification arrived while it ran (next-sync-stage.ts).
import { ensureSubscriptions } from '../notifications/ensure-subscriptions.ts';
import { describeSyncError } from '../sync/describe-sync-error.ts';
import { recordMailboxEvent } from '../sync/mailbox-sync-state.ts';
import { syncMailbox } from '../sync/sync-mailbox.ts';
import type { QueueDelivery } from './local-queue-worker.ts';
import { readClock, type QueueSyncServices } from './queue-sync-services.ts';
import { MAILBOX_SYNC_QUEUE, mailboxSyncMessageSchema, parseQueueMessage } from './sync-messages.ts';

export type MailboxSyncOutcome =
  | { outcome: 'synced'; ownerEmail: string; items: number }
  | { outcome: 'skipped' | 'needs-reconnect'; ownerEmail: string };

export async function handleMailboxSync(services: QueueSyncServices, rawMessage: unknown, delivery: QueueDelivery): Promise<MailboxSyncOutcome> {
  const message = parseQueueMessage(mailboxSyncMessageSchema, MAILBOX_SYNC_QUEUE, rawMessage);
  const clock = readClock(services);
  const mailbox = { tenantId: message.tenantId, ownerEmail: message.ownerEmail, userId: message.userId };
  const started = await recordMailboxEvent(services.syncStatus, mailbox, { type: 'started' }, { now: clock() });
  if (!started.transition.proceed) return { outcome: 'skipped', ownerEmail: mailbox.ownerEmail };
  let items: number;
  try {
    const directory = await services.repositories.organizations.listAll(mailbox.tenantId);
    const reports = await syncMailbox(services, mailbox, directory, services.mailboxOptions);
    items = reports.reduce((sum, report) => sum + report.items, 0);
  } catch (error) {
    const lastError = describeSyncError(error, clock());
    const retried = lastError.kind !== 'auth';
    const { transition } = await recordMailboxEvent(
      services.syncStatus,
      mailbox,
      { type: 'failed', kind: lastError.kind },
      { now: clock(), error: lastError, parked: retried && delivery.dequeueCount >= delivery.maxDequeueCount },
    );
    if (transition.proceed) throw error;
    return { outcome: 'needs-reconnect', ownerEmail: mailbox.ownerEmail };
  }
  const finished = await recordMailboxEvent(services.syncStatus, mailbox, { type: 'succeeded' }, { now: clock() });
  // A notification came while it ran, maybe about a change this run had already read past: once more.
  if (finished.transition.proceed) await services.queue.enqueueMailboxSync({ ...mailbox, reason: 'notification' });
  // Subscriptions are kept after each sync: the 15-minute schedule renews them long before
  // they lapse. A failure here costs only notifications (the schedule still syncs), so it is
  // logged, not thrown.
  if (services.subscriptionEndpoints) {
    await ensureSubscriptions(
      { graph: services.graph, subscriptions: services.repositories.subscriptions, endpoints: services.subscriptionEndpoints, now: clock },
      mailbox,
    ).catch((error: unknown) => console.warn(`[subscriptions] ${mailbox.ownerEmail}: ${error instanceof Error ? error.message : String(error)}`));
  }
  await services.queue.enqueueTenantEnrich(
    { tenantId: mailbox.tenantId, requestedAt: clock().toISOString() },
    { delaySeconds: services.enrichDelaySeconds ?? 0 },
  );
  return { outcome: 'synced', ownerEmail: mailbox.ownerEmail, items };
}
