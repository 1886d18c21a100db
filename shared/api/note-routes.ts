// Notes about a person shared with a team: list the ones the caller's teams may read, add one,
// remove one's own. Every change is in the audit trail (note.add / note.remove).
import { z } from 'zod';
import { addNoteBodySchema, personNoteSchema } from '../domain/person-note.ts';
import { defineRoute } from './define-route.ts';

/** Newest first; only notes shared with a team the caller is in. */
export const listPersonNotesRoute = defineRoute({
  name: 'listPersonNotes',
  method: 'GET',
  path: 'people/{personId}/notes',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ notes: z.array(personNoteSchema) }),
});

export const addPersonNoteRoute = defineRoute({
  name: 'addPersonNote',
  method: 'POST',
  path: 'people/{personId}/notes',
  authenticated: true,
  body: addNoteBodySchema,
  response: personNoteSchema,
});

/** The author, or a tenant admin, removes a note. */
export const removePersonNoteRoute = defineRoute({
  name: 'removePersonNote',
  method: 'DELETE',
  path: 'people/{personId}/notes/{noteId}',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ removed: z.string() }),
});

export const noteRoutes = [listPersonNotesRoute, addPersonNoteRoute, removePersonNoteRoute] as const;
