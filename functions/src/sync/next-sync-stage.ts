// The sync state machine, pure: where a mailbox (or one of its resources) goes on each event.
// Failures follow the Graph error buckets: temporary and unknown failures are retried by the
// queue (and parked in the poison queue after too many), auth failures wait for an admin to
// reconnect the mailbox, a bad cursor is handled inside the sync by starting over (if one
// still escapes, it is retried like a temporary failure).
import type { SyncFailureKind, SyncStage } from '../../../shared/api/routes.ts';

export interface StageState {
  stage: SyncStage;
  failureCount: number;
}

export type SyncEvent =
  | { type: 'enqueued'; reason: 'schedule' | 'resync' | 'notification' }
  | { type: 'started' }
  | { type: 'succeeded' }
  | { type: 'failed'; kind: SyncFailureKind };

export interface StageTransition extends StageState {
  /** enqueued: whether to send the message; started: whether to run the sync; failed: whether the queue should retry. */
  proceed: boolean;
}

export function nextSyncStage(current: StageState, event: SyncEvent): StageTransition {
  switch (event.type) {
    case 'enqueued':
      // A mailbox that needs reconnecting waits for an admin; only a resync sends it again.
      if (current.stage === 'needs-reconnect' && event.reason !== 'resync') return { ...current, proceed: false };
      return { stage: 'pending', failureCount: current.failureCount, proceed: true };
    case 'started':
      // A message sent before the mailbox lost its consent is dropped, not run against Graph.
      if (current.stage === 'needs-reconnect') return { ...current, proceed: false };
      return { stage: 'running', failureCount: current.failureCount, proceed: true };
    case 'succeeded':
      return { stage: 'idle', failureCount: 0, proceed: true };
    case 'failed':
      if (event.kind === 'auth') return { stage: 'needs-reconnect', failureCount: current.failureCount + 1, proceed: false };
      return { stage: 'failed', failureCount: current.failureCount + 1, proceed: true };
  }
}
