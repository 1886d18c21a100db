// Owner ↔ contact aggregates: strength and the owner's own last interactions with the contact.
// Each stored edge also carries its owner's display name, copied when the owner's edges are
// written, so the lookup's team view ("who knows this person best") needs no read of the
// owners' records: a name change shows from the owner's next enrichment.
import type { JSONObject } from '@azure/cosmos';
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import type { Strength } from '../../../shared/domain/person-card.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { bulkDelete, bulkUpsert, queryAll } from './container-operations.ts';
import { recordStoreOperation } from './store-metrics.ts';

/** An edge as stored: `ownerDisplayName` is null when the owner has no record, absent on edges written before it existed. */
export type StoredEdge = EdgeDocument & { ownerDisplayName?: string | null };

/** An edge's strength without the owner's interactions: what a team view may carry. */
export type EdgeStrength = Pick<EdgeDocument, 'id' | 'ownerEmail' | 'contactEmail'> & { strength: Pick<Strength, 'score' | 'label'> };

export interface EdgesRepository {
  findForOwner(tenantId: string, ownerEmail: string, contactEmails: readonly string[]): Promise<EdgeDocument[]>;
  /**
   * Every owner's edges to these contacts in the tenant (one query): the team view. Carries each
   * owner's own subjects, so callers must show another owner only the strength, never
   * lastInteractions; with `lastInteractionsOf`, only that owner's edges carry them (the others'
   * subjects never leave the database).
   */
  findForContacts(tenantId: string, contactEmails: readonly string[], options?: { lastInteractionsOf?: string }): Promise<StoredEdge[]>;
  /** The strength of every edge with one of these people on either side (one query): the network map's ties. Never the owner's interactions. */
  findStrengthsTouching(tenantId: string, emails: readonly string[]): Promise<EdgeStrength[]>;
  /** Replaces all of an owner's edges with a freshly computed set (stamped with the owner's display name). */
  replaceForOwner(tenantId: string, ownerEmail: string, edges: readonly EdgeDocument[]): Promise<void>;
}

export function createEdgesRepository(store: Pick<CosmosStore, 'edges' | 'people'>): EdgesRepository {
  const container = store.edges;
  async function readOwnerDisplayName(tenantId: string, ownerEmail: string): Promise<string | null> {
    const { resource, requestCharge } = await store.people.item(makePersonId(tenantId, ownerEmail), tenantId).read<PersonDocument & JSONObject>();
    recordStoreOperation('reads', 1, requestCharge);
    return resource?.tenantId === tenantId ? resource.displayName.value : null;
  }
  return {
    findForOwner(tenantId, ownerEmail, contactEmails) {
      return queryAll<EdgeDocument>(
        container,
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.ownerEmail = @ownerEmail AND ARRAY_CONTAINS(@contacts, c.contactEmail)',
        { tenantId, ownerEmail, contacts: contactEmails },
        { partitionKey: tenantId },
      );
    },
    findForContacts(tenantId, contactEmails, options = {}) {
      if (options.lastInteractionsOf === undefined) {
        return queryAll<StoredEdge>(
          container,
          'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@contacts, c.contactEmail)',
          { tenantId, contacts: [...contactEmails] },
          { partitionKey: tenantId },
        );
      }
      return queryAll<StoredEdge>(
        container,
        'SELECT c.id, c.tenantId, c.ownerEmail, c.ownerDisplayName, c.contactEmail, c.strength, (c.ownerEmail = @owner ? c.lastInteractions : []) AS lastInteractions ' +
          'FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@contacts, c.contactEmail)',
        { tenantId, contacts: [...contactEmails], owner: options.lastInteractionsOf },
        { partitionKey: tenantId },
      );
    },
    async findStrengthsTouching(tenantId, emails) {
      // Projected: subjects stay in the store, and a thousand edges stay small.
      const rows = await queryAll<{ id: string; ownerEmail: string; contactEmail: string; score: number; label: EdgeStrength['strength']['label'] }>(
        container,
        'SELECT c.id, c.ownerEmail, c.contactEmail, c.strength.score AS score, c.strength.label AS label FROM c WHERE c.tenantId = @tenantId AND (ARRAY_CONTAINS(@emails, c.ownerEmail) OR ARRAY_CONTAINS(@emails, c.contactEmail))',
        { tenantId, emails: [...emails] },
        { partitionKey: tenantId },
      );
      return rows.map((row) => ({ id: row.id, ownerEmail: row.ownerEmail, contactEmail: row.contactEmail, strength: { score: row.score, label: row.label } }));
    },
    async replaceForOwner(tenantId, ownerEmail, edges) {
      const existing = await queryAll<{ id: string }>(
        container,
        'SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.ownerEmail = @ownerEmail',
        { tenantId, ownerEmail },
        { partitionKey: tenantId },
      );
      const keep = new Set(edges.map((edge) => edge.id));
      const ownerDisplayName = edges.length > 0 ? await readOwnerDisplayName(tenantId, ownerEmail) : null;
      await bulkUpsert(container, edges.map((edge): StoredEdge => ({ ...edge, ownerDisplayName })), () => tenantId);
      await bulkDelete(
        container,
        existing.filter((edge) => !keep.has(edge.id)).map((edge) => ({ id: edge.id, partitionKey: tenantId })),
      );
    },
  };
}
