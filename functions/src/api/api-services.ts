// What route handlers may use: repositories and the caller's verified identity. Nothing else.
import type { CallerIdentity } from '../auth/caller-identity.ts';
import type { AccessTokenVerifier } from '../auth/verify-access-token.ts';
import type { Repositories } from '../store/repositories.ts';

export interface ApiServices {
  repositories: Repositories;
  verifyAccessToken: AccessTokenVerifier;
}

export interface HandlerInput<Body> {
  /** Null only on routes that need no sign-in. */
  identity: CallerIdentity | null;
  body: Body;
  params: Record<string, string>;
}
