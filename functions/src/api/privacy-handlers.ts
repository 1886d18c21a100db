// Privacy routes (shared/api/privacy-routes.ts): a user's own opt-out and delete-my-data, and the
// admin-only do-not-track list, delete requests and exports. Every one is scoped to the caller's
// tenant; none takes a tenant or an owner from the request.
import { requireAdmin } from '../auth/require-admin.ts';
import { AppError } from '../errors/app-error.ts';
import { deletePersonData } from '../privacy/delete-person-data.ts';
import { exportPersonData } from '../privacy/export-person-data.ts';
import { markDoNotTrack } from '../privacy/mark-do-not-track.ts';
import { optInMailbox, optOutMailbox } from '../privacy/opt-out-mailbox.ts';
import { requirePrivacyRepository, type PrivacyDependencies } from '../privacy/privacy-dependencies.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

function requireIdentity(input: HandlerInput<unknown>) {
  if (!input.identity) throw new AppError('unauthenticated', 'sign-in required');
  return input.identity;
}

function depsOf(services: ApiServices): PrivacyDependencies {
  return { repositories: services.repositories, now: () => new Date() };
}

const actorOf = (identity: { userPrincipalName: string; name: string | null }) => ({ email: identity.userPrincipalName, name: identity.name });

export async function handleReadMyPrivacy(services: ApiServices, input: HandlerInput<unknown>) {
  const identity = requireIdentity(input);
  const optOut = await requirePrivacyRepository(services.repositories).readOptOut(identity.tenantId, identity.userPrincipalName);
  return { optedOut: optOut !== null, optedOutAt: optOut?.at ?? null };
}

export async function handleOptOut(services: ApiServices, input: HandlerInput<unknown>) {
  const identity = requireIdentity(input);
  return optOutMailbox(depsOf(services), { tenantId: identity.tenantId, ownerEmail: identity.userPrincipalName });
}

export async function handleOptIn(services: ApiServices, input: HandlerInput<unknown>) {
  const identity = requireIdentity(input);
  return optInMailbox(depsOf(services), { tenantId: identity.tenantId, ownerEmail: identity.userPrincipalName });
}

export async function handleDeleteMyData(services: ApiServices, input: HandlerInput<unknown>) {
  const identity = requireIdentity(input);
  return deletePersonData(depsOf(services), { tenantId: identity.tenantId, email: identity.userPrincipalName, actor: actorOf(identity) });
}

export async function handleListDoNotTrack(services: ApiServices, input: HandlerInput<unknown>) {
  const identity = requireAdmin(requireIdentity(input));
  return { entries: await requirePrivacyRepository(services.repositories).listDoNotTrack(identity.tenantId) };
}

export async function handleMarkDoNotTrack(services: ApiServices, input: HandlerInput<{ email: string; reason: string }>) {
  const identity = requireAdmin(requireIdentity(input));
  return markDoNotTrack(depsOf(services), { tenantId: identity.tenantId, email: input.body.email, reason: input.body.reason, actor: actorOf(identity) });
}

export async function handleDeletePersonData(services: ApiServices, input: HandlerInput<{ email: string }>) {
  const identity = requireAdmin(requireIdentity(input));
  return deletePersonData(depsOf(services), { tenantId: identity.tenantId, email: input.body.email, actor: actorOf(identity) });
}

export async function handleExportPersonData(services: ApiServices, input: HandlerInput<{ email: string }>) {
  const identity = requireAdmin(requireIdentity(input));
  return exportPersonData(depsOf(services), { tenantId: identity.tenantId, email: input.body.email });
}
