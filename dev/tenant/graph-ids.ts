// Deterministic, Graph-looking identifiers for the demo tenant. Real Graph ids are opaque
// base64 strings that differ per mailbox; these are derived from stable keys by hashing, so
// the same scenario always yields the same ids and the same item has a different id in each mailbox.
import { createHash } from 'node:crypto';

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** A GUID (as Graph uses for user ids and tenant ids) derived from a key. */
export function deriveGuid(key: string): string {
  const hex = digest(`guid:${key}`).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An Outlook item id (message, event, folder) for one mailbox; URL-safe base64 like Graph's immutable ids. */
export function deriveItemId(kind: 'message' | 'event' | 'folder' | 'master', key: string): string {
  const prefix = kind === 'folder' ? 'AAMkAGFmb' : 'AAMkAGI2T';
  return `${prefix}${digest(`${kind}:${key}`).toString('base64url').slice(0, 40)}AAA`;
}

/** A conversation id (shared by every message of a thread, in every mailbox). */
export function deriveConversationId(key: string): string {
  return `AAQkAGI2T${digest(`conversation:${key}`).toString('base64url').slice(0, 30)}`;
}

/** An RFC 5322 Message-ID, as Exchange writes it: <token@host>. */
export function deriveInternetMessageId(key: string, host: string): string {
  const token = digest(`imid:${key}`).toString('hex').toUpperCase();
  return `<${token.slice(0, 12)}${token.slice(12, 40)}@${host}>`;
}

/** An iCalendar UID in Outlook's format (the Outlook GUID prefix followed by a hash). */
export function deriveICalUId(key: string): string {
  return `040000008200E00074C5B7101A82E00800000000${digest(`ical:${key}`).toString('hex').toUpperCase().slice(0, 56)}`;
}

/** A weak ETag value like Graph's change keys. */
export function deriveChangeKey(key: string): string {
  return `CQAAABYAAA${digest(`ck:${key}`).toString('base64').slice(0, 22)}`;
}
