// Every Graph failure falls in one bucket: temporary, auth, bad cursor or unknown.
import { classifyGraphError, type GraphFailure } from '../../../functions/src/graph/classify-graph-error.ts';

/** Shaped like the Graph SDK's GraphError: statusCode, code, message and fetch Headers. */
function graphError(statusCode: number, code: string, message: string, headers?: Record<string, string>): Error {
  return Object.assign(new Error(message), { statusCode, code, ...(headers ? { headers: new Headers(headers) } : {}) });
}

describe('classifyGraphError', () => {
  it.each<[string, unknown, Omit<GraphFailure, 'message'>]>([
    ['429 with Retry-After', graphError(429, 'TooManyRequests', 'throttled', { 'Retry-After': '7' }), { kind: 'temporary', status: 429, retryAfterSeconds: 7 }],
    ['429 without Retry-After', graphError(429, 'TooManyRequests', 'throttled'), { kind: 'temporary', status: 429, retryAfterSeconds: null }],
    ['503 with Retry-After', graphError(503, 'ServiceUnavailable', 'busy', { 'retry-after': '30' }), { kind: 'temporary', status: 503, retryAfterSeconds: 30 }],
    ['504', graphError(504, 'GatewayTimeout', 'timeout', { 'Retry-After': '0' }), { kind: 'temporary', status: 504, retryAfterSeconds: 0 }],
    ['500', graphError(500, 'InternalServerError', 'oops'), { kind: 'temporary', status: 500, retryAfterSeconds: null }],
    ['410 Gone', graphError(410, 'Gone', 'delta token expired'), { kind: 'bad-cursor', status: 410, retryAfterSeconds: null }],
    ['syncStateNotFound', graphError(400, 'syncStateNotFound', 'sync state not found'), { kind: 'bad-cursor', status: 400, retryAfterSeconds: null }],
    ['resyncRequired', graphError(400, 'resyncRequired', 'resync'), { kind: 'bad-cursor', status: 400, retryAfterSeconds: null }],
    ['SyncStateInvalid', graphError(400, 'SyncStateInvalid', 'invalid'), { kind: 'bad-cursor', status: 400, retryAfterSeconds: null }],
    ['401', graphError(401, 'InvalidAuthenticationToken', 'token expired'), { kind: 'auth', status: 401, retryAfterSeconds: null }],
    ['403', graphError(403, 'ErrorAccessDenied', 'access denied'), { kind: 'auth', status: 403, retryAfterSeconds: null }],
    ['400 with an unknown code', graphError(400, 'BadRequest', 'invalid filter'), { kind: 'unknown', status: 400, retryAfterSeconds: null }],
    ['404', graphError(404, 'ErrorItemNotFound', 'not found'), { kind: 'unknown', status: 404, retryAfterSeconds: null }],
  ])('classifies %s', (_case, error, expected) => {
    expect(classifyGraphError(error)).toEqual({ ...expected, message: (error as Error).message });
  });

  it.each(['fetch failed', 'read ECONNRESET', 'connect ECONNREFUSED 127.0.0.1:443', 'connect ETIMEDOUT', 'socket hang up', 'Network error'])(
    'treats %j without a status as temporary: the request never got an answer',
    (message) => {
      expect(classifyGraphError(new TypeError(message))).toEqual({ kind: 'temporary', status: null, retryAfterSeconds: null, message });
    },
  );

  it('treats the SDK\'s placeholder status -1 as no status', () => {
    expect(classifyGraphError(graphError(-1, '', 'fetch failed'))).toMatchObject({ kind: 'temporary', status: null });
  });

  it.each(['Unexpected end of JSON input', 'Unterminated string in JSON at position 812'])(
    'retries a page whose body broke off: %s',
    (message) => {
      expect(classifyGraphError(new SyntaxError(message)).kind).toBe('temporary');
    },
  );

  it('does not retry an error without a status that is not a network failure', () => {
    expect(classifyGraphError(new Error('Invalid URL: /users/?'))).toEqual({
      kind: 'unknown',
      status: null,
      retryAfterSeconds: null,
      message: 'Invalid URL: /users/?',
    });
  });

  it('reads Retry-After from a plain header record', () => {
    expect(classifyGraphError({ statusCode: 429, message: 'throttled', headers: { 'retry-after': '12' } }).retryAfterSeconds).toBe(12);
  });

  it.each(['soon', '-5', 'Wed, 21 Oct 2026 07:28:00 GMT', ''])('ignores the unusable Retry-After %j', (value) => {
    expect(classifyGraphError(graphError(429, 'TooManyRequests', 'throttled', { 'Retry-After': value })).retryAfterSeconds).toBeNull();
  });

  it.each<[unknown, string]>([
    [null, 'null'],
    [undefined, 'undefined'],
    ['boom', 'boom'],
  ])('classifies the non-error %j as unknown', (thrown, message) => {
    expect(classifyGraphError(thrown)).toEqual({ kind: 'unknown', status: null, retryAfterSeconds: null, message });
  });
});

it('retries a page whose 200 answer broke off mid-body', () => {
  expect(classifyGraphError(Object.assign(new SyntaxError('Unterminated string in JSON at position 1784'), { statusCode: 200 })).kind).toBe('temporary');
});
