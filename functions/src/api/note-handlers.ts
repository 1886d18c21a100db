// Notes about a person, shared with a team: read by the team's members, added by any of them,
// removed by their author (or a tenant admin). A person or note outside the caller's tenant,
// or a note of a team the caller is not in, is "not found". Every change is audited.
import { randomUUID } from 'node:crypto';
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { addPersonNoteRoute, listPersonNotesRoute, removePersonNoteRoute } from '../../../shared/api/note-routes.ts';
import { TENANT_TEAM_ID } from '../../../shared/domain/group.ts';
import type { AddNoteBody, PersonNote } from '../../../shared/domain/person-note.ts';
import { AppError } from '../errors/app-error.ts';
import type { NoteDocument, NotesRepository } from '../store/notes-repository.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { findTeamAccess, requireCaller, TENANT_TEAM_NAME, type Caller } from './group-access.ts';

function requireNotes(services: ApiServices): NotesRepository {
  const notes = services.repositories.notes;
  if (!notes) throw new AppError('unavailable', 'notes are not available on this server');
  return notes;
}

async function requirePerson(notes: NotesRepository, caller: Caller, personId: string) {
  const person = personId ? await notes.findPerson(caller.tenantId, personId) : null;
  if (!person) throw new AppError('not-found', `there is no person ${personId}`);
  return person;
}

/** The teams whose notes the caller reads, by id with their names: everyone's, and the caller's own teams. */
async function listReadableTeams(services: ApiServices, caller: Caller): Promise<Map<string, string>> {
  const teams = await services.repositories.teams.listTeamsOf(caller.tenantId, caller.email);
  return new Map([[TENANT_TEAM_ID, TENANT_TEAM_NAME], ...teams.map((team) => [team.id, team.name] as const)]);
}

function toNote(document: NoteDocument, teamName: string, caller: Caller): PersonNote {
  return {
    id: document.id,
    personId: document.personId,
    text: document.text,
    teamId: document.teamId,
    teamName,
    author: document.author,
    createdAt: document.createdAt,
    canRemove: caller.isAdmin || document.author.email === caller.email,
  };
}

export async function handleListPersonNotes(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof listPersonNotesRoute>> {
  const caller = requireCaller(input);
  const notes = requireNotes(services);
  const personId = input.params.personId ?? '';
  const [, teams] = await Promise.all([requirePerson(notes, caller, personId), listReadableTeams(services, caller)]);
  const documents = await notes.listForPerson(caller.tenantId, personId, [...teams.keys()]);
  return { notes: documents.map((document) => toNote(document, teams.get(document.teamId) ?? document.teamId, caller)) };
}

export async function handleAddPersonNote(services: ApiServices, input: HandlerInput<AddNoteBody>): Promise<RouteResponse<typeof addPersonNoteRoute>> {
  const caller = requireCaller(input);
  const notes = requireNotes(services);
  const personId = input.params.personId ?? '';
  const person = await requirePerson(notes, caller, personId);
  const teamId = input.body.teamId ?? TENANT_TEAM_ID;
  const access = await findTeamAccess(services, caller, teamId);
  if (!access || access.role === null) throw new AppError('not-found', `teamId: there is no team ${teamId}`);
  const document: NoteDocument = {
    id: randomUUID(),
    tenantId: caller.tenantId,
    docType: 'person-note',
    personId,
    personEmail: person.email,
    teamId: access.teamId,
    text: input.body.text.trim(),
    author: { email: caller.email, name: caller.name },
    createdAt: new Date().toISOString(),
  };
  await notes.create(document);
  await services.repositories.audit.append(caller.tenantId, [
    {
      at: document.createdAt,
      actor: document.author,
      action: 'note.add',
      targetType: 'person',
      targetId: document.id,
      personId,
      teamId: access.teamId,
      summary: `Added a note about ${person.displayName} for ${access.name}`,
      before: null,
      after: { text: document.text, teamId: access.teamId },
    },
  ]);
  return toNote(document, access.name, caller);
}

export async function handleRemovePersonNote(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof removePersonNoteRoute>> {
  const caller = requireCaller(input);
  const notes = requireNotes(services);
  const personId = input.params.personId ?? '';
  const noteId = input.params.noteId ?? '';
  const [person, note, teams] = await Promise.all([
    requirePerson(notes, caller, personId),
    noteId ? notes.readNote(caller.tenantId, noteId) : Promise.resolve(null),
    listReadableTeams(services, caller),
  ]);
  if (!note || note.personId !== personId || !teams.has(note.teamId)) throw new AppError('not-found', `there is no note ${noteId}`);
  if (note.author.email !== caller.email && !caller.isAdmin) throw new AppError('forbidden', 'only the author of a note (or an admin) may remove it');
  await notes.remove(caller.tenantId, note.id);
  await services.repositories.audit.append(caller.tenantId, [
    {
      at: new Date().toISOString(),
      actor: { email: caller.email, name: caller.name },
      action: 'note.remove',
      targetType: 'person',
      targetId: note.id,
      personId,
      teamId: note.teamId,
      summary: `Removed a note about ${person.displayName}`,
      before: { text: note.text, teamId: note.teamId },
      after: null,
    },
  ]);
  return { removed: note.id };
}
