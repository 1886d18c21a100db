// Merges freshly inferred suggestions with the stored ones, so a user's decision outlives
// re-mining: an accepted or dismissed suggestion keeps its id and status when the same finding
// comes back, even if a person joined or left its threads since (matched by member overlap);
// open suggestions nobody decided on are replaced by what the ledger shows now. Pure.
import { networkThresholds } from './network-thresholds.ts';
import type { SuggestionCandidate, SuggestionDocument } from './suggestion-document.ts';

export interface ReconciledSuggestions {
  /** Every suggestion to write (new, refreshed, and decided ones found again). */
  upserts: SuggestionDocument[];
  /** Open suggestions the ledger no longer supports. */
  removedIds: string[];
}

export function measureOverlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const shared = b.filter((email) => left.has(email)).length;
  const union = left.size + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

export function reconcileSuggestions(candidates: readonly SuggestionCandidate[], stored: readonly SuggestionDocument[]): ReconciledSuggestions {
  const byId = new Map(stored.map((document) => [document.id, document]));
  const claimed = new Set<string>();
  const upserts: SuggestionDocument[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    let match = byId.get(candidate.id);
    if (match && claimed.has(match.id)) continue;
    if (!match && (candidate.origin === 'recipient-set' || candidate.origin === 'community')) {
      // Member sets drift; a decided suggestion is recognised by who is in it.
      const emails = candidate.members.map((m) => m.email);
      let best: { document: SuggestionDocument; overlap: number } | null = null;
      for (const document of stored) {
        if (document.origin !== candidate.origin || document.status === 'open' || claimed.has(document.id)) continue;
        const overlap = measureOverlap(document.members.map((m) => m.email), emails);
        if (overlap >= networkThresholds.suggestions.minOverlapForSameSuggestion && (!best || overlap > best.overlap)) best = { document, overlap };
      }
      match = best?.document;
    }
    if (match) claimed.add(match.id);
    upserts.push({
      ...candidate,
      id: match?.id ?? candidate.id,
      status: match?.status ?? 'open',
      groupId: match?.groupId ?? null,
      decidedBy: match?.decidedBy ?? null,
      decidedAt: match?.decidedAt ?? null,
    });
  }
  const written = new Set(upserts.map((document) => document.id));
  const removedIds = stored.filter((document) => document.status === 'open' && !written.has(document.id)).map((document) => document.id);
  return { upserts, removedIds };
}
