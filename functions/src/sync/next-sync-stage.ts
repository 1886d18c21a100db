// The sync state machine, pure: where a mailbox (or one of its resources) goes on each event.
// Failures follow the Graph error buckets: temporary and unknown failures are retried by the
// queue (and parked in the poison queue after too many), auth failures wait for an admin to
// reconnect the mailbox, a bad cursor is handled inside the sync by starting over (if one
// still escapes, it is retried like a temporary failure).
// Requests to sync coalesce: a mailbox already pending has a message in the queue that will
// read every change, so nothing more is sent; a running sync may already be past a change a
// notification reports, so the mailbox is flagged to run once more when it finishes, and its
// stage stays `running`. A pending or running stage older than any sync takes is presumed lost
// (its message or process died) and is sent again.
import type { SyncFailureKind, SyncStage } from '../../../shared/api/routes.ts';

export interface StageState {
  stage: SyncStage;
  failureCount: number;
  /** Mailboxes only: a notification came while the sync ran; run once more when it finishes. */
  rerun?: boolean;
}

export type EnqueueReason = 'schedule' | 'resync' | 'notification';

export type SyncEvent =
  | {
      type: 'enqueued';
      reason: EnqueueReason;
      /** The current pending or running stage is older than any sync takes: its message or run is presumed lost. */
      stale?: boolean;
    }
  | { type: 'started' }
  | { type: 'succeeded' }
  | { type: 'failed'; kind: SyncFailureKind };

export interface StageTransition extends StageState {
  /**
   * enqueued: whether to send a message; started: whether to run the sync; failed: whether the
   * queue should retry; succeeded: whether to send a follow-up message (rerun was asked for).
   */
  proceed: boolean;
}

export function nextSyncStage(current: StageState, event: SyncEvent): StageTransition {
  const { stage, failureCount } = current;
  const rerun = current.rerun === true;
  const keep = (proceed: boolean, asked = rerun): StageTransition => ({ stage, failureCount, ...(asked ? { rerun: true } : {}), proceed });
  switch (event.type) {
    case 'enqueued': {
      // A mailbox that needs reconnecting waits for an admin; only a resync sends it again.
      if (stage === 'needs-reconnect') return event.reason === 'resync' ? { stage: 'pending', failureCount, proceed: true } : keep(false);
      const busy = (stage === 'pending' || stage === 'running') && !event.stale;
      if (!busy) return { stage: 'pending', failureCount, proceed: true };
      // An admin's resync is always sent (it is also how a stuck mailbox is pushed again); a
      // running mailbox says running until the new message starts.
      if (event.reason === 'resync') return keep(true);
      // Pending: the queued message will read this change too. Running: maybe not, so once more after.
      return keep(false, rerun || (stage === 'running' && event.reason === 'notification'));
    }
    case 'started':
      // A message sent before the mailbox lost its consent is dropped, not run against Graph.
      if (stage === 'needs-reconnect') return keep(false);
      // This run reads every change made until now: an earlier rerun request is covered.
      return { stage: 'running', failureCount, proceed: true };
    case 'succeeded':
      if (rerun) return { stage: 'pending', failureCount: 0, proceed: true };
      return { stage: 'idle', failureCount: 0, proceed: false };
    case 'failed':
      // A rerun request is dropped: the queue's retry (or the next schedule) reads everything.
      if (event.kind === 'auth') return { stage: 'needs-reconnect', failureCount: failureCount + 1, proceed: false };
      return { stage: 'failed', failureCount: failureCount + 1, proceed: true };
  }
}
