// The tenant's directory of organizations (partners an admin listed, and merges users made).
import type { OrganizationEntry } from '../enrichment/resolve-organization.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { bulkUpsert, queryAll } from './container-operations.ts';

export interface OrganizationDocument extends OrganizationEntry {
  id: string;
  tenantId: string;
  source: 'directory' | 'manual';
}

export interface OrganizationsRepository {
  listAll(tenantId: string): Promise<OrganizationDocument[]>;
  upsertMany(tenantId: string, organizations: readonly OrganizationDocument[]): Promise<void>;
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
  };
}
