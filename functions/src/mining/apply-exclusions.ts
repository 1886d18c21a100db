// Applies exclusion lists to a mined interaction, before anything is stored. Pure.
import { domainOfEmail } from '../../../shared/domain/email-address.ts';
import type { ExclusionList } from '../../../shared/domain/exclusions.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';

export interface ExclusionMatcher {
  matches(address: string): boolean;
  readonly empty: boolean;
}

/** One matcher over several lists (the tenant's and the owner's). A domain covers its subdomains. */
export function createExclusionMatcher(lists: readonly ExclusionList[]): ExclusionMatcher {
  const addresses = new Set(lists.flatMap((list) => list.addresses));
  const domains = new Set(lists.flatMap((list) => list.domains));
  return {
    empty: addresses.size === 0 && domains.size === 0,
    matches(address) {
      if (addresses.has(address)) return true;
      let domain = domainOfEmail(address);
      while (domain) {
        if (domains.has(domain)) return true;
        const dot = domain.indexOf('.');
        domain = dot < 0 ? '' : domain.slice(dot + 1);
      }
      return false;
    },
  };
}

/**
 * Returns the interaction without excluded people, or null when nothing may be kept: the sender
 * or organizer is excluded (the item is theirs), or no one but the owner would remain.
 */
export function excludeParticipants(interaction: Interaction, matcher: ExclusionMatcher): Interaction | null {
  if (matcher.empty) return interaction;
  const initiator = interaction.participants.find((p) => p.role === 'from' || p.role === 'organizer');
  if (initiator && initiator.email !== interaction.ownerEmail && matcher.matches(initiator.email)) return null;
  const kept = interaction.participants.filter((p) => p.email === interaction.ownerEmail || !matcher.matches(p.email));
  if (kept.length === interaction.participants.length) return interaction;
  if (!kept.some((p) => p.email !== interaction.ownerEmail)) return null;
  return { ...interaction, participants: kept };
}
