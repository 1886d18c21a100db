// The lookup route over HTTP on the local Functions host, with real token validation:
// bad input and bad tokens get a 4xx naming the problem, and nothing crashes.
import { startApiOnly, type ApiOnly } from '../../helpers/start-api-only.ts';

let api: ApiOnly;
let token: string;
const user = 'dana.reyes@housing.cascadia.gov';

beforeAll(async () => {
  api = await startApiOnly();
  token = await api.issuer.issueToken({ user });
});
afterAll(() => api.close());

async function postLookup(body: string | undefined, headers: Record<string, string> = { authorization: `Bearer ${token}` }) {
  const response = await fetch(`${api.apiUrl}/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string }; people?: unknown[] } };
}

const addresses = (n: number) => Array.from({ length: n }, (_, i) => `person${i}@example.gov`);

describe('POST /api/lookup rejects bad input with a message naming the problem', () => {
  it.each([
    ['missing body', undefined, /body is missing/],
    ['invalid JSON', '{"emails": [', /not valid JSON/],
    ['a non-object body', '"jess.morgan@housing.cascadia.gov"', /JSON object/],
    ['no emails field', '{}', /^emails/],
    ['emails not an array', '{"emails":"jess.morgan@housing.cascadia.gov"}', /^emails: must be an array/],
    ['an empty array', '{"emails":[]}', /^emails: must name at least one/],
    ['a malformed address', '{"emails":["jess.morgan@housing.cascadia.gov","not-an-address"]}', /^emails\[1\]: is not a valid email address/],
    ['a number instead of an address', '{"emails":[42]}', /^emails\[0\]: must be a string/],
    ['101 addresses', JSON.stringify({ emails: addresses(101) }), /^emails: must name at most 100/],
  ])('%s → 400', async (_name, body, message) => {
    const { status, body: answer } = await postLookup(body);
    expect(status).toBe(400);
    expect(answer.error?.code).toBe('bad-request');
    expect(answer.error?.message).toMatch(message);
  });

  it('accepts exactly 100 addresses', async () => {
    const { status, body } = await postLookup(JSON.stringify({ emails: addresses(100) }));
    expect(status).toBe(200);
    expect(body.people).toHaveLength(100);
  });
});

describe('POST /api/lookup requires a valid token', () => {
  it.each([
    ['no token', async () => ({}), /missing bearer token/],
    ['an expired token', async () => ({ authorization: `Bearer ${await api.issuer.issueToken({ user, expiresInSeconds: -120 })}` }), /expired/],
    ['a token for another audience', async () => ({ authorization: `Bearer ${await api.issuer.issueToken({ user, audience: 'api://someone-else' })}` }), /audience/],
    ['a token that is not a JWT', async () => ({ authorization: 'Bearer not.a.jwt' }), /malformed|invalid/],
  ])('%s → 401', async (_name, headers, message) => {
    const { status, body } = await postLookup(JSON.stringify({ emails: ['jess.morgan@housing.cascadia.gov'] }), await headers());
    expect(status).toBe(401);
    expect(body.error?.code).toBe('unauthenticated');
    expect(body.error?.message).toMatch(message);
  });
});

describe('the local host', () => {
  it('answers 404 in the error shape for an unknown route', async () => {
    const response = await fetch(`${api.apiUrl}/nothing-here`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });

  it('reports someone never seen as not known', async () => {
    const { status, body } = await postLookup(JSON.stringify({ emails: ['Stranger@Example.gov'] }));
    expect(status).toBe(200);
    expect(body.people).toEqual([{ email: 'stranger@example.gov', known: false }]);
  });
});
