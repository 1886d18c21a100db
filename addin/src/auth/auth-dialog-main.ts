// Entry of auth-dialog.html, the sign-in dialog for Office hosts without nested app
// authentication. Same settings as the task pane; MSAL's redirect flow; one message back.
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { messageAuthParent } from '../office/message-auth-parent.ts';
import { waitForOffice } from '../office/wait-for-office.ts';
import { AUTH_REDIRECT_PATH, formatAuthDialogMessage } from './auth-dialog-protocol.ts';
import { readAuthSettings } from './auth-settings.ts';
import { buildMsalConfiguration } from './msal-naa-token.ts';
import { runAuthDialog } from './run-auth-dialog.ts';
import { classifyMsalError } from './sign-in-error.ts';

async function main(): Promise<void> {
  await waitForOffice();
  try {
    const settings = readAuthSettings();
    if (settings.mode !== 'msal') throw new Error('the sign-in dialog is only used with VITE_CROSSWALK_AUTH=msal');
    const configuration = buildMsalConfiguration(settings, { redirectUri: `${window.location.origin}${AUTH_REDIRECT_PATH}` });
    // The dialog is a window of its own: keep MSAL's cache across its redirects and reopenings.
    const client = await createStandardPublicClientApplication({ ...configuration, cache: { cacheLocation: 'localStorage' } });
    await runAuthDialog({ client, scopes: [settings.apiScope], sendToParent: messageAuthParent });
  } catch (error) {
    messageAuthParent(formatAuthDialogMessage({ type: 'crosswalk-sign-in', failure: classifyMsalError(error) }));
  }
}

void main();
