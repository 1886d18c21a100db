// Notes about people, shared with a team. Stored in the groups container (partitioned by
// tenant, like the teams they are shared with) as docType 'person-note'; every other reader of
// that container filters by its own docType. The person a note is about is checked with a
// point read of the people container, so a note can only be written about someone of the tenant.
import type { Container, JSONObject } from '@azure/cosmos';
import { AppError } from '../errors/app-error.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { queryAll } from './container-operations.ts';
import { recordStoreOperation } from './store-metrics.ts';

export interface NoteDocument {
  id: string;
  tenantId: string;
  docType: 'person-note';
  personId: string;
  /** The person's address when the note was written (for exports and deletes by address). */
  personEmail: string;
  teamId: string;
  text: string;
  author: { email: string; name: string | null };
  createdAt: string;
}

export interface NotesRepository {
  /** The person a note may be about: their address and name, or null when the tenant has no such person. */
  findPerson(tenantId: string, personId: string): Promise<{ email: string; displayName: string } | null>;
  /** Newest first, notes of the given teams only. */
  listForPerson(tenantId: string, personId: string, teamIds: readonly string[]): Promise<NoteDocument[]>;
  readNote(tenantId: string, noteId: string): Promise<NoteDocument | null>;
  create(note: NoteDocument): Promise<void>;
  remove(tenantId: string, noteId: string): Promise<void>;
}

async function readPoint<T>(container: Container, id: string, tenantId: string): Promise<T | null> {
  const { resource, requestCharge } = await container.item(id, tenantId).read<T & JSONObject>();
  recordStoreOperation('reads', 1, requestCharge);
  return (resource as T | undefined) ?? null;
}

export function createNotesRepository(store: Pick<CosmosStore, 'groups' | 'people'>): NotesRepository {
  const container = store.groups;
  return {
    async findPerson(tenantId, personId) {
      const person = await readPoint<{ tenantId: string; email: string; displayName?: { value?: string } }>(store.people, personId, tenantId);
      if (!person || person.tenantId !== tenantId) return null;
      return { email: person.email, displayName: person.displayName?.value ?? person.email };
    },
    listForPerson(tenantId, personId, teamIds) {
      return queryAll<NoteDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'person-note' AND c.personId = @personId AND ARRAY_CONTAINS(@teamIds, c.teamId) ORDER BY c.createdAt DESC",
        { tenantId, personId, teamIds: [...teamIds] },
        { partitionKey: tenantId },
      );
    },
    async readNote(tenantId, noteId) {
      const note = await readPoint<NoteDocument>(container, noteId, tenantId);
      return note?.docType === 'person-note' && note.tenantId === tenantId ? note : null;
    },
    async create(note) {
      const { requestCharge, statusCode } = await container.items.create(note as unknown as JSONObject);
      recordStoreOperation('writes', 1, requestCharge);
      if (statusCode >= 300) throw new AppError('unavailable', `Writing the note failed with status ${statusCode}`);
    },
    async remove(tenantId, noteId) {
      const { requestCharge } = await container.item(noteId, tenantId).delete();
      recordStoreOperation('writes', 1, requestCharge);
    },
  };
}
