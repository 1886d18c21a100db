// The sync state machine, one row per (stage, event): where a mailbox goes, whether the
// message is sent / the sync runs / the queue retries, and what happens to the failure count.
import type { SyncStage } from '../../../shared/api/routes.ts';
import { nextSyncStage, type SyncEvent } from '../../../functions/src/sync/next-sync-stage.ts';

const schedule: SyncEvent = { type: 'enqueued', reason: 'schedule' };
const notification: SyncEvent = { type: 'enqueued', reason: 'notification' };
const resync: SyncEvent = { type: 'enqueued', reason: 'resync' };
const started: SyncEvent = { type: 'started' };
const succeeded: SyncEvent = { type: 'succeeded' };
const failed = (kind: 'temporary' | 'auth' | 'bad-cursor' | 'unknown'): SyncEvent => ({ type: 'failed', kind });

const table: [from: SyncStage, failures: number, event: SyncEvent, to: SyncStage, failuresAfter: number, proceed: boolean][] = [
  ['idle', 0, schedule, 'pending', 0, true],
  ['failed', 2, schedule, 'pending', 2, true],
  ['needs-reconnect', 1, schedule, 'needs-reconnect', 1, false],
  ['needs-reconnect', 1, notification, 'needs-reconnect', 1, false],
  ['needs-reconnect', 1, resync, 'pending', 1, true],
  ['pending', 0, started, 'running', 0, true],
  ['failed', 3, started, 'running', 3, true],
  ['needs-reconnect', 1, started, 'needs-reconnect', 1, false],
  ['running', 3, succeeded, 'idle', 0, true],
  ['running', 0, failed('temporary'), 'failed', 1, true],
  ['running', 4, failed('unknown'), 'failed', 5, true],
  ['running', 0, failed('bad-cursor'), 'failed', 1, true],
  ['running', 0, failed('auth'), 'needs-reconnect', 1, false],
];

it.each(table)('%s (failures %i) + %o → %s (failures %i), proceed %s', (from, failures, event, to, failuresAfter, proceed) => {
  expect(nextSyncStage({ stage: from, failureCount: failures }, event)).toEqual({ stage: to, failureCount: failuresAfter, proceed });
});
