// What the sync administration routes need beyond ApiServices: the mailbox states and the
// queue to resend mailboxes on. Optional in ApiServices, so hosts without a queue still serve
// every other route; these routes then answer 503.
import { AppError } from '../errors/app-error.ts';
import type { SyncQueue } from '../queue/sync-queue.ts';
import type { SyncStatusRepository } from '../store/sync-state-repository.ts';
import type { ApiServices } from './api-services.ts';

export interface SyncAdminServices {
  syncStatus: SyncStatusRepository;
  queue: Pick<SyncQueue, 'enqueueMailboxSync' | 'receiveParkedMailboxSyncs' | 'deleteParkedMailboxSync' | 'releaseParkedMailboxSync'>;
  /** Wall clock for the states' timestamps (defaults to the system clock). */
  clock?: () => Date;
}

export function requireSyncAdmin(services: ApiServices): SyncAdminServices {
  if (!services.syncAdmin) throw new AppError('unavailable', 'sync administration is not configured here (no queue connection)');
  return services.syncAdmin;
}
