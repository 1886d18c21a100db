// Administration (sync status and resync, tenant-wide settings) is for the tenant's admins
// only: callers whose token carries the app role Crosswalk.Admin (assigned in Entra ID to
// users or groups of the API's app registration). Their tenant scopes what they administer.
import { AppError } from '../errors/app-error.ts';
import type { CallerIdentity } from './caller-identity.ts';

export const ADMIN_APP_ROLE = 'Crosswalk.Admin';

export function requireAdmin(identity: CallerIdentity | null): CallerIdentity {
  if (!identity) throw new AppError('unauthenticated', 'sign-in required');
  if (!identity.roles.includes(ADMIN_APP_ROLE)) throw new AppError('forbidden', `this needs the ${ADMIN_APP_ROLE} role`);
  return identity;
}
