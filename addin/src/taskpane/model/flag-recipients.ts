// Compose mode's warnings per recipient: outside the organization, and never contacted before.
// Outlook's own recipientType decides "external" where it says; otherwise the address's
// domain is compared with the signed-in user's (same domain or same parent organization).
import { domainOfEmail } from '../../../../shared/domain/email-address.ts';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { OrderedParticipant, ParticipantFlags } from './order-participants.ts';

/** Second-level labels that are registries, not organizations ("co.uk", "gov.au"). */
const genericLabels = new Set(['co', 'com', 'org', 'net', 'gov', 'edu', 'ac', 'mil', 'ne', 'or', 'go', 'govt']);

/** The part of a host that names the organization: "housing.cascadia.gov" → "cascadia.gov". */
function organizationDomainOf(host: string): string {
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const parent = labels.slice(1);
  return parent.length >= 2 && !genericLabels.has(parent[0]!) ? organizationDomainOf(parent.join('.')) : host;
}

export function isExternalRecipient(participant: Pick<OrderedParticipant, 'email' | 'recipientType' | 'isSelf'>, userEmail: string | null): boolean {
  if (participant.isSelf) return false;
  if (participant.recipientType === 'externalUser') return true;
  if (participant.recipientType === 'user' || participant.recipientType === 'distributionList') return false;
  const host = domainOfEmail(participant.email);
  const own = userEmail ? domainOfEmail(userEmail) : '';
  if (!host || !own) return false;
  return organizationDomainOf(host) !== organizationDomainOf(own);
}

/** True when nothing connects the user to the person yet: unknown, or known without any interaction. */
export function isFirstContact(card: PersonCard | undefined): boolean {
  if (!card || !card.known) return true;
  const s = card.strength;
  return s.lastInteractionAt === null && s.emailsSent + s.emailsReceived + s.meetings === 0;
}

/** The participants with their compose flags; a recipient whose card is not in yet is not called first contact. */
export function flagRecipients(options: {
  participants: readonly OrderedParticipant[];
  cards: ReadonlyMap<string, PersonCard>;
  userEmail: string | null;
}): OrderedParticipant[] {
  return options.participants.map((participant) => {
    if (participant.isSelf) return participant;
    const card = options.cards.get(participant.key);
    const flags: ParticipantFlags = {
      external: isExternalRecipient(participant, options.userEmail),
      firstContact: card !== undefined && isFirstContact(card),
    };
    return { ...participant, flags };
  });
}
