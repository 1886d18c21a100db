// MSAL sign-in with an injected fake client (no network, no Microsoft endpoint): silent first,
// popup when silent fails, the Office dialog where the host has no NAA, tokens reused until
// near expiry, and failures surfaced as a SignInError with a message for the pane.
import type { AccountInfo, Configuration } from '@azure/msal-browser';
import { readAuthSettings } from '../../../addin/src/auth/auth-settings.ts';
import type { MsalSettings } from '../../../addin/src/auth/auth-settings.ts';
import { createMsalTokenSource } from '../../../addin/src/auth/msal-naa-token.ts';
import type { NestableTokenClient } from '../../../addin/src/auth/msal-naa-token.ts';
import { SignInError } from '../../../addin/src/auth/sign-in-error.ts';
import { createTokenCache } from '../../../addin/src/auth/token-cache.ts';
import { makeFakeJwt } from '../fixtures/fake-api-server.ts';

const CLIENT_ID = '4d2c8a1e-0000-4000-8000-000000000001';
const ACCOUNT = { homeAccountId: 'h', environment: 'login.microsoftonline.us', tenantId: 't', username: 'fake@example.test', localAccountId: 'l' } as AccountInfo;

function settingsFor(cloud: string): MsalSettings {
  const settings = readAuthSettings({ VITE_CROSSWALK_AUTH: 'msal', VITE_CROSSWALK_CLIENT_ID: CLIENT_ID, VITE_CROSSWALK_CLOUD: cloud });
  if (settings.mode !== 'msal') throw new Error('expected msal settings');
  return settings;
}

function msalError(errorCode: string, message = 'AADSTS: details naming fake@example.test'): Error {
  return Object.assign(new Error(message), { errorCode });
}

function makeFakeClient(behaviour: { silent: () => Promise<string>; popup?: () => Promise<string> }) {
  let active: AccountInfo | null = null;
  const client = {
    acquireTokenSilent: vi.fn(async (_request: { scopes: string[]; account?: AccountInfo }) => ({ accessToken: await behaviour.silent(), account: ACCOUNT })),
    acquireTokenPopup: vi.fn(async (_request: { scopes: string[] }) => ({
      accessToken: await (behaviour.popup ?? (() => Promise.reject(new Error('no popup expected'))))(),
      account: ACCOUNT,
    })),
    getActiveAccount: vi.fn(() => active),
    setActiveAccount: vi.fn((account: AccountInfo | null) => {
      active = account;
    }),
  } satisfies NestableTokenClient;
  return client;
}

async function expectSignInError(promise: Promise<unknown>, reason: string): Promise<SignInError> {
  const error = await promise.then(
    () => {
      throw new Error('expected sign-in to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SignInError);
  expect(error).toMatchObject({ reason });
  // The pane shows the message: it must not repeat MSAL's text (which may name the account).
  expect((error as SignInError).message).not.toContain('fake@example.test');
  return error as SignInError;
}

describe('createMsalTokenSource with nested app authentication', () => {
  it.each([
    { cloud: 'worldwide', authority: 'https://login.microsoftonline.com/organizations' },
    { cloud: 'gcc-high', authority: 'https://login.microsoftonline.us/organizations' },
    { cloud: 'dod', authority: 'https://login.microsoftonline.us/organizations' },
  ])('creates the nestable client for the $cloud authority and gets the API scope silently', async ({ cloud, authority }) => {
    const client = makeFakeClient({ silent: async () => 'silent-token' });
    const createClient = vi.fn(async (_configuration: Configuration) => client);
    const getToken = createMsalTokenSource({ settings: settingsFor(cloud), createClient, supportsNestedAppAuth: () => true });

    expect(await getToken()).toBe('silent-token');
    expect(createClient).toHaveBeenCalledTimes(1);
    expect(createClient.mock.calls[0]![0].auth).toMatchObject({ clientId: CLIENT_ID, authority });
    expect(createClient.mock.calls[0]![0].system?.loggerOptions?.piiLoggingEnabled).toBe(false);
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: [`api://${CLIENT_ID}/access_as_user`], account: undefined });
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('falls back to the popup when silent fails, and remembers the account for next time', async () => {
    let silentFails = true;
    const client = makeFakeClient({
      silent: async () => {
        if (silentFails) throw msalError('interaction_required');
        return 'silent-token';
      },
      popup: async () => 'popup-token',
    });
    const getToken = createMsalTokenSource({ settings: settingsFor('worldwide'), createClient: async () => client, supportsNestedAppAuth: () => true });

    expect(await getToken()).toBe('popup-token');
    expect(client.acquireTokenPopup).toHaveBeenCalledWith({ scopes: [`api://${CLIENT_ID}/access_as_user`] });
    expect(client.setActiveAccount).toHaveBeenCalledWith(ACCOUNT);

    silentFails = false;
    expect(await getToken()).toBe('silent-token');
    expect(client.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes: [`api://${CLIENT_ID}/access_as_user`], account: ACCOUNT });
  });

  it('uses a configured API scope', async () => {
    const client = makeFakeClient({ silent: async () => 't' });
    const settings = readAuthSettings({
      VITE_CROSSWALK_AUTH: 'msal',
      VITE_CROSSWALK_CLIENT_ID: CLIENT_ID,
      VITE_CROSSWALK_API_SCOPE: 'api://crosswalk.example.gov/access_as_user',
    });
    if (settings.mode !== 'msal') throw new Error('expected msal settings');
    await createMsalTokenSource({ settings, createClient: async () => client, supportsNestedAppAuth: () => true })();
    expect(client.acquireTokenSilent.mock.calls[0]![0].scopes).toEqual(['api://crosswalk.example.gov/access_as_user']);
  });

  it.each([
    { errorCode: 'user_cancelled', reason: 'cancelled', code: 'unauthenticated' },
    { errorCode: 'popup_window_error', reason: 'popup-blocked', code: 'unauthenticated' },
    { errorCode: 'consent_required', reason: 'consent-required', code: 'unauthenticated' },
    { errorCode: 'no_network_connectivity', reason: 'unavailable', code: 'unavailable' },
    { errorCode: 'something_new', reason: 'failed', code: 'unauthenticated' },
  ])('a popup failing with $errorCode is a SignInError ($reason)', async ({ errorCode, reason, code }) => {
    const client = makeFakeClient({
      silent: async () => {
        throw msalError('interaction_required');
      },
      popup: async () => {
        throw msalError(errorCode);
      },
    });
    const getToken = createMsalTokenSource({ settings: settingsFor('worldwide'), createClient: async () => client, supportsNestedAppAuth: () => true });
    const error = await expectSignInError(getToken(), reason);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('tries to create the client again after a failed creation', async () => {
    const client = makeFakeClient({ silent: async () => 'token' });
    const createClient = vi.fn().mockRejectedValueOnce(msalError('endpoints_resolution_error')).mockResolvedValue(client);
    const getToken = createMsalTokenSource({ settings: settingsFor('gcc-high'), createClient, supportsNestedAppAuth: () => true });
    await expectSignInError(getToken(), 'unavailable');
    expect(await getToken()).toBe('token');
    expect(createClient).toHaveBeenCalledTimes(2);
  });
});

describe('createMsalTokenSource without nested app authentication', () => {
  it('signs in through the Office dialog and never creates the nestable client', async () => {
    const createClient = vi.fn();
    const acquireTokenInDialog = vi.fn(async () => 'dialog-token');
    const getToken = createMsalTokenSource({ settings: settingsFor('dod'), createClient, supportsNestedAppAuth: () => false, acquireTokenInDialog });
    expect(await getToken()).toBe('dialog-token');
    expect(acquireTokenInDialog).toHaveBeenCalledTimes(1);
    expect(createClient).not.toHaveBeenCalled();
  });

  it('surfaces a closed dialog as cancelled', async () => {
    const getToken = createMsalTokenSource({
      settings: settingsFor('worldwide'),
      supportsNestedAppAuth: () => false,
      acquireTokenInDialog: async () => {
        throw msalError('user_cancelled');
      },
    });
    await expectSignInError(getToken(), 'cancelled');
  });
});

describe('MSAL tokens in the token cache', () => {
  it('are reused until shortly before they expire, then fetched silently again', async () => {
    let now = 1_000_000;
    const expSeconds = 1_000 + 3600;
    const client = makeFakeClient({ silent: async () => makeFakeJwt({ exp: expSeconds }) });
    const cache = createTokenCache({
      fetchToken: createMsalTokenSource({ settings: settingsFor('worldwide'), createClient: async () => client, supportsNestedAppAuth: () => true }),
      now: () => now,
    });
    await cache.getToken();
    await cache.getToken();
    now = expSeconds * 1000 - 61_000;
    await cache.getToken();
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(1);
    now = expSeconds * 1000 - 59_000;
    await cache.getToken();
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });
});

describe('readAuthSettings', () => {
  it('is local unless the build says msal', () => {
    expect(readAuthSettings({})).toEqual({ mode: 'local' });
    expect(readAuthSettings({ VITE_CROSSWALK_AUTH: 'local', VITE_CROSSWALK_CLIENT_ID: CLIENT_ID })).toEqual({ mode: 'local' });
  });

  it('needs a client id and a known cloud in msal mode', () => {
    expect(() => readAuthSettings({ VITE_CROSSWALK_AUTH: 'msal' })).toThrow(SignInError);
    expect(() => readAuthSettings({ VITE_CROSSWALK_AUTH: 'msal', VITE_CROSSWALK_CLIENT_ID: CLIENT_ID, VITE_CROSSWALK_CLOUD: 'mooncake' })).toThrow(
      expect.objectContaining({ reason: 'not-configured' }),
    );
  });

  it('derives authority and API scope from the cloud and client id', () => {
    expect(readAuthSettings({ VITE_CROSSWALK_AUTH: 'msal', VITE_CROSSWALK_CLIENT_ID: CLIENT_ID, VITE_CROSSWALK_CLOUD: 'gcc-high' })).toEqual({
      mode: 'msal',
      clientId: CLIENT_ID,
      cloud: 'gcc-high',
      authority: 'https://login.microsoftonline.us/organizations',
      apiScope: `api://${CLIENT_ID}/access_as_user`,
    });
  });
});
