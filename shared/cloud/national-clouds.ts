// The one definition of the Microsoft clouds Crosswalk can run in. A deployment picks one with
// CROSSWALK_CLOUD (functions) / VITE_CROSSWALK_CLOUD (add-in build) / --cloud (manifest), and
// every endpoint follows from it, so a GCC High tenant's tokens, mail metadata and scripts
// never leave its cloud boundary because one URL was left at its worldwide default.
//
// GCC (moderate) is not a cloud of its own for these purposes: its tenants sign in at
// login.microsoftonline.com and use graph.microsoft.com, so it is an alias of worldwide.

export const CLOUD_IDS = ['worldwide', 'gcc-high', 'dod'] as const;
export type CloudId = (typeof CLOUD_IDS)[number];

export const DEFAULT_CLOUD_ID: CloudId = 'worldwide';

/** Accepted spellings of each cloud in settings; the canonical id first. */
const CLOUD_ALIASES: Record<string, CloudId> = {
  worldwide: 'worldwide',
  gcc: 'worldwide',
  'gcc-high': 'gcc-high',
  gcch: 'gcc-high',
  dod: 'dod',
};

export const TENANT_PLACEHOLDER = '{tenantid}';

export interface NationalCloud {
  id: CloudId;
  label: string;
  /** Microsoft Graph: the resource (audience of app tokens) and the base URL the Graph client takes (origin + /). */
  graphResource: string;
  graphBaseUrl: string;
  /** The client-credentials scope for Graph: the resource's domain + /.default. */
  graphDefaultScope: string;
  /** The Entra ID sign-in host (authority host) of the cloud. */
  loginHost: string;
  /** Where Entra publishes the signing keys of the cloud's v2.0 tokens. */
  jwksUri: string;
  /** The v2.0 access-token issuer, with {tenantid} for the token's own tenant. */
  issuerTemplate: string;
  /** The Office JavaScript API library on the cloud's own CDN. */
  officeJsUrl: string;
}

function defineCloud(options: { id: CloudId; label: string; graphResource: string; loginHost: string; officeJsUrl: string }): NationalCloud {
  return {
    id: options.id,
    label: options.label,
    graphResource: options.graphResource,
    graphBaseUrl: `${options.graphResource}/`,
    graphDefaultScope: `${options.graphResource}/.default`,
    loginHost: options.loginHost,
    jwksUri: `${options.loginHost}/common/discovery/v2.0/keys`,
    issuerTemplate: `${options.loginHost}/${TENANT_PLACEHOLDER}/v2.0`,
    officeJsUrl: options.officeJsUrl,
  };
}

export const NATIONAL_CLOUDS: Readonly<Record<CloudId, NationalCloud>> = {
  worldwide: defineCloud({
    id: 'worldwide',
    label: 'Worldwide (commercial and GCC)',
    graphResource: 'https://graph.microsoft.com',
    loginHost: 'https://login.microsoftonline.com',
    officeJsUrl: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  }),
  'gcc-high': defineCloud({
    id: 'gcc-high',
    label: 'US Government GCC High',
    graphResource: 'https://graph.microsoft.us',
    loginHost: 'https://login.microsoftonline.us',
    officeJsUrl: 'https://appsforoffice.gcch.cdn.office.net/appsforoffice/lib/1/hosted/office.js',
  }),
  dod: defineCloud({
    id: 'dod',
    label: 'US Government DoD',
    graphResource: 'https://dod-graph.microsoft.us',
    // DoD tenants sign in at the same US Government authority as GCC High.
    loginHost: 'https://login.microsoftonline.us',
    officeJsUrl: 'https://appsforoffice.dod.cdn.office.net/appsforoffice/lib/1/hosted/office.js',
  }),
};

export class UnknownCloudError extends Error {
  override readonly name = 'UnknownCloudError';
}

/**
 * Reads a cloud setting: blank means the default (worldwide); aliases (gcc, gcch) and case are
 * forgiven; anything else throws, because guessing a cloud would send tokens to the wrong one.
 */
export function parseCloudId(value: string | undefined, settingName = 'CROSSWALK_CLOUD'): CloudId {
  const trimmed = value?.trim().toLowerCase();
  if (!trimmed) return DEFAULT_CLOUD_ID;
  const id = CLOUD_ALIASES[trimmed];
  if (!id) {
    throw new UnknownCloudError(`${settingName} must be one of ${Object.keys(CLOUD_ALIASES).join(', ')}; got ${JSON.stringify(value)}`);
  }
  return id;
}

export function getNationalCloud(id: CloudId): NationalCloud {
  return NATIONAL_CLOUDS[id];
}

/** The sign-in authority for a tenant (or organizations, for any work account) in a cloud. */
export function formatAuthority(options: { cloud: NationalCloud; tenant?: string }): string {
  return `${options.cloud.loginHost}/${options.tenant ?? 'organizations'}`;
}

/** Throws when `url` (a setting's value) points at a known cloud's Graph or sign-in host that is not `cloud`'s. */
export function assertUrlInCloud(options: { cloud: NationalCloud; url: string; settingName: string }): void {
  if (!URL.canParse(options.url)) return;
  const origin = new URL(options.url).origin.toLowerCase();
  const originsOf = (cloud: NationalCloud) => [new URL(cloud.graphResource).origin, new URL(cloud.loginHost).origin];
  // Hosts of no known cloud (the local stand-ins, a test double) are the operator's business.
  if (!CLOUD_IDS.some((id) => originsOf(NATIONAL_CLOUDS[id]).includes(origin))) return;
  if (!originsOf(options.cloud).includes(origin)) {
    throw new Error(`${options.settingName} (${origin}) belongs to another cloud than CROSSWALK_CLOUD=${options.cloud.id}`);
  }
}
