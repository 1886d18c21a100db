// The production seam: tokens through MSAL nested app authentication (NAA), where Outlook
// brokers sign-in for the add-in. Not wired yet — the identity issue brings
// `createNestablePublicClientApplication` from @azure/msal-browser, acquireTokenSilent with
// the Crosswalk API scope, and a popup fallback. Until then, choosing it fails loudly.
import { ApiError } from '../api/api-error.ts';

export async function fetchMsalNaaToken(): Promise<string> {
  throw new ApiError({
    status: 0,
    code: 'unauthenticated',
    message: 'Sign-in through Microsoft 365 is not configured yet (VITE_CROSSWALK_AUTH=msal).',
  });
}
