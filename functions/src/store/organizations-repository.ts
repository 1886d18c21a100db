// The tenant's directory of organizations (partners an admin listed) and the overrides users
// made (edits, merges, splits; source 'manual'), in one container read whole per tenant.
import type { OverrideDocument } from '../enrichment/organizations/plan-organization-changes.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { bulkUpsert, queryAll } from './container-operations.ts';

export type OrganizationDocument = OverrideDocument;

export interface OrganizationsRepository {
  listAll(tenantId: string): Promise<OrganizationDocument[]>;
  upsertMany(tenantId: string, organizations: readonly OrganizationDocument[]): Promise<void>;
  /** One organization of the tenant, or null (also for another tenant's id). */
  findById(tenantId: string, id: string): Promise<OrganizationDocument | null>;
}

export function createOrganizationsRepository(store: Pick<CosmosStore, 'organizations'>): OrganizationsRepository {
  const container = store.organizations;
  return {
    listAll(tenantId) {
      return queryAll<OrganizationDocument>(container, 'SELECT * FROM c WHERE c.tenantId = @tenantId', { tenantId }, { partitionKey: tenantId });
    },
    async upsertMany(tenantId, organizations) {
      if (organizations.some((o) => o.tenantId !== tenantId)) throw new Error('organization of another tenant');
      await bulkUpsert(container, organizations, () => tenantId);
    },
    async findById(tenantId, id) {
      const found = await queryAll<OrganizationDocument>(
        container,
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.id = @id',
        { tenantId, id },
        { partitionKey: tenantId },
      );
      return found[0] ?? null;
    },
  };
}
