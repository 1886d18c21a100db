// The API's token validation against the local issuer: a good token yields the caller, and
// each way a token can be wrong is refused with a message that names the problem.
import { exportSPKI, generateKeyPair, importJWK, SignJWT, UnsecuredJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { DEMO_TENANT_ID, loadIssuerKeys, startTokenIssuer } from '../../../dev/token-issuer.ts';
import type { TokenIssuer } from '../../../dev/token-issuer.ts';
import { createAccessTokenVerifier } from '../../../functions/src/auth/verify-access-token.ts';
import type { AccessTokenVerifier } from '../../../functions/src/auth/verify-access-token.ts';
import type { AuthConfig } from '../../../functions/src/auth/auth-config.ts';
import { AppError } from '../../../functions/src/errors/app-error.ts';

const AUDIENCE = 'api://localhost/crosswalk';
const USER = 'Dana.Reyes@housing.cascadia.gov';
const OTHER_TENANT_ID = '0b5a9d3e-6f21-4c0a-8e7d-3a9c2b1f4e58';

let issuer: TokenIssuer;
let config: AuthConfig;
let verify: AccessTokenVerifier;

beforeAll(async () => {
  issuer = await startTokenIssuer({ port: 0 });
  config = {
    jwksUri: issuer.jwksUri,
    issuerTemplate: `${issuer.baseUrl}/{tenantid}/v2.0`,
    audience: AUDIENCE,
  };
  verify = createAccessTokenVerifier(config);
});

afterAll(async () => {
  await issuer.close();
});

/** A token signed with the issuer's own key but with any claims, to reach checks past the signature. */
async function signWithIssuerKey(claims: JWTPayload): Promise<string> {
  const keys = await loadIssuerKeys();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(keys.privateKey);
}

async function expectRejection(options: { header: string | undefined; message: string; verifier?: AccessTokenVerifier }) {
  const error = await (options.verifier ?? verify)(options.header).then(
    () => {
      throw new Error('expected the token to be rejected');
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'unauthenticated' });
  expect((error as AppError).message).toContain(options.message);
  return error as AppError;
}

describe('createAccessTokenVerifier', () => {
  it('accepts a token from the local issuer and yields the caller', async () => {
    const token = await issuer.issueToken({ user: USER, name: 'Dana Reyes', roles: ['Crosswalk.Admin'] });
    const caller = await verify(`Bearer ${token}`);
    expect(caller).toEqual({
      tenantId: DEMO_TENANT_ID,
      objectId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      userPrincipalName: 'dana.reyes@housing.cascadia.gov',
      name: 'Dana Reyes',
      scopes: ['access_as_user'],
      roles: ['Crosswalk.Admin'],
    });
  });

  it('gives the same user the same object id every time, and another tenant another one', async () => {
    const first = await verify(`Bearer ${await issuer.issueToken({ user: USER })}`);
    const second = await verify(`bearer ${await issuer.issueToken({ user: USER.toLowerCase() })}`);
    const elsewhere = await verify(`Bearer ${await issuer.issueToken({ user: USER, tenantId: OTHER_TENANT_ID })}`);
    expect(second.objectId).toBe(first.objectId);
    expect(elsewhere.objectId).not.toBe(first.objectId);
    expect(elsewhere.tenantId).toBe(OTHER_TENANT_ID);
    expect(first.name).toBeNull();
  });

  it('accepts an audience from a list, and tokens of tenants on the allow-list', async () => {
    const verifier = createAccessTokenVerifier({
      ...config,
      audience: ['api://other', AUDIENCE],
      allowedTenants: [DEMO_TENANT_ID.toUpperCase()],
    });
    const caller = await verifier(`Bearer ${await issuer.issueToken({ user: USER })}`);
    expect(caller.tenantId).toBe(DEMO_TENANT_ID);
  });

  it('verifies against given keys without fetching them', async () => {
    const keys = await loadIssuerKeys();
    const verifier = createAccessTokenVerifier({ ...config, jwksUri: 'http://127.0.0.1:9/unused', jwks: { keys: [keys.publicJwk] } });
    const caller = await verifier(`Bearer ${await issuer.issueToken({ user: USER })}`);
    expect(caller.userPrincipalName).toBe('dana.reyes@housing.cascadia.gov');
  });

  const rejections: { name: string; header: () => Promise<string | undefined>; message: string; config?: Partial<AuthConfig> }[] = [
    { name: 'a missing header', header: async () => undefined, message: 'missing bearer token' },
    { name: 'an empty header', header: async () => '  ', message: 'missing bearer token' },
    {
      name: 'a non-Bearer scheme',
      header: async () => `Basic ${Buffer.from('dana:secret').toString('base64')}`,
      message: 'authorization header is not a bearer token',
    },
    { name: 'a Bearer without token', header: async () => 'Bearer ', message: 'authorization header is not a bearer token' },
    { name: 'garbage', header: async () => 'Bearer not-a-jwt', message: 'token is malformed' },
    { name: 'three garbage segments', header: async () => 'Bearer aaa.bbb.ccc', message: 'token is malformed' },
    {
      name: 'an expired token',
      header: async () => `Bearer ${await issuer.issueToken({ user: USER, expiresInSeconds: -600 })}`,
      message: 'token expired',
    },
    {
      name: 'a token for another audience',
      header: async () => `Bearer ${await issuer.issueToken({ user: USER, audience: 'https://graph.microsoft.com' })}`,
      message: 'token audience is not accepted',
    },
    {
      name: 'an issuer that does not match the tid',
      header: async () =>
        `Bearer ${await signWithIssuerKey({
          iss: issuer.issuerFor(OTHER_TENANT_ID),
          aud: AUDIENCE,
          tid: DEMO_TENANT_ID,
          oid: '11111111-2222-4333-8444-555555555555',
          preferred_username: USER,
        })}`,
      message: 'token issuer does not match its tenant',
    },
    {
      name: 'a token from another issuer (other authority)',
      header: async () =>
        `Bearer ${await signWithIssuerKey({
          iss: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`,
          aud: AUDIENCE,
          tid: DEMO_TENANT_ID,
          oid: '11111111-2222-4333-8444-555555555555',
          preferred_username: USER,
        })}`,
      message: 'token issuer does not match its tenant',
    },
    {
      name: 'a token signed by another key with the same kid',
      header: async () => {
        const { kid } = await loadIssuerKeys();
        const { privateKey } = await generateKeyPair('RS256');
        const now = Math.floor(Date.now() / 1000);
        const token = await new SignJWT({ tid: DEMO_TENANT_ID, oid: '11111111-2222-4333-8444-555555555555', preferred_username: USER })
          .setProtectedHeader({ alg: 'RS256', kid })
          .setIssuer(issuer.issuerFor(DEMO_TENANT_ID))
          .setAudience(AUDIENCE)
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .sign(privateKey);
        return `Bearer ${token}`;
      },
      message: 'token signature is invalid',
    },
    {
      name: 'a token signed by an unknown key',
      header: async () => {
        const { privateKey } = await generateKeyPair('RS256');
        const now = Math.floor(Date.now() / 1000);
        const token = await new SignJWT({ tid: DEMO_TENANT_ID, oid: '11111111-2222-4333-8444-555555555555', preferred_username: USER })
          .setProtectedHeader({ alg: 'RS256', kid: 'attacker-key' })
          .setIssuer(issuer.issuerFor(DEMO_TENANT_ID))
          .setAudience(AUDIENCE)
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .sign(privateKey);
        return `Bearer ${token}`;
      },
      message: 'token signature is invalid',
    },
    {
      name: 'an unsigned alg:none token',
      header: async () => {
        const token = new UnsecuredJWT({ tid: DEMO_TENANT_ID, oid: '11111111-2222-4333-8444-555555555555', preferred_username: USER })
          .setIssuer(issuer.issuerFor(DEMO_TENANT_ID))
          .setAudience(AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('10m')
          .encode();
        return `Bearer ${token}`;
      },
      message: 'token algorithm is not accepted',
    },
    {
      name: 'an HS256 token keyed with the public key bytes (algorithm confusion)',
      header: async () => {
        const keys = await loadIssuerKeys();
        const publicPem = await exportSPKI((await importJWK(keys.publicJwk, 'RS256')) as CryptoKey);
        const token = await new SignJWT({ tid: DEMO_TENANT_ID, oid: '11111111-2222-4333-8444-555555555555', preferred_username: USER })
          .setProtectedHeader({ alg: 'HS256', kid: keys.kid })
          .setIssuer(issuer.issuerFor(DEMO_TENANT_ID))
          .setAudience(AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode(publicPem));
        return `Bearer ${token}`;
      },
      message: 'token algorithm is not accepted',
    },
    {
      name: 'a token without tid',
      header: async () =>
        `Bearer ${await signWithIssuerKey({
          iss: issuer.issuerFor(DEMO_TENANT_ID),
          aud: AUDIENCE,
          oid: '11111111-2222-4333-8444-555555555555',
          preferred_username: USER,
        })}`,
      message: 'token has no valid tenant id (tid)',
    },
    {
      name: 'a token whose tid is not a GUID',
      header: async () =>
        `Bearer ${await signWithIssuerKey({
          iss: issuer.issuerFor('common'),
          aud: AUDIENCE,
          tid: 'common',
          oid: '11111111-2222-4333-8444-555555555555',
          preferred_username: USER,
        })}`,
      message: 'token has no valid tenant id (tid)',
    },
    {
      name: 'a token without oid',
      header: async () =>
        `Bearer ${await signWithIssuerKey({
          iss: issuer.issuerFor(DEMO_TENANT_ID),
          aud: AUDIENCE,
          tid: DEMO_TENANT_ID,
          preferred_username: USER,
        })}`,
      message: 'token has no valid object id (oid)',
    },
    {
      name: 'a token without a user name',
      header: async () =>
        `Bearer ${await signWithIssuerKey({
          iss: issuer.issuerFor(DEMO_TENANT_ID),
          aud: AUDIENCE,
          tid: DEMO_TENANT_ID,
          oid: '11111111-2222-4333-8444-555555555555',
        })}`,
      message: 'token has no user name',
    },
    {
      name: 'a token without exp',
      header: async () => {
        const keys = await loadIssuerKeys();
        const token = await new SignJWT({ tid: DEMO_TENANT_ID, oid: '11111111-2222-4333-8444-555555555555', preferred_username: USER })
          .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
          .setIssuer(issuer.issuerFor(DEMO_TENANT_ID))
          .setAudience(AUDIENCE)
          .setIssuedAt()
          .sign(keys.privateKey);
        return `Bearer ${token}`;
      },
      message: 'token has no "exp" claim',
    },
    {
      name: 'a token not yet valid',
      header: async () => {
        const keys = await loadIssuerKeys();
        const now = Math.floor(Date.now() / 1000);
        const token = await new SignJWT({ tid: DEMO_TENANT_ID, oid: '11111111-2222-4333-8444-555555555555', preferred_username: USER })
          .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
          .setIssuer(issuer.issuerFor(DEMO_TENANT_ID))
          .setAudience(AUDIENCE)
          .setIssuedAt(now)
          .setNotBefore(now + 3600)
          .setExpirationTime(now + 7200)
          .sign(keys.privateKey);
        return `Bearer ${token}`;
      },
      message: 'token is not yet valid',
    },
    {
      name: 'a tenant not on the allow-list',
      header: async () => `Bearer ${await issuer.issueToken({ user: USER, tenantId: OTHER_TENANT_ID })}`,
      message: 'token tenant is not allowed',
      config: { allowedTenants: [DEMO_TENANT_ID] },
    },
  ];

  it.each(rejections)('rejects $name', async (row) => {
    const verifier = row.config ? createAccessTokenVerifier({ ...config, ...row.config }) : verify;
    await expectRejection({ header: await row.header(), message: row.message, verifier });
  });

  it('keeps claims (PII) out of the error cause', async () => {
    const token = await issuer.issueToken({ user: USER, audience: 'api://someone-else' });
    const error = await expectRejection({ header: `Bearer ${token}`, message: 'token audience is not accepted' });
    expect(error.cause).toBeInstanceOf(Error);
    expect(JSON.stringify(error.cause, Object.getOwnPropertyNames(error.cause))).not.toMatch(/dana|payload|eyJ/i);
    expect(error.message).not.toContain(token);
  });

  it('answers "unavailable", not "unauthenticated", when the keys cannot be fetched', async () => {
    const stopped = await startTokenIssuer({ port: 0 });
    const token = await stopped.issueToken({ user: USER });
    const verifier = createAccessTokenVerifier({ ...config, jwksUri: stopped.jwksUri, issuerTemplate: `${stopped.baseUrl}/{tenantid}/v2.0` });
    await stopped.close();
    const error = await verifier(`Bearer ${token}`).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable' });
  });
});
