// Moves one mailbox's persisted state through the state machine (next-sync-stage.ts): reads
// its document, applies the event, writes what changed. The one place that writes mailbox states.
import type { SyncError } from '../../../shared/api/routes.ts';
import type { MailboxSyncState, SyncStatusRepository } from '../store/sync-state-repository.ts';
import { nextSyncStage, type StageTransition, type SyncEvent } from './next-sync-stage.ts';
import type { MailboxRef } from './sync-dependencies.ts';

export interface MailboxEventDetails {
  now: Date;
  /** The error of a failed event. */
  error?: SyncError;
  /** The failed attempt was the last one: the message is being parked in the poison queue. */
  parked?: boolean;
}

export function initialMailboxState(mailbox: MailboxRef, now: Date): Omit<MailboxSyncState, 'id' | 'docType'> {
  return {
    tenantId: mailbox.tenantId,
    ownerEmail: mailbox.ownerEmail,
    userId: mailbox.userId,
    stage: 'idle',
    lastSuccessAt: null,
    failureCount: 0,
    lastError: null,
    parkedAt: null,
    updatedAt: now.toISOString(),
  };
}

export async function recordMailboxEvent(
  syncStatus: SyncStatusRepository,
  mailbox: MailboxRef,
  event: SyncEvent,
  details: MailboxEventDetails,
): Promise<{ transition: StageTransition; state: Omit<MailboxSyncState, 'id' | 'docType'> }> {
  const stored = await syncStatus.readMailbox(mailbox.tenantId, mailbox.ownerEmail);
  const current = stored ?? initialMailboxState(mailbox, details.now);
  const transition = nextSyncStage(current, event);
  const at = details.now.toISOString();
  const state: Omit<MailboxSyncState, 'id' | 'docType'> = {
    tenantId: current.tenantId,
    ownerEmail: current.ownerEmail,
    userId: mailbox.userId,
    stage: transition.stage,
    failureCount: transition.failureCount,
    lastSuccessAt: event.type === 'succeeded' ? at : current.lastSuccessAt,
    // The last error stays visible until a success clears it, so an admin sees why it failed.
    lastError: event.type === 'succeeded' ? null : (details.error ?? current.lastError),
    parkedAt: event.type === 'succeeded' ? null : details.parked ? at : current.parkedAt,
    lastParkedError: details.parked ? (details.error ?? null) : (current.lastParkedError ?? null),
    updatedAt: at,
  };
  await syncStatus.saveMailbox(state);
  return { transition, state };
}
