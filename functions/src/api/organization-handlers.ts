// Organization routes: read one; edit, merge and split (any signed-in user of the tenant — the
// team curates its organizations together; each change records who made it). After a change,
// the tenant's enrichment re-resolves everyone's organization so cards show it at once, and
// the audit trail keeps each change's before and after.
import { getDomain } from 'tldts';
import type { OrganizationKind } from '../../../shared/domain/organization-kind.ts';
import type { CallerIdentity } from '../auth/caller-identity.ts';
import { describeOrganization, type OrganizationView } from '../enrichment/organizations/describe-organization.ts';
import { planEdit, planMerge, planSplit, type ChangeContext } from '../enrichment/organizations/plan-organization-changes.ts';
import { isFreemailDomain } from '../enrichment/resolve-organization.ts';
import { AppError } from '../errors/app-error.ts';
import { getDotgovRegistry } from '../registry/load-dotgov-registry.ts';
import type { OrganizationDocument } from '../store/organizations-repository.ts';
import { enrichTenant } from '../sync/enrich-tenant.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { toOrganizationResponse } from './organization-response.ts';

function requireIdentity(input: HandlerInput<unknown>): CallerIdentity {
  if (!input.identity) throw new AppError('unauthenticated', 'sign-in required');
  return input.identity;
}

async function findOrganization(entries: readonly OrganizationDocument[], id: string, field = 'organization'): Promise<OrganizationView> {
  const view = describeOrganization(id, entries, { registry: getDotgovRegistry() });
  if (!view) throw new AppError('not-found', `${field} ${id} was not found`);
  return view;
}

function changeContext(identity: CallerIdentity, now: Date): ChangeContext {
  return { tenantId: identity.tenantId, by: identity.userPrincipalName, now: now.toISOString() };
}

/**
 * Writes the override documents and their audit entries (before/after), re-resolves people,
 * and answers with the organization as it now is.
 */
async function applyChange(services: ApiServices, identity: CallerIdentity, change: { before: readonly OrganizationDocument[]; documents: readonly OrganizationDocument[]; answerId: string; now: Date }) {
  const { tenantId } = identity;
  const { documents, answerId, now } = change;
  const before = new Map(change.before.map((document) => [document.id, document]));
  await services.repositories.organizations.upsertMany(tenantId, documents);
  await services.repositories.audit.append(
    tenantId,
    documents.map((document) => ({
      at: now.toISOString(),
      actor: { email: identity.userPrincipalName, name: identity.name },
      action: 'organization.update' as const,
      targetType: 'organization' as const,
      targetId: document.id,
      summary: document.history?.at(-1)?.summary ?? 'changed',
      before: before.get(document.id) ?? null,
      after: document,
    })),
  );
  const entries = await services.repositories.organizations.listAll(tenantId);
  await enrichTenant({ repositories: services.repositories, now: () => now }, tenantId, entries);
  return toOrganizationResponse(await findOrganization(entries, answerId));
}

export async function handleReadOrganization(services: ApiServices, input: HandlerInput<unknown>) {
  const identity = requireIdentity(input);
  const entries = await services.repositories.organizations.listAll(identity.tenantId);
  return toOrganizationResponse(await findOrganization(entries, input.params.id ?? ''));
}

export async function handleEditOrganization(services: ApiServices, input: HandlerInput<{ name?: string; kind?: OrganizationKind }>) {
  const identity = requireIdentity(input);
  const now = new Date();
  const entries = await services.repositories.organizations.listAll(identity.tenantId);
  const view = await findOrganization(entries, input.params.id ?? '');
  const document = planEdit(view, input.body, changeContext(identity, now));
  return applyChange(services, identity, { before: entries, documents: [document], answerId: document.id, now });
}

export async function handleMergeOrganization(services: ApiServices, input: HandlerInput<{ intoId: string }>) {
  const identity = requireIdentity(input);
  const now = new Date();
  const entries = await services.repositories.organizations.listAll(identity.tenantId);
  const source = await findOrganization(entries, input.params.id ?? '');
  const target = await findOrganization(entries, input.body.intoId, 'intoId: organization');
  if (source.id === target.id) throw new AppError('bad-request', 'intoId: is the organization being merged');
  const documents = planMerge(source, target, changeContext(identity, now));
  return applyChange(services, identity, { before: entries, documents, answerId: target.id, now });
}

export async function handleSplitOrganization(services: ApiServices, input: HandlerInput<{ domain: string; name: string; kind: OrganizationKind }>) {
  const identity = requireIdentity(input);
  const { domain } = input.body;
  const registrable = getDomain(domain);
  // A public suffix (co.uk, k12.wa.us) or a free-mail provider would sweep up unrelated people.
  if (!registrable) throw new AppError('bad-request', 'domain: is a public suffix, not an organization’s domain');
  if (isFreemailDomain(registrable)) throw new AppError('bad-request', 'domain: is a free-mail provider, not an organization’s domain');
  const now = new Date();
  const entries = await services.repositories.organizations.listAll(identity.tenantId);
  const documents = planSplit(input.body, entries, changeContext(identity, now));
  return applyChange(services, identity, { before: entries, documents, answerId: documents[0]!.id, now });
}
