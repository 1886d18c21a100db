// The reads behind the pane's search: people by name or address, groups and the tenant's
// organizations by name (or domain), each one query on its own container, within the tenant's
// partition, a bounded number of rows. Ranking and visibility are the handler's.
import type { PersonDocument } from '../enrichment/person-document.ts';
import type { GroupDocument } from '../enrichment/group-documents.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { queryAll } from './container-operations.ts';
import type { OrganizationDocument } from './organizations-repository.ts';

export type PersonMatch = Pick<PersonDocument, 'id' | 'email' | 'displayName' | 'title' | 'organization'>;

export interface SearchRepository {
  /** People whose name contains the text or whose address starts with it (merged-away records left out). */
  findPeople(tenantId: string, text: string, limit: number): Promise<PersonMatch[]>;
  /** Groups whose name contains the text (visibility is checked by the caller). */
  findGroups(tenantId: string, text: string, limit: number): Promise<GroupDocument[]>;
  /** The tenant's organizations whose name contains the text or one of whose domains starts with it. */
  findOrganizations(tenantId: string, text: string, limit: number): Promise<OrganizationDocument[]>;
}

/** `text` must already be lower-case and trimmed. */
export function createSearchRepository(store: Pick<CosmosStore, 'people' | 'groups' | 'organizations'>): SearchRepository {
  return {
    findPeople(tenantId, text, limit) {
      return queryAll<PersonMatch>(
        store.people,
        'SELECT TOP @limit c.id, c.email, c.displayName, c.title, c.organization FROM c WHERE c.tenantId = @tenantId AND NOT IS_DEFINED(c.mergedInto) AND (CONTAINS(LOWER(c.displayName["value"]), @text) OR STARTSWITH(c.email, @text))',
        { tenantId, text, limit },
        { partitionKey: tenantId },
      );
    },
    findGroups(tenantId, text, limit) {
      return queryAll<GroupDocument>(
        store.groups,
        "SELECT TOP @limit * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'group' AND CONTAINS(LOWER(c.name), @text)",
        { tenantId, text, limit },
        { partitionKey: tenantId },
      );
    },
    findOrganizations(tenantId, text, limit) {
      return queryAll<OrganizationDocument>(
        store.organizations,
        'SELECT TOP @limit * FROM c WHERE c.tenantId = @tenantId AND NOT IS_DEFINED(c.mergedInto) AND (CONTAINS(LOWER(c.name), @text) OR EXISTS(SELECT VALUE d FROM d IN c.domains WHERE STARTSWITH(d, @text)))',
        { tenantId, text, limit },
        { partitionKey: tenantId },
      );
    },
  };
}
