// Hostile inputs against the API on the local stack: oversized and deeply nested bodies, wrong
// types, broken JSON and unicode tricks against every route that takes a body; header tricks on
// the raw socket; forged, expired, unsigned, alg-confused, wrong-cloud and wrong-audience
// tokens. Every one must get the right 4xx with the one JSON error body (no stack trace), never
// a 5xx, and the store must be exactly as before.
import { connect } from 'node:net';
import { createHmac } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import { DEFAULT_API_AUDIENCE, issueLocalToken, loadIssuerKeys } from '../../dev/token-issuer.ts';
import { routeTable, type RouteEntry } from '../../functions/src/http/route-table.ts';
import { snapshotStore, type StoreSnapshot } from './store-snapshot.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
const JESS = 'jess.morgan@housing.cascadia.gov';
let stack: Stack;
let before: StoreSnapshot;

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.1, addin: false });
  expect((await stack.sync()).failures).toEqual([]);
  before = await snapshotStore(stack);
}, 120_000);
afterAll(() => stack?.close());

/** The store must not change under any of these: each describe checks at its end. */
async function expectStoreUnchanged() {
  expect(await snapshotStore(stack)).toEqual(before);
}

const withBody = routeTable.filter((entry) => entry.route.method !== 'GET' && entry.route.method !== 'DELETE');
const pathOf = (entry: RouteEntry) => entry.route.path.replace(/\{\w+\}/g, 'no-such-thing');
let userCounter = 0;
/** A fresh admin user per call keeps this suite clear of the per-user rate limit. */
const token = () => stack.issueUserToken(`probe${(userCounter += 1)}@housing.cascadia.gov`, { roles: ['Crosswalk.Admin'] });

async function send(entry: RouteEntry, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.apiUrl}/${pathOf(entry)}`, {
    method: entry.route.method,
    headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function expectErrorBody(text: string, status: number) {
  const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error?.code).toBe('string');
  expect(body.error?.message ?? '').not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
}

describe.each(withBody.map((entry) => [`${entry.route.method} ${entry.route.path}`, entry] as const))('%s', (_label, entry) => {
  it('refuses a body over 256 KiB with 413', async () => {
    const { status, text } = await send(entry, JSON.stringify({ padding: 'x'.repeat(300 * 1024) }));
    expect(status, text).toBe(413);
    expectErrorBody(text, status);
  });

  it('refuses JSON nested 10,000 deep with 400, without a stack overflow', async () => {
    const { status, text } = await send(entry, '['.repeat(10_000) + ']'.repeat(10_000));
    expect(status, text).toBe(400);
    expectErrorBody(text, status);
    expect(JSON.parse(text).error.message).toMatch(/nests deeper/);
  });

  it('refuses broken JSON and wrong types with a 4xx naming the problem', async () => {
    const wrongTypes = ['{"a":', '[]', '"text"', '12', 'null', 'true', '{"emails":5,"members":"x","name":[],"email":{},"confirm":"yes"}', '\u0000'];
    for (const body of wrongTypes) {
      const { status, text } = await send(entry, body);
      expectErrorBody(text, status);
    }
  });
});

describe('unicode tricks', () => {
  const tricks = [
    `\u202Ejess.morgan@housing.cascadia.gov`, // right-to-left override
    `jess.morgan\u200B@housing.cascadia.gov`, // zero-width space
    `j\u0435ss.morgan@housing.cascadia.gov`, // Cyrillic е: a homoglyph of Jess's address
    `jess.morgan@housing.cascadia.gov\u0000`, // NUL
    `jess.morgan@h\u043Eusing.cascadia.gov`, // Cyrillic о in the domain
  ];

  it("never resolve to the real person's card", async () => {
    for (const email of tricks) {
      const response = await fetch(`${stack.apiUrl}/lookup`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ emails: [email] }),
      });
      const text = await response.text();
      expect(response.status, text).toBeLessThan(500);
      if (response.status === 200) expect(JSON.parse(text).people.every((card: { known: boolean }) => !card.known), email).toBe(true);
      else expectErrorBody(text, response.status);
    }
    const real = await fetch(`${stack.apiUrl}/lookup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await stack.issueUserToken(DANA)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ emails: [JESS] }),
    });
    expect(((await real.json()) as { people: { known: boolean }[] }).people[0]!.known).toBe(true);
  });

  it('are refused as addresses to act on (do not track, delete requests, exclusions)', async () => {
    for (const email of tricks.filter((t) => /[\u0000\u200B\u202E]/.test(t))) {
      for (const [path, body] of [
        ['privacy/do-not-track', { email, reason: 'probe' }],
        ['privacy/delete-requests', { email, confirm: true }],
      ] as const) {
        const response = await fetch(`${stack.apiUrl}/${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        expect(response.status, `${path} ${JSON.stringify(email)}`).toBe(400);
        expectErrorBody(text, response.status);
      }
    }
  });

  it('left the store as it was', expectStoreUnchanged);
});

/** Writes a raw HTTP/1.1 request (what fetch refuses to send) and reads the whole answer. */
function rawRequest(request: string): Promise<string> {
  const { hostname, port } = new URL(stack.apiUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
  });
}

describe('header tricks', () => {
  it("fetch itself refuses CR/LF in a header value, so they never leave a well-behaved client", async () => {
    await expect(fetch(`${stack.apiUrl}/health`, { headers: { 'x-probe': 'a\r\nauthorization: Bearer forged' } })).rejects.toThrow();
  });

  it.each([
    ['a bare CR in a header value', 'x-probe: a\rb\r\n'],
    ['a NUL in a header value', 'x-probe: a\u0000b\r\n'],
    ['a header name with a space', 'x probe: a\r\n'],
    ['obsolete line folding', 'x-probe: a\r\n folded\r\n'],
  ])('answers %s with 400 and the JSON error body', async (_name, header) => {
    const answer = await rawRequest(`POST /api/lookup HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n${header}content-length: 2\r\n\r\n{}`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expectErrorBody(body, 400);
  });

  it('answers headers over the size limit with 431 and the JSON error body', async () => {
    const answer = await rawRequest(`GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\nx-probe: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expectErrorBody(answer.slice(answer.indexOf('\r\n\r\n') + 4), 431);
  });

  it('answers an unknown path, a wrong method and a malformed escape with the JSON error body', async () => {
    for (const [method, path, status, allow] of [
      ['GET', 'api/nothing-here', 404, null],
      ['DELETE', 'api/lookup', 405, 'POST'],
      ['PATCH', 'api/exclusions/me', 405, 'GET, PUT'],
      ['GET', 'api/groups/%E0%A4%A', 404, null],
      ['GET', 'not-even-api', 404, null],
    ] as const) {
      const response = await fetch(`${stack.apiUrl.replace(/\/api$/, '')}/${path}`, { method, headers: { authorization: `Bearer ${await token()}` } });
      const text = await response.text();
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expectErrorBody(text, status);
    }
  });

  it('left the store as it was', expectStoreUnchanged);
});

describe('tokens', () => {
  const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const claims = (tenantId: string) => ({
    iss: `${stack.issuerBaseUrl}/${tenantId}/v2.0`,
    aud: DEFAULT_API_AUDIENCE,
    tid: tenantId,
    oid: '11111111-2222-4333-8444-555555555555',
    preferred_username: DANA,
    roles: ['Crosswalk.Admin'],
    iat: Math.floor(Date.now() / 1000) - 10,
    nbf: Math.floor(Date.now() / 1000) - 10,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });

  async function hostileTokens(): Promise<[string, string][]> {
    const tenantId = stack.tenant.tenantId;
    const keys = await loadIssuerKeys();
    const impostor = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims(tenantId)).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.kid }).sign(impostor.privateKey);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims(tenantId))}.`;
    // Algorithm confusion: HS256 keyed with the issuer's PUBLIC key, which anyone can fetch.
    const publicKeyText = JSON.stringify(keys.publicJwk);
    const hsInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: keys.kid })}.${base64url(claims(tenantId))}`;
    const hs256 = `${hsInput}.${createHmac('sha256', publicKeyText).update(hsInput).digest('base64url')}`;
    const [header, payload, signature] = (await stack.issueUserToken(DANA)).split('.') as [string, string, string];
    const tampered = `${header}.${base64url({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['Crosswalk.Admin'] })}.${signature}`;
    return [
      ['no Authorization header', ''],
      ['an empty bearer', 'Bearer '],
      ['another scheme', `Basic ${base64url('dana:password')}`],
      ['garbage', 'Bearer not.a.jwt'],
      // (Over 16 KB the whole header block is refused with 431, above.)
      ['a 12 KB garbage token', `Bearer ${'a'.repeat(12_000)}.b.c`],
      ['a token signed by another key under the real kid', `Bearer ${forged}`],
      ['an unsigned alg:none token', `Bearer ${unsigned}`],
      ['an HS256 token keyed with the public key', `Bearer ${hs256}`],
      ['a token with a claim changed after signing', `Bearer ${tampered}`],
      ['an expired token', `Bearer ${await stack.issueUserToken(DANA, { expiresInSeconds: -3600 })}`],
      ['a token for another audience', `Bearer ${await stack.issueUserToken(DANA, { audience: 'api://someone-else' })}`],
      // Another cloud: issued by the US Government sign-in authority, validated against this deployment's.
      ['a token from another cloud', `Bearer ${await issueLocalToken({ user: DANA, tenantId, issuerBaseUrl: 'https://login.microsoftonline.us' })}`],
      ['a token whose issuer names another tenant than its tid', `Bearer ${await issueLocalToken({ user: DANA, tenantId, issuerBaseUrl: `${stack.issuerBaseUrl}/0b0b0b0b-1111-4222-8333-944444444444/v2.0#` })}`],
    ];
  }

  it('each is refused with 401 on a read and on a write, never 5xx', async () => {
    const targets = [
      { method: 'POST', path: 'lookup', body: JSON.stringify({ emails: [JESS] }) },
      { method: 'PUT', path: 'exclusions/tenant', body: JSON.stringify({ addresses: [JESS], domains: [] }) },
      { method: 'POST', path: 'privacy/do-not-track', body: JSON.stringify({ email: JESS, reason: 'forged' }) },
    ];
    for (const [name, authorization] of await hostileTokens()) {
      for (const target of targets) {
        const response = await fetch(`${stack.apiUrl}/${target.path}`, {
          method: target.method,
          headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/json' },
          body: target.body,
        });
        const text = await response.text();
        expect(response.status, `${name} → ${target.method} ${target.path}: ${text}`).toBe(401);
        expectErrorBody(text, 401);
      }
    }
  });

  it('past the allowance of bad tokens per address (60 a minute) answers 429, while a valid token from that address still works', async () => {
    // The test above spent 39 of this address's allowance; spend the rest and one more.
    const statuses = new Set<number>();
    let refused: Response | null = null;
    for (let i = 0; i < 30 && !refused; i += 1) {
      const response = await fetch(`${stack.apiUrl}/lookup`, { method: 'POST', headers: { authorization: 'Bearer not.a.jwt', 'content-type': 'application/json' }, body: '{}' });
      statuses.add(response.status);
      if (response.status === 429) refused = response;
      else await response.text();
    }
    expect([...statuses].sort()).toEqual([401, 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expectErrorBody(await refused!.text(), 429);
    const valid = await fetch(`${stack.apiUrl}/lookup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ emails: [JESS] }),
    });
    expect(valid.status).toBe(200);
  });

  it('left the store as it was', expectStoreUnchanged);
});
