// An attribute value with its provenance: where it came from, when, how sure we are.
// graph-profile: the tenant's directory; contact: a mailbox owner's Outlook contact; graph-people:
// a mailbox owner's Graph people list (relevance-ranked, aggregated by Microsoft 365).
export type AttributeSource = 'graph-profile' | 'contact' | 'graph-people' | 'display-name' | 'signature' | 'manual' | 'inferred';

export interface Attribute<T = string> {
  value: T;
  source: AttributeSource;
  observedAt: string;
  confidence: number;
}

/** How much each source is trusted when two disagree. */
export const sourceRank: Record<AttributeSource, number> = {
  manual: 6,
  'graph-profile': 5,
  contact: 4,
  'graph-people': 3,
  signature: 2,
  'display-name': 1,
  inferred: 0,
};
