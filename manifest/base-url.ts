// Validation of the base URL the manifests point at. Outlook refuses to load add-in pages
// over plain HTTP, so a non-https base URL is a mistake to stop at generation time, not
// something to discover later as a blank task pane.

/** The local dev add-in server used for sideloading (see docs/SIDELOADING.md). */
export const DEFAULT_BASE_URL = 'https://localhost:3443';

export class InvalidBaseUrlError extends Error {
  override readonly name = 'InvalidBaseUrlError';
}

/**
 * Returns the base URL as `https://host[:port][/path]` with no trailing slash, or throws
 * InvalidBaseUrlError. A path prefix is allowed for deployments that serve the add-in below
 * the site root; query strings, fragments and credentials are not, because every manifest
 * URL is made by appending a path to this value.
 */
export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InvalidBaseUrlError(`Base URL "${input}" is not a valid absolute URL (expected https://host[:port]).`);
  }
  if (url.protocol !== 'https:') {
    throw new InvalidBaseUrlError(
      `Base URL "${input}" must use https: Outlook only loads add-in pages over HTTPS.`,
    );
  }
  if (url.username || url.password) {
    throw new InvalidBaseUrlError(`Base URL "${input}" must not contain credentials.`);
  }
  if (url.search || url.hash || input.includes('?') || input.includes('#')) {
    throw new InvalidBaseUrlError(`Base URL "${input}" must not contain a query string or fragment.`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
