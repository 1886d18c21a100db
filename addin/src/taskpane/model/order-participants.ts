// Who the pane shows for a message, in the order a reader scans it: sender first, then To,
// then Cc; each address once (the first place it appears wins); the signed-in user stays in
// the list, marked, because "who else knows this person" starts from everyone on the thread.
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import type { MailItemSnapshot, Participant } from '../../office/participant.ts';

export type ParticipantPosition = 'from' | 'to' | 'cc';

export interface OrderedParticipant extends Participant {
  /** The normalized address: the key cards are looked up and matched by. */
  key: string;
  position: ParticipantPosition;
  isSelf: boolean;
}

export function orderParticipants(options: { item: Pick<MailItemSnapshot, 'from' | 'to' | 'cc'>; userEmail: string | null }): OrderedParticipant[] {
  const self = options.userEmail ? normalizeEmail(options.userEmail) : null;
  const seen = new Set<string>();
  const ordered: OrderedParticipant[] = [];
  const add = (participant: Participant, position: ParticipantPosition) => {
    const key = normalizeEmail(participant.email);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    ordered.push({ ...participant, key, position, isSelf: key === self });
  };
  if (options.item.from) add(options.item.from, 'from');
  for (const participant of options.item.to) add(participant, 'to');
  for (const participant of options.item.cc) add(participant, 'cc');
  return ordered;
}
