// A tenant-owned organization: an entry of the tenant's directory (an admin listed it) or a
// manual override a user made (edit, merge target, split, or the tombstone of a merged
// organization). Stored in the organizations container; read by resolveOrganization first.
import type { OrganizationKind } from '../../../../shared/domain/organization-kind.ts';

export interface OrganizationEntry {
  name: string;
  kind: OrganizationKind;
  domains: string[];
  /** Stored entries have one; entries built in code (tests, seeds) may not. */
  id?: string;
  /** Absent means directory. */
  source?: 'directory' | 'manual';
  /** Set when this organization was merged into another: its domains now resolve there. */
  mergedInto?: string;
  /** ISO time of the last manual change; the latest human decision wins a tie. */
  updatedAt?: string;
  detail?: string;
  agency?: string;
  subOrganization?: string;
  city?: string;
  state?: string;
}

const DOMAIN_ID_PREFIX = 'domain:';

/**
 * The id of an organization no document describes yet (from the registry or the domain rules):
 * its domain, so the id stays the same when a user's edit later stores it.
 */
export function makeDomainOrganizationId(domain: string): string {
  return `${DOMAIN_ID_PREFIX}${domain.toLowerCase()}`;
}

/** The domain inside a domain-derived id, or null for a stored organization's id. */
export function readDomainOrganizationId(id: string): string | null {
  return id.startsWith(DOMAIN_ID_PREFIX) && id.length > DOMAIN_ID_PREFIX.length ? id.slice(DOMAIN_ID_PREFIX.length).toLowerCase() : null;
}
