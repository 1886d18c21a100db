// The team view of a contact: who on the caller's team (for now every mailbox owner in the
// tenant) knows this person best. Aggregates only: a name, a score and its label, never a
// subject or an interaction from another owner's mailbox. Pure.
import type { TeamStrength } from '../../../shared/domain/person-card.ts';
import type { EdgeDocument } from '../enrichment/build-edges.ts';

export const TEAM_VIEW_SIZE = 5;

export interface RankTeamOptions {
  /** The edges of every owner to any of the person's addresses. */
  edges: readonly EdgeDocument[];
  /** The person's addresses: primary and aliases. */
  addresses: ReadonlySet<string>;
  /** Left out: the caller sees their own strength already, and the person is not on their own team. */
  excluded: ReadonlySet<string>;
  displayNameOf: (email: string) => string | undefined;
  limit?: number;
}

/** One entry per owner (their strongest edge to any of the addresses), strongest first, ties by name. */
export function rankTeam(options: RankTeamOptions): TeamStrength[] {
  const best = new Map<string, EdgeDocument>();
  for (const edge of options.edges) {
    if (!options.addresses.has(edge.contactEmail) || options.excluded.has(edge.ownerEmail)) continue;
    if (edge.strength.score <= 0) continue;
    const kept = best.get(edge.ownerEmail);
    if (!kept || edge.strength.score > kept.strength.score) best.set(edge.ownerEmail, edge);
  }
  return [...best.values()]
    .map((edge) => ({
      email: edge.ownerEmail,
      displayName: options.displayNameOf(edge.ownerEmail) ?? edge.ownerEmail,
      score: edge.strength.score,
      label: edge.strength.label,
    }))
    .sort((a, b) => b.score - a.score || a.displayName.localeCompare(b.displayName) || a.email.localeCompare(b.email))
    .slice(0, options.limit ?? TEAM_VIEW_SIZE);
}
