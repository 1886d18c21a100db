// Where the API gets its token-validation settings. The same variables point at Entra ID in
// Azure and at the local token issuer in development. CROSSWALK_CLOUD (worldwide, gcc-high,
// dod) supplies Entra's keys and issuer for that cloud; without it the defaults are the local
// issuer, so a deployment that forgot its settings fails closed instead of trusting anyone.
import type { JSONWebKeySet } from 'jose';
import { assertUrlInCloud, getNationalCloud, parseCloudId, TENANT_PLACEHOLDER } from '../../../shared/cloud/national-clouds.ts';

export interface AuthConfig {
  /** Where the signing keys are published (Entra: https://login.microsoftonline.com/common/discovery/v2.0/keys). */
  jwksUri: string;
  /** The expected issuer with a `{tenantid}` placeholder, filled with each token's own tid. */
  issuerTemplate: string;
  /** The API's application id URI and/or client id; a token must be issued for one of them. */
  audience: string | string[];
  /** When set, only these tenants' tokens are accepted. */
  allowedTenants?: string[];
  clockToleranceSeconds?: number;
  /** Keys to verify against instead of fetching jwksUri (tests, pinned keys). */
  jwks?: JSONWebKeySet;
}

export const LOCAL_AUTH_DEFAULTS = {
  jwksUri: 'http://127.0.0.1:7072/discovery/v2.0/keys',
  issuerTemplate: 'http://127.0.0.1:7072/{tenantid}/v2.0',
  audience: 'api://localhost/crosswalk',
} as const;

export { TENANT_PLACEHOLDER };

/**
 * Reads CROSSWALK_CLOUD (optional), CROSSWALK_JWKS_URI, CROSSWALK_ISSUER_TEMPLATE,
 * CROSSWALK_API_AUDIENCE (comma-separated for several) and CROSSWALK_ALLOWED_TENANTS
 * (comma-separated, optional). Throws on values that could only make every request fail or
 * that mix clouds, so a bad deployment fails at start-up instead.
 */
export function readAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const cloudSetting = readSetting(env.CROSSWALK_CLOUD);
  const cloud = cloudSetting === undefined ? null : getNationalCloud(parseCloudId(cloudSetting));
  const defaults = cloud ?? LOCAL_AUTH_DEFAULTS;
  const jwksUri = readSetting(env.CROSSWALK_JWKS_URI) ?? defaults.jwksUri;
  const issuerTemplate = readSetting(env.CROSSWALK_ISSUER_TEMPLATE) ?? defaults.issuerTemplate;
  const audiences = splitList(env.CROSSWALK_API_AUDIENCE);
  const allowedTenants = splitList(env.CROSSWALK_ALLOWED_TENANTS).map((tenant) => tenant.toLowerCase());

  if (!URL.canParse(jwksUri) || !/^https?:$/.test(new URL(jwksUri).protocol)) {
    throw new Error(`CROSSWALK_JWKS_URI must be an http(s) URL, got ${JSON.stringify(jwksUri)}`);
  }
  if (!issuerTemplate.toLowerCase().includes(TENANT_PLACEHOLDER)) {
    throw new Error(`CROSSWALK_ISSUER_TEMPLATE must contain ${TENANT_PLACEHOLDER}, got ${JSON.stringify(issuerTemplate)}`);
  }
  if (cloud) {
    // A GCC High API that accepted worldwide tokens would let a commercial tenant in.
    assertUrlInCloud({ cloud, url: jwksUri, settingName: 'CROSSWALK_JWKS_URI' });
    assertUrlInCloud({ cloud, url: issuerTemplate.replace(/\{tenantid\}/i, 'tenant'), settingName: 'CROSSWALK_ISSUER_TEMPLATE' });
    if (audiences.length === 0) {
      // The local audience can never match an Entra token; say so now rather than 401 every call.
      throw new Error('CROSSWALK_API_AUDIENCE is required with CROSSWALK_CLOUD (the API app registration\'s api://<app id> and/or client id)');
    }
  }
  const audience = audiences.length === 0 ? LOCAL_AUTH_DEFAULTS.audience : audiences.length === 1 ? audiences[0]! : audiences;
  return { jwksUri, issuerTemplate, audience, ...(allowedTenants.length > 0 ? { allowedTenants } : {}) };
}

function readSetting(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
