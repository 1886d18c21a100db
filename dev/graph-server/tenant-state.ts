// The mutable, change-tracked view of a demo tenant that the Graph stand-in serves. Every
// folder and calendar keeps an append-only change log with sequence numbers, which is what
// delta tokens point into: the tenant's own items are changes 1..n (so a token stays valid
// after a restart with the same tenant); addMessage/removeMessage append further changes.
// The DemoTenant passed in is never mutated.
import type { DemoTenant, GraphEvent, GraphMessage, GraphUser, MailFolder } from '../tenant/tenant-types.ts';

export interface ChangeEntry<T> {
  seq: number;
  id: string;
  /** The item after the change; null when the change removed it. */
  item: T | null;
}

/** A change log plus the current items (by id) it adds up to. */
export interface ChangeLog<T> {
  entries: ChangeEntry<T>[];
  current: Map<string, T>;
}

export interface FolderState {
  folder: MailFolder;
  log: ChangeLog<GraphMessage>;
}

export interface MailboxState {
  user: GraphUser;
  folders: FolderState[];
  calendar: ChangeLog<GraphEvent>;
}

export interface TenantState {
  tenant: DemoTenant;
  mailboxes: MailboxState[];
  findMailbox(userIdOrUpn: string): MailboxState | undefined;
  findFolder(mailbox: MailboxState, folderIdOrWellKnownName: string): FolderState | undefined;
  addMessage(userIdOrUpn: string, folderIdOrWellKnownName: string, message: GraphMessage): GraphMessage;
  removeMessage(userIdOrUpn: string, messageId: string): void;
  moveMessage(userIdOrUpn: string, messageId: string, toFolderIdOrWellKnownName: string): GraphMessage;
  addEvent(userIdOrUpn: string, event: GraphEvent): void;
  removeEvent(userIdOrUpn: string, eventId: string): void;
}

function createLog<T extends { id: string }>(items: readonly T[]): ChangeLog<T> {
  const entries = items.map((item, index) => ({ seq: index + 1, id: item.id, item }));
  return { entries, current: new Map(items.map((item) => [item.id, item])) };
}

function appendChange<T>(log: ChangeLog<T>, id: string, item: T | null): void {
  const seq = (log.entries.at(-1)?.seq ?? 0) + 1;
  log.entries.push({ seq, id, item });
  if (item === null) log.current.delete(id);
  else log.current.set(id, item);
}

/** The latest sequence number of a log (its watermark). */
export function readWatermark<T>(log: ChangeLog<T>): number {
  return log.entries.at(-1)?.seq ?? 0;
}

/**
 * The net changes in (since, upto], one per item, in order of their last change.
 * From 0 (an initial sync) removals are left out: the client never had those items.
 */
export function collectChanges<T>(log: ChangeLog<T>, since: number, upto: number): ChangeEntry<T>[] {
  const latest = new Map<string, ChangeEntry<T>>();
  for (const entry of log.entries) {
    if (entry.seq <= since) continue;
    if (entry.seq > upto) break;
    latest.delete(entry.id);
    latest.set(entry.id, entry);
  }
  const changes = [...latest.values()];
  return since === 0 ? changes.filter((entry) => entry.item !== null) : changes;
}

/** Wraps a demo tenant for serving. */
export function createTenantState(tenant: DemoTenant): TenantState {
  const mailboxes: MailboxState[] = tenant.users.flatMap((user) => {
    const mailbox = tenant.mailboxes[user.id];
    if (!mailbox) return [];
    return [
      {
        user,
        folders: mailbox.folders.map((folder) => ({ folder, log: createLog(mailbox.messages[folder.id] ?? []) })),
        calendar: createLog(mailbox.events),
      },
    ];
  });

  const findMailbox = (userIdOrUpn: string): MailboxState | undefined => {
    const wanted = userIdOrUpn.toLowerCase();
    return mailboxes.find(
      (mailbox) => mailbox.user.id.toLowerCase() === wanted || mailbox.user.userPrincipalName.toLowerCase() === wanted || mailbox.user.mail.toLowerCase() === wanted,
    );
  };
  const requireMailbox = (userIdOrUpn: string): MailboxState => {
    const mailbox = findMailbox(userIdOrUpn);
    if (!mailbox) throw new Error(`graph server: no mailbox ${userIdOrUpn}`);
    return mailbox;
  };
  const findFolder = (mailbox: MailboxState, folderIdOrWellKnownName: string): FolderState | undefined => {
    const wanted = folderIdOrWellKnownName.toLowerCase();
    return mailbox.folders.find((state) => state.folder.id === folderIdOrWellKnownName || state.folder.wellKnownName === wanted);
  };
  const requireFolder = (mailbox: MailboxState, folderIdOrWellKnownName: string): FolderState => {
    const folder = findFolder(mailbox, folderIdOrWellKnownName);
    if (!folder) throw new Error(`graph server: ${mailbox.user.userPrincipalName} has no folder ${folderIdOrWellKnownName}`);
    return folder;
  };
  const addMessage = (userIdOrUpn: string, folderIdOrWellKnownName: string, message: GraphMessage): GraphMessage => {
    const folder = requireFolder(requireMailbox(userIdOrUpn), folderIdOrWellKnownName);
    const filed = { ...message, parentFolderId: folder.folder.id };
    appendChange(folder.log, filed.id, filed);
    return filed;
  };
  const removeMessage = (userIdOrUpn: string, messageId: string): void => {
    const folder = requireMailbox(userIdOrUpn).folders.find((state) => state.log.current.has(messageId));
    if (!folder) throw new Error(`graph server: ${userIdOrUpn} has no message ${messageId}`);
    appendChange(folder.log, messageId, null);
  };
  const moveMessage = (userIdOrUpn: string, messageId: string, toFolderIdOrWellKnownName: string): GraphMessage => {
    const mailbox = requireMailbox(userIdOrUpn);
    const from = mailbox.folders.find((state) => state.log.current.has(messageId));
    const message = from?.log.current.get(messageId);
    if (!from || !message) throw new Error(`graph server: ${userIdOrUpn} has no message ${messageId}`);
    const to = requireFolder(mailbox, toFolderIdOrWellKnownName);
    appendChange(from.log, messageId, null);
    // Exchange gives a moved item a new id (unless immutable ids are asked for).
    const moved = { ...message, id: `${message.id.slice(0, -3)}M${readWatermark(to.log) + 1}AAA`, parentFolderId: to.folder.id };
    appendChange(to.log, moved.id, moved);
    return moved;
  };
  const addEvent = (userIdOrUpn: string, event: GraphEvent): void => {
    appendChange(requireMailbox(userIdOrUpn).calendar, event.id, event);
  };
  const removeEvent = (userIdOrUpn: string, eventId: string): void => {
    const calendar = requireMailbox(userIdOrUpn).calendar;
    if (!calendar.current.has(eventId)) throw new Error(`graph server: ${userIdOrUpn} has no event ${eventId}`);
    appendChange(calendar, eventId, null);
  };
  return { tenant, mailboxes, findMailbox, findFolder, addMessage, removeMessage, moveMessage, addEvent, removeEvent };
}
