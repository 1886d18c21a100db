// Reads a folder of .eml files (one message per file, as Outlook, Thunderbird and most
// exporters save them), including subfolders, in a stable order so positions are repeatable.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { MailboxMessage } from './mailbox-message.ts';
import { readHeaderBlock } from './read-header-block.ts';

export async function* listFilesSorted(root: string, accept: (name: string) => boolean): AsyncGenerator<string> {
  const entries = (await readdir(root, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* listFilesSorted(path, accept);
    else if (entry.isFile() && accept(entry.name)) yield path;
  }
}

export function isEmlName(name: string): boolean {
  return name.toLowerCase().endsWith('.eml') && !name.startsWith('.');
}

export async function* readEmlFolder(folder: string): AsyncGenerator<MailboxMessage> {
  for await (const path of listFilesSorted(folder, isEmlName)) {
    yield { position: relative(folder, path), headers: await readHeaderBlock(path) };
  }
}

export async function* readEmlFile(path: string): AsyncGenerator<MailboxMessage> {
  yield { position: path.split(/[\\/]/).at(-1) ?? path, headers: await readHeaderBlock(path) };
}
