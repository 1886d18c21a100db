// Turns one Graph message (metadata only) into an Interaction of the mailbox owner.
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import type { Interaction, InteractionParticipant, ParticipantRole } from '../../../shared/domain/interaction.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import { isBulkAddress } from './detect-bulk-sender.ts';
import type { GraphAddress, GraphMessageMetadata } from './graph-shapes.ts';

export interface MailboxContext {
  tenantId: string;
  ownerEmail: string;
  folder: string;
}

export function makeOwnerKey(tenantId: string, ownerEmail: string): string {
  return `${tenantId}|${normalizeEmail(ownerEmail)}`;
}

export function toParticipant(address: GraphAddress | null | undefined, role: ParticipantRole): InteractionParticipant | null {
  const email = address?.emailAddress?.address;
  if (!email || !email.includes('@')) return null;
  return { email: normalizeEmail(email), displayName: (address.emailAddress?.name ?? '').trim(), role };
}

/** Returns null for drafts and items without a sender: they are not interactions yet. */
export function mineMessage(message: GraphMessageMetadata, context: MailboxContext): Interaction | null {
  if (message.isDraft) return null;
  const from = toParticipant(message.from ?? message.sender, 'from');
  if (!from) return null;
  const ownerEmail = normalizeEmail(context.ownerEmail);
  const participants = [
    from,
    ...(message.toRecipients ?? []).map((r) => toParticipant(r, 'to')),
    ...(message.ccRecipients ?? []).map((r) => toParticipant(r, 'cc')),
    ...(message.bccRecipients ?? []).map((r) => toParticipant(r, 'bcc')),
  ].filter((p): p is InteractionParticipant => p !== null);
  const sent = from.email === ownerEmail;
  // The send time is the same in every copy (Sent Items, the inbox of a note to self, an
  // archive folder); the receive time is not. One time keeps one message one interaction.
  const at = message.sentDateTime ?? message.receivedDateTime;
  if (!at) return null;
  return {
    id: makeStableId(context.tenantId, ownerEmail, 'email', message.internetMessageId ?? message.id),
    tenantId: context.tenantId,
    ownerKey: makeOwnerKey(context.tenantId, ownerEmail),
    ownerEmail,
    kind: 'email',
    at: new Date(at).toISOString(),
    direction: sent ? 'sent' : 'received',
    subject: message.subject ?? '',
    threadId: message.conversationId ?? null,
    seriesKey: null,
    meetingKey: null,
    participants,
    bulk: participants.some((p) => isBulkAddress(p.email)),
    cancelled: false,
    source: { folder: context.folder, graphId: message.id },
  };
}
