// What the person page needs from the API, as one injectable object: a single card (a person
// opened from search), the notes shared with the caller's teams, and those teams. main.tsx wires
// the API client; tests pass fakes.
import { addPersonNoteRoute, listPersonNotesRoute, removePersonNoteRoute } from '../../../../shared/api/note-routes.ts';
import { lookupRoute } from '../../../../shared/api/routes.ts';
import { listTeamsRoute } from '../../../../shared/api/group-routes.ts';
import type { Team } from '../../../../shared/domain/group.ts';
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { AddNoteBody, PersonNote } from '../../../../shared/domain/person-note.ts';
import type { ApiClient } from '../../api/api-client.ts';

export interface PersonServices {
  lookupPerson(email: string, signal?: AbortSignal): Promise<PersonCard>;
  listNotes(personId: string, signal?: AbortSignal): Promise<PersonNote[]>;
  addNote(personId: string, body: AddNoteBody): Promise<PersonNote>;
  removeNote(personId: string, noteId: string): Promise<void>;
  /** The teams a note can be shared with. */
  listTeams(signal?: AbortSignal): Promise<Team[]>;
}

export function createPersonServices(options: { client: ApiClient }): PersonServices {
  const { client } = options;
  return {
    async lookupPerson(email, signal) {
      const { people } = await client.callRoute(lookupRoute, { emails: [email] }, { signal });
      return people[0] ?? { email, known: false };
    },
    listNotes: async (personId, signal) => (await client.callRoute(listPersonNotesRoute, undefined, { params: { personId }, signal })).notes,
    addNote: (personId, body) => client.callRoute(addPersonNoteRoute, body, { params: { personId } }),
    removeNote: async (personId, noteId) => {
      await client.callRoute(removePersonNoteRoute, undefined, { params: { personId, noteId } });
    },
    listTeams: async (signal) => (await client.callRoute(listTeamsRoute, undefined, { signal })).teams,
  };
}
