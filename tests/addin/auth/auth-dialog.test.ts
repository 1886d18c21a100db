// @vitest-environment jsdom
// The Office dialog sign-in for hosts without NAA, both ends: the task pane opens
// auth-dialog.html through a fake Office.context.ui and reads the one message back; the
// dialog's logic runs MSAL's redirect flow on a fake client and sends token or failure.
import type { AccountInfo } from '@azure/msal-browser';
import { AUTH_DIALOG_PATH, formatAuthDialogMessage, parseAuthDialogMessage } from '../../../addin/src/auth/auth-dialog-protocol.ts';
import { acquireTokenInOfficeDialog } from '../../../addin/src/auth/msal-naa-token.ts';
import { runAuthDialog } from '../../../addin/src/auth/run-auth-dialog.ts';
import type { RedirectTokenClient } from '../../../addin/src/auth/run-auth-dialog.ts';
import { SignInError } from '../../../addin/src/auth/sign-in-error.ts';
import { supportsNestedAppAuth } from '../../../addin/src/office/supports-nested-app-auth.ts';

type DialogHandler = (arg: unknown) => void;

function installFakeOfficeUi(options: { openFails?: number; requirements?: (name: string, version: string) => boolean } = {}) {
  const handlers = new Map<string, DialogHandler>();
  const dialog = { addEventHandler: vi.fn((type: string, handler: DialogHandler) => handlers.set(type, handler)), close: vi.fn() };
  const displayDialogAsync = vi.fn((_url: string, _options: unknown, callback: (result: unknown) => void) => {
    setTimeout(() =>
      callback(
        options.openFails
          ? { status: 'failed', error: { code: options.openFails } }
          : { status: 'succeeded', value: dialog },
      ),
    );
  });
  (globalThis as Record<string, unknown>).Office = {
    context: { ui: { displayDialogAsync }, requirements: { isSetSupported: options.requirements ?? (() => true) } },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
  const opened = () => new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => undefined);
  return {
    displayDialogAsync,
    dialog,
    async send(arg: unknown) {
      await opened();
      handlers.get('dialogMessageReceived')?.(arg);
    },
    async event(code: number) {
      await opened();
      handlers.get('dialogEventReceived')?.({ error: code });
    },
  };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

describe('acquireTokenInOfficeDialog', () => {
  it('opens auth-dialog.html on the page\'s origin and resolves with the token it sends', async () => {
    const office = installFakeOfficeUi();
    const token = acquireTokenInOfficeDialog();
    await office.send({ message: formatAuthDialogMessage({ type: 'crosswalk-sign-in', accessToken: 'dialog-token' }), origin: window.location.origin });
    expect(await token).toBe('dialog-token');
    expect(office.displayDialogAsync.mock.calls[0]![0]).toBe(`${window.location.origin}${AUTH_DIALOG_PATH}`);
    expect(office.dialog.close).toHaveBeenCalled();
  });

  it('ignores messages from another origin', async () => {
    const office = installFakeOfficeUi();
    const token = acquireTokenInOfficeDialog();
    await office.send({ message: formatAuthDialogMessage({ type: 'crosswalk-sign-in', accessToken: 'forged' }), origin: 'https://evil.example' });
    await office.send({ message: formatAuthDialogMessage({ type: 'crosswalk-sign-in', accessToken: 'real' }), origin: window.location.origin });
    expect(await token).toBe('real');
  });

  it('turns the dialog\'s failure message, a closed dialog and a blocked dialog into SignInErrors', async () => {
    let office = installFakeOfficeUi();
    let token = acquireTokenInOfficeDialog();
    await office.send({ message: formatAuthDialogMessage({ type: 'crosswalk-sign-in', failure: 'consent-required' }) });
    await expect(token).rejects.toMatchObject({ name: 'SignInError', reason: 'consent-required' });

    office = installFakeOfficeUi();
    token = acquireTokenInOfficeDialog();
    await office.event(12006);
    await expect(token).rejects.toSatisfy((error: unknown) => error instanceof Error && (error as { errorCode?: string }).errorCode === 'user_cancelled');

    installFakeOfficeUi({ openFails: 12009 });
    await expect(acquireTokenInOfficeDialog()).rejects.toMatchObject({ errorCode: 'popup_window_error' });
  });

  it('treats a message that is not ours as a failed sign-in', async () => {
    const office = installFakeOfficeUi();
    const token = acquireTokenInOfficeDialog();
    await office.send({ message: '{"hello":"world"}' });
    await expect(token).rejects.toBeInstanceOf(SignInError);
  });
});

describe('supportsNestedAppAuth', () => {
  it('asks for NestedAppAuth 1.1 and says no when Office cannot answer', () => {
    const isSetSupported = vi.fn(() => true);
    installFakeOfficeUi({ requirements: isSetSupported });
    expect(supportsNestedAppAuth()).toBe(true);
    expect(isSetSupported).toHaveBeenCalledWith('NestedAppAuth', '1.1');
    installFakeOfficeUi({
      requirements: () => {
        throw new Error('requirements unavailable');
      },
    });
    expect(supportsNestedAppAuth()).toBe(false);
  });
});

describe('runAuthDialog', () => {
  const scopes = ['api://4d2c/access_as_user'];
  const account = { homeAccountId: 'h', username: 'fake@example.test' } as AccountInfo;

  function fakeClient(overrides: Partial<RedirectTokenClient>): RedirectTokenClient & { acquireTokenRedirect: ReturnType<typeof vi.fn> } {
    return {
      handleRedirectPromise: async () => null,
      getAllAccounts: () => [],
      acquireTokenSilent: async () => {
        throw new Error('no silent expected');
      },
      ...overrides,
      acquireTokenRedirect: vi.fn(overrides.acquireTokenRedirect ?? (async () => undefined)),
    };
  }

  it('first visit without an account: redirects to sign in and sends nothing yet', async () => {
    const sent: string[] = [];
    const client = fakeClient({});
    expect(await runAuthDialog({ client, scopes, sendToParent: (text) => sent.push(text) })).toBe('redirecting');
    expect(client.acquireTokenRedirect).toHaveBeenCalledWith({ scopes });
    expect(sent).toEqual([]);
  });

  it('back from the sign-in redirect: sends the token', async () => {
    const sent: string[] = [];
    const client = fakeClient({ handleRedirectPromise: async () => ({ accessToken: 'redirect-token' }) });
    expect(await runAuthDialog({ client, scopes, sendToParent: (text) => sent.push(text) })).toBe('sent-token');
    expect(sent.map(parseAuthDialogMessage)).toEqual([{ type: 'crosswalk-sign-in', accessToken: 'redirect-token' }]);
  });

  it('reopened with a cached account: signs in silently; if that fails, redirects', async () => {
    const sent: string[] = [];
    const silent = fakeClient({ getAllAccounts: () => [account], acquireTokenSilent: async () => ({ accessToken: 'cached-token' }) });
    expect(await runAuthDialog({ client: silent, scopes, sendToParent: (text) => sent.push(text) })).toBe('sent-token');
    expect(parseAuthDialogMessage(sent[0]!)).toEqual({ type: 'crosswalk-sign-in', accessToken: 'cached-token' });

    const stale = fakeClient({
      getAllAccounts: () => [account],
      acquireTokenSilent: async () => {
        throw Object.assign(new Error('expired'), { errorCode: 'interaction_required' });
      },
    });
    expect(await runAuthDialog({ client: stale, scopes, sendToParent: () => {} })).toBe('redirecting');
  });

  it('sends the failure reason, never MSAL\'s message', async () => {
    const sent: string[] = [];
    const client = fakeClient({
      handleRedirectPromise: async () => {
        throw Object.assign(new Error('AADSTS65001 fake@example.test has not consented'), { errorCode: 'consent_required' });
      },
    });
    expect(await runAuthDialog({ client, scopes, sendToParent: (text) => sent.push(text) })).toBe('sent-failure');
    expect(sent).toEqual([formatAuthDialogMessage({ type: 'crosswalk-sign-in', failure: 'consent-required' })]);
    expect(sent[0]).not.toContain('fake@example.test');
  });
});
