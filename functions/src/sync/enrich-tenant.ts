// Tenant-wide enrichment after mailboxes have synced: working groups inferred from recurring
// meetings, and each person's organization from the current directory.
import { makeStableId } from '../ids/make-stable-id.ts';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import { inferSeriesGroups } from '../enrichment/infer-series-groups.ts';
import { matchInferredGroup, type ExistingGroup } from '../enrichment/match-inferred-group.ts';
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
  for (const group of inferred) {
    // A series that is an existing group's meeting is evidence for that group, not a new group.
    const groupId = matchInferredGroup(group, candidates)?.id ?? makeGroupId(tenantId, group.name);
    const existing = existingGroups.get(groupId);
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
