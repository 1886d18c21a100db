// The member-list filters (role, organization kind, current / past) as one rule, applied to the
// membership a list shows for a person and that person's organization. The store narrows a
// scan with the same conditions; this rule decides. Pure.
import type { MemberListFilters } from '../../../shared/api/group-routes.ts';
import { NO_ORGANIZATION_KIND } from '../../../shared/api/group-routes.ts';
import type { OrganizationKind } from '../../../shared/domain/organization-kind.ts';
import type { MembershipDocument } from '../enrichment/group-documents.ts';
import { isTermCurrent } from './membership-terms.ts';

/** Roles are free text: "Member" and "member " are one role. */
export function normalizeRoleKey(role: string): string {
  return role.trim().toLowerCase();
}

export function matchesMemberFilters(
  membership: Pick<MembershipDocument, 'role' | 'end'>,
  context: { organizationKind: OrganizationKind | null; today: string },
  filters: MemberListFilters,
): boolean {
  if (filters.term !== 'all' && isTermCurrent(membership, context.today) !== (filters.term === 'current')) return false;
  if (filters.role !== undefined && normalizeRoleKey(membership.role) !== normalizeRoleKey(filters.role)) return false;
  if (filters.organizationKind !== undefined && (context.organizationKind ?? NO_ORGANIZATION_KIND) !== filters.organizationKind) return false;
  return true;
}

/** The distinct roles, first spelling of each, sorted: the role filter's choices. */
export function listDistinctRoles(roles: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const role of roles) {
    const key = normalizeRoleKey(role);
    if (key !== '' && !byKey.has(key)) byKey.set(key, role.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
