// Graph's error responses: { error: { code, message, innerError: { date, request-id, ... } } },
// with the status codes and codes Graph uses for auth, missing items, throttling and lost sync state.
import type { GraphResponse } from './graph-http.ts';

export function createGraphError(status: number, code: string, message: string, headers: Record<string, string> = {}): GraphResponse {
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': headers['request-id'] ?? '', 'client-request-id': headers['client-request-id'] ?? '' },
      },
    },
  };
}

export function createBadRequest(message: string, code = 'BadRequest'): GraphResponse {
  return createGraphError(400, code, message);
}

export function createUnknownSegment(segment: string): GraphResponse {
  return createGraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

export function createInvalidUser(userIdOrUpn: string): GraphResponse {
  return createGraphError(404, 'ErrorInvalidUser', `The requested user '${userIdOrUpn}' is invalid.`);
}

export function createItemNotFound(): GraphResponse {
  return createGraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** 410 Gone for a delta token the server cannot continue from; Location restarts the sync, as Graph does. */
export function createSyncStateGone(code: 'syncStateNotFound' | 'resyncRequired', location: string | null): GraphResponse {
  const message =
    code === 'resyncRequired'
      ? 'The delta token is no longer valid, and the app must reset the sync state.'
      : 'The sync state generation is not found. The delta token is expired and data must be synchronized again.';
  return createGraphError(410, code, message, location ? { Location: location } : {});
}
