// The group page's filters (role, organization kind, current / past). The server applies them
// (a 5,000-member coalition filters without the pane loading everyone); the pane applies the
// same rule (shared/domain/member-filters.ts) to rows it has just changed, so a member whose
// term the user ended leaves the "current" list at once.
import type { MemberListQuery } from '../../../../shared/api/group-routes.ts';
import type { Member } from '../../../../shared/domain/group.ts';
import { matchesMemberFilters, NO_ORGANIZATION_KIND, type MemberTermFilter } from '../../../../shared/domain/member-filters.ts';
import { labelOrganizationKind, organizationKinds } from '../../../../shared/domain/organization-kind.ts';

export type TermFilter = MemberTermFilter;

export interface MemberFilters {
  /** Empty: any role. */
  role: string;
  /** Empty: any kind; "none" for members without an organization. */
  organizationKind: string;
  term: TermFilter;
}

export const NO_ORGANIZATION = NO_ORGANIZATION_KIND;
export const defaultMemberFilters: MemberFilters = { role: '', organizationKind: '', term: 'current' };

/** The filters as the member-list route's query (unset ones left out). */
export function toMemberListQuery(filters: MemberFilters): MemberListQuery {
  const role = filters.role.trim();
  return {
    term: filters.term,
    ...(role !== '' ? { role } : {}),
    ...(filters.organizationKind !== '' ? { organizationKind: filters.organizationKind as MemberListQuery['organizationKind'] } : {}),
  };
}

export function filterMembers(members: readonly Member[], filters: MemberFilters): Member[] {
  return members.filter((member) => matchesFilters(member, filters));
}

export function matchesFilters(member: Member, filters: MemberFilters): boolean {
  const query = toMemberListQuery(filters);
  return matchesMemberFilters(
    { role: member.role, current: member.current, organizationKind: member.organization?.kind ?? null },
    { role: query.role, organizationKind: query.organizationKind, term: filters.term },
  );
}

/** The role filter's choices: the group's roles (from the server), plus the chosen one if it has gone. */
export function listRoleChoices(groupRoles: readonly string[], selected: string): string[] {
  const key = selected.trim().toLowerCase();
  const has = key === '' || groupRoles.some((role) => role.trim().toLowerCase() === key);
  return has ? [...groupRoles] : [...groupRoles, selected].sort((a, b) => a.localeCompare(b));
}

/** Every organization kind, by label, then "No organization". */
export const organizationKindChoices: readonly { kind: string; label: string }[] = [
  ...organizationKinds
    .filter((kind) => kind !== 'unknown')
    .map((kind) => ({ kind, label: labelOrganizationKind(kind) }))
    .sort((a, b) => a.label.localeCompare(b.label)),
  { kind: 'unknown', label: 'Other organization' },
  { kind: NO_ORGANIZATION, label: 'No organization' },
];
