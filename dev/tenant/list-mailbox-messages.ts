// Dev-only view of one mailbox for the preview page ("Dana's inbox"): a plain read of the
// demo tenant, newest first, without going through the Graph stand-in.
import type { DemoTenant, GraphMessage } from './tenant-types.ts';

export interface ListMailboxMessagesOptions {
  /** A well-known folder name (inbox, sentitems, archive, deleteditems) or a folder id; default inbox. */
  folder?: string;
  /** At most this many messages (default: all). */
  limit?: number;
}

/** Lists a user's messages in one folder, newest first; throws for an unknown user or folder. */
export function listMailboxMessages(tenant: DemoTenant, userIdOrUpn: string, options: ListMailboxMessagesOptions = {}): GraphMessage[] {
  const wanted = userIdOrUpn.toLowerCase();
  const user = tenant.users.find(
    (candidate) => candidate.id === userIdOrUpn || candidate.userPrincipalName.toLowerCase() === wanted || candidate.mail.toLowerCase() === wanted,
  );
  const mailbox = user ? tenant.mailboxes[user.id] : undefined;
  if (!user || !mailbox) throw new Error(`listMailboxMessages: no mailbox for ${userIdOrUpn}`);
  const folderName = (options.folder ?? 'inbox').toLowerCase();
  const folder = mailbox.folders.find((candidate) => candidate.wellKnownName === folderName || candidate.id === options.folder);
  if (!folder) throw new Error(`listMailboxMessages: ${userIdOrUpn} has no folder ${options.folder}`);
  const newestFirst = [...(mailbox.messages[folder.id] ?? [])].sort((a, b) =>
    a.receivedDateTime < b.receivedDateTime ? 1 : a.receivedDateTime > b.receivedDateTime ? -1 : 0,
  );
  return options.limit === undefined ? newestFirst : newestFirst.slice(0, Math.max(0, options.limit));
}
