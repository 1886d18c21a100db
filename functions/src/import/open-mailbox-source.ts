// One entry point for every kind of mailbox export: the messages of a path, in file order.
import type { MailboxKind } from './detect-mailbox-kind.ts';
import type { MailboxMessage } from './mailbox-message.ts';
import { readEmlFile, readEmlFolder } from './read-eml-folder.ts';
import { readMaildir } from './read-maildir.ts';
import { readMbox } from './read-mbox.ts';

export function openMailboxSource(path: string, kind: MailboxKind): AsyncIterable<MailboxMessage> {
  switch (kind) {
    case 'mbox':
      return readMbox(path);
    case 'maildir':
      return readMaildir(path);
    case 'eml-folder':
      return readEmlFolder(path);
    case 'eml-file':
      return readEmlFile(path);
  }
}
