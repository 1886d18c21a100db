// Keeps one access token until shortly before it expires, and shares one in-flight request
// between callers so a burst of lookups asks for a token once.
import { decodeJwtExpiry } from './decode-jwt-expiry.ts';

/** Tokens are renewed this long before `exp`, so a request never leaves with a token about to lapse. */
export const TOKEN_RENEWAL_MARGIN_MS = 60_000;

export interface TokenCache {
  getToken(): Promise<string>;
  clear(): void;
}

export function createTokenCache(options: { fetchToken: () => Promise<string>; now?: () => number }): TokenCache {
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  return {
    async getToken() {
      if (cached && now() < cached.renewAt) return cached.token;
      pending ??= options
        .fetchToken()
        .then((token) => {
          cached = { token, renewAt: computeRenewAt(token) };
          return token;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    clear() {
      cached = null;
    },
  };
}

/** When to stop using a token: 60 s before `exp`; a token without `exp` is used once (renewAt 0). */
export function computeRenewAt(token: string): number {
  const expiresAt = decodeJwtExpiry(token);
  return expiresAt === null ? 0 : expiresAt - TOKEN_RENEWAL_MARGIN_MS;
}
