// Every request to sync a mailbox (the schedule, a notification, an admin's resync, a rerun)
// goes through here: the state machine decides (next-sync-stage.ts), the mailbox is marked
// pending before its message is sent, and a request that a queued or running sync already
// covers sends nothing. Marked first, so a worker that picks the message up at once finds the
// mailbox pending, never the other way round; a message lost after the mark leaves a pending
// stage that goes stale and is sent again.
import type { StageState } from '../sync/next-sync-stage.ts';
import { recordMailboxEvent } from '../sync/mailbox-sync-state.ts';
import type { MailboxRef } from '../sync/sync-dependencies.ts';
import type { SyncStatusRepository } from '../store/sync-state-repository.ts';
import type { MailboxSyncMessage } from './sync-messages.ts';
import type { SyncQueue } from './sync-queue.ts';

export interface EnqueueServices {
  syncStatus: SyncStatusRepository;
  queue: Pick<SyncQueue, 'enqueueMailboxSync'>;
}

export interface EnqueueResult {
  /** Whether a message was sent. */
  enqueued: boolean;
  /** The mailbox's stage afterwards. */
  stage: StageState['stage'];
  /** A running sync was asked to run once more when it finishes. */
  rerun: boolean;
}

export async function enqueueMailboxSync(
  services: EnqueueServices,
  mailbox: MailboxRef,
  reason: MailboxSyncMessage['reason'],
  options: { now: Date; busyForMs?: number },
): Promise<EnqueueResult> {
  const { transition, state } = await recordMailboxEvent(services.syncStatus, mailbox, { type: 'enqueued', reason }, options);
  if (transition.proceed) {
    await services.queue.enqueueMailboxSync({ tenantId: mailbox.tenantId, ownerEmail: mailbox.ownerEmail, userId: mailbox.userId, reason });
  }
  return { enqueued: transition.proceed, stage: state.stage, rerun: state.rerun === true };
}
