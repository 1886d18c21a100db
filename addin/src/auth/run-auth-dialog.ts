// The sign-in dialog's logic, for hosts without nested app authentication: the dialog window
// (auth-dialog.html, opened by the task pane through Office) signs in with MSAL's redirect
// flow and sends exactly one message back: the API token, or why there is none.
//   first visit      → a cached account signs in silently, or MSAL redirects to the authority
//   back from Entra  → the redirect bridge returns here; handleRedirectPromise yields the token
import type { AccountInfo } from '@azure/msal-browser';
import { formatAuthDialogMessage } from './auth-dialog-protocol.ts';
import { classifyMsalError } from './sign-in-error.ts';

/** The part of MSAL's standard PublicClientApplication the dialog uses (a fake in tests). */
export interface RedirectTokenClient {
  handleRedirectPromise(): Promise<{ accessToken: string } | null>;
  getAllAccounts(): AccountInfo[];
  acquireTokenSilent(request: { scopes: string[]; account: AccountInfo }): Promise<{ accessToken: string }>;
  acquireTokenRedirect(request: { scopes: string[] }): Promise<void>;
}

export type AuthDialogOutcome = 'sent-token' | 'sent-failure' | 'redirecting';

export async function runAuthDialog(options: {
  client: RedirectTokenClient;
  scopes: string[];
  sendToParent: (text: string) => void;
}): Promise<AuthDialogOutcome> {
  const { client, scopes, sendToParent } = options;
  const sendToken = (accessToken: string): AuthDialogOutcome => {
    sendToParent(formatAuthDialogMessage({ type: 'crosswalk-sign-in', accessToken }));
    return 'sent-token';
  };
  try {
    const redirected = await client.handleRedirectPromise();
    if (redirected?.accessToken) return sendToken(redirected.accessToken);
    const account = client.getAllAccounts()[0];
    if (account) {
      try {
        return sendToken((await client.acquireTokenSilent({ scopes, account })).accessToken);
      } catch {
        // The cached session no longer suffices; fall through to an interactive sign-in.
      }
    }
    await client.acquireTokenRedirect({ scopes });
    return 'redirecting';
  } catch (error) {
    sendToParent(formatAuthDialogMessage({ type: 'crosswalk-sign-in', failure: classifyMsalError(error) }));
    return 'sent-failure';
  }
}
