// The local Entra ID stand-in: Entra-shaped discovery and keys, the client-credentials grant
// for the functions' Graph token, and signing keys that persist across processes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { DATA_DIR } from '../../dev/local-ca.ts';
import {
  DEMO_TENANT_ID,
  GRAPH_APP_ROLES,
  deriveObjectId,
  issueLocalToken,
  loadIssuerKeys,
  startTokenIssuer,
} from '../../dev/token-issuer.ts';
import type { TokenIssuer } from '../../dev/token-issuer.ts';

let issuer: TokenIssuer;
const CLIENT = '4d2c8a1e-0000-4000-8000-000000000001';
const SECRET = 'test-fixture-client-secret';

beforeAll(async () => {
  issuer = await startTokenIssuer({ port: 0, clients: { [CLIENT]: SECRET } });
});

afterAll(async () => {
  await issuer.close();
});

async function fetchJwks(): Promise<JSONWebKeySet> {
  const response = await fetch(issuer.jwksUri);
  expect(response.status).toBe(200);
  return (await response.json()) as JSONWebKeySet;
}

async function requestToken(options: { tenant?: string; form: Record<string, string> }): Promise<Response> {
  return fetch(`${issuer.baseUrl}/${options.tenant ?? DEMO_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(options.form),
  });
}

describe('startTokenIssuer', () => {
  it('listens on loopback only', async () => {
    expect(issuer.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(startTokenIssuer({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('serves Entra-shaped OpenID configuration per tenant', async () => {
    const response = await fetch(`${issuer.baseUrl}/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: `${issuer.baseUrl}/${DEMO_TENANT_ID}/v2.0`,
      jwks_uri: issuer.jwksUri,
      token_endpoint: `${issuer.baseUrl}/${DEMO_TENANT_ID}/oauth2/v2.0/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect(issuer.issuerFor(DEMO_TENANT_ID)).toBe(metadata.issuer);

    const common = (await (await fetch(`${issuer.baseUrl}/common/v2.0/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(common.issuer).toBe(`${issuer.baseUrl}/{tenantid}/v2.0`);
  });

  it('publishes only the public key', async () => {
    const jwks = await fetchJwks();
    const keys = await loadIssuerKeys();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toEqual({ kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: keys.kid, alg: 'RS256', use: 'sig' });
    for (const privateMember of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
      expect(jwks.keys[0]).not.toHaveProperty(privateMember);
    }
  });

  it('issues Entra v2-shaped user tokens', async () => {
    const token = await issuer.issueToken({ user: 'dana.reyes@housing.cascadia.gov', name: 'Dana Reyes' });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: (await loadIssuerKeys()).kid });
    const { payload } = await jwtVerify(token, createLocalJWKSet(await fetchJwks()), {
      issuer: issuer.issuerFor(DEMO_TENANT_ID),
      audience: 'api://localhost/crosswalk',
    });
    expect(payload).toMatchObject({
      tid: DEMO_TENANT_ID,
      oid: deriveObjectId({ tenantId: DEMO_TENANT_ID, user: 'dana.reyes@housing.cascadia.gov' }),
      preferred_username: 'dana.reyes@housing.cascadia.gov',
      name: 'Dana Reyes',
      scp: 'access_as_user',
      ver: '2.0',
    });
    expect(typeof payload.sub).toBe('string');
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('refuses to mint a token for something that is not an address', async () => {
    await expect(issuer.issueToken({ user: 'dana' })).rejects.toThrow(/email address/);
    await expect(issuer.issueToken({ user: 'dana@x.gov', tenantId: 'contoso' })).rejects.toThrow(/GUID/);
  });

  it('answers the client-credentials grant with a Graph app token', async () => {
    const response = await requestToken({
      form: {
        grant_type: 'client_credentials',
        client_id: CLIENT,
        client_secret: SECRET,
        scope: 'https://graph.microsoft.com/.default',
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token_type: string; expires_in: number; access_token: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
    const { payload } = await jwtVerify(body.access_token, createLocalJWKSet(await fetchJwks()), {
      issuer: issuer.issuerFor(DEMO_TENANT_ID),
      audience: 'https://graph.microsoft.com',
      algorithms: ['RS256'],
    });
    expect(payload).toMatchObject({
      tid: DEMO_TENANT_ID,
      idtyp: 'app',
      roles: GRAPH_APP_ROLES,
      azp: '4d2c8a1e-0000-4000-8000-000000000001',
    });
    expect(GRAPH_APP_ROLES).toEqual(['Mail.ReadBasic.All', 'Calendars.ReadBasic.All', 'User.Read.All']);
    expect(payload).not.toHaveProperty('scp');
    expect(payload).not.toHaveProperty('preferred_username');
  });

  const graphScope = 'https://graph.microsoft.com/.default';
  const refusals: { name: string; tenant?: string; form: Record<string, string>; status: number; error: string }[] = [
    { name: 'another grant type', form: { grant_type: 'password' }, status: 400, error: 'unsupported_grant_type' },
    { name: 'no client id', form: { grant_type: 'client_credentials', client_secret: SECRET, scope: graphScope }, status: 400, error: 'invalid_request' },
    { name: 'an unregistered client', form: { grant_type: 'client_credentials', client_id: 'someone-else', client_secret: SECRET, scope: graphScope }, status: 400, error: 'unauthorized_client' },
    { name: 'no client secret', form: { grant_type: 'client_credentials', client_id: CLIENT, scope: graphScope }, status: 401, error: 'invalid_client' },
    { name: 'a wrong client secret', form: { grant_type: 'client_credentials', client_id: CLIENT, client_secret: `${SECRET}x`, scope: graphScope }, status: 401, error: 'invalid_client' },
    {
      name: 'a client assertion (no certificate is registered)',
      form: { grant_type: 'client_credentials', client_id: CLIENT, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: 'a.b.c', scope: graphScope },
      status: 401,
      error: 'invalid_client',
    },
    { name: 'a delegated scope', form: { grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope: 'User.Read' }, status: 400, error: 'invalid_scope' },
    {
      name: 'a tenant that is not a GUID',
      tenant: 'contoso.onmicrosoft.com',
      form: { grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope: graphScope },
      status: 400,
      error: 'invalid_request',
    },
  ];

  it.each(refusals)('refuses a token request with $name', async (row) => {
    const response = await requestToken({ tenant: row.tenant, form: row.form });
    expect(response.status).toBe(row.status);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: row.error, error_description: expect.any(String) });
    expect(body).not.toHaveProperty('access_token');
  });

  it('answers 404 for unknown routes', async () => {
    expect((await fetch(`${issuer.baseUrl}/nothing/here`)).status).toBe(404);
  });
});

describe('issuer keys', () => {
  it('are persisted under .data/issuer, and tokens signed without a server verify against it', async () => {
    expect(existsSync(join(DATA_DIR, 'issuer', 'signing-key.json'))).toBe(true);
    const token = await issueLocalToken({ user: 'jess.moreno@dhs.cascadia.gov', issuerBaseUrl: issuer.baseUrl });
    const { payload } = await jwtVerify(token, createLocalJWKSet(await fetchJwks()), { issuer: issuer.issuerFor(DEMO_TENANT_ID) });
    expect(payload.preferred_username).toBe('jess.moreno@dhs.cascadia.gov');
  });

  it('are created once even when several loaders race', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'crosswalk-issuer-'));
    try {
      // Different spellings of one directory bypass the in-process cache, as separate processes would.
      const loaded = await Promise.all([
        loadIssuerKeys({ directory }),
        loadIssuerKeys({ directory: `${directory}/.` }),
        loadIssuerKeys({ directory: `${directory}//` }),
      ]);
      const stored = JSON.parse(readFileSync(join(directory, 'signing-key.json'), 'utf8')) as { kid: string };
      expect(new Set(loaded.map((keys) => keys.kid))).toEqual(new Set([stored.kid]));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
