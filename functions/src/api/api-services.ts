// What route handlers may use: repositories and the caller's verified identity. Nothing else.
import type { CallerIdentity } from '../auth/caller-identity.ts';
import type { AccessTokenVerifier } from '../auth/verify-access-token.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import type { Repositories } from '../store/repositories.ts';
import type { SyncAdminServices } from './admin-services.ts';

export interface ApiServices {
  repositories: Repositories;
  verifyAccessToken: AccessTokenVerifier;
  /** Sync administration (the manage/sync routes); absent where no queue is configured. */
  syncAdmin?: SyncAdminServices;
  /** Per-user and per-tenant request limits; absent: one made from the environment (http/rate-limit.ts). */
  rateLimiter?: RateLimiter;
}

export interface HandlerInput<Body> {
  /** Null only on routes that need no sign-in. */
  identity: CallerIdentity | null;
  body: Body;
  params: Record<string, string>;
  /** Validated query-string parameters, for routes that declare them. */
  query?: Record<string, string>;
}
