// The notes about one person: load them (and the teams a note can be shared with), add one,
// remove one. An add or remove answers with the API's own message when it fails.
import { useCallback, useEffect, useState } from 'react';
import type { Team } from '../../../../shared/domain/group.ts';
import type { PersonNote } from '../../../../shared/domain/person-note.ts';
import { isApiError } from '../../api/api-error.ts';
import type { PersonServices } from './person-services.ts';

export type NotesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; notes: PersonNote[]; teams: Team[] };

function describeFailure(error: unknown, fallback: string): string {
  return isApiError(error) ? error.message : fallback;
}

export function usePersonNotes(options: { services: PersonServices; personId: string }) {
  const { services, personId } = options;
  const [state, setState] = useState<NotesState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    Promise.all([services.listNotes(personId, controller.signal), services.listTeams(controller.signal).catch(() => [] as Team[])])
      .then(([notes, teams]) => {
        if (!controller.signal.aborted) setState({ status: 'ready', notes, teams });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: describeFailure(error, 'Could not load the notes.') });
      });
    return () => controller.abort();
  }, [services, personId, attempt]);

  const add = useCallback(
    async (text: string, teamId: string | undefined): Promise<boolean> => {
      setBusy(true);
      setActionError(null);
      try {
        const note = await services.addNote(personId, teamId ? { text, teamId } : { text });
        setState((current) => (current.status === 'ready' ? { ...current, notes: [note, ...current.notes] } : current));
        return true;
      } catch (error) {
        setActionError(describeFailure(error, 'Could not save the note.'));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [services, personId],
  );

  const remove = useCallback(
    async (noteId: string) => {
      setBusy(true);
      setActionError(null);
      try {
        await services.removeNote(personId, noteId);
        setState((current) => (current.status === 'ready' ? { ...current, notes: current.notes.filter((note) => note.id !== noteId) } : current));
      } catch (error) {
        setActionError(describeFailure(error, 'Could not remove the note.'));
      } finally {
        setBusy(false);
      }
    },
    [services, personId],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, busy, actionError, add, remove, retry };
}
