// Local mode: the dev add-in server mints a token from the local issuer at GET /dev/token on
// the page's own origin, for the signed-in user Outlook (or the preview stand-in) reports.
import { ApiError } from '../api/api-error.ts';
import { getUserEmail } from '../office/get-user-email.ts';

/** Fetches a fresh token for the signed-in user from the dev server. Never logs the token or the address. */
export async function fetchLocalDevToken(options: { fetch?: typeof fetch; userEmail?: string | null } = {}): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const userEmail = options.userEmail !== undefined ? options.userEmail : getUserEmail();
  if (!userEmail) {
    throw new ApiError({ status: 0, code: 'unauthenticated', message: 'Outlook did not say who is signed in.' });
  }
  let response: Response;
  try {
    response = await doFetch(`/dev/token?user=${encodeURIComponent(userEmail)}`, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'unavailable', message: 'Could not reach the local sign-in service.', cause });
  }
  if (!response.ok) {
    throw new ApiError({ status: response.status, code: 'unauthenticated', message: `Local sign-in failed (HTTP ${response.status}).` });
  }
  const body = (await response.json().catch(() => null)) as { accessToken?: unknown } | null;
  if (!body || typeof body.accessToken !== 'string' || body.accessToken === '') {
    throw new ApiError({ status: response.status, code: 'unauthenticated', message: 'Local sign-in returned no token.' });
  }
  return body.accessToken;
}
