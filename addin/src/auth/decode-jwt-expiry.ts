// Reads the expiry of a JWT without verifying it: the client only needs to know when to ask
// again; the API is the one that verifies.
/** Returns the token's `exp` in milliseconds since the epoch, or null when it has none or is not a JWT. */
export function decodeJwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claims = JSON.parse(json) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}
