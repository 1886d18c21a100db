// A local stand-in for Entra ID: signs access tokens with an RS256 key kept in .data/issuer and
// serves the same discovery, JWKS and token URLs as the v2.0 endpoints, so the API validates
// local tokens with exactly the code it uses against login.microsoftonline.com.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JWK, JWTPayload } from 'jose';
import { DATA_DIR } from './local-ca.ts';
import { loadLocalSecrets } from './local-secrets.ts';

export const DEFAULT_ISSUER_PORT = 7072;
export const DEFAULT_ISSUER_BASE_URL = `http://127.0.0.1:${DEFAULT_ISSUER_PORT}`;
/** The tenant of the seeded demo scenario. */
export const DEMO_TENANT_ID = '7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10';
export const DEFAULT_API_AUDIENCE = 'api://localhost/crosswalk';
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** The application permissions the functions' Graph app registration is granted. */
export const GRAPH_APP_ROLES = ['Mail.ReadBasic.All', 'Calendars.ReadBasic.All', 'User.Read.All'];
/** The functions' Graph app registration on the local stack; its secret is generated per machine (local-secrets.ts). */
export const LOCAL_GRAPH_CLIENT_ID = 'crosswalk-functions-local';

const ISSUER_DIR = join(DATA_DIR, 'issuer');
const KEY_FILE_NAME = 'signing-key.json';
const ALGORITHM = 'RS256';
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Deliberately loose: one @, no whitespace; the point is to catch typos and missing values.
const USER_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Entra serves these pseudo-tenants' metadata with a templated issuer.
const MULTI_TENANT_ALIASES = new Set(['common', 'organizations', 'consumers']);

export interface IssuerKeys {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as published in the JWKS (kid, alg, use set). */
  publicJwk: JWK;
}

export interface IssueTokenOptions {
  /** Email / UPN of the signed-in user. */
  user: string;
  tenantId?: string;
  audience?: string;
  /** Lifetime; negative values mint already-expired tokens (for tests). */
  expiresInSeconds?: number;
  name?: string;
  /** Defaults to a stable uuid derived from tenant + user, see deriveObjectId. */
  objectId?: string;
  /** Space-separated delegated scopes (the scp claim). */
  scopes?: string;
  roles?: string[];
}

export interface AppTokenOptions {
  tenantId: string;
  clientId: string;
  audience: string;
  roles: string[];
  expiresInSeconds?: number;
}

export interface TokenIssuer {
  baseUrl: string;
  /** The issuer (iss) of tokens for this tenant, shaped like Entra's `${authority}/${tid}/v2.0`. */
  issuerFor(tenantId: string): string;
  jwksUri: string;
  issueToken(opts: IssueTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export interface StartTokenIssuerOptions {
  /** 0 picks a free port. Defaults to DEFAULT_ISSUER_PORT. */
  port?: number;
  /** Loopback only; defaults to 127.0.0.1. */
  host?: string;
  /**
   * The confidential clients registered with this issuer: client id → client secret. Defaults to
   * the functions' Graph app with the secret generated into .data/secrets.json. A token request
   * must present its client's secret, as Entra requires.
   */
  clients?: Readonly<Record<string, string>>;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

const keysByDirectory = new Map<string, Promise<IssuerKeys>>();

/**
 * Returns the issuer's signing keys, creating and persisting them on first use, so tokens
 * minted by the CLI while the stack is down still verify once it is up again.
 */
export function loadIssuerKeys(options: { directory?: string } = {}): Promise<IssuerKeys> {
  const directory = options.directory ?? ISSUER_DIR;
  let keys = keysByDirectory.get(directory);
  if (!keys) {
    keys = readOrCreateKeys(directory);
    keysByDirectory.set(directory, keys);
    // A failed attempt should not poison later calls.
    keys.catch(() => keysByDirectory.delete(directory));
  }
  return keys;
}

async function readOrCreateKeys(directory: string): Promise<IssuerKeys> {
  const keyPath = join(directory, KEY_FILE_NAME);
  if (!existsSync(keyPath)) {
    await createKeyFile({ directory, keyPath });
  }
  const stored = JSON.parse(readFileSync(keyPath, 'utf8')) as StoredKey;
  const privateKey = await importJWK(stored.privateJwk, ALGORITHM);
  if (!(privateKey instanceof CryptoKey)) {
    throw new Error(`issuer key in ${keyPath} is not an RSA private key`);
  }
  const { kty, n, e } = stored.privateJwk;
  return { kid: stored.kid, privateKey, publicJwk: { kty, n, e, kid: stored.kid, alg: ALGORITHM, use: 'sig' } };
}

async function createKeyFile(options: { directory: string; keyPath: string }): Promise<void> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { modulusLength: 2048, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  mkdirSync(options.directory, { recursive: true });
  // Written aside then hard-linked into place: link fails if another process (a parallel test
  // worker, the CLI) won the race, and nobody ever reads a half-written file.
  const tempPath = `${options.keyPath}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tempPath, JSON.stringify({ kid, privateJwk } satisfies StoredKey, null, 2), { mode: 0o600 });
  try {
    linkSync(tempPath, options.keyPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(tempPath, { force: true });
  }
}

/** The token issuer (iss) for a tenant under an issuer base URL, as Entra v2.0 spells it. */
export function formatIssuer(options: { issuerBaseUrl: string; tenantId: string }): string {
  return `${options.issuerBaseUrl.replace(/\/+$/, '')}/${options.tenantId}/v2.0`;
}

/** A stable object id for a user: the same tenant + address always gives the same uuid. */
export function deriveObjectId(options: { tenantId: string; user: string }): string {
  const hex = createHash('sha256')
    .update(`${options.tenantId.toLowerCase()}:${options.user.toLowerCase()}`)
    .digest('hex')
    .slice(0, 32)
    .split('');
  // Version 8 (custom) and the RFC 4122 variant, so it parses as a well-formed uuid.
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Signs a delegated (user) access token with the persisted keys; no server needed. */
export async function issueLocalToken(opts: IssueTokenOptions & { issuerBaseUrl: string }): Promise<string> {
  const tenantId = opts.tenantId ?? DEMO_TENANT_ID;
  assertValidUser(opts.user);
  assertGuid({ value: tenantId, what: 'tenant id' });
  const objectId = opts.objectId ?? deriveObjectId({ tenantId, user: opts.user });
  const audience = opts.audience ?? DEFAULT_API_AUDIENCE;
  const claims: JWTPayload = {
    // Entra's v2 sub is pairwise (per user and application); a hash gives the same property.
    sub: createHash('sha256').update(`${tenantId}:${objectId}:${audience}`).digest('base64url').slice(0, 43),
    oid: objectId,
    tid: tenantId,
    preferred_username: opts.user,
    ...(opts.name === undefined ? {} : { name: opts.name }),
    scp: opts.scopes ?? 'access_as_user',
    ...(opts.roles === undefined ? {} : { roles: opts.roles }),
    ver: '2.0',
    uti: randomUUID(),
  };
  return signToken({ claims, issuerBaseUrl: opts.issuerBaseUrl, tenantId, audience, expiresInSeconds: opts.expiresInSeconds });
}

/** Signs an application (client-credentials) token, as the token endpoint returns. */
export async function issueLocalAppToken(opts: AppTokenOptions & { issuerBaseUrl: string }): Promise<string> {
  assertGuid({ value: opts.tenantId, what: 'tenant id' });
  const servicePrincipalId = deriveObjectId({ tenantId: opts.tenantId, user: `app:${opts.clientId}` });
  const claims: JWTPayload = {
    sub: servicePrincipalId,
    oid: servicePrincipalId,
    tid: opts.tenantId,
    azp: opts.clientId,
    // Graph tokens carry the v1 name of the client id too, and Graph-side code reads it.
    appid: opts.clientId,
    azpacr: '1',
    idtyp: 'app',
    roles: opts.roles,
    ver: '2.0',
    uti: randomUUID(),
  };
  return signToken({
    claims,
    issuerBaseUrl: opts.issuerBaseUrl,
    tenantId: opts.tenantId,
    audience: opts.audience,
    expiresInSeconds: opts.expiresInSeconds,
  });
}

async function signToken(options: {
  claims: JWTPayload;
  issuerBaseUrl: string;
  tenantId: string;
  audience: string;
  expiresInSeconds?: number;
}): Promise<string> {
  const keys = await loadIssuerKeys();
  const now = Math.floor(Date.now() / 1000);
  const expiresInSeconds = options.expiresInSeconds ?? 3600;
  // An already-expired token must also have been valid once, or the verifier would report
  // "not yet valid" instead of "expired".
  const issuedAt = Math.min(now, now + expiresInSeconds - 60);
  return new SignJWT(options.claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: keys.kid })
    .setIssuer(formatIssuer({ issuerBaseUrl: options.issuerBaseUrl, tenantId: options.tenantId }))
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(now + expiresInSeconds)
    .sign(keys.privateKey);
}

function assertValidUser(user: string): void {
  if (typeof user !== 'string' || !USER_PATTERN.test(user)) {
    throw new TypeError(`user must be an email address / UPN, got ${JSON.stringify(user)}`);
  }
}

function assertGuid(options: { value: string; what: string }): void {
  if (!GUID_PATTERN.test(options.value)) {
    throw new TypeError(`${options.what} must be a GUID, got ${JSON.stringify(options.value)}`);
  }
}

/** Starts the issuer's HTTP endpoints on loopback. */
export async function startTokenIssuer(options: StartTokenIssuerOptions = {}): Promise<TokenIssuer> {
  const host = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error(`the token issuer only listens on loopback, not ${host}`);
  }
  const keys = await loadIssuerKeys();
  const clients = new Map(Object.entries(options.clients ?? { [LOCAL_GRAPH_CLIENT_ID]: loadLocalSecrets().graphClientSecret }));
  let baseUrl = '';
  const server = createServer((request, response) => {
    handleRequest({ request, response, baseUrl, keys, clients }).catch((error: unknown) => {
      sendJson({ response, status: 500, body: { error: 'server_error', error_description: String(error) } });
    });
  });
  server.listen(options.port ?? DEFAULT_ISSUER_PORT, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    baseUrl,
    issuerFor: (tenantId) => formatIssuer({ issuerBaseUrl: baseUrl, tenantId }),
    jwksUri: `${baseUrl}/discovery/v2.0/keys`,
    issueToken: (opts) => issueLocalToken({ ...opts, issuerBaseUrl: baseUrl }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handleRequest(options: {
  request: IncomingMessage;
  response: ServerResponse;
  baseUrl: string;
  keys: IssuerKeys;
  clients: ReadonlyMap<string, string>;
}): Promise<void> {
  const { request, response, baseUrl, keys, clients } = options;
  const path = new URL(request.url ?? '/', baseUrl).pathname;
  const segments = path.split('/').filter(Boolean);

  // GET /discovery/v2.0/keys and the per-tenant /{tenant}/discovery/v2.0/keys
  if (request.method === 'GET' && path.endsWith('/discovery/v2.0/keys') && segments.length <= 4) {
    sendJson({ response, status: 200, body: { keys: [keys.publicJwk] } });
    return;
  }
  const [tenant, ...rest] = segments;
  const route = rest.join('/');
  if (request.method === 'GET' && tenant && route === 'v2.0/.well-known/openid-configuration') {
    sendJson({ response, status: 200, body: describeTenant({ baseUrl, tenant }) });
    return;
  }
  if (request.method === 'POST' && tenant && route === 'oauth2/v2.0/token') {
    const form = new URLSearchParams(await readBody(request));
    const result = await grantToken({ baseUrl, tenant, form, clients });
    sendJson({ response, status: result.status, body: result.body });
    return;
  }
  sendJson({ response, status: 404, body: { error: 'not_found', error_description: `no route for ${request.method} ${path}` } });
}

function describeTenant(options: { baseUrl: string; tenant: string }): Record<string, unknown> {
  const { baseUrl, tenant } = options;
  const issuerTenant = MULTI_TENANT_ALIASES.has(tenant.toLowerCase()) ? '{tenantid}' : tenant;
  return {
    issuer: formatIssuer({ issuerBaseUrl: baseUrl, tenantId: issuerTenant }),
    jwks_uri: `${baseUrl}/discovery/v2.0/keys`,
    token_endpoint: `${baseUrl}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${baseUrl}/${tenant}/oauth2/v2.0/authorize`,
    // What this stand-in checks; Entra also takes client_secret_basic and certificate assertions.
    token_endpoint_auth_methods_supported: ['client_secret_post'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: [ALGORITHM],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'oid', 'tid', 'preferred_username', 'ver'],
    tenant_region_scope: 'NA',
  };
}

/** The client-credentials grant, answered with Entra's response and error shapes. */
async function grantToken(options: {
  baseUrl: string;
  tenant: string;
  form: URLSearchParams;
  clients: ReadonlyMap<string, string>;
}): Promise<{ status: number; body: Record<string, unknown> }> {
  const { baseUrl, tenant, form, clients } = options;
  const fail = (error: string, description: string, status = 400) => ({ status, body: { error, error_description: description } });
  if (!GUID_PATTERN.test(tenant)) {
    return fail('invalid_request', `Tenant '${tenant}' not found. The local issuer accepts tenant ids (GUIDs) only.`);
  }
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials') {
    return fail('unsupported_grant_type', `The local issuer supports grant_type=client_credentials only, got '${grantType ?? ''}'.`);
  }
  const clientId = form.get('client_id');
  if (!clientId) {
    return fail('invalid_request', "The request body must contain the parameter 'client_id'.");
  }
  // The registered client's secret, compared in constant time; Entra's codes and statuses.
  const registered = clients.get(clientId);
  if (registered === undefined) {
    return fail('unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`);
  }
  const secret = form.get('client_secret');
  if (!secret) {
    const assertion = form.get('client_assertion') ? ' The local issuer registers client secrets only, no certificates.' : '';
    return fail('invalid_client', `AADSTS7000218: The request body must contain the parameter 'client_secret'.${assertion}`, 401);
  }
  if (!secretsMatch(secret, registered)) {
    return fail('invalid_client', `AADSTS7000215: Invalid client secret provided for '${clientId}'.`, 401);
  }
  const scope = form.get('scope') ?? '';
  if (!/^\S+\/\.default$/.test(scope)) {
    return fail('invalid_scope', `The client-credentials flow needs a single '<resource>/.default' scope, got '${scope}'.`);
  }
  const audience = scope.slice(0, -'/.default'.length);
  const expiresInSeconds = 3599;
  const accessToken = await issueLocalAppToken({
    issuerBaseUrl: baseUrl,
    tenantId: tenant,
    clientId,
    audience,
    // Graph, or a Graph stand-in at its own https origin; not an API's `api://` resource.
    roles: audience.startsWith('https://') ? GRAPH_APP_ROLES : [],
    expiresInSeconds,
  });
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: expiresInSeconds, ext_expires_in: expiresInSeconds, access_token: accessToken },
  };
}

function secretsMatch(presented: string, registered: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(registered));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(options: { response: ServerResponse; status: number; body: unknown }): void {
  const { response, status, body } = options;
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
