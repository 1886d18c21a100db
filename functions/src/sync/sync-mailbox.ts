// Syncs one mailbox: its mail folders (all that hold correspondence, or a configured list) and
// its calendar, then rescores the owner's relationships if anything changed; and, when due (once
// a day), its address book — Outlook contacts and Graph people — for people's work facts.
import { mineEvent } from '../mining/mine-event.ts';
import { mineMessage } from '../mining/mine-message.ts';
import { EVENT_SELECT, MESSAGE_SELECT, type GraphEventMetadata, type GraphMessageMetadata } from '../mining/graph-shapes.ts';
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { listMailFolders, resolveWellKnownFolders } from '../graph/list-mail-folders.ts';
import { chooseMailFolders, NAMED_FOLDERS, NEVER_SYNCED_FOLDERS, type FolderToSync } from './choose-mail-folders.ts';
import { defaultAddressBookOptions, syncAddressBook, type AddressBookOptions } from './sync-address-book.ts';
import { enrichOwner } from './enrich-owner.ts';
import type { MailboxRef, SyncDependencies } from './sync-dependencies.ts';
import { syncResource, type ResourceReport } from './sync-resource.ts';

export interface MailboxSyncOptions {
  /** 'all' (every folder but NEVER_SYNCED_FOLDERS and skipFolders), or well-known names, ids or paths. */
  mailFolders: 'all' | readonly string[];
  /** More folders never to read (well-known names, ids or paths, lower case). */
  skipFolders?: readonly string[];
  /** Rescore the owner even when nothing changed (recency moves on with time). */
  rescore?: boolean;
  /** The calendar window, in days before and after now. */
  calendarPastDays: number;
  calendarFutureDays: number;
  /** Contacts and Graph people: which lists, how often (default: both, once a day). */
  addressBook?: AddressBookOptions;
}

export const defaultMailboxSyncOptions: MailboxSyncOptions = {
  mailFolders: 'all',
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
  for (const { resource, folder } of await findFoldersToSync(deps, mailbox, options)) {
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
  const changed = reports.some((report) => report.items > 0 || report.removed > 0 || report.fullResyncs > 0);
  if (changed || options.rescore) await enrichOwner(deps, mailbox);
  // After mail and meetings, so people first seen in this sync are known to the address book.
  for (const list of await syncAddressBook(deps, mailbox, options.addressBook ?? defaultAddressBookOptions)) {
    if (list.read) deps.onProgress?.({ mailbox: mailbox.ownerEmail, resource: list.resource, items: list.items, pages: list.pages, done: list.error === null });
  }
  return reports;
}

async function findFoldersToSync(deps: SyncDependencies, mailbox: MailboxRef, options: MailboxSyncOptions): Promise<FolderToSync[]> {
  const list = options.mailFolders;
  // A list of well-known names needs no discovery.
  if (list !== 'all' && list.every((name) => /^[a-z]+$/.test(name))) {
    return list.map((name) => ({ resource: `mail:${name}`, folder: name, path: name }));
  }
  const [folders, wellKnown] = await Promise.all([
    listMailFolders(deps.graph, mailbox.userId, { sleep: deps.sleep }),
    resolveWellKnownFolders(deps.graph, mailbox.userId, [...NAMED_FOLDERS, ...NEVER_SYNCED_FOLDERS], { sleep: deps.sleep }),
  ]);
  return chooseMailFolders(folders, wellKnown, { include: list, skip: options.skipFolders });
}
