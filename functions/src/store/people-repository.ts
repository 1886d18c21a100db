// People: one document per address per tenant.
import type { PersonDocument } from '../enrichment/person-document.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import { bulkDelete, bulkUpsert, queryAll } from './container-operations.ts';

export interface PeopleRepository {
  findByEmails(tenantId: string, emails: readonly string[]): Promise<PersonDocument[]>;
  listAll(tenantId: string): Promise<PersonDocument[]>;
  upsertMany(tenantId: string, people: readonly PersonDocument[]): Promise<void>;
  removeMany(tenantId: string, emails: readonly string[]): Promise<void>;
}

const IN_CHUNK = 200;

export function createPeopleRepository(store: Pick<CosmosStore, 'people'>): PeopleRepository {
  const container = store.people;
  return {
    async findByEmails(tenantId, emails) {
      const results: PersonDocument[] = [];
      for (let start = 0; start < emails.length; start += IN_CHUNK) {
        const chunk = emails.slice(start, start + IN_CHUNK);
        results.push(
          ...(await queryAll<PersonDocument>(
            container,
            'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@emails, c.email)',
            { tenantId, emails: chunk },
            { partitionKey: tenantId },
          )),
        );
      }
      return results;
    },
    listAll(tenantId) {
      return queryAll<PersonDocument>(container, 'SELECT * FROM c WHERE c.tenantId = @tenantId', { tenantId }, { partitionKey: tenantId });
    },
    async upsertMany(tenantId, people) {
      if (people.some((person) => person.tenantId !== tenantId)) throw new Error('person of another tenant');
      await bulkUpsert(container, people, (person) => person.tenantId);
    },
    async removeMany(tenantId, emails) {
      await bulkDelete(container, emails.map((email) => ({ id: makePersonId(tenantId, email), partitionKey: tenantId })));
    },
  };
}
