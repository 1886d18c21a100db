// Which mail folders a sync reads. Pure. By default every folder (Inbox, Sent Items, Archive,
// user folders and their children) except those holding no real correspondence (Deleted Items,
// Junk, Drafts, Outbox, conversation history and the sync-issue folders).
import type { MailFolderInfo } from '../graph/list-mail-folders.ts';

export const NEVER_SYNCED_FOLDERS = [
  'deleteditems',
  'junkemail',
  'drafts',
  'outbox',
  'conversationhistory',
  'syncissues',
  'conflicts',
  'localfailures',
  'serverfailures',
  'recoverableitemsdeletions',
  'scheduled',
  'searchfolders',
] as const;

/** Well-known folders whose sync resources keep their name, so cursors survive folder-id changes. */
export const NAMED_FOLDERS = ['inbox', 'sentitems', 'archive'] as const;

export interface FolderToSync {
  /** The sync resource, e.g. "mail:inbox" or "mail:AAMk…" */
  resource: string;
  /** What goes in the URL: a well-known name or a folder id. */
  folder: string;
  path: string;
}

export function chooseMailFolders(
  folders: readonly MailFolderInfo[],
  wellKnownIds: ReadonlyMap<string, string>,
  options: { include: 'all' | readonly string[]; skip?: readonly string[] },
): FolderToSync[] {
  const nameById = new Map([...wellKnownIds].map(([name, id]) => [id, name]));
  const skipped = new Set([...NEVER_SYNCED_FOLDERS, ...(options.skip ?? [])].flatMap((name) => [name, wellKnownIds.get(name) ?? name]));
  const chosen: FolderToSync[] = [];
  for (const folder of folders) {
    const name = nameById.get(folder.id);
    if (skipped.has(folder.id) || (name && skipped.has(name)) || skipped.has(folder.path.toLowerCase())) continue;
    if (options.include !== 'all' && !options.include.includes(name ?? folder.id) && !options.include.includes(folder.path)) continue;
    const named = name && (NAMED_FOLDERS as readonly string[]).includes(name) ? name : null;
    chosen.push({ resource: `mail:${named ?? folder.id}`, folder: named ?? folder.id, path: folder.path });
  }
  // Inbox and Sent Items first: they answer most lookups.
  const rank = (f: FolderToSync) => ['mail:inbox', 'mail:sentitems'].indexOf(f.resource) >>> 0;
  return chosen.sort((a, b) => rank(a) - rank(b));
}
