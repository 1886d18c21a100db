// The typed API client: bearer token, response parsed with the route's schema, error bodies
// and network failures turned into ApiError.
import { lookupRoute } from '../../shared/api/routes.ts';
import { isApiError } from '../../addin/src/api/api-error.ts';
import type { ApiError } from '../../addin/src/api/api-error.ts';
import { buildRouteUrl, createApiClient } from '../../addin/src/api/api-client.ts';
import { jessCard } from './fixtures/demo-people.ts';

function makeClient(answer: (url: string, init: RequestInit) => Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const onUnauthenticated = vi.fn();
  const client = createApiClient({
    baseUrl: '/api/',
    getAccessToken: async () => 'token-123',
    onUnauthenticated,
    fetch: async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      return answer(String(input), init ?? {});
    },
  });
  return { client, calls, onUnauthenticated };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function catchApiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('createApiClient().callRoute', () => {
  it('posts the body with the bearer token and returns the parsed response', async () => {
    const { client, calls } = makeClient(async () => json(200, { people: [jessCard] }));
    const result = await client.callRoute(lookupRoute, { emails: ['jess.morgan@housing.cascadia.gov'] });
    expect(result.people[0]).toMatchObject({ known: true, displayName: 'Jess Morgan' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/lookup');
    expect(calls[0]?.init.method).toBe('POST');
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBe('Bearer token-123');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ emails: ['jess.morgan@housing.cascadia.gov'] });
  });

  it.each([
    { name: 'contract error body', status: 403, body: { error: { code: 'forbidden', message: 'Not your tenant.' } }, code: 'forbidden', message: 'Not your tenant.' },
    { name: 'rate limited', status: 429, body: { error: { code: 'rate-limited', message: 'Slow down.' } }, code: 'rate-limited', message: 'Slow down.' },
    { name: 'a body outside the contract falls back on the status', status: 503, body: { oops: true }, code: 'unavailable', message: 'Crosswalk answered with HTTP 503.' },
    { name: 'an unknown status is internal', status: 500, body: 'x', code: 'internal', message: 'Crosswalk answered with HTTP 500.' },
  ])('error: $name', async ({ status, body, code, message }) => {
    const { client } = makeClient(async () => json(status, body));
    const error = await catchApiError(client.callRoute(lookupRoute, { emails: ['a@b.gov'] }));
    expect({ status: error.status, code: error.code, message: error.message }).toEqual({ status, code, message });
  });

  it('reports 401 so the token is dropped', async () => {
    const { client, onUnauthenticated } = makeClient(async () => json(401, { error: { code: 'unauthenticated', message: 'Expired.' } }));
    const error = await catchApiError(client.callRoute(lookupRoute, { emails: ['a@b.gov'] }));
    expect(error.code).toBe('unauthenticated');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into "unavailable" with a human message', async () => {
    const { client } = makeClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await catchApiError(client.callRoute(lookupRoute, { emails: ['a@b.gov'] }));
    expect(error.status).toBe(0);
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/not reachable/);
  });

  it('rejects a response that does not match the route schema', async () => {
    const { client } = makeClient(async () => json(200, { people: [{ email: 'a@b.gov', known: 'maybe' }] }));
    const error = await catchApiError(client.callRoute(lookupRoute, { emails: ['a@b.gov'] }));
    expect(error.code).toBe('internal');
  });
});

describe('buildRouteUrl', () => {
  it.each([
    { baseUrl: '/api', path: 'lookup', params: undefined, expected: '/api/lookup' },
    { baseUrl: 'https://x.example/api/', path: '/lookup', params: undefined, expected: 'https://x.example/api/lookup' },
    { baseUrl: '/api', path: 'groups/{id}/members', params: { id: 'a b/c' }, expected: '/api/groups/a%20b%2Fc/members' },
  ])('$baseUrl + $path → $expected', ({ baseUrl, path, params, expected }) => {
    expect(buildRouteUrl({ baseUrl, path, params })).toBe(expected);
  });

  it('refuses a missing parameter', () => {
    expect(() => buildRouteUrl({ baseUrl: '/api', path: 'groups/{id}', params: {} })).toThrow('Missing route parameter "id"');
  });
});
