// Stored documents → what the contract answers with: groups, members and teams, each with the
// etag a later change must send back. Pure.
import { groupKindLabels, TENANT_TEAM_ID, type Group, type Member, type Team } from '../../../shared/domain/group.ts';
import { labelOrganizationKind } from '../../../shared/domain/organization-kind.ts';
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import { isTermCurrent } from '../groups/membership-terms.ts';
import type { TeamDocument } from '../store/teams-repository.ts';
import type { TeamAccess } from './group-access.ts';

export function toGroupView(group: GroupDocument, access: TeamAccess, options: { lastUsedAt?: string | null; memberCount?: number } = {}): Group {
  if (access.role === null) throw new Error('toGroupView needs a role: the caller must be able to see the group');
  return {
    id: group.id,
    name: group.name,
    kind: group.kind,
    kindLabel: groupKindLabels[group.kind] ?? group.kind,
    description: group.description ?? null,
    status: group.status ?? 'active',
    source: group.source,
    teamId: access.teamId,
    teamName: access.name,
    myRole: access.role,
    createdBy: group.createdBy ?? null,
    createdAt: group.createdAt,
    updatedBy: group.updatedBy ?? null,
    updatedAt: group.updatedAt ?? null,
    lastUsedAt: options.lastUsedAt ?? null,
    ...(options.memberCount === undefined ? {} : { memberCount: options.memberCount }),
    etag: group._etag ?? '',
  };
}

/** The membership shown for a person: a typed-in one outranks an inferred one, as on cards. */
export function chooseShownMembership(memberships: readonly MembershipDocument[]): MembershipDocument | null {
  return memberships.find((m) => m.source === 'manual') ?? memberships[0] ?? null;
}

export function toMemberView(
  membership: MembershipDocument,
  context: { tenantId: string; person: PersonDocument | undefined; edge: EdgeDocument | undefined; today: string },
): Member {
  const { person, edge } = context;
  return {
    personId: membership.personId ?? makePersonId(context.tenantId, membership.email),
    groupId: membership.groupId,
    email: membership.email,
    displayName: person?.displayName.value ?? null,
    title: person?.title?.value ?? null,
    organization: person?.organization
      ? { name: person.organization.name, kind: person.organization.kind, kindLabel: labelOrganizationKind(person.organization.kind) }
      : null,
    role: membership.role,
    start: membership.start ?? null,
    end: membership.end ?? null,
    current: isTermCurrent(membership, context.today),
    notes: membership.notes ?? null,
    source: membership.source,
    evidence: membership.evidence ?? null,
    addedBy: membership.addedBy,
    addedAt: membership.addedAt,
    updatedBy: membership.updatedBy ?? null,
    updatedAt: membership.updatedAt ?? null,
    strength: edge ? { score: edge.strength.score, label: edge.strength.label, lastInteractionAt: edge.strength.lastInteractionAt } : null,
    etag: membership._etag ?? '',
  };
}

export function toTeamView(access: TeamAccess): Team {
  if (access.role === null) throw new Error('toTeamView needs a role');
  const team = access.team;
  if (!team) {
    return { id: TENANT_TEAM_ID, name: access.name, kind: 'tenant', myRole: access.role, members: [], createdBy: null, createdAt: null, etag: TENANT_TEAM_ID };
  }
  return {
    id: team.id,
    name: team.name,
    kind: team.kind,
    myRole: access.role,
    members: team.members,
    createdBy: team.createdBy,
    createdAt: team.createdAt,
    etag: team._etag ?? '',
  };
}
