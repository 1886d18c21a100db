// Tokens through MSAL for the Microsoft 365 (VITE_CROSSWALK_AUTH=msal) build. Where the Office
// host supports nested app authentication (NAA), Outlook brokers sign-in: silent first (the
// user is already signed in to Outlook), a host-brokered popup when consent or MFA is needed.
// Hosts without NAA get the Office dialog sign-in (auth-dialog.html), which runs MSAL's
// redirect flow in a dialog window and messages the token back.
// Never logs tokens, account names or MSAL's messages (they can carry the user's address).
import { createNestablePublicClientApplication } from '@azure/msal-browser';
import type { AccountInfo, Configuration } from '@azure/msal-browser';
import { displayAuthDialog } from '../office/display-auth-dialog.ts';
import { supportsNestedAppAuth } from '../office/supports-nested-app-auth.ts';
import { AUTH_DIALOG_PATH, parseAuthDialogMessage } from './auth-dialog-protocol.ts';
import { readAuthSettings } from './auth-settings.ts';
import type { MsalSettings } from './auth-settings.ts';
import { classifyMsalError, SignInError } from './sign-in-error.ts';

/** The part of MSAL's IPublicClientApplication this module uses (a fake in tests). */
export interface NestableTokenClient {
  acquireTokenSilent(request: { scopes: string[]; account?: AccountInfo }): Promise<{ accessToken: string; account?: AccountInfo | null }>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<{ accessToken: string; account?: AccountInfo | null }>;
  getActiveAccount(): AccountInfo | null;
  setActiveAccount(account: AccountInfo | null): void;
}

export interface MsalTokenSourceOptions {
  settings: MsalSettings;
  /** Defaults to MSAL's createNestablePublicClientApplication. */
  createClient?: (configuration: Configuration) => Promise<NestableTokenClient>;
  /** Defaults to asking Office for the NestedAppAuth 1.1 requirement set. */
  supportsNestedAppAuth?: () => boolean;
  /** Defaults to the Office dialog on auth-dialog.html. */
  acquireTokenInDialog?: () => Promise<string>;
}

/** MSAL's configuration for one build: the cloud's authority, no PII in MSAL's own logging. */
export function buildMsalConfiguration(settings: MsalSettings, options: { redirectUri?: string } = {}): Configuration {
  return {
    auth: { clientId: settings.clientId, authority: settings.authority, ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}) },
    system: { loggerOptions: { piiLoggingEnabled: false } },
  };
}

/** Returns a function that gets a fresh API access token; wrap it in the token cache. */
export function createMsalTokenSource(options: MsalTokenSourceOptions): () => Promise<string> {
  const { settings } = options;
  const scopes = [settings.apiScope];
  const createClient = options.createClient ?? ((configuration) => createNestablePublicClientApplication(configuration));
  const hostBrokersSignIn = options.supportsNestedAppAuth ?? supportsNestedAppAuth;
  const signInWithDialog = options.acquireTokenInDialog ?? acquireTokenInOfficeDialog;
  let client: Promise<NestableTokenClient> | null = null;

  async function acquireWithNaa(): Promise<string> {
    client ??= createClient(buildMsalConfiguration(settings)).catch((error: unknown) => {
      client = null; // let the next attempt try again
      throw error;
    });
    const pca = await client;
    let result: { accessToken: string; account?: AccountInfo | null };
    try {
      result = await pca.acquireTokenSilent({ scopes, account: pca.getActiveAccount() ?? undefined });
    } catch {
      // Whatever stopped the silent request (consent, MFA, an expired session), the
      // host-brokered popup is where the user can resolve it.
      result = await pca.acquireTokenPopup({ scopes });
    }
    if (result.account) pca.setActiveAccount(result.account);
    return result.accessToken;
  }

  return async () => {
    let token: string;
    try {
      token = hostBrokersSignIn() ? await acquireWithNaa() : await signInWithDialog();
    } catch (error) {
      throw error instanceof SignInError ? error : new SignInError({ reason: classifyMsalError(error), cause: stripDetails(error) });
    }
    if (typeof token !== 'string' || token === '') throw new SignInError({ reason: 'failed' });
    return token;
  };
}

/** The fallback: auth-dialog.html in an Office dialog; resolves with the token it messages back. */
export async function acquireTokenInOfficeDialog(): Promise<string> {
  const text = await displayAuthDialog({ url: `${window.location.origin}${AUTH_DIALOG_PATH}` });
  const message = parseAuthDialogMessage(text);
  if (!message) throw new SignInError({ reason: 'failed' });
  if ('failure' in message) throw new SignInError({ reason: message.failure });
  return message.accessToken;
}

/** Keeps an error's code for diagnosis and drops its message, which may name the account. */
function stripDetails(error: unknown): Error {
  const code = (error as { errorCode?: unknown })?.errorCode;
  return new Error(typeof code === 'string' ? `sign-in failed: ${code}` : 'sign-in failed');
}

let defaultSource: (() => Promise<string>) | null = null;

/** The build's MSAL token source (settings from import.meta.env), made on first use. */
export async function fetchMsalNaaToken(): Promise<string> {
  if (!defaultSource) {
    const settings = readAuthSettings();
    if (settings.mode !== 'msal') throw new SignInError({ reason: 'not-configured' });
    defaultSource = createMsalTokenSource({ settings });
  }
  return defaultSource();
}
