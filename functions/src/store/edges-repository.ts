// Owner ↔ contact aggregates: strength and the owner's own last interactions with the contact.
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { bulkDelete, bulkUpsert, queryAll } from './container-operations.ts';

export interface EdgesRepository {
  findForOwner(tenantId: string, ownerEmail: string, contactEmails: readonly string[]): Promise<EdgeDocument[]>;
  /**
   * Every owner's edges to these contacts in the tenant (one query): the team view. Carries each
   * owner's own subjects, so callers must show another owner only the strength, never lastInteractions.
   */
  findForContacts(tenantId: string, contactEmails: readonly string[]): Promise<EdgeDocument[]>;
  /** Every edge with one of these people on either side (one query): the network map's strength ties. Same caveat on lastInteractions. */
  findTouching(tenantId: string, emails: readonly string[]): Promise<EdgeDocument[]>;
  /** Replaces all of an owner's edges with a freshly computed set. */
  replaceForOwner(tenantId: string, ownerEmail: string, edges: readonly EdgeDocument[]): Promise<void>;
}

export function createEdgesRepository(store: Pick<CosmosStore, 'edges'>): EdgesRepository {
  const container = store.edges;
  return {
    findForOwner(tenantId, ownerEmail, contactEmails) {
      return queryAll<EdgeDocument>(
        container,
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.ownerEmail = @ownerEmail AND ARRAY_CONTAINS(@contacts, c.contactEmail)',
        { tenantId, ownerEmail, contacts: contactEmails },
        { partitionKey: tenantId },
      );
    },
    findForContacts(tenantId, contactEmails) {
      return queryAll<EdgeDocument>(
        container,
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@contacts, c.contactEmail)',
        { tenantId, contacts: [...contactEmails] },
        { partitionKey: tenantId },
      );
    },
    findTouching(tenantId, emails) {
      return queryAll<EdgeDocument>(
        container,
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND (ARRAY_CONTAINS(@emails, c.ownerEmail) OR ARRAY_CONTAINS(@emails, c.contactEmail))',
        { tenantId, emails: [...emails] },
        { partitionKey: tenantId },
      );
    },
    async replaceForOwner(tenantId, ownerEmail, edges) {
      const existing = await queryAll<{ id: string }>(
        container,
        'SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.ownerEmail = @ownerEmail',
        { tenantId, ownerEmail },
        { partitionKey: tenantId },
      );
      const keep = new Set(edges.map((edge) => edge.id));
      await bulkUpsert(container, edges, () => tenantId);
      await bulkDelete(
        container,
        existing.filter((edge) => !keep.has(edge.id)).map((edge) => ({ id: edge.id, partitionKey: tenantId })),
      );
    },
  };
}
