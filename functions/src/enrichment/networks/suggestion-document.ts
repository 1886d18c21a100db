// The stored shape of a suggestion: in the groups container beside groups and memberships
// (docType 'suggestion', partition /tenantId), so accepting one and creating its group touch
// one partition.
import type { Suggestion, SuggestionOrigin } from '../../../../shared/domain/suggestion.ts';

export interface SuggestionDocument extends Omit<Suggestion, 'etag'> {
  tenantId: string;
  docType: 'suggestion';
  origin: SuggestionOrigin;
  /** What identifies it across re-mining: the series key, the list address, or the sorted member set. */
  key: string;
  /** Series suggestions: the inferred group the series already writes memberships to. */
  seriesGroupId?: string;
  updatedAt: string;
  _etag?: string;
}

/** A freshly inferred suggestion, before stored state (status, decisions) is merged in. */
export type SuggestionCandidate = Omit<SuggestionDocument, 'status' | 'groupId' | 'decidedBy' | 'decidedAt' | '_etag'>;
