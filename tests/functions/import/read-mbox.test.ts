// The mbox reader on generated files: every message found at its byte offset, headers only,
// escaped ">From " body lines never taken for separators, broken entries passed on (for the
// miner to report) without stopping the reader, and chunk boundaries anywhere.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { isMalformed, mineRfc822Headers } from '../../../functions/src/mining/mine-rfc822.ts';
import type { MailboxMessage } from '../../../functions/src/import/mailbox-message.ts';
import { readMbox } from '../../../functions/src/import/read-mbox.ts';
import { BODY_MARKER, generateMessages, writeMbox } from './mail-fixtures.ts';

const owner = 'dana.reyes@housing.cascadia.gov';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosswalk-mbox-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(iterable: AsyncIterable<MailboxMessage>): Promise<MailboxMessage[]> {
  const messages: MailboxMessage[] = [];
  for await (const message of iterable) messages.push(message);
  return messages;
}

describe('readMbox', () => {
  const messages = generateMessages(40, { owner, contacts: ['a@example.org', 'b@example.org', 'c@example.org'] });
  const entries = [...messages.slice(0, 20), { raw: 'this line is not a header\nnor is this one' }, ...messages.slice(20)];

  it.each([
    ['LF, large chunks', false, undefined],
    ['CRLF, large chunks', true, undefined],
    ['LF, 7-byte chunks', false, 7],
    ['CRLF, 1-byte chunks', true, 1],
  ])('%s: one entry per message at its byte offset, headers only', async (_name, crlf, chunkBytes) => {
    const { path, offsets } = writeMbox(join(dir, `generated-${crlf}-${chunkBytes}.mbox`), entries, { crlf });
    const read = await collect(readMbox(path, { chunkBytes }));
    expect(read).toHaveLength(41);
    expect(read.map((m) => m.position)).toEqual(offsets.map((offset, i) => `message ${i + 1} at byte ${offset}`));
    for (const message of read) {
      expect(message.headers).not.toContain(BODY_MARKER);
      expect(message.headers).not.toContain('\r');
    }
    expect(read[0]!.headers.split('\n')[0]).toBe('From: Owner <dana.reyes@housing.cascadia.gov>');
    expect(read[20]!.headers).toBe('this line is not a header\nnor is this one');
  });

  it('passes the mined interactions on with no body text, and the broken entry as malformed', async () => {
    const { path } = writeMbox(join(dir, 'mined.mbox'), entries);
    const results = (await collect(readMbox(path))).map((m) => mineRfc822Headers(m.headers, { tenantId: 't', ownerEmail: owner, source: m.position }));
    expect(results.filter(isMalformed)).toEqual(['not a mail header block']);
    const interactions = results.filter((r): r is Interaction => !isMalformed(r));
    expect(interactions).toHaveLength(40);
    expect(JSON.stringify(interactions)).not.toContain(BODY_MARKER);
    expect(interactions.filter((i) => i.direction === 'sent')).toHaveLength(10);
    expect(new Set(interactions.map((i) => i.id)).size).toBe(40);
  });

  it('reads a file without a leading separator, an empty message, and a last line without newline', async () => {
    const path = join(dir, 'odd.mbox');
    writeFileSync(path, 'From: a@x.org\nDate: 1 Jan 2024 00:00 +0000\n\nbody\n\nFrom b@x Mon Jan  1 00:00:00 2024\n\nFrom c@x Mon Jan  1 00:00:00 2024\nFrom: c@x.org\nSubject: no newline at end');
    const read = await collect(readMbox(path));
    expect(read).toEqual([
      { position: 'message 1 at byte 0', headers: 'From: a@x.org\nDate: 1 Jan 2024 00:00 +0000' },
      { position: 'message 2 at byte 50', headers: '' },
      { position: 'message 3 at byte 85', headers: 'From: c@x.org\nSubject: no newline at end' },
    ]);
  });

  it('splits on a postmark line even without a blank line before it, but not on prose starting with "From "', async () => {
    const path = join(dir, 'tight.mbox');
    writeFileSync(path, 'From a@x Mon Jan  1 00:00:00 2024\nFrom: a@x.org\n\nbody line\nFrom what I hear, fine.\nFrom b@x Tue Jan  2 00:00:00 2024\nFrom: b@x.org\n\n');
    const read = await collect(readMbox(path));
    expect(read.map((m) => m.headers)).toEqual(['From: a@x.org', 'From: b@x.org']);
  });

  it('keeps raw UTF-8 and Latin-1 header bytes readable', async () => {
    const path = join(dir, 'charsets.mbox');
    writeFileSync(path, Buffer.concat([
      Buffer.from('From a@x Mon Jan  1 00:00:00 2024\nSubject: Caf\u00e9 utf8\n\n'),
      Buffer.from('From b@x Mon Jan  1 00:00:00 2024\nSubject: Caf', 'latin1'), Buffer.from([0xe9]), Buffer.from(' latin1\n\n'),
    ]));
    const read = await collect(readMbox(path));
    expect(read.map((m) => m.headers)).toEqual(['Subject: Café utf8', 'Subject: Café latin1']);
  });
});
