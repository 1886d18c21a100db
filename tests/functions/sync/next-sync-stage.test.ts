// The sync state machine, one row per (stage, event): where a mailbox goes, whether the
// message is sent / the sync runs / the queue retries / a follow-up is sent, what happens to
// the failure count, and when a notification asks a running sync to run once more.
import type { SyncStage } from '../../../shared/api/routes.ts';
import { nextSyncStage, type StageState, type SyncEvent } from '../../../functions/src/sync/next-sync-stage.ts';

const schedule: SyncEvent = { type: 'enqueued', reason: 'schedule' };
const notification: SyncEvent = { type: 'enqueued', reason: 'notification' };
const resync: SyncEvent = { type: 'enqueued', reason: 'resync' };
const stale = (event: SyncEvent): SyncEvent => ({ ...event, stale: true }) as SyncEvent;
const started: SyncEvent = { type: 'started' };
const succeeded: SyncEvent = { type: 'succeeded' };
const failed = (kind: 'temporary' | 'auth' | 'bad-cursor' | 'unknown'): SyncEvent => ({ type: 'failed', kind });

type Row = [from: SyncStage, failures: number, rerun: boolean, event: SyncEvent, to: SyncStage, failuresAfter: number, rerunAfter: boolean, proceed: boolean];
const table: Row[] = [
  ['idle', 0, false, schedule, 'pending', 0, false, true],
  ['idle', 0, false, notification, 'pending', 0, false, true],
  ['failed', 2, false, schedule, 'pending', 2, false, true],
  ['failed', 2, false, notification, 'pending', 2, false, true],
  ['needs-reconnect', 1, false, schedule, 'needs-reconnect', 1, false, false],
  ['needs-reconnect', 1, false, notification, 'needs-reconnect', 1, false, false],
  ['needs-reconnect', 1, false, resync, 'pending', 1, false, true],
  // Coalescing: a queued sync covers any change; a running one may have read past it.
  ['pending', 0, false, notification, 'pending', 0, false, false],
  ['pending', 0, false, schedule, 'pending', 0, false, false],
  ['pending', 0, false, resync, 'pending', 0, false, true],
  ['running', 0, false, notification, 'running', 0, true, false],
  ['running', 0, true, notification, 'running', 0, true, false],
  ['running', 0, false, schedule, 'running', 0, false, false],
  ['running', 0, false, resync, 'running', 0, false, true],
  // A pending or running stage gone stale is presumed lost: sent again.
  ['pending', 0, false, stale(notification), 'pending', 0, false, true],
  ['running', 1, true, stale(schedule), 'pending', 1, false, true],
  ['pending', 0, false, started, 'running', 0, false, true],
  ['running', 0, true, started, 'running', 0, false, true],
  ['failed', 3, false, started, 'running', 3, false, true],
  ['needs-reconnect', 1, false, started, 'needs-reconnect', 1, false, false],
  ['running', 3, false, succeeded, 'idle', 0, false, false],
  ['running', 0, true, succeeded, 'pending', 0, false, true],
  ['running', 0, false, failed('temporary'), 'failed', 1, false, true],
  ['running', 0, true, failed('temporary'), 'failed', 1, false, true],
  ['running', 4, false, failed('unknown'), 'failed', 5, false, true],
  ['running', 0, false, failed('bad-cursor'), 'failed', 1, false, true],
  ['running', 0, true, failed('auth'), 'needs-reconnect', 1, false, false],
];

it.each(table)('%s (failures %i, rerun %s) + %o → %s (failures %i, rerun %s), proceed %s', (from, failures, rerun, event, to, failuresAfter, rerunAfter, proceed) => {
  const current: StageState = { stage: from, failureCount: failures, ...(rerun ? { rerun } : {}) };
  const next = nextSyncStage(current, event);
  expect({ stage: next.stage, failureCount: next.failureCount, rerun: next.rerun === true, proceed: next.proceed }).toEqual({
    stage: to,
    failureCount: failuresAfter,
    rerun: rerunAfter,
    proceed,
  });
});
