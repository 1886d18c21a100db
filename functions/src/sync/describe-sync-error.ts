// What a failed sync records about its error: the message, when, and its Graph bucket. Errors
// that are not Graph's (Cosmos, a bug) are "unknown": retried, then parked, never silent.
import type { SyncError } from '../../../shared/api/routes.ts';
import { GraphRequestError } from '../graph/read-graph-page.ts';

const MAX_MESSAGE_LENGTH = 500;

export function describeSyncError(error: unknown, at: Date): SyncError {
  const kind = error instanceof GraphRequestError ? error.failure.kind : 'unknown';
  const message = error instanceof Error ? error.message : String(error);
  return { message: message.slice(0, MAX_MESSAGE_LENGTH), at: at.toISOString(), kind };
}
