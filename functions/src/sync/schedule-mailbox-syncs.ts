// The timer's work: read the tenant's directory (which also refreshes colleagues' profiles)
// and send one mailbox-sync message per connected mailbox whose owner has not opted out. A
// mailbox that needs reconnecting is left out until an admin resyncs it; one whose sync is
// already queued or running is left out too, unless that was so long ago that its message must
// have been lost (the state machine decides: next-sync-stage.ts).
import { readClock, type QueueSyncServices } from '../queue/queue-sync-services.ts';
import type { MailboxSyncMessage } from '../queue/sync-messages.ts';
import { enqueueMailboxSync } from '../queue/enqueue-mailbox-sync.ts';
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

export async function scheduleMailboxSyncs(services: QueueSyncServices, tenantId: string, options: ScheduleOptions = {}): Promise<ScheduleReport> {
  const directory = await services.repositories.organizations.listAll(tenantId);
  const mailboxes = await syncDirectory(services, tenantId, directory, { sharedMailboxes: services.sharedMailboxes });
  const report: ScheduleReport = { enqueued: [], skipped: [] };
  const now = readClock(services)();
  const reason = options.reason ?? 'schedule';
  for (const mailbox of mailboxes) {
    // An owner who opted out is not read at all (apply-interactions would store nothing anyway).
    if (await services.repositories.privacy?.readOptOut(tenantId, mailbox.ownerEmail)) {
      report.skipped.push({ ownerEmail: mailbox.ownerEmail, stage: 'opted-out' });
      continue;
    }
    const sent = await enqueueMailboxSync(services, mailbox, reason, { now, busyForMs: options.busyForMs });
    if (sent.enqueued) report.enqueued.push(mailbox.ownerEmail);
    else report.skipped.push({ ownerEmail: mailbox.ownerEmail, stage: sent.stage });
  }
  return report;
}
