// Groups and memberships, in one container partitioned by tenant.
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { bulkDelete, bulkUpsert, queryAll } from './container-operations.ts';

export interface GroupsRepository {
  upsertGroups(tenantId: string, groups: readonly GroupDocument[]): Promise<void>;
  upsertMemberships(tenantId: string, memberships: readonly MembershipDocument[]): Promise<void>;
  listGroups(tenantId: string): Promise<GroupDocument[]>;
  findMembershipsForPeople(tenantId: string, emails: readonly string[]): Promise<MembershipDocument[]>;
  listMemberships(tenantId: string, options: { source: MembershipDocument['source'] }): Promise<MembershipDocument[]>;
  /** Replaces every inferred membership of the tenant with a freshly inferred set; manual ones stay. */
  replaceInferredMemberships(tenantId: string, memberships: readonly MembershipDocument[]): Promise<void>;
}

export function createGroupsRepository(store: Pick<CosmosStore, 'groups'>): GroupsRepository {
  const container = store.groups;
  const sameTenant = <T extends { tenantId: string }>(tenantId: string, documents: readonly T[]): readonly T[] => {
    if (documents.some((document) => document.tenantId !== tenantId)) throw new Error('document of another tenant');
    return documents;
  };
  return {
    async upsertGroups(tenantId, groups) {
      await bulkUpsert(container, sameTenant(tenantId, groups), () => tenantId);
    },
    async upsertMemberships(tenantId, memberships) {
      await bulkUpsert(container, sameTenant(tenantId, memberships), () => tenantId);
    },
    listGroups(tenantId) {
      return queryAll<GroupDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'group'",
        { tenantId },
        { partitionKey: tenantId },
      );
    },
    findMembershipsForPeople(tenantId, emails) {
      return queryAll<MembershipDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND ARRAY_CONTAINS(@emails, c.email)",
        { tenantId, emails },
        { partitionKey: tenantId },
      );
    },
    listMemberships(tenantId, options) {
      return queryAll<MembershipDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.source = @source",
        { tenantId, source: options.source },
        { partitionKey: tenantId },
      );
    },
    async replaceInferredMemberships(tenantId, memberships) {
      const existing = await queryAll<{ id: string }>(
        container,
        "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.source = 'inferred'",
        { tenantId },
        { partitionKey: tenantId },
      );
      const keep = new Set(memberships.map((membership) => membership.id));
      await bulkUpsert(container, sameTenant(tenantId, memberships), () => tenantId);
      await bulkDelete(
        container,
        existing.filter((m) => !keep.has(m.id)).map((m) => ({ id: m.id, partitionKey: tenantId })),
      );
    },
  };
}
