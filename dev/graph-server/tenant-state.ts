// The mutable, change-tracked view of a demo tenant that the Graph stand-in serves. Every
// folder and calendar keeps an append-only change log with sequence numbers, which is what
// delta tokens point into: the tenant's own items are changes 1..n (so a token stays valid
// after a restart with the same tenant); addMessage/updateMessage/removeMessage/moveMessage and
// addEvent/updateEvent/removeEvent append further changes. Each mailbox also has an address
// book — Outlook contacts and a Graph people list — derived from the tenant
// (dev/tenant/build-address-books.ts) unless given; addContact/updateContact/removeContact change
// the contacts (no change log: Crosswalk reads contacts as a whole list, see docs/MINING.md).
// The DemoTenant passed in is never mutated.
import { deriveAddressBooks } from '../tenant/build-address-books.ts';
import type { AddressBook, DemoTenant, GraphContact, GraphEvent, GraphMessage, GraphPerson, GraphUser, MailFolder } from '../tenant/tenant-types.ts';

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
  /** The default Contacts folder, by contact id, in insertion order. */
  contacts: Map<string, GraphContact>;
  /** The Graph people list, most relevant first. */
  people: GraphPerson[];
}

/** What a change did, for change notifications: which mailbox, which item, created / updated / deleted. */
export interface StateChange {
  userId: string;
  kind: 'message' | 'event';
  changeType: 'created' | 'updated' | 'deleted';
  id: string;
  /** The message's folder (messages only). */
  folderId?: string;
  /** The item after the change (null for deleted). */
  item: GraphMessage | GraphEvent | null;
}

/** Fields of a message that updateMessage may change (ids and the folder are not among them: use moveMessage). */
export type MessagePatch = Partial<Omit<GraphMessage, 'id' | 'parentFolderId' | 'internetMessageId'>>;
/** Fields of a contact that updateContact may change (not its id). */
export type ContactPatch = Partial<Omit<GraphContact, 'id'>>;

/** Fields of an event that updateEvent may change (reschedule: start/end; cancel: isCancelled; attendees). */
export type EventPatch = Partial<Omit<GraphEvent, 'id' | 'iCalUId' | 'seriesMasterId'>>;

export interface MoveMessageOptions {
  /** Keep the id, as Graph does when the client asks for immutable ids (Prefer: IdType="ImmutableId"). Default false: a new id, like Exchange. */
  keepId?: boolean;
}

export interface TenantState {
  tenant: DemoTenant;
  mailboxes: MailboxState[];
  findMailbox(userIdOrUpn: string): MailboxState | undefined;
  findFolder(mailbox: MailboxState, folderIdOrWellKnownName: string): FolderState | undefined;
  addMessage(userIdOrUpn: string, folderIdOrWellKnownName: string, message: GraphMessage): GraphMessage;
  removeMessage(userIdOrUpn: string, messageId: string): void;
  moveMessage(userIdOrUpn: string, messageId: string, toFolderIdOrWellKnownName: string, options?: MoveMessageOptions): GraphMessage;
  addEvent(userIdOrUpn: string, event: GraphEvent): void;
  removeEvent(userIdOrUpn: string, eventId: string): void;
  /** Changes a message in place (same id, same folder); it comes back in the folder's next delta round. */
  updateMessage(userIdOrUpn: string, messageId: string, patch: MessagePatch): GraphMessage;
  /** Changes an event (reschedule, cancel, attendees); it comes back in the next calendarView delta round. */
  updateEvent(userIdOrUpn: string, eventId: string, patch: EventPatch): GraphEvent;
  /** Adds a contact to the mailbox's Contacts folder. */
  addContact(userIdOrUpn: string, contact: GraphContact): void;
  /** Changes a contact (e.g. { jobTitle }); lastModifiedDateTime is stamped. Returns the new version. */
  updateContact(userIdOrUpn: string, contactId: string, patch: ContactPatch): GraphContact;
  removeContact(userIdOrUpn: string, contactId: string): void;
  /**
   * Adds a directory user with an empty mailbox (Inbox, Sent Items, Archive, Deleted Items unless
   * folders are given), served from now on, e.g. a shared mailbox (`accountEnabled: false`). The
   * tenant passed in stays unchanged: `tenant.users` here is the state's own list.
   */
  addUser(user: GraphUser, options?: { folders?: MailFolder[] }): MailboxState;
  /** The folders whose parent is the given folder (null: the top-level folders). */
  listChildFolders(mailbox: MailboxState, parentFolderId: string | null): FolderState[];
  /** Called after every change made through the helpers above. */
  onChange(listener: (change: StateChange) => void): void;
  /** The instant used for lastModifiedDateTime of updates (ms). */
  now: () => number;
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

export interface ChangeWithPrevious<T> extends ChangeEntry<T> {
  /** The item as it was at `since` (null: it did not exist then). */
  previous: T | null;
}

/** Like collectChanges, and also what each changed item was at `since` (e.g. to tell whether an event left a calendar window). */
export function collectChangesWithPrevious<T>(log: ChangeLog<T>, since: number, upto: number): ChangeWithPrevious<T>[] {
  const changes = collectChanges(log, since, upto);
  if (since === 0) return changes.map((entry) => ({ ...entry, previous: null }));
  const wanted = new Set(changes.map((entry) => entry.id));
  const previous = new Map<string, T | null>();
  for (const entry of log.entries) {
    if (entry.seq > since) break;
    if (wanted.has(entry.id)) previous.set(entry.id, entry.item);
  }
  return changes.map((entry) => ({ ...entry, previous: previous.get(entry.id) ?? null }));
}

function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface TenantStateOptions {
  /** Each mailbox's contacts and people, by user id; default: derived from the tenant. */
  addressBooks?: Record<string, AddressBook>;
}

/** Wraps a demo tenant for serving. `now` stamps lastModifiedDateTime of updates (default: the clock). */
export function createTenantState(tenant: DemoTenant, now: () => number = Date.now, options: TenantStateOptions = {}): TenantState {
  const addressBooks = options.addressBooks ?? deriveAddressBooks(tenant);
  const mailboxes: MailboxState[] = tenant.users.flatMap((user) => {
    const mailbox = tenant.mailboxes[user.id];
    if (!mailbox) return [];
    const book = addressBooks[user.id];
    return [
      {
        user,
        folders: mailbox.folders.map((folder) => ({ folder, log: createLog(mailbox.messages[folder.id] ?? []) })),
        calendar: createLog(mailbox.events),
        contacts: new Map((book?.contacts ?? []).map((contact) => [contact.id, contact])),
        people: [...(book?.people ?? [])],
      },
    ];
  });

  const served: DemoTenant = { ...tenant, users: [...tenant.users] };
  const addUser = (user: GraphUser, options: { folders?: MailFolder[] } = {}): MailboxState => {
    if (findMailbox(user.id) || findMailbox(user.mail)) throw new Error(`graph server: ${user.mail} exists already`);
    const standard = ['inbox', 'sentitems', 'archive', 'deleteditems'].map((name) => ({ id: `${user.id}-${name}`, displayName: name, wellKnownName: name }));
    const mailbox: MailboxState = {
      user,
      folders: (options.folders ?? standard).map((folder) => ({ folder, log: createLog<GraphMessage>([]) })),
      calendar: createLog<GraphEvent>([]),
      contacts: new Map(),
      people: [],
    };
    served.users.push(user);
    mailboxes.push(mailbox);
    return mailbox;
  };
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
  const listeners: ((change: StateChange) => void)[] = [];
  const emit = (change: StateChange): void => {
    for (const listener of listeners) listener(change);
  };
  const findMessageFolder = (mailbox: MailboxState, messageId: string, userIdOrUpn: string): FolderState => {
    const folder = mailbox.folders.find((state) => state.log.current.has(messageId));
    if (!folder) throw new Error(`graph server: ${userIdOrUpn} has no message ${messageId}`);
    return folder;
  };
  const addMessage = (userIdOrUpn: string, folderIdOrWellKnownName: string, message: GraphMessage): GraphMessage => {
    const mailbox = requireMailbox(userIdOrUpn);
    const folder = requireFolder(mailbox, folderIdOrWellKnownName);
    const filed = { ...message, parentFolderId: folder.folder.id };
    appendChange(folder.log, filed.id, filed);
    emit({ userId: mailbox.user.id, kind: 'message', changeType: 'created', id: filed.id, folderId: folder.folder.id, item: filed });
    return filed;
  };
  const removeMessage = (userIdOrUpn: string, messageId: string): void => {
    const mailbox = requireMailbox(userIdOrUpn);
    const folder = findMessageFolder(mailbox, messageId, userIdOrUpn);
    appendChange(folder.log, messageId, null);
    emit({ userId: mailbox.user.id, kind: 'message', changeType: 'deleted', id: messageId, folderId: folder.folder.id, item: null });
  };
  const updateMessage = (userIdOrUpn: string, messageId: string, patch: MessagePatch): GraphMessage => {
    const mailbox = requireMailbox(userIdOrUpn);
    const folder = findMessageFolder(mailbox, messageId, userIdOrUpn);
    const message = folder.log.current.get(messageId)!;
    const { id: _id, parentFolderId: _folder, internetMessageId: _imid, ...allowed } = patch as Partial<GraphMessage>;
    const updated: GraphMessage = { ...message, ...allowed, lastModifiedDateTime: allowed.lastModifiedDateTime ?? formatInstant(now()) };
    appendChange(folder.log, messageId, updated);
    emit({ userId: mailbox.user.id, kind: 'message', changeType: 'updated', id: messageId, folderId: folder.folder.id, item: updated });
    return updated;
  };
  const moveMessage = (userIdOrUpn: string, messageId: string, toFolderIdOrWellKnownName: string, options: MoveMessageOptions = {}): GraphMessage => {
    const mailbox = requireMailbox(userIdOrUpn);
    const from = findMessageFolder(mailbox, messageId, userIdOrUpn);
    const message = from.log.current.get(messageId)!;
    const to = requireFolder(mailbox, toFolderIdOrWellKnownName);
    appendChange(from.log, messageId, null);
    emit({ userId: mailbox.user.id, kind: 'message', changeType: 'deleted', id: messageId, folderId: from.folder.id, item: null });
    // Exchange gives a moved item a new id (unless immutable ids are asked for); internetMessageId stays.
    const id = options.keepId ? message.id : `${message.id.slice(0, -3)}M${readWatermark(to.log) + 1}AAA`;
    const moved = { ...message, id, parentFolderId: to.folder.id };
    appendChange(to.log, moved.id, moved);
    emit({ userId: mailbox.user.id, kind: 'message', changeType: 'created', id: moved.id, folderId: to.folder.id, item: moved });
    return moved;
  };
  const addEvent = (userIdOrUpn: string, event: GraphEvent): void => {
    const mailbox = requireMailbox(userIdOrUpn);
    const existed = mailbox.calendar.current.has(event.id);
    appendChange(mailbox.calendar, event.id, event);
    emit({ userId: mailbox.user.id, kind: 'event', changeType: existed ? 'updated' : 'created', id: event.id, item: event });
  };
  const removeEvent = (userIdOrUpn: string, eventId: string): void => {
    const mailbox = requireMailbox(userIdOrUpn);
    if (!mailbox.calendar.current.has(eventId)) throw new Error(`graph server: ${userIdOrUpn} has no event ${eventId}`);
    appendChange(mailbox.calendar, eventId, null);
    emit({ userId: mailbox.user.id, kind: 'event', changeType: 'deleted', id: eventId, item: null });
  };
  const updateEvent = (userIdOrUpn: string, eventId: string, patch: EventPatch): GraphEvent => {
    const mailbox = requireMailbox(userIdOrUpn);
    const event = mailbox.calendar.current.get(eventId);
    if (!event) throw new Error(`graph server: ${userIdOrUpn} has no event ${eventId}`);
    const { id: _id, iCalUId: _uid, seriesMasterId: _master, ...allowed } = patch as Partial<GraphEvent>;
    const updated: GraphEvent = { ...event, ...allowed, lastModifiedDateTime: allowed.lastModifiedDateTime ?? formatInstant(now()) };
    // An occurrence that is moved or cancelled becomes an exception of its series, as in Exchange.
    const rescheduled = (allowed.start && allowed.start.dateTime !== event.start.dateTime) || (allowed.end && allowed.end.dateTime !== event.end.dateTime);
    if (allowed.type === undefined && event.type === 'occurrence' && (rescheduled || (allowed.isCancelled === true && !event.isCancelled))) updated.type = 'exception';
    appendChange(mailbox.calendar, eventId, updated);
    emit({ userId: mailbox.user.id, kind: 'event', changeType: 'updated', id: eventId, item: updated });
    return updated;
  };
  const addContact = (userIdOrUpn: string, contact: GraphContact): void => {
    requireMailbox(userIdOrUpn).contacts.set(contact.id, contact);
  };
  const updateContact = (userIdOrUpn: string, contactId: string, patch: ContactPatch): GraphContact => {
    const mailbox = requireMailbox(userIdOrUpn);
    const contact = mailbox.contacts.get(contactId);
    if (!contact) throw new Error(`graph server: ${userIdOrUpn} has no contact ${contactId}`);
    const { id: _id, ...allowed } = patch as Partial<GraphContact>;
    const updated: GraphContact = { ...contact, ...allowed, lastModifiedDateTime: allowed.lastModifiedDateTime ?? formatInstant(now()) };
    mailbox.contacts.set(contactId, updated);
    return updated;
  };
  const removeContact = (userIdOrUpn: string, contactId: string): void => {
    const mailbox = requireMailbox(userIdOrUpn);
    if (!mailbox.contacts.delete(contactId)) throw new Error(`graph server: ${userIdOrUpn} has no contact ${contactId}`);
  };
  const listChildFolders = (mailbox: MailboxState, parentFolderId: string | null): FolderState[] =>
    mailbox.folders.filter((state) => (state.folder.parentFolderId ?? null) === parentFolderId);
  return {
    tenant: served,
    mailboxes,
    addUser,
    findMailbox,
    findFolder,
    addMessage,
    removeMessage,
    moveMessage,
    addEvent,
    removeEvent,
    updateMessage,
    updateEvent,
    addContact,
    updateContact,
    removeContact,
    listChildFolders,
    onChange: (listener) => {
      listeners.push(listener);
    },
    now,
  };
}
