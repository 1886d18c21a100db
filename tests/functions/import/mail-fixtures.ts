// Generated mailbox files for the import tests: messages with known headers and bodies that
// carry a marker (so a test can prove no body reaches an Interaction), written as mbox,
// an .eml folder or a maildir, with the byte offset of every mbox message recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureMessage {
  headers: string[];
  body: string[];
}

export const BODY_MARKER = 'BODY-SECRET';

export function generateMessages(count: number, options: { owner: string; contacts: string[] }): FixtureMessage[] {
  const messages: FixtureMessage[] = [];
  for (let n = 0; n < count; n += 1) {
    const contact = options.contacts[n % options.contacts.length]!;
    const sent = n % 4 === 0;
    const date = new Date(Date.UTC(2024, 0, 1 + (n % 28), 9, n % 60, 0));
    messages.push({
      headers: [
        sent ? `From: Owner <${options.owner}>` : `From: "Contact ${n % options.contacts.length}" <${contact}>`,
        sent ? `To: ${contact}` : `To: ${options.owner}`,
        ...(n % 4 === 1 ? ['Cc: "Cc, Person" <cc.person@example.org>'] : []),
        `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
        `Subject: Message ${n}`,
        // Folded, as long header lines are in real mail.
        `Message-ID:\n <msg-${n}@example.org>`,
      ],
      body: [`${BODY_MARKER}-${n} Hello,`, '', 'From the minutes of last week (escaped below, as mboxrd writers do):', `>From ${BODY_MARKER}-${n}@example.org Mon Jan  1 00:00:00 2024`, '', `>>From quoted twice ${BODY_MARKER}`, 'Regards'],
    });
  }
  return messages;
}

export interface WrittenMbox {
  path: string;
  /** Byte offset of each message's "From " line, in order. */
  offsets: number[];
}

/** Writes an mbox; `raw` entries are written verbatim after their separator (for broken messages). */
export function writeMbox(path: string, entries: (FixtureMessage | { raw: string })[], options: { crlf?: boolean } = {}): WrittenMbox {
  const eol = options.crlf ? '\r\n' : '\n';
  const offsets: number[] = [];
  let text = '';
  entries.forEach((entry, index) => {
    offsets.push(Buffer.byteLength(text));
    text += `From sender${index}@example.org Mon Jan  1 09:00:00 2024${eol}`;
    if ('raw' in entry) text += entry.raw;
    else text += [...entry.headers.map((h) => h.replace(/\n/g, eol)), '', ...entry.body].join(eol);
    text += `${eol}${eol}`;
  });
  writeFileSync(path, text);
  return { path, offsets };
}

export function writeEml(path: string, message: FixtureMessage): void {
  writeFileSync(path, [...message.headers.map((h) => h.replace(/\n/g, '\r\n')), '', ...message.body].join('\r\n'));
}

export function writeMaildir(root: string, messages: FixtureMessage[]): string[] {
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(root, sub), { recursive: true });
  const names: string[] = [];
  messages.forEach((message, index) => {
    const name = index % 2 === 0 ? join('cur', `1700000000.M${index}P1.host:2,S`) : join('new', `1700000000.M${index}P1.host`);
    writeEml(join(root, name), message);
    names.push(name);
  });
  return names;
}
