// The add-in's sign-in settings, fixed at build time through Vite's import.meta.env:
//   VITE_CROSSWALK_AUTH=msal          sign in with Microsoft 365 (otherwise: the local dev issuer)
//   VITE_CROSSWALK_CLIENT_ID          the add-in's Entra app registration (SPA, NAA-enabled)
//   VITE_CROSSWALK_CLOUD              worldwide (default, also GCC) | gcc-high | dod
//   VITE_CROSSWALK_API_SCOPE          defaults to api://<client id>/access_as_user
import { formatAuthority, getNationalCloud, parseCloudId } from '../../../shared/cloud/national-clouds.ts';
import type { CloudId } from '../../../shared/cloud/national-clouds.ts';
import { SignInError } from './sign-in-error.ts';

export interface MsalSettings {
  clientId: string;
  cloud: CloudId;
  /** e.g. https://login.microsoftonline.us/organizations */
  authority: string;
  apiScope: string;
}

export type AuthSettings = { mode: 'local' } | ({ mode: 'msal' } & MsalSettings);

export interface AuthEnv {
  VITE_CROSSWALK_AUTH?: string;
  VITE_CROSSWALK_CLIENT_ID?: string;
  VITE_CROSSWALK_CLOUD?: string;
  VITE_CROSSWALK_API_SCOPE?: string;
}

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the settings; in msal mode a missing or malformed client id is a SignInError('not-configured'). */
export function readAuthSettings(env: AuthEnv = import.meta.env): AuthSettings {
  if (env.VITE_CROSSWALK_AUTH?.trim().toLowerCase() !== 'msal') return { mode: 'local' };
  const clientId = env.VITE_CROSSWALK_CLIENT_ID?.trim() ?? '';
  if (!GUID_PATTERN.test(clientId)) {
    throw new SignInError({ reason: 'not-configured', cause: new Error('VITE_CROSSWALK_CLIENT_ID must be the app registration\'s client id (a GUID)') });
  }
  let cloudId: CloudId;
  try {
    cloudId = parseCloudId(env.VITE_CROSSWALK_CLOUD, 'VITE_CROSSWALK_CLOUD');
  } catch (cause) {
    throw new SignInError({ reason: 'not-configured', cause });
  }
  const cloud = getNationalCloud(cloudId);
  return {
    mode: 'msal',
    clientId,
    cloud: cloudId,
    authority: formatAuthority({ cloud }),
    apiScope: env.VITE_CROSSWALK_API_SCOPE?.trim() || `api://${clientId}/access_as_user`,
  };
}
