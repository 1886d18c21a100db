// Reads an mbox file (mboxo, mboxrd, as Thunderbird, Apple Mail, Gmail Takeout and mutt write
// them) as a stream: a message starts at a "From " postmark line (sender and date) at the start
// of the file or after a blank line (or anywhere, if it is a full asctime postmark, for writers
// that leave no blank line); body prose starting "From " that a writer forgot to escape is not one;
// its header block ends at the first blank line; the body is skipped line by line, never kept.
// Bodies' escaped ">From " lines are therefore never mistaken for separators.
import { createReadStream } from 'node:fs';
import { decodeHeaderBytes } from './decode-header-bytes.ts';
import { MAX_HEADER_BYTES } from './header-limits.ts';
import { LineSplitter } from './line-splitter.ts';
import type { MailboxMessage } from './mailbox-message.ts';

const FROM_ = Buffer.from('From ');
const POSTMARK = /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d{2}/;
// Every writer puts an address (or "-") and a time on the separator line; prose does not.
const LOOSE_POSTMARK = /^From \S+ .*\d{1,2}:\d{2}/;
const ESCAPED_FROM = /^>+From /;

interface Pending {
  number: number;
  offset: number;
  lines: Buffer[];
  bytes: number;
}

export interface MboxReadOptions {
  /** Bytes per read; the reader holds about one chunk and one header block at a time. */
  chunkBytes?: number;
}

export async function* readMbox(path: string, options: MboxReadOptions = {}): AsyncGenerator<MailboxMessage> {
  const splitter = new LineSplitter();
  const ready: MailboxMessage[] = [];
  let count = 0;
  let current: Pending | null = null;
  let inHeaders = false;
  let previousBlank = true;

  const finishHeaders = () => {
    if (!current) return;
    ready.push({ position: `message ${current.number} at byte ${current.offset}`, headers: decodeHeaderBytes(Buffer.concat(current.lines)) });
    current = null;
    inHeaders = false;
  };

  const onLine = (line: Buffer, offset: number) => {
    const blank = line.length === 0;
    const startsWithFrom = line.length >= 5 && line.subarray(0, 5).equals(FROM_);
    const start = startsWithFrom ? line.subarray(0, 200).toString('latin1') : '';
    if (startsWithFrom && (previousBlank ? LOOSE_POSTMARK.test(start) : POSTMARK.test(start))) {
      finishHeaders();
      count += 1;
      current = { number: count, offset, lines: [], bytes: 0 };
      inHeaders = true;
    } else if (inHeaders && current) {
      if (blank) finishHeaders();
      else if (current.bytes < MAX_HEADER_BYTES) {
        // mboxrd escapes "From " with ">"; unescaping is harmless in headers, where it never belongs.
        const text = ESCAPED_FROM.test(line.subarray(0, 64).toString('latin1')) ? line.subarray(1) : line;
        if (current.lines.length > 0) current.lines.push(Buffer.from('\n'));
        current.lines.push(text);
        current.bytes += text.length + 1;
      }
    } else if (count === 0 && !blank) {
      // Content before any separator: a file that starts without one still has a first message.
      count = 1;
      current = { number: 1, offset, lines: [line], bytes: line.length };
      inHeaders = true;
    }
    previousBlank = blank;
  };

  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      splitter.push(chunk, onLine);
      while (ready.length > 0) yield ready.shift()!;
    }
    splitter.end(onLine);
    finishHeaders();
    while (ready.length > 0) yield ready.shift()!;
  } finally {
    stream.destroy();
  }
}
