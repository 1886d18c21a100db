// Reads the header block of one message file (.eml, a maildir entry): stops at the first blank
// line and closes the file, so a message with a 30 MB attachment costs one small read.
import { createReadStream } from 'node:fs';
import { decodeHeaderBytes } from './decode-header-bytes.ts';
import { MAX_HEADER_BYTES } from './header-limits.ts';
import { LineSplitter } from './line-splitter.ts';

const FROM_ = Buffer.from('From ');

export async function readHeaderBlock(path: string): Promise<string> {
  const splitter = new LineSplitter();
  const lines: Buffer[] = [];
  let bytes = 0;
  let done = false;
  let first = true;
  const onLine = (line: Buffer) => {
    if (done) return;
    // Some exporters put an mbox postmark line ("From sender date") before the headers.
    const postmark = first && line.length >= 5 && line.subarray(0, 5).equals(FROM_);
    first = false;
    if (postmark) return;
    if (line.length === 0) {
      done = true;
      return;
    }
    if (bytes < MAX_HEADER_BYTES) {
      lines.push(line);
      bytes += line.length + 1;
    }
  };
  const stream = createReadStream(path, { highWaterMark: 16 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      splitter.push(chunk, onLine);
      if (done) break;
    }
    if (!done) splitter.end(onLine);
  } finally {
    stream.destroy();
  }
  const newline = Buffer.from('\n');
  return decodeHeaderBytes(Buffer.concat(lines.flatMap((line, i) => (i === 0 ? [line] : [newline, line]))));
}
