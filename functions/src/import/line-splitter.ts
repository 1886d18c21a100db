// Splits a byte stream into lines with their byte offsets, one chunk at a time, so a reader
// can walk a file of any size in constant memory. Lines longer than a cap are cut (the rest
// is skipped, not buffered): a reader needs only the start of a body line to spot a separator.
export interface LineSink {
  /** The line without its terminator (LF or CRLF), and the byte offset where it starts. */
  (line: Buffer, offset: number): void;
}

const LF = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  private readonly parts: Buffer[] = [];
  private partsLength = 0;
  private lineStart = 0;
  private position = 0;

  constructor(private readonly maxLineBytes = 64 * 1024) {}

  push(chunk: Buffer, sink: LineSink): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(LF, start);
      const end = newline < 0 ? chunk.length : newline;
      this.keep(chunk.subarray(start, end));
      if (newline < 0) {
        this.position += chunk.length - start;
        return;
      }
      this.position += newline + 1 - start;
      this.emit(sink);
      start = newline + 1;
    }
  }

  /** Emits a last line that had no terminator. */
  end(sink: LineSink): void {
    if (this.partsLength > 0 || this.position > this.lineStart) this.emit(sink);
  }

  private keep(piece: Buffer): void {
    const room = this.maxLineBytes - this.partsLength;
    if (room <= 0 || piece.length === 0) return;
    const kept = piece.length > room ? piece.subarray(0, room) : piece;
    // Copied: the chunk it points into is reused by the stream once we return.
    this.parts.push(Buffer.from(kept));
    this.partsLength += kept.length;
  }

  private emit(sink: LineSink): void {
    let line = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.partsLength);
    if (line.length > 0 && line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    const offset = this.lineStart;
    this.parts.length = 0;
    this.partsLength = 0;
    this.lineStart = this.position;
    sink(line, offset);
  }
}
