// How much of a header block is kept: far above any real header block (a few KB), low enough
// that a file without blank lines (a corrupt or non-mail file) cannot exhaust memory.
export const MAX_HEADER_BYTES = 256 * 1024;
