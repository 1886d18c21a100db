// Turns an Authorization header into a CallerIdentity, validating the bearer token exactly as
// Entra ID tokens must be validated (RS256 only, signature against the published keys,
// per-tenant issuer, audience, lifetime), so the local issuer gets no special treatment.
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors/app-error.ts';
import type { AuthConfig } from './auth-config.ts';
import type { CallerIdentity } from './caller-identity.ts';

export type AccessTokenVerifier = (authorizationHeader: string | undefined) => Promise<CallerIdentity>;

// Entra signs access tokens with RS256; accepting anything else only opens doors (alg
// confusion with HS256 over the public key, unsigned "none" tokens).
const ACCEPTED_ALGORITHMS = ['RS256'];
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEARER_PATTERN = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
// Real access tokens are a few KB; anything far larger is not worth parsing.
const MAX_TOKEN_LENGTH = 16 * 1024;
const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;

/** Marks failures to obtain the signing keys: the service's problem, not the caller's. */
class SigningKeysUnavailable extends Error {}

/**
 * Creates a verifier for one configuration. Create it once: the remote key set it holds
 * caches keys and refetches only on an unknown kid (rate-limited by jose's cooldown).
 */
export function createAccessTokenVerifier(config: AuthConfig): AccessTokenVerifier {
  const getKey = createKeyResolver(config);
  const allowedTenants = config.allowedTenants?.map((tenant) => tenant.toLowerCase());
  const clockTolerance = config.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;

  return async (authorizationHeader) => {
    const token = extractBearerToken(authorizationHeader);
    assertAcceptedAlgorithm(token);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms: ACCEPTED_ALGORITHMS,
        audience: config.audience,
        clockTolerance,
        requiredClaims: ['exp', 'iss', 'aud'],
      }));
    } catch (error) {
      throw translateVerificationError(error);
    }

    // Claims below are trustworthy only now that the signature has been checked.
    const tenantId = readGuidClaim({ payload, claim: 'tid', description: 'tenant id' });
    const expectedIssuer = config.issuerTemplate.replace(/\{tenantid\}/i, tenantId);
    if (payload.iss !== expectedIssuer) {
      throw unauthenticated('token issuer does not match its tenant');
    }
    if (allowedTenants && !allowedTenants.includes(tenantId.toLowerCase())) {
      throw unauthenticated('token tenant is not allowed');
    }
    const objectId = readGuidClaim({ payload, claim: 'oid', description: 'object id' });
    const userPrincipalName = [payload.preferred_username, payload.upn, payload.email].find(
      (value): value is string => typeof value === 'string' && value.length > 0,
    );
    if (!userPrincipalName) {
      throw unauthenticated('token has no user name (preferred_username)');
    }
    return {
      tenantId: tenantId.toLowerCase(),
      objectId: objectId.toLowerCase(),
      userPrincipalName: userPrincipalName.toLowerCase(),
      name: typeof payload.name === 'string' && payload.name.length > 0 ? payload.name : null,
      scopes: typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [],
      roles: Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [],
    };
  };
}

function createKeyResolver(config: AuthConfig): JWTVerifyGetKey {
  if (config.jwks) return createLocalJWKSet(config.jwks);
  const remote = createRemoteJWKSet(new URL(config.jwksUri));
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
      throw new SigningKeysUnavailable('signing keys could not be fetched', { cause: error });
    }
  };
}

function extractBearerToken(authorizationHeader: string | undefined): string {
  if (authorizationHeader === undefined || authorizationHeader.trim() === '') {
    throw unauthenticated('missing bearer token');
  }
  const match = BEARER_PATTERN.exec(authorizationHeader);
  if (!match?.[1]) {
    throw unauthenticated('authorization header is not a bearer token');
  }
  if (match[1].length > MAX_TOKEN_LENGTH) {
    throw unauthenticated('token is malformed (too large)');
  }
  return match[1];
}

function assertAcceptedAlgorithm(token: string): void {
  let alg: unknown;
  try {
    ({ alg } = decodeProtectedHeader(token));
  } catch (error) {
    throw unauthenticated('token is malformed', error);
  }
  if (typeof alg !== 'string' || !ACCEPTED_ALGORITHMS.includes(alg)) {
    // The attacker-chosen alg is not echoed back; the accepted one is no secret.
    throw unauthenticated('token algorithm is not accepted (RS256 only)');
  }
}

function readGuidClaim(options: { payload: JWTPayload; claim: string; description: string }): string {
  const value = options.payload[options.claim];
  if (typeof value !== 'string' || !GUID_PATTERN.test(value)) {
    throw unauthenticated(`token has no valid ${options.description} (${options.claim})`);
  }
  return value;
}

function translateVerificationError(error: unknown): AppError {
  if (error instanceof SigningKeysUnavailable) {
    return new AppError('unavailable', 'token signing keys are unavailable; try again shortly', { cause: error.cause });
  }
  const { code, claim, reason } = error as { code?: unknown; claim?: unknown; reason?: unknown };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return unauthenticated('token expired', error);
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'aud') return unauthenticated('token audience is not accepted', error);
      if (claim === 'nbf') return unauthenticated('token is not yet valid', error);
      if (reason === 'missing') return unauthenticated(`token has no "${String(claim)}" claim`, error);
      return unauthenticated(`token claim "${String(claim)}" is invalid`, error);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return unauthenticated('token signature is invalid', error);
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return unauthenticated('token signature is invalid: signing key is not known', error);
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return unauthenticated('token algorithm is not accepted (RS256 only)', error);
    default:
      return unauthenticated('token is malformed', error);
  }
}

function unauthenticated(message: string, cause?: unknown): AppError {
  return new AppError('unauthenticated', message, { cause: sanitizeCause(cause) });
}

/**
 * jose's claim errors carry the whole decoded payload (names, addresses); error causes end up
 * in logs, so only the error's name, code and message are kept.
 */
function sanitizeCause(cause: unknown): Error | undefined {
  if (cause === undefined) return undefined;
  if (!(cause instanceof Error)) return new Error(String(cause));
  const code = (cause as { code?: unknown }).code;
  const sanitized = new Error(typeof code === 'string' ? `${code}: ${cause.message}` : cause.message);
  sanitized.name = cause.name;
  return sanitized;
}
