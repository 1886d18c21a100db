// Token validation per national cloud: tokens signed with the local issuer's key but carrying
// each cloud's issuer. A deployment accepts its own cloud's issuer for the token's own tenant
// and refuses every other cloud's, the v1 issuer, and issuers of another tenant. The keys come
// from a loopback JWKS server, which also shows they are fetched once and cached.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { loadIssuerKeys } from '../../../dev/token-issuer.ts';
import { createAccessTokenVerifier } from '../../../functions/src/auth/verify-access-token.ts';
import { AppError } from '../../../functions/src/errors/app-error.ts';
import { CLOUD_IDS, getNationalCloud } from '../../../shared/cloud/national-clouds.ts';
import type { CloudId } from '../../../shared/cloud/national-clouds.ts';

const AUDIENCE = 'api://4d2c8a1e-0000-4000-8000-000000000001';
const TENANT = '7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10';
const OTHER_TENANT = '0b5a9d3e-6f21-4c0a-8e7d-3a9c2b1f4e58';
const OID = '3f1e2d4c-5b6a-4789-9abc-def012345678';

let jwksServer: Server;
let jwksUri: string;
let jwksFetches = 0;

beforeAll(async () => {
  const keys = await loadIssuerKeys();
  jwksServer = createServer((_request, response) => {
    jwksFetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [keys.publicJwk] }));
  });
  jwksServer.listen(0, '127.0.0.1');
  await once(jwksServer, 'listening');
  jwksUri = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/common/discovery/v2.0/keys`;
});

afterAll(async () => {
  jwksServer.closeAllConnections();
  await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
});

async function signToken(options: { issuer: string; tenantId?: string }): Promise<string> {
  const keys = await loadIssuerKeys();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tid: options.tenantId ?? TENANT, oid: OID, preferred_username: 'dana.reyes@housing.cascadia.gov', scp: 'access_as_user' })
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(keys.privateKey);
}

function issuerOf(cloud: CloudId, tenantId = TENANT): string {
  return getNationalCloud(cloud).issuerTemplate.replace('{tenantid}', tenantId);
}

function verifierFor(cloud: CloudId) {
  // The cloud's own issuer template; the keys from loopback instead of the cloud's JWKS URI.
  return createAccessTokenVerifier({ jwksUri, issuerTemplate: getNationalCloud(cloud).issuerTemplate, audience: AUDIENCE });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the token to be rejected');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'unauthenticated' });
  return error as AppError;
}

describe.each(CLOUD_IDS)('a %s deployment', (cloud) => {
  // Made on first use: the JWKS server's address is known only once beforeAll ran.
  let verifier: ReturnType<typeof verifierFor> | undefined;
  const verify = (header: string) => (verifier ??= verifierFor(cloud))(header);
  const ownLoginHost = getNationalCloud(cloud).loginHost;

  it('accepts its own cloud\'s issuer for the token\'s tenant and takes tid/oid from the token', async () => {
    const caller = await verify(`Bearer ${await signToken({ issuer: issuerOf(cloud) })}`);
    expect(caller).toMatchObject({ tenantId: TENANT, objectId: OID, scopes: ['access_as_user'] });
  });

  it.each(CLOUD_IDS.filter((other) => getNationalCloud(other).loginHost !== ownLoginHost))(
    'refuses a token issued by %s',
    async (other) => {
      const error = await rejection(verify(`Bearer ${await signToken({ issuer: issuerOf(other) })}`));
      expect(error.message).toContain('issuer does not match');
    },
  );

  it('refuses the issuer of another tenant than the token names', async () => {
    const error = await rejection(verify(`Bearer ${await signToken({ issuer: issuerOf(cloud, OTHER_TENANT) })}`));
    expect(error.message).toContain('issuer does not match');
  });

  it('refuses v1.0 (sts.windows.net) tokens: the API app registration must issue v2.0 tokens', async () => {
    const error = await rejection(verify(`Bearer ${await signToken({ issuer: `https://sts.windows.net/${TENANT}/` })}`));
    expect(error.message).toContain('issuer does not match');
  });
});

describe('GCC High and DoD', () => {
  it('share the US Government authority, so tenants and audience keep the deployments apart', async () => {
    // Same issuer: what separates a GCC High deployment from a DoD one is its own API app
    // registration (audience) and CROSSWALK_ALLOWED_TENANTS, both checked below.
    expect(issuerOf('gcc-high')).toBe(issuerOf('dod'));
    const restricted = createAccessTokenVerifier({
      jwksUri,
      issuerTemplate: getNationalCloud('gcc-high').issuerTemplate,
      audience: 'api://another-deployment',
      allowedTenants: [OTHER_TENANT],
    });
    const error = await rejection(restricted(`Bearer ${await signToken({ issuer: issuerOf('dod') })}`));
    expect(error.message).toContain('audience');
  });
});

describe('signing keys', () => {
  it('are fetched once and reused for later tokens', async () => {
    const verify = verifierFor('gcc-high');
    const before = jwksFetches;
    for (let i = 0; i < 3; i += 1) await verify(`Bearer ${await signToken({ issuer: issuerOf('gcc-high') })}`);
    expect(jwksFetches - before).toBe(1);
  });
});
