// What an interaction tells about the people in it: who was seen, under which name, when.
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { isBulkAddress } from './detect-bulk-sender.ts';
import { parseDisplayName } from './parse-display-name.ts';

export interface PersonObservation {
  email: string;
  displayName: string;
  /** A title written into the display name ("Pat Okafor - Director"), if any. */
  titleFromName: string | null;
  /** An agency or unit written into the display name ("Morgan, Jess (HOUSING/HSD)"), if any. */
  unitFromName?: string | null;
  observedAt: string;
}

export function observePeople(interactions: readonly Interaction[]): PersonObservation[] {
  const observations: PersonObservation[] = [];
  for (const interaction of interactions) {
    for (const participant of interaction.participants) {
      if (isBulkAddress(participant.email)) continue;
      const parsed = parseDisplayName(participant.displayName);
      observations.push({
        email: participant.email,
        displayName: parsed.name,
        titleFromName: parsed.title,
        observedAt: interaction.at,
        ...(parsed.unit ? { unitFromName: parsed.unit } : {}),
      });
    }
  }
  return observations;
}
