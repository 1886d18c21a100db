// Tenant-wide enrichment after mailboxes have synced: working groups inferred from recurring
// meetings, networks, lists and points of contact from the whole ledger (suggestions,
// docs/NETWORKS.md), and each person's organization from the current directory.
import { makeStableId } from '../ids/make-stable-id.ts';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import { inferSeriesGroups } from '../enrichment/infer-series-groups.ts';
import { matchInferredGroup, type ExistingGroup } from '../enrichment/match-inferred-group.ts';
import { createTenantLedgerCollector } from '../enrichment/networks/collect-messages.ts';
import { planNetworkEnrichment, type KnownPerson } from '../enrichment/networks/plan-network-enrichment.ts';
import type { GroupSource } from '../../../shared/domain/group.ts';
import type { InferredGroup } from '../enrichment/infer-series-groups.ts';
import { makeOwnerKey } from '../mining/mine-message.ts';
import { resolveOrganization, type OrganizationEntry } from '../enrichment/resolve-organization.ts';
import { getDotgovRegistry } from '../registry/load-dotgov-registry.ts';
import type { SyncDependencies } from './sync-dependencies.ts';

export function makeGroupId(tenantId: string, name: string): string {
  return makeStableId(tenantId, 'group', name.trim().toLowerCase());
}

export async function enrichTenant(
  deps: Pick<SyncDependencies, 'repositories' | 'now'>,
  tenantId: string,
  directory: readonly OrganizationEntry[],
): Promise<{ inferredGroups: number; inferredMemberships: number }> {
  const { repositories } = deps;
  const now = deps.now().toISOString();
  const inferred = inferSeriesGroups(await repositories.interactions.listSeriesMeetings(tenantId), { now });
  const existingGroups = new Map((await repositories.groups.listGroups(tenantId)).map((g) => [g.id, g]));
  const manualMembers = new Map<string, Set<string>>();
  for (const membership of await repositories.groups.listMemberships(tenantId, { source: 'manual' })) {
    const members = manualMembers.get(membership.groupId) ?? new Set<string>();
    members.add(membership.email);
    manualMembers.set(membership.groupId, members);
  }
  const candidates: ExistingGroup[] = [...existingGroups.values()]
    .filter((group) => group.source === 'manual')
    .map((group) => ({ id: group.id, name: group.name, members: manualMembers.get(group.id) ?? new Set<string>() }));
  const groups: GroupDocument[] = [];
  const memberships: MembershipDocument[] = [];
  const placedSeries: { group: InferredGroup; groupId: string; groupSource: GroupSource }[] = [];
  for (const group of inferred) {
    // A series that is an existing group's meeting is evidence for that group, not a new group.
    const groupId = matchInferredGroup(group, candidates)?.id ?? makeGroupId(tenantId, group.name);
    const existing = existingGroups.get(groupId);
    placedSeries.push({ group, groupId, groupSource: existing?.source ?? 'inferred' });
    if (!existing) {
      groups.push({ id: groupId, tenantId, docType: 'group', name: group.name, kind: 'working-group', source: 'inferred', createdAt: now });
    }
    for (const member of group.members) {
      memberships.push({
        id: makeStableId(tenantId, 'membership', groupId, member.email, 'inferred'),
        tenantId,
        docType: 'membership',
        groupId,
        groupName: existing?.name ?? group.name,
        groupKind: existing?.kind ?? 'working-group',
        email: member.email,
        role: member.role,
        source: 'inferred',
        evidence: `Attended ${member.attended} of ${group.occurrences} meetings of the series`,
        addedBy: 'crosswalk',
        addedAt: now,
      });
    }
  }
  await repositories.groups.upsertGroups(tenantId, groups);
  memberships.push(...(await enrichNetworks(deps, tenantId, { now, placedSeries, existingGroups })));
  await repositories.groups.replaceInferredMemberships(tenantId, memberships);

  const registry = getDotgovRegistry();
  const people = await repositories.people.listAll(tenantId);
  const moved = people
    .filter((person) => JSON.stringify(person.organization) !== JSON.stringify(resolveOrganization(person.email, directory, { registry })))
    .map((person) => person.email);
  // Merged again from the current record: a sync may have changed the person since listAll.
  await repositories.people.mergeMany(tenantId, moved, (email, current) =>
    current && { ...current, organization: resolveOrganization(email, directory, { registry }) },
  );
  return { inferredGroups: inferred.length, inferredMemberships: memberships.length };
}

/** Suggestions and points of contact from every mailbox's ledger; returns the inferred memberships to keep. */
async function enrichNetworks(
  deps: Pick<SyncDependencies, 'repositories'>,
  tenantId: string,
  options: { now: string; placedSeries: Parameters<typeof planNetworkEnrichment>[0]['seriesGroups']; existingGroups: ReadonlyMap<string, GroupDocument> },
): Promise<MembershipDocument[]> {
  const { repositories } = deps;
  // The team: every mailbox that has synced anything.
  const owners = new Set((await repositories.syncState.listForTenant(tenantId)).map((cursor) => cursor.ownerEmail));
  // The ledger is read a few buckets at a time and folded into one compact record per message,
  // so memory follows the tenant's distinct messages, not every mailbox's copies of them.
  const ledger = createTenantLedgerCollector({ now: options.now });
  for (const owner of [...owners].sort()) {
    for await (const interactions of repositories.interactions.readByOwner(tenantId, makeOwnerKey(tenantId, owner))) ledger.add(interactions);
  }
  const people = new Map<string, KnownPerson>(
    (await repositories.people.listAll(tenantId)).map((person) => [
      person.email,
      { displayName: person.displayName.value, ...(person.organization ? { organization: person.organization.name } : {}) },
    ]),
  );
  const plan = planNetworkEnrichment({
    tenantId,
    now: options.now,
    ledger: ledger.finish(),
    owners,
    seriesGroups: options.placedSeries,
    groups: new Map([...options.existingGroups].map(([id, group]) => [id, { name: group.name, kind: group.kind }])),
    stored: await repositories.suggestions.listSuggestions(tenantId),
    people,
  });
  await repositories.suggestions.applySuggestions(tenantId, plan.suggestions, plan.removedSuggestionIds);
  return plan.memberships;
}
