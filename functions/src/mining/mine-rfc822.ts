// Turns the header block of one message from a mailbox file (mbox, .eml, maildir) into the
// same Interaction a Graph sync makes of it, so imported mail and synced mail are one ledger.
// Headers only: the caller hands over the block before the first blank line, and nothing of
// a body is ever read here. A message that cannot be an interaction yields a reason, never
// an exception: one broken message in a ten-year archive must not stop the import.
import { createHash } from 'node:crypto';
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import type { Interaction, InteractionParticipant, ParticipantRole } from '../../../shared/domain/interaction.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import { isBulkAddress } from './detect-bulk-sender.ts';
import { makeOwnerKey } from './mine-message.ts';
import { decodeEncodedWords } from './rfc822/decode-encoded-words.ts';
import { parseAddressList } from './rfc822/parse-address-list.ts';
import { parseMailDate } from './rfc822/parse-mail-date.ts';
import { firstField, splitHeaderFields, type HeaderFields } from './rfc822/split-header-fields.ts';

/** Why a message was not imported, for the import's report. */
export type MalformedReason = string;

export interface Rfc822Context {
  tenantId: string;
  ownerEmail: string;
  /** Where the message came from, e.g. "import:archive.mbox#message 12 at byte 3456". */
  source: string;
}

const SUBJECT_MAX = 998;
const ADDRESS_ROLES: readonly [string, ParticipantRole][] = [
  ['to', 'to'],
  ['cc', 'cc'],
  ['bcc', 'bcc'],
];

export function isMalformed(result: Interaction | MalformedReason): result is MalformedReason {
  return typeof result === 'string';
}

function firstMessageId(value: string | undefined): string | null {
  if (!value) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  if (bracketed) return `<${bracketed[1]}>`;
  const bare = value.replace(/\([^)]*\)/g, '').trim().split(/\s+/)[0];
  return bare ? `<${bare.replace(/^<|>$/g, '')}>` : null;
}

/** Graph's internetMessageId keeps the angle brackets; so does this, so both sources agree on ids. */
function readMessageId(fields: HeaderFields): string | null {
  return firstMessageId(firstField(fields, 'message-id'));
}

/**
 * A message without a Message-ID still needs the same id on every import. Its identifying
 * fields are hashed rather than the raw block, so the same message exported from two folders
 * (with different trace or folder headers) is still one interaction.
 */
function deriveMessageId(fields: HeaderFields): string {
  const identifying = ['from', 'to', 'cc', 'date', 'subject', 'in-reply-to', 'references'].map(
    (name) => `${name}:${(fields.get(name) ?? []).join('\u0001').replace(/\s+/g, ' ').trim()}`,
  );
  const hash = createHash('sha256').update(identifying.join('\n')).digest('hex').slice(0, 32);
  return `<${hash}@derived.crosswalk.invalid>`;
}

function readThreadId(fields: HeaderFields, messageId: string): string {
  const references = firstField(fields, 'references');
  const root = references ? firstMessageId(references) : null;
  return root ?? firstMessageId(firstField(fields, 'in-reply-to')) ?? messageId;
}

function isBulkByHeaders(fields: HeaderFields): boolean {
  if (fields.has('list-id') || fields.has('list-unsubscribe')) return true;
  const precedence = (firstField(fields, 'precedence') ?? '').trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk') return true;
  const autoSubmitted = (firstField(fields, 'auto-submitted') ?? '').trim().toLowerCase();
  return autoSubmitted !== '' && autoSubmitted !== 'no';
}

function readParticipants(fields: HeaderFields, name: string, role: ParticipantRole): InteractionParticipant[] {
  return (fields.get(name) ?? []).flatMap((value) => parseAddressList(value)).map((m) => ({ email: m.email, displayName: m.displayName, role }));
}

export function mineRfc822Headers(headerText: string, context: Rfc822Context): Interaction | MalformedReason {
  if (headerText.trim() === '') return 'no headers';
  const { fields, strayLines } = splitHeaderFields(headerText);
  if (fields.size === 0) return strayLines > 0 ? 'not a mail header block' : 'no headers';

  const fromValues = fields.get('from');
  if (!fromValues || fromValues.every((v) => v === '')) return 'no From';
  const from = parseAddressList(fromValues[0]!)[0];
  if (!from) return 'From has no address';

  const dateValue = firstField(fields, 'date');
  if (!dateValue) return 'no Date';
  const at = parseMailDate(dateValue);
  if (!at) return `unparsable Date: ${dateValue.slice(0, 60)}`;

  const ownerEmail = normalizeEmail(context.ownerEmail);
  const participants: InteractionParticipant[] = [
    { email: from.email, displayName: from.displayName, role: 'from' },
    ...ADDRESS_ROLES.flatMap(([name, role]) => readParticipants(fields, name, role)),
  ];
  const messageId = readMessageId(fields) ?? deriveMessageId(fields);
  const subject = decodeEncodedWords(firstField(fields, 'subject') ?? '').replace(/\s+/g, ' ').trim().slice(0, SUBJECT_MAX);
  return {
    id: makeStableId(context.tenantId, ownerEmail, 'email', messageId),
    tenantId: context.tenantId,
    ownerKey: makeOwnerKey(context.tenantId, ownerEmail),
    ownerEmail,
    kind: 'email',
    at: at.toISOString(),
    direction: from.email === ownerEmail ? 'sent' : 'received',
    subject,
    threadId: readThreadId(fields, messageId),
    seriesKey: null,
    meetingKey: null,
    participants,
    bulk: isBulkByHeaders(fields) || participants.some((p) => isBulkAddress(p.email)),
    cancelled: false,
    // Imports have no Graph folder or item id: the file position stands in for the item.
    source: { folder: 'import', graphId: context.source },
  };
}
