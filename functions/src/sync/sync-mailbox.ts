// Syncs one mailbox: its mail folders and its calendar, then rescores the owner's relationships.
import { mineEvent } from '../mining/mine-event.ts';
import { mineMessage } from '../mining/mine-message.ts';
import { EVENT_SELECT, MESSAGE_SELECT, type GraphEventMetadata, type GraphMessageMetadata } from '../mining/graph-shapes.ts';
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { enrichOwner } from './enrich-owner.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';
import { syncResource, type ResourceReport } from './sync-resource.ts';

export interface MailboxSyncOptions {
  /** Graph well-known folder names or folder ids. */
  mailFolders: readonly string[];
  /** The calendar window, in days before and after now. */
  calendarPastDays: number;
  calendarFutureDays: number;
}

export const defaultMailboxSyncOptions: MailboxSyncOptions = {
  mailFolders: ['inbox', 'sentitems'],
  calendarPastDays: 180,
  calendarFutureDays: 60,
};

const DAY_MS = 86_400_000;

export async function syncMailbox(
  deps: SyncDependencies,
  mailbox: MailboxRef,
  directory: readonly OrganizationEntry[],
  options: MailboxSyncOptions = defaultMailboxSyncOptions,
): Promise<ResourceReport[]> {
  const user = encodeURIComponent(mailbox.userId);
  const reports: ResourceReport[] = [];
  for (const folder of options.mailFolders) {
    const resource = `mail:${folder}`;
    reports.push(
      await syncResource<GraphMessageMetadata>(
        deps,
        mailbox,
        {
          resource,
          initialUrl: `/users/${user}/mailFolders/${encodeURIComponent(folder)}/messages/delta?$select=${MESSAGE_SELECT.join(',')}`,
          mine: (message) => mineMessage(message, { ...mailbox, folder: resource }),
        },
        directory,
      ),
    );
  }
  const now = deps.now().getTime();
  const start = new Date(now - options.calendarPastDays * DAY_MS).toISOString();
  const end = new Date(now + options.calendarFutureDays * DAY_MS).toISOString();
  // calendarView/delta takes no $select; only EVENT_SELECT's fields are read from what comes back.
  void EVENT_SELECT;
  reports.push(
    await syncResource<GraphEventMetadata>(
      deps,
      mailbox,
      {
        resource: 'calendar',
        initialUrl: `/users/${user}/calendarView/delta?startDateTime=${start}&endDateTime=${end}`,
        mine: (event) => mineEvent(event, { ...mailbox, folder: 'calendar' }),
      },
      directory,
    ),
  );
  await enrichOwner(deps, mailbox);
  return reports;
}
