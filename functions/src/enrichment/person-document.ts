// The stored shape of a person, one per address per tenant. Fields added after the first
// release are optional, so records written before them stay valid and are filled in as
// new observations arrive.
import type { Attribute, AttributeSource } from '../../../shared/domain/attribute.ts';
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';

/** The attributes whose values are kept over time (functions/src/enrichment/people/attribute-history.ts). */
export const historyAttributes = ['title', 'department', 'company', 'phone', 'office'] as const;
export type HistoryAttribute = (typeof historyAttributes)[number];

/** One value of an attribute seen on one day from one source; `at` is the latest sighting that day. */
export interface AttributePoint {
  value: string;
  source: AttributeSource;
  day: string;
  at: string;
}

/** A value an attribute held, from its first to its last observation before the next value (null: still current). */
export interface AttributeHistoryEntry {
  attribute: HistoryAttribute;
  value: string;
  source: AttributeSource;
  from: string;
  to: string | null;
}

/** An attribute with the first sighting of its current value as well (Attribute.observedAt is the latest). */
export interface PersonAttribute extends Attribute {
  firstObservedAt?: string;
}

export interface PersonDocument {
  id: string;
  tenantId: string;
  email: string;
  displayName: PersonAttribute;
  title: PersonAttribute | null;
  department: PersonAttribute | null;
  /** The organization as a profile or contact names it (Graph companyName); `organization` is the one resolved from the domain. */
  company?: PersonAttribute | null;
  phone?: PersonAttribute | null;
  office?: PersonAttribute | null;
  /** In the tenant's own directory (has a Graph user profile). */
  inTenant: boolean;
  /** A shared mailbox of the tenant (sync-directory.ts): no relationships of its own. */
  sharedMailbox?: boolean;
  organization: OrganizationSummary | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Other addresses of this person, confirmed by a user: lookups by any of them find this record. */
  aliases?: string[];
  /** Set on a record whose address became an alias: the primary address it resolves to. */
  mergedInto?: string;
  /** Addresses a user said are someone else: never suggested as a merge again. */
  notSameAs?: string[];
  /** Sightings of each history attribute, most recent kept (bounded), from which `history` is derived. */
  observedValues?: Partial<Record<HistoryAttribute, AttributePoint[]>>;
  /** Values each attribute held over time, oldest first, bounded; derived from `observedValues`. */
  history?: AttributeHistoryEntry[];
}
