// Reads a maildir (mutt, Dovecot, offlineimap): messages are the files of cur/ and new/, and
// Maildir++ subfolders (".Sent", ".Archive.2019") are maildirs of their own. tmp/ holds
// deliveries in progress and is skipped, as the maildir rules say.
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { MailboxMessage } from './mailbox-message.ts';
import { listFilesSorted } from './read-eml-folder.ts';
import { readHeaderBlock } from './read-header-block.ts';

const MESSAGE_FOLDERS = ['cur', 'new'];

async function listMaildirFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const subfolders = entries
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('.') && entry.name !== '.' && entry.name !== '..')
    .map((entry) => join(root, entry.name))
    .sort();
  return [root, ...subfolders];
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function* readMaildir(root: string): AsyncGenerator<MailboxMessage> {
  for (const folder of await listMaildirFolders(root)) {
    for (const name of MESSAGE_FOLDERS) {
      const messages = join(folder, name);
      if (!(await isDirectory(messages))) continue;
      for await (const path of listFilesSorted(messages, (file) => !file.startsWith('.'))) {
        yield { position: relative(root, path), headers: await readHeaderBlock(path) };
      }
    }
  }
}
