// Exclusion lists: read and replace the tenant's (admins only) and the caller's own. Replacing
// a list removes, right away, whatever was captured before that the new list forbids.
import type { ExclusionList } from '../../../shared/domain/exclusions.ts';
import { requireAdmin } from '../auth/require-admin.ts';
import { AppError } from '../errors/app-error.ts';
import type { ExclusionScope } from '../store/settings-repository.ts';
import { applyExclusionsRetroactively } from '../sync/apply-exclusions-retroactively.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

function requireIdentity(input: HandlerInput<unknown>) {
  if (!input.identity) throw new AppError('unauthenticated', 'sign-in required');
  return input.identity;
}

async function replaceExclusions(services: ApiServices, tenantId: string, scope: ExclusionScope, list: ExclusionList, updatedBy: string) {
  const now = new Date();
  await services.repositories.settings.saveExclusions(tenantId, scope, list, { updatedBy, now: now.toISOString() });
  const removed = await applyExclusionsRetroactively({ repositories: services.repositories, now: () => now }, tenantId, scope, list);
  return { exclusions: await services.repositories.settings.readExclusions(tenantId, scope), removed };
}

export async function handleReadTenantExclusions(services: ApiServices, input: HandlerInput<unknown>) {
  const identity = requireAdmin(requireIdentity(input));
  return services.repositories.settings.readExclusions(identity.tenantId, { kind: 'tenant' });
}

export async function handleReplaceTenantExclusions(services: ApiServices, input: HandlerInput<ExclusionList>) {
  const identity = requireAdmin(requireIdentity(input));
  return replaceExclusions(services, identity.tenantId, { kind: 'tenant' }, input.body, identity.userPrincipalName);
}

export async function handleReadMyExclusions(services: ApiServices, input: HandlerInput<unknown>) {
  const identity = requireIdentity(input);
  return services.repositories.settings.readExclusions(identity.tenantId, { kind: 'user', ownerEmail: identity.userPrincipalName });
}

export async function handleReplaceMyExclusions(services: ApiServices, input: HandlerInput<ExclusionList>) {
  const identity = requireIdentity(input);
  return replaceExclusions(
    services,
    identity.tenantId,
    { kind: 'user', ownerEmail: identity.userPrincipalName },
    input.body,
    identity.userPrincipalName,
  );
}
