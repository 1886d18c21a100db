// The timer's work: read the tenant's directory (which also refreshes colleagues' profiles)
// and send one mailbox-sync message per connected mailbox whose owner has not opted out. A mailbox that needs reconnecting
// is left out until an admin resyncs it; one whose sync is already queued or running is left
// out too, unless that was so long ago that its message must have been lost.
import { readClock, type QueueSyncServices } from '../queue/queue-sync-services.ts';
import type { MailboxSyncMessage } from '../queue/sync-messages.ts';
import { recordMailboxEvent } from './mailbox-sync-state.ts';
import { syncDirectory } from './sync-directory.ts';

export interface ScheduleReport {
  enqueued: string[];
  /** Mailboxes not enqueued, with why. */
  skipped: { ownerEmail: string; stage: string }[];
}

export interface ScheduleOptions {
  reason?: MailboxSyncMessage['reason'];
  /** A pending or running sync younger than this is not enqueued again (default one hour). */
  busyForMs?: number;
}

const HOUR_MS = 3_600_000;

export async function scheduleMailboxSyncs(services: QueueSyncServices, tenantId: string, options: ScheduleOptions = {}): Promise<ScheduleReport> {
  const directory = await services.repositories.organizations.listAll(tenantId);
  const mailboxes = await syncDirectory(services, tenantId, directory);
  const states = new Map((await services.syncStatus.listMailboxes(tenantId)).map((state) => [state.ownerEmail, state]));
  const report: ScheduleReport = { enqueued: [], skipped: [] };
  const now = readClock(services)();
  for (const mailbox of mailboxes) {
    // An owner who opted out is not read at all (apply-interactions would store nothing anyway).
    if (await services.repositories.privacy?.readOptOut(tenantId, mailbox.ownerEmail)) {
      report.skipped.push({ ownerEmail: mailbox.ownerEmail, stage: 'opted-out' });
      continue;
    }
    const state = states.get(mailbox.ownerEmail);
    const busy =
      (state?.stage === 'pending' || state?.stage === 'running') &&
      now.getTime() - Date.parse(state.updatedAt) < (options.busyForMs ?? HOUR_MS);
    if (busy) {
      report.skipped.push({ ownerEmail: mailbox.ownerEmail, stage: state.stage });
      continue;
    }
    const reason = options.reason ?? 'schedule';
    const { transition } = await recordMailboxEvent(services.syncStatus, mailbox, { type: 'enqueued', reason }, { now });
    if (!transition.proceed) {
      report.skipped.push({ ownerEmail: mailbox.ownerEmail, stage: transition.stage });
      continue;
    }
    await services.queue.enqueueMailboxSync({ ...mailbox, reason });
    report.enqueued.push(mailbox.ownerEmail);
  }
  return report;
}
