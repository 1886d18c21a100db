// An attribute value with its provenance: where it came from, when, how sure we are.
export type AttributeSource = 'graph-profile' | 'contact' | 'display-name' | 'signature' | 'manual' | 'inferred';

export interface Attribute<T = string> {
  value: T;
  source: AttributeSource;
  observedAt: string;
  confidence: number;
}

/** How much each source is trusted when two disagree. */
export const sourceRank: Record<AttributeSource, number> = {
  manual: 5,
  'graph-profile': 4,
  contact: 3,
  signature: 2,
  'display-name': 1,
  inferred: 0,
};
