// What every mailbox-file reader yields: one message's header block and where it was found,
// so a malformed message can be reported by its place in the file. Never a body.
export interface MailboxMessage {
  /** Human-readable place in the source: "message 12 at byte 3456", or a file's relative path. */
  position: string;
  /** The header block, up to (not including) the first blank line. */
  headers: string;
}
