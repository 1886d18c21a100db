// What one rule of the resolution order can say about an organization, before it becomes the
// summary a card shows. Every source (directory, overrides, registry, domain rules) answers
// in this shape so resolve-organization.ts can treat them alike.
import type { OrganizationKind } from '../../../../shared/domain/organization-kind.ts';

export type OrganizationSource = 'directory' | 'manual' | 'dotgov' | 'domain-rule' | 'domain';

export interface OrganizationFacts {
  name: string;
  kind: OrganizationKind;
  /** The domain the organization is known by (the matched entry, not the address's host). */
  domain: string;
  source: OrganizationSource;
  /** E.g. "Federal · Executive", "County · Election office". */
  detail?: string;
  /** The registry's Organization name (the parent agency for a sub-organization). */
  agency?: string;
  subOrganization?: string;
  city?: string;
  /** Two-letter postal code. */
  state?: string;
}

/** Drops empty optional fields so documents and summaries compare equal however they were built. */
export function compactFacts<T extends object>(facts: T): T {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined && value !== '')) as T;
}
