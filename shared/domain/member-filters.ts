// The member-list filters (role, organization kind, current / past) as one rule: the server
// applies it to the membership a list shows for each person, the pane to a row it has just
// changed (a member whose term the user ended leaves the "current" list at once). Pure.

/** Members without an organization, for the organization-kind filter. */
export const NO_ORGANIZATION_KIND = 'none';
export const memberTermFilters = ['current', 'past', 'all'] as const;
export type MemberTermFilter = (typeof memberTermFilters)[number];

export interface MemberFilterValues {
  /** A role, matched case-insensitively; absent: any. */
  role?: string | undefined;
  /** An organization kind or NO_ORGANIZATION_KIND; absent: any. */
  organizationKind?: string | undefined;
  term: MemberTermFilter;
}

/** What the filters look at, however the member is stored or shown. */
export interface MemberFilterFacts {
  role: string;
  /** The term has not ended (the end day still counts). */
  current: boolean;
  /** Null when no organization is known. */
  organizationKind: string | null;
}

/** Roles are free text: "Member" and "member " are one role. */
export function normalizeRoleKey(role: string): string {
  return role.trim().toLowerCase();
}

export function matchesMemberFilters(member: MemberFilterFacts, filters: MemberFilterValues): boolean {
  if (filters.term !== 'all' && member.current !== (filters.term === 'current')) return false;
  if (filters.role !== undefined && normalizeRoleKey(member.role) !== normalizeRoleKey(filters.role)) return false;
  if (filters.organizationKind !== undefined && (member.organizationKind ?? NO_ORGANIZATION_KIND) !== filters.organizationKind) return false;
  return true;
}
