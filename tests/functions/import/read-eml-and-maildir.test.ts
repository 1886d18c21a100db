// The one-file-per-message readers (.eml folders, maildirs) and the detection of which kind
// a path is: every message once, in a stable order, headers only, named by relative path.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectMailboxKind } from '../../../functions/src/import/detect-mailbox-kind.ts';
import type { MailboxMessage } from '../../../functions/src/import/mailbox-message.ts';
import { openMailboxSource } from '../../../functions/src/import/open-mailbox-source.ts';
import { readEmlFolder } from '../../../functions/src/import/read-eml-folder.ts';
import { readHeaderBlock } from '../../../functions/src/import/read-header-block.ts';
import { readMaildir } from '../../../functions/src/import/read-maildir.ts';
import { BODY_MARKER, generateMessages, writeEml, writeMaildir, writeMbox } from './mail-fixtures.ts';

const owner = 'dana.reyes@housing.cascadia.gov';
const messages = generateMessages(6, { owner, contacts: ['a@example.org', 'b@example.org'] });
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosswalk-eml-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(iterable: AsyncIterable<MailboxMessage>): Promise<MailboxMessage[]> {
  const result: MailboxMessage[] = [];
  for await (const message of iterable) result.push(message);
  return result;
}

describe('readHeaderBlock', () => {
  it('stops at the first blank line and drops a leading postmark line', async () => {
    const path = join(dir, 'one.eml');
    writeFileSync(path, `From a@x Mon Jan  1 00:00:00 2024\r\nFrom: a@x.org\r\nSubject: s\r\n\r\n${BODY_MARKER}\r\n${'x'.repeat(100_000)}`);
    expect(await readHeaderBlock(path)).toBe('From: a@x.org\nSubject: s');
  });
});

describe('readEmlFolder', () => {
  it('reads every .eml file, in subfolders too, sorted, and nothing else', async () => {
    const folder = join(dir, 'eml');
    mkdirSync(join(folder, 'Sent'), { recursive: true });
    messages.slice(0, 4).forEach((m, i) => writeEml(join(folder, `${i}.eml`), m));
    writeEml(join(folder, 'Sent', 'x.EML'), messages[4]!);
    writeFileSync(join(folder, 'notes.txt'), 'From: not@mail.org\n');
    const read = await collect(readEmlFolder(folder));
    expect(read.map((m) => m.position)).toEqual(['0.eml', '1.eml', '2.eml', '3.eml', join('Sent', 'x.EML')]);
    expect(read[1]!.headers).toContain('Subject: Message 1');
    expect(read.some((m) => m.headers.includes(BODY_MARKER))).toBe(false);
  });
});

describe('readMaildir', () => {
  it('reads cur/ and new/ and Maildir++ subfolders, skipping tmp/', async () => {
    const root = join(dir, 'maildir');
    const names = writeMaildir(root, messages.slice(0, 4));
    writeMaildir(join(root, '.Sent'), messages.slice(4, 6));
    writeEml(join(root, 'tmp', 'in-progress'), messages[5]!);
    const read = await collect(readMaildir(root));
    expect(read).toHaveLength(6);
    expect(read.slice(0, 4).map((m) => m.position).sort()).toEqual([...names].sort());
    expect(read.slice(4).every((m) => m.position.startsWith('.Sent'))).toBe(true);
    expect(read.some((m) => m.headers.includes(BODY_MARKER))).toBe(false);
  });
});

describe('detectMailboxKind', () => {
  it('tells the kinds apart', async () => {
    const mbox = writeMbox(join(dir, 'archive'), messages).path;
    const eml = join(dir, 'single.txt');
    writeEml(eml, messages[0]!);
    const other = join(dir, 'photo.jpg');
    writeFileSync(other, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    mkdirSync(join(dir, 'empty-folder'));
    expect(await detectMailboxKind(mbox)).toBe('mbox');
    expect(await detectMailboxKind(eml)).toBe('eml-file');
    expect(await detectMailboxKind(join(dir, 'eml'))).toBe('eml-folder');
    expect(await detectMailboxKind(join(dir, 'maildir'))).toBe('maildir');
    expect(await detectMailboxKind(other)).toBeNull();
    expect(await detectMailboxKind(join(dir, 'empty-folder'))).toBeNull();
    await expect(detectMailboxKind(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });

  it('opens each kind as a source of messages', async () => {
    expect(await collect(openMailboxSource(join(dir, 'archive'), 'mbox'))).toHaveLength(6);
    expect(await collect(openMailboxSource(join(dir, 'single.txt'), 'eml-file'))).toEqual([
      { position: 'single.txt', headers: expect.stringContaining('Subject: Message 0') as string },
    ]);
  });
});
