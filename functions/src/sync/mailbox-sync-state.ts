// Moves one mailbox's persisted state through the state machine (next-sync-stage.ts): reads
// its document, applies the event, writes what changed, conditionally on nobody having written
// in between (a notification and a finishing sync may race). The one place that writes
// mailbox states.
import type { SyncError } from '../../../shared/api/routes.ts';
import type { MailboxStateFields, SyncStatusRepository } from '../store/sync-state-repository.ts';
import { nextSyncStage, type StageTransition, type SyncEvent } from './next-sync-stage.ts';
import type { MailboxRef } from './sync-dependencies.ts';

/** A pending or running stage older than this is presumed lost and is sent again (default). */
export const DEFAULT_BUSY_FOR_MS = 3_600_000;

export interface MailboxEventDetails {
  now: Date;
  /** The error of a failed event. */
  error?: SyncError;
  /** The failed attempt was the last one: the message is being parked in the poison queue. */
  parked?: boolean;
  /** enqueued: how long a pending or running stage may last before it is presumed lost. */
  busyForMs?: number;
}

export function initialMailboxState(mailbox: MailboxRef, now: Date): MailboxStateFields {
  return {
    tenantId: mailbox.tenantId,
    ownerEmail: mailbox.ownerEmail,
    userId: mailbox.userId,
    stage: 'idle',
    stageSince: now.toISOString(),
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
): Promise<{ transition: StageTransition; state: MailboxStateFields }> {
  const at = details.now.toISOString();
  let transition: StageTransition | undefined;
  const written = await syncStatus.updateMailbox(mailbox.tenantId, mailbox.ownerEmail, (stored) => {
    const current = stored ?? initialMailboxState(mailbox, details.now);
    const stageSince = current.stageSince ?? current.updatedAt;
    const stale = details.now.getTime() - Date.parse(stageSince) >= (details.busyForMs ?? DEFAULT_BUSY_FOR_MS);
    transition = nextSyncStage(current, event.type === 'enqueued' ? { ...event, stale } : event);
    const rerun = transition.rerun === true;
    // A request that changes nothing (coalesced into a pending sync) writes nothing.
    const unchanged =
      transition.stage === current.stage &&
      rerun === (current.rerun === true) &&
      transition.failureCount === current.failureCount &&
      (mailbox.shared === undefined || mailbox.shared === (current.shared === true));
    if (stored && event.type === 'enqueued' && !transition.proceed && unchanged) return null;
    // The stage's clock restarts when it changes, when a run starts, and when a message is (re)sent.
    const restarted = transition.stage !== current.stage || event.type === 'started' || (event.type === 'enqueued' && transition.proceed && transition.stage === 'pending');
    return {
      tenantId: current.tenantId,
      ownerEmail: current.ownerEmail,
      userId: mailbox.userId,
      // Only the directory knows; a notification or a resync leaves what it last said.
      ...(mailbox.shared !== undefined ? { shared: mailbox.shared } : current.shared !== undefined ? { shared: current.shared } : {}),
      stage: transition.stage,
      stageSince: restarted ? at : stageSince,
      rerun,
      failureCount: transition.failureCount,
      lastSuccessAt: event.type === 'succeeded' ? at : current.lastSuccessAt,
      // The last error stays visible until a success clears it, so an admin sees why it failed.
      lastError: event.type === 'succeeded' ? null : (details.error ?? current.lastError),
      parkedAt: event.type === 'succeeded' ? null : details.parked ? at : current.parkedAt,
      lastParkedError: details.parked ? (details.error ?? null) : (current.lastParkedError ?? null),
      updatedAt: at,
    };
  });
  return { transition: transition!, state: written ?? initialMailboxState(mailbox, details.now) };
}
