// The group page's filters (role, organization kind, current / past). The server applies them
// (a 5,000-member coalition filters without the pane loading everyone); the pane applies the
// same rule to rows it has just changed, so a member whose term the user ended leaves the
// "current" list at once. Roles are free text, so they match case-insensitively.
import { NO_ORGANIZATION_KIND, type MemberListQuery } from '../../../../shared/api/group-routes.ts';
import type { Member } from '../../../../shared/domain/group.ts';
import { labelOrganizationKind, organizationKinds } from '../../../../shared/domain/organization-kind.ts';

export type TermFilter = 'current' | 'past' | 'all';

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
  const role = filters.role.trim().toLowerCase();
  if (filters.term === 'current' && !member.current) return false;
  if (filters.term === 'past' && member.current) return false;
  if (role !== '' && member.role.trim().toLowerCase() !== role) return false;
  if (filters.organizationKind !== '' && (member.organization?.kind ?? NO_ORGANIZATION) !== filters.organizationKind) return false;
  return true;
}

/** Whether anything narrows the list beyond "current members", the page's default. */
export function isNarrowed(filters: MemberFilters): boolean {
  return filters.role.trim() !== '' || filters.organizationKind !== '' || filters.term !== defaultMemberFilters.term;
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
