// Moves the mailbox syncs the queue gave up on from the poison queue into the store. A queue
// can be looked at only 32 messages at a time (peek, or receive which hides what it reads), so
// an admin could never see a long list of parked syncs there; in the store they are listed
// page by page (GET /api/manage/sync/poison). Each message is written before it is deleted and
// written under its message id, so a crash in between only writes it again. Only the given
// tenant's messages are moved (an admin's request touches nothing of another tenant); the
// others, and any that names no mailbox (for an operator with storage tools), stay in the
// poison queue, hidden while the call lasts so it ends, then visible again.
import type { MailboxStateFields, SyncStatusRepository } from '../store/sync-state-repository.ts';
import { mailboxSyncMessageSchema } from './sync-messages.ts';
import type { ParkedMessage, SyncQueue } from './sync-queue.ts';

/** Long enough to archive a large poison queue in one go; a crash leaves messages hidden this long. */
const HIDE_FOR_SECONDS = 120;
/** An upper bound per call, so one admin request never runs away; the rest follow on the next. */
const DEFAULT_MAX_MESSAGES = 2000;

export interface ArchiveParkedDeps {
  queue: Pick<SyncQueue, 'receiveParkedMailboxSyncs' | 'deleteParkedMailboxSync' | 'releaseParkedMailboxSync'>;
  syncStatus: SyncStatusRepository;
  clock: () => Date;
}

export async function archiveParkedMessages(
  deps: ArchiveParkedDeps,
  options: { tenantId: string; maxMessages?: number },
): Promise<{ archived: number; left: number }> {
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  const left = new Map<string, ParkedMessage>();
  const states = new Map<string, Promise<MailboxStateFields | null>>();
  let archived = 0;
  try {
    while (archived + left.size < maxMessages) {
      const received = await deps.queue.receiveParkedMailboxSyncs({ hideForSeconds: HIDE_FOR_SECONDS });
      if (received.length === 0) break;
      for (const item of received) {
        const message = mailboxSyncMessageSchema.safeParse(item.body);
        if (!message.success || message.data.tenantId !== options.tenantId) {
          left.set(item.messageId, item);
          continue;
        }
        const { tenantId, ownerEmail, userId, reason } = message.data;
        const key = `${tenantId}|${ownerEmail}`;
        if (!states.has(key)) states.set(key, deps.syncStatus.readMailbox(tenantId, ownerEmail));
        const state = await states.get(key);
        await deps.syncStatus.saveParked({
          tenantId,
          messageId: item.messageId,
          insertedOn: item.insertedOn,
          archivedAt: deps.clock().toISOString(),
          ownerEmail,
          userId,
          reason,
          error: state?.lastParkedError ?? state?.lastError ?? null,
        });
        await deps.queue.deleteParkedMailboxSync(item);
        archived += 1;
      }
    }
  } finally {
    for (const item of left.values()) await deps.queue.releaseParkedMailboxSync(item).catch(() => undefined);
  }
  return { archived, left: left.size };
}
