// Suggestions, stored in the groups container (docType 'suggestion', partition /tenantId) beside
// the groups they become. Enrichment replaces the open ones wholesale; the API changes one at a
// time under its etag, so a decision made while enrichment runs is never lost silently.
import type { JSONObject } from '@azure/cosmos';
import type { SuggestionDocument } from '../enrichment/networks/suggestion-document.ts';
import { AppError } from '../errors/app-error.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { bulkDelete, bulkUpsert, queryAll } from './container-operations.ts';
import { recordStoreOperation } from './store-metrics.ts';

export interface SuggestionsRepository {
  listSuggestions(tenantId: string): Promise<SuggestionDocument[]>;
  readSuggestion(tenantId: string, id: string): Promise<SuggestionDocument | null>;
  /** 'conflict' when the stored suggestion changed since it was read. */
  replaceSuggestion(suggestion: SuggestionDocument, etag: string): Promise<SuggestionDocument | 'conflict'>;
  /** Writes enrichment's result: upserts these, deletes those (open suggestions no longer supported). */
  applySuggestions(tenantId: string, upserts: readonly SuggestionDocument[], removedIds: readonly string[]): Promise<void>;
}

function withoutSystemFields<T extends object>(document: T): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}

export function createSuggestionsRepository(store: Pick<CosmosStore, 'groups'>): SuggestionsRepository {
  const container = store.groups;
  return {
    listSuggestions(tenantId) {
      return queryAll<SuggestionDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'suggestion'",
        { tenantId },
        { partitionKey: tenantId },
      );
    },
    async readSuggestion(tenantId, id) {
      try {
        const { resource, requestCharge } = await container.item(id, tenantId).read<SuggestionDocument & JSONObject>();
        recordStoreOperation('reads', 1, requestCharge);
        const document = resource as SuggestionDocument | undefined;
        return document?.docType === 'suggestion' && document.tenantId === tenantId ? document : null;
      } catch (error) {
        if ((error as { code?: unknown }).code === 404) return null;
        throw error;
      }
    },
    async replaceSuggestion(suggestion, etag) {
      try {
        const { resource, requestCharge } = await container
          .item(suggestion.id, suggestion.tenantId)
          .replace<SuggestionDocument & JSONObject>(withoutSystemFields(suggestion) as SuggestionDocument & JSONObject, {
            accessCondition: { type: 'IfMatch', condition: etag },
          });
        recordStoreOperation('writes', 1, requestCharge);
        if (!resource) throw new AppError('unavailable', `replacing suggestion ${suggestion.id} returned nothing`);
        return resource as SuggestionDocument;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 412 || code === 404) return 'conflict';
        throw error;
      }
    },
    async applySuggestions(tenantId, upserts, removedIds) {
      if (upserts.some((document) => document.tenantId !== tenantId)) throw new Error('suggestion of another tenant');
      await bulkUpsert(container, upserts.map((document) => withoutSystemFields(document)), () => tenantId);
      await bulkDelete(container, removedIds.map((id) => ({ id, partitionKey: tenantId })));
    },
  };
}
