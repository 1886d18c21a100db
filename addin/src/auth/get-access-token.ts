// The only place the add-in gets tokens. The strategy is chosen at build time:
// VITE_CROSSWALK_AUTH=msal → MSAL (nested app authentication, or the Office dialog where the
// host lacks it; see msal-naa-token.ts); anything else → the local dev issuer.
import { fetchLocalDevToken } from './local-dev-token.ts';
import { fetchMsalNaaToken } from './msal-naa-token.ts';
import { createTokenCache } from './token-cache.ts';

const usesMsal = import.meta.env.VITE_CROSSWALK_AUTH === 'msal';

const cache = createTokenCache({ fetchToken: usesMsal ? fetchMsalNaaToken : () => fetchLocalDevToken() });

/** Returns a bearer token for the Crosswalk API, reusing it until 60 s before it expires. */
export function getAccessToken(): Promise<string> {
  return cache.getToken();
}

/** Forgets the cached token, e.g. after the API answered 401. */
export function clearAccessToken(): void {
  cache.clear();
}
