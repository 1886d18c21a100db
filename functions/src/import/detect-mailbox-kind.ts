// Tells from a path which kind of mailbox export it is, so the user names only the path:
// a directory with cur/ or new/ is a maildir, a directory of .eml files an eml folder, a file
// starting with an mbox "From " line (or named .mbox) an mbox, a file of headers one message.
import { open, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isEmlName, listFilesSorted } from './read-eml-folder.ts';
import { isDirectory } from './read-maildir.ts';

export type MailboxKind = 'mbox' | 'maildir' | 'eml-folder' | 'eml-file';

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

async function readStart(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** The kind, or null when the path is none of the kinds we read. Throws when the path does not exist. */
export async function detectMailboxKind(path: string): Promise<MailboxKind | null> {
  const info = await stat(path);
  if (info.isDirectory()) {
    if ((await isDirectory(join(path, 'cur'))) || (await isDirectory(join(path, 'new')))) return 'maildir';
    for await (const _file of listFilesSorted(path, isEmlName)) return 'eml-folder';
    return null;
  }
  if (!info.isFile()) return null;
  const extension = extname(path).toLowerCase();
  if (extension === '.eml') return 'eml-file';
  if (extension === '.mbox' || extension === '.mbx') return 'mbox';
  const start = (await readStart(path, 1024)).replace(/^\s+/, '');
  if (start.startsWith('From ')) return 'mbox';
  if (HEADER_LINE.test(start)) return 'eml-file';
  return null;
}
