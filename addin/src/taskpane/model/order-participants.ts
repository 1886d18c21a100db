// Who the pane shows for a message, in the order a reader scans it: sender first, then To,
// then Cc; each address once (the first place it appears wins); the signed-in user stays in
// the list, marked, because "who else knows this person" starts from everyone on the thread.
// A draft shows who it is going to: To, Cc, then Bcc (its From is the user writing it).
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import type { MailItemSnapshot, Participant } from '../../office/participant.ts';
import { toAsciiEmail } from './to-ascii-email.ts';

export type ParticipantPosition = 'from' | 'to' | 'cc' | 'bcc';

/** What the pane points out about a recipient of a draft. */
export interface ParticipantFlags {
  /** Outside the signed-in user's organization. */
  external: boolean;
  /** The user has never written to or met them (no interaction on record). */
  firstContact: boolean;
}

export interface OrderedParticipant extends Participant {
  /** The normalized address (its domain in punycode when it is internationalized): the key cards are looked up and matched by. */
  key: string;
  position: ParticipantPosition;
  isSelf: boolean;
  /** Set in compose mode once the cards are known. */
  flags?: ParticipantFlags;
}

export function orderParticipants(options: {
  item: Pick<MailItemSnapshot, 'from' | 'to' | 'cc' | 'bcc'> & { mode?: MailItemSnapshot['mode'] };
  userEmail: string | null;
}): OrderedParticipant[] {
  const { item } = options;
  const self = options.userEmail ? normalizeEmail(options.userEmail) : null;
  const seen = new Set<string>();
  const ordered: OrderedParticipant[] = [];
  const add = (participant: Participant, position: ParticipantPosition) => {
    const key = toAsciiEmail(normalizeEmail(participant.email));
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    ordered.push({ ...participant, key, position, isSelf: key === self });
  };
  const composing = item.mode === 'compose';
  if (item.from && !composing) add(item.from, 'from');
  for (const participant of item.to) add(participant, 'to');
  for (const participant of item.cc) add(participant, 'cc');
  if (composing) for (const participant of item.bcc ?? []) add(participant, 'bcc');
  return ordered;
}
