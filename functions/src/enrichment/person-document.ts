// The stored shape of a person, one per address per tenant.
import type { Attribute } from '../../../shared/domain/attribute.ts';
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';

export interface PersonDocument {
  id: string;
  tenantId: string;
  email: string;
  displayName: Attribute;
  title: Attribute | null;
  department: Attribute | null;
  /** In the tenant's own directory (has a Graph user profile). */
  inTenant: boolean;
  organization: OrganizationSummary | null;
  firstSeenAt: string;
  lastSeenAt: string;
}
