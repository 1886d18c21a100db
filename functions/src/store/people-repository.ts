// People: one document per address per tenant. Changes go through mergeMany, a read-merge-write
// with ETags, because several mailboxes syncing at once update the same people.
import type { PersonDocument } from '../enrichment/person-document.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import { bulkDelete, bulkUpsert, queryAll } from './container-operations.ts';
import { AppError } from '../errors/app-error.ts';
import { recordStoreOperation } from './store-metrics.ts';

export interface PeopleRepository {
  findByEmails(tenantId: string, emails: readonly string[]): Promise<PersonDocument[]>;
  /** One record by its id (makePersonId); null when the tenant has none. */
  findById(tenantId: string, id: string): Promise<PersonDocument | null>;
  /**
   * The records an address list may mean, in one query: each address's own record and every
   * record that lists one of them as an alias (resolve with enrichment/people/resolve-aliases.ts).
   */
  findByAddresses(tenantId: string, emails: readonly string[]): Promise<PersonDocument[]>;
  /**
   * Each address's own record, by point reads of the ids the addresses give (makePersonId): one
   * request per 100 addresses, all sent at once, cheap whatever the container holds. Records
   * merged into another person carry `mergedInto`; their primary is a second read.
   */
  readByAddresses(tenantId: string, emails: readonly string[]): Promise<PersonDocument[]>;
  /** Every confirmed alias link of the tenant (the records merged into another): small, read per enrichment. */
  listAliasLinks(tenantId: string): Promise<{ email: string; mergedInto: string }[]>;
  listAll(tenantId: string): Promise<PersonDocument[]>;
  upsertMany(tenantId: string, people: readonly PersonDocument[]): Promise<void>;
  removeMany(tenantId: string, emails: readonly string[]): Promise<void>;
  /**
   * Applies `merge` to each person's current record (null when there is none) and writes what
   * changed, conditionally on the record not having changed meanwhile; a conflict re-reads and
   * merges again. `merge` must be pure. Returns how many records were written.
   */
  mergeMany(tenantId: string, emails: readonly string[], merge: (email: string, current: PersonDocument | null) => PersonDocument | null): Promise<number>;
}

const MAX_MERGE_ATTEMPTS = 8;

/** Cosmos adds _rid, _etag and friends on read; compare and merge without them. */
function stripSystemFields(document: PersonDocument): PersonDocument {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as unknown as PersonDocument;
}

const IN_CHUNK = 200;
/** Cosmos DB takes at most 100 operations per partition in one bulk request. */
const POINT_READ_CHUNK = 100;

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
    async findById(tenantId, id) {
      const [person] = await queryAll<PersonDocument>(container, 'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.id = @id', { tenantId, id }, { partitionKey: tenantId });
      return person ?? null;
    },
    findByAddresses(tenantId, emails) {
      return queryAll<PersonDocument>(
        container,
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND (ARRAY_CONTAINS(@emails, c.email) OR (IS_DEFINED(c.aliases) AND EXISTS(SELECT VALUE a FROM a IN c.aliases WHERE ARRAY_CONTAINS(@emails, a))))',
        { tenantId, emails: [...emails] },
        { partitionKey: tenantId },
      );
    },
    async readByAddresses(tenantId, emails) {
      const ids = [...new Set(emails.map((email) => makePersonId(tenantId, email)))];
      const chunks = Array.from({ length: Math.ceil(ids.length / POINT_READ_CHUNK) }, (_, index) => ids.slice(index * POINT_READ_CHUNK, (index + 1) * POINT_READ_CHUNK));
      const answers = await Promise.all(
        chunks.map(async (chunk) => {
          const results = await container.items.bulk(chunk.map((id) => ({ operationType: 'Read' as const, id, partitionKey: tenantId })));
          recordStoreOperation('reads', chunk.length, results.reduce((sum, result) => sum + (result.requestCharge ?? 0), 0));
          const failed = results.find((result) => result.statusCode >= 300 && result.statusCode !== 404);
          if (failed) throw new AppError('unavailable', `Reading people failed with status ${failed.statusCode}`);
          return results.filter((result) => result.statusCode === 200).map((result) => stripSystemFields(result.resourceBody as unknown as PersonDocument));
        }),
      );
      // The partition is the tenant: a record of another tenant cannot come back, but say so.
      return answers.flat().filter((person) => person.tenantId === tenantId);
    },
    listAliasLinks(tenantId) {
      return queryAll<{ email: string; mergedInto: string }>(
        container,
        'SELECT c.email, c.mergedInto FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.mergedInto)',
        { tenantId },
        { partitionKey: tenantId },
      );
    },
    listAll(tenantId) {
      return queryAll<PersonDocument>(container, 'SELECT * FROM c WHERE c.tenantId = @tenantId', { tenantId }, { partitionKey: tenantId });
    },
    async upsertMany(tenantId, people) {
      if (people.some((person) => person.tenantId !== tenantId)) throw new Error('person of another tenant');
      await bulkUpsert(container, people, (person) => person.tenantId);
    },
    async mergeMany(tenantId, emails, merge) {
      let pending = [...new Set(emails)];
      let written = 0;
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        if (attempt > MAX_MERGE_ATTEMPTS) throw new Error(`people records of ${tenantId} kept changing under us`);
        const current = new Map((await this.findByEmails(tenantId, pending)).map((person) => [person.email, person]));
        const conflicts: string[] = [];
        for (const email of pending) {
          const stored = current.get(email) as (PersonDocument & { _etag?: string }) | undefined;
          const before = stored ? stripSystemFields(stored) : null;
          const after = merge(email, before);
          if (!after || JSON.stringify(after) === JSON.stringify(before)) continue;
          if (after.tenantId !== tenantId) throw new Error('person of another tenant');
          try {
            const response = stored?._etag
              ? await container.item(after.id, tenantId).replace(after, { accessCondition: { type: 'IfMatch', condition: stored._etag } })
              : await container.items.create(after);
            recordStoreOperation('writes', 1, response.requestCharge);
            written += 1;
          } catch (error) {
            const code = (error as { code?: number }).code;
            if (code !== 412 && code !== 409) throw error;
            conflicts.push(email);
          }
        }
        pending = conflicts;
      }
      return written;
    },
    async removeMany(tenantId, emails) {
      await bulkDelete(container, emails.map((email) => ({ id: makePersonId(tenantId, email), partitionKey: tenantId })));
    },
  };
}
