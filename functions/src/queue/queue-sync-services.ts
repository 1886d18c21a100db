// What the queue-triggered handlers and the scheduler need: the sync's own dependencies, the
// mailbox state store and the queues. Built by create-services.ts in Azure, by dev/stack.ts locally.
import type { SyncStatusRepository } from '../store/sync-state-repository.ts';
import type { SyncDependencies } from '../sync/sync-dependencies.ts';
import type { MailboxSyncOptions } from '../sync/sync-mailbox.ts';
import type { SubscriptionEndpoints } from '../notifications/ensure-subscriptions.ts';
import type { SyncQueue } from './sync-queue.ts';

export interface QueueSyncServices extends SyncDependencies {
  syncStatus: SyncStatusRepository;
  queue: Pick<SyncQueue, 'enqueueMailboxSync' | 'enqueueTenantEnrich'>;
  /**
   * Real time, for the mailbox states and for ordering enrichment requests; `now` is the mining
   * clock (relationship recency), a scenario's fixed time locally. Defaults to the system clock.
   */
  clock?: () => Date;
  /** How long a tenant-enrich message waits, so mailboxes finishing together enrich once. */
  enrichDelaySeconds?: number;
  mailboxOptions?: MailboxSyncOptions;
  /** Where Graph should post change notifications; without it no subscriptions are kept. */
  subscriptionEndpoints?: SubscriptionEndpoints;
  /** CROSSWALK_SHARED_MAILBOXES: shared mailboxes the directory does not show as such (sync-directory.ts). */
  sharedMailboxes?: readonly string[];
}

export function readClock(services: Pick<QueueSyncServices, 'clock'>): () => Date {
  return services.clock ?? (() => new Date());
}
