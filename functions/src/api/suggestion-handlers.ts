// The suggestions routes: list the tenant's open suggestions, accept one (optionally renamed)
// as a group, or dismiss it for good. Any signed-in user of the tenant may; the suggestion
// records who decided and when, and accepting appends to the audit trail. Another tenant's
// suggestion is simply not found: every read is in the caller's own partition.
import type { GroupKind } from '../../../shared/domain/group.ts';
import { TENANT_TEAM_ID } from '../../../shared/domain/group.ts';
import type { Suggestion, SuggestionKind } from '../../../shared/domain/suggestion.ts';
import type { AcceptSuggestionBody } from '../../../shared/api/suggestion-routes.ts';
import type { CallerIdentity } from '../auth/caller-identity.ts';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import { describeMemberEvidence } from '../enrichment/networks/plan-network-enrichment.ts';
import type { SuggestionDocument } from '../enrichment/networks/suggestion-document.ts';
import { AppError } from '../errors/app-error.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

const KIND_ORDER: Record<SuggestionKind, number> = { 'working-group': 0, network: 1, 'distribution-list': 2 };

/** A network has no group kind of its own; a coalition is what users call one. */
const GROUP_KIND_OF: Record<SuggestionKind, GroupKind> = { 'working-group': 'working-group', network: 'coalition', 'distribution-list': 'distribution-list' };

function requireCaller(identity: CallerIdentity | null): CallerIdentity {
  if (!identity) throw new AppError('unauthenticated', 'sign in first');
  return identity;
}

export function toSuggestion(document: SuggestionDocument): Suggestion {
  const { tenantId: _tenantId, docType: _docType, origin: _origin, key: _key, seriesGroupId: _series, updatedAt: _updatedAt, _etag, ...rest } = document;
  return { ...rest, etag: _etag ?? '' };
}

async function readOwnSuggestion(services: ApiServices, caller: CallerIdentity, id: string | undefined): Promise<SuggestionDocument> {
  const document = id ? await services.repositories.suggestions.readSuggestion(caller.tenantId, id) : null;
  if (!document) throw new AppError('not-found', `no suggestion with id ${id ?? ''}`);
  return document;
}

export async function handleListSuggestions(services: ApiServices, input: HandlerInput<unknown>): Promise<{ suggestions: Suggestion[] }> {
  const caller = requireCaller(input.identity);
  const documents = await services.repositories.suggestions.listSuggestions(caller.tenantId);
  const size = (d: SuggestionDocument) => d.meetings + d.threads + d.emails;
  return {
    suggestions: documents
      .filter((document) => document.status === 'open')
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || size(b) - size(a) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map(toSuggestion),
  };
}

/** Reserves the name in the tenant-wide team (where accepted groups live), or answers 409. */
async function claimName(services: ApiServices, caller: CallerIdentity, name: string, groupId: string): Promise<void> {
  const { groups } = services.repositories;
  const taken = () => new AppError('conflict', `a group named "${name}" already exists; accept with another name`);
  if ((await groups.claimGroupName(caller.tenantId, TENANT_TEAM_ID, name, groupId)) === 'taken') throw taken();
  // Groups from before name claims existed are found by query.
  if ((await groups.findGroupsByName(caller.tenantId, undefined, name)).some((group) => group.id !== groupId)) {
    await groups.releaseGroupName(caller.tenantId, TENANT_TEAM_ID, name, groupId);
    throw taken();
  }
}

/** A series already writes to an inferred group: accepting promotes that group in place. */
async function promoteSeriesGroup(services: ApiServices, caller: CallerIdentity, group: GroupDocument, name: string, now: string): Promise<GroupDocument> {
  const { groups } = services.repositories;
  const renamed = group.name !== name;
  if (renamed) await claimName(services, caller, name, group.id);
  const next: GroupDocument = { ...group, name, source: 'accepted-suggestion', updatedBy: caller.userPrincipalName, updatedAt: now };
  const written = await groups.replaceGroup(next, group._etag ?? '');
  if (written === 'conflict') throw new AppError('conflict', 'the group changed meanwhile; try again');
  if (renamed) {
    await groups.releaseGroupName(caller.tenantId, TENANT_TEAM_ID, group.name, group.id);
    await groups.refreshGroupFieldsOfMemberships(written);
  }
  return written;
}

async function createAcceptedGroup(services: ApiServices, caller: CallerIdentity, suggestion: SuggestionDocument, name: string, now: string): Promise<GroupDocument> {
  const { groups } = services.repositories;
  const groupId = makeStableId(caller.tenantId, 'group', 'suggestion', suggestion.id);
  await claimName(services, caller, name, groupId);
  const group: GroupDocument = {
    id: groupId,
    tenantId: caller.tenantId,
    docType: 'group',
    name,
    kind: GROUP_KIND_OF[suggestion.kind],
    source: 'accepted-suggestion',
    status: 'active',
    createdAt: now,
    createdBy: caller.userPrincipalName,
  };
  // 'exists': an earlier attempt got this far before failing; carry on with that group.
  const created = await groups.createGroup(group);
  const stored = created === 'exists' ? await groups.readGroup(caller.tenantId, groupId) : created;
  if (!stored) throw new AppError('unavailable', `group ${groupId} vanished while accepting`);
  const memberships: MembershipDocument[] = suggestion.members.map((member) => ({
    id: makeStableId(caller.tenantId, 'membership', groupId, member.email, 'inferred'),
    tenantId: caller.tenantId,
    docType: 'membership',
    groupId,
    groupName: stored.name,
    groupKind: stored.kind,
    email: member.email,
    role: member.role ?? 'Member',
    source: 'inferred',
    evidence: describeMemberEvidence(suggestion, member.role),
    addedBy: caller.userPrincipalName,
    addedAt: now,
  }));
  await groups.upsertMemberships(caller.tenantId, memberships);
  return stored;
}

export async function handleAcceptSuggestion(
  services: ApiServices,
  input: HandlerInput<AcceptSuggestionBody | undefined>,
): Promise<{ suggestion: Suggestion; group: Pick<GroupDocument, 'id' | 'name' | 'kind' | 'source'> }> {
  const caller = requireCaller(input.identity);
  const suggestion = await readOwnSuggestion(services, caller, input.params.id);
  if (suggestion.status === 'accepted') throw new AppError('conflict', `this suggestion was already accepted by ${suggestion.decidedBy ?? 'someone'}`);
  const now = new Date().toISOString();
  const name = input.body?.name?.trim() || suggestion.name;
  const seriesGroup = suggestion.seriesGroupId ? await services.repositories.groups.readGroup(caller.tenantId, suggestion.seriesGroupId) : null;
  const group = seriesGroup ? await promoteSeriesGroup(services, caller, seriesGroup, name, now) : await createAcceptedGroup(services, caller, suggestion, name, now);
  const decided: SuggestionDocument = { ...suggestion, status: 'accepted', groupId: group.id, decidedBy: caller.userPrincipalName, decidedAt: now };
  const written = await services.repositories.suggestions.replaceSuggestion(decided, suggestion._etag ?? '');
  if (written === 'conflict') throw new AppError('conflict', 'the suggestion changed meanwhile; try again');
  await services.repositories.audit.append(caller.tenantId, [
    {
      at: now,
      actor: { email: caller.userPrincipalName, name: caller.name },
      action: seriesGroup ? 'group.update' : 'group.create',
      targetType: 'group',
      targetId: group.id,
      groupId: group.id,
      summary: `Accepted the suggestion "${suggestion.name}" as the group "${group.name}"`,
      before: seriesGroup ? { name: seriesGroup.name, source: seriesGroup.source } : null,
      after: { name: group.name, kind: group.kind, source: group.source },
    },
  ]);
  return { suggestion: toSuggestion(written), group: { id: group.id, name: group.name, kind: group.kind, source: group.source } };
}

export async function handleDismissSuggestion(services: ApiServices, input: HandlerInput<unknown>): Promise<{ suggestion: Suggestion }> {
  const caller = requireCaller(input.identity);
  const suggestion = await readOwnSuggestion(services, caller, input.params.id);
  if (suggestion.status === 'accepted') throw new AppError('conflict', 'this suggestion was accepted; archive its group instead');
  if (suggestion.status === 'dismissed') return { suggestion: toSuggestion(suggestion) };
  const decided: SuggestionDocument = { ...suggestion, status: 'dismissed', decidedBy: caller.userPrincipalName, decidedAt: new Date().toISOString() };
  const written = await services.repositories.suggestions.replaceSuggestion(decided, suggestion._etag ?? '');
  if (written === 'conflict') throw new AppError('conflict', 'the suggestion changed meanwhile; try again');
  return { suggestion: toSuggestion(written) };
}
