// The Azure Functions registrations serve the same handlers as the local host: an HttpRequest
// as the Functions runtime builds it goes through the shared route table to the same answer.
import functions from '@azure/functions';
import { createHttpHandler } from '../../functions/src/index.ts';
import { listUnservedMethods } from '../../functions/src/http/match-route.ts';
import { routeTable } from '../../functions/src/http/route-table.ts';
import type { AppServices } from '../../functions/src/create-services.ts';
import { createAccessTokenVerifier } from '../../functions/src/auth/verify-access-token.ts';
import { DEFAULT_API_AUDIENCE } from '../../dev/token-issuer.ts';
import { startApiOnly, type ApiOnly } from '../helpers/start-api-only.ts';

const { HttpRequest, InvocationContext } = functions;
let api: ApiOnly;
let services: AppServices;

beforeAll(async () => {
  api = await startApiOnly();
  services = {
    repositories: api.repositories,
    verifyAccessToken: createAccessTokenVerifier({
      jwksUri: api.issuer.jwksUri,
      issuerTemplate: `${api.issuer.baseUrl}/{tenantid}/v2.0`,
      audience: DEFAULT_API_AUDIENCE,
    }),
    graph: undefined as never,
    close: () => undefined,
  };
});
afterAll(() => api.close());

const lookupEntry = () => routeTable.find((entry) => entry.route.name === 'lookup')!;

async function invoke(body: string, authorization?: string) {
  const request = new HttpRequest({
    method: 'POST',
    url: 'https://crosswalk.example.gov/api/lookup',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: { string: body },
  });
  return createHttpHandler(lookupEntry(), async () => services)(request, new InvocationContext({ functionName: 'lookup' }));
}

it('answers a lookup like the local host does', async () => {
  const token = await api.issuer.issueToken({ user: 'dana.reyes@housing.cascadia.gov' });
  const response = await invoke(JSON.stringify({ emails: ['someone@example.gov'] }), `Bearer ${token}`);
  expect(response.status).toBe(200);
  // (The first-contact answer for the unknown address rides along in `safety`: lookup-safety-api.test.ts.)
  expect((response.jsonBody as { people: unknown }).people).toEqual([{ email: 'someone@example.gov', known: false }]);
});

it('answers bad input with 400 naming the field', async () => {
  const token = await api.issuer.issueToken({ user: 'dana.reyes@housing.cascadia.gov' });
  const response = await invoke(JSON.stringify({ emails: ['nope'] }), `Bearer ${token}`);
  expect(response.status).toBe(400);
  expect(response.jsonBody).toMatchObject({ error: { code: 'bad-request', message: expect.stringMatching(/^emails\[0\]/) } });
});

it('answers a missing token with 401', async () => {
  const response = await invoke(JSON.stringify({ emails: ['someone@example.gov'] }));
  expect(response.status).toBe(401);
});

it('registers one HTTP function per route of the shared table, with its method and path', async () => {
  const http = vi.spyOn(functions.app, 'http').mockImplementation(() => undefined);
  vi.spyOn(functions.app, 'timer').mockImplementation(() => undefined);
  vi.resetModules();
  await import('../../functions/src/index.ts');
  const registered = http.mock.calls.map(([name, options]) => [name, options.methods, options.route]);
  expect(registered.slice(0, routeTable.length)).toEqual(routeTable.map((entry) => [entry.route.name, [entry.route.method], entry.route.path]));
  // Then, per path, the methods no route takes there: 405 with Allow instead of the host's bare 404.
  expect(registered.slice(routeTable.length)).toEqual(listUnservedMethods(routeTable).map((unserved) => [unserved.name, unserved.methods, unserved.path]));
  const lookupFallback = http.mock.calls.find(([name]) => name === 'lookup-method-not-allowed')![1] as { handler: (request: InstanceType<typeof HttpRequest>) => Promise<{ status: number; headers: Record<string, string>; jsonBody: unknown }> };
  const answer = await lookupFallback.handler(new HttpRequest({ method: 'GET', url: 'https://crosswalk.example.gov/api/lookup' }));
  expect(answer.status).toBe(405);
  expect(answer.headers.allow).toBe('POST');
  expect(answer.jsonBody).toEqual({ error: { code: 'method-not-allowed', message: 'GET is not allowed on /api/lookup; use POST' } });
  vi.restoreAllMocks();
});
