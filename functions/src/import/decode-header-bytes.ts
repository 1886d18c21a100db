// Header blocks are meant to be ASCII, but archives hold raw UTF-8 (RFC 6532) and raw Latin-1
// alike. UTF-8 is tried strictly first; bytes that are not valid UTF-8 are read as Latin-1,
// which never fails and keeps every character visible.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeHeaderBytes(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}
