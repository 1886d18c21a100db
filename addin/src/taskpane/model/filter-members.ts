// The group page's filters (role, organization kind, current / past), applied to the members
// loaded so far. Roles are free text, so they match case-insensitively.
import type { Member } from '../../../../shared/domain/group.ts';

export type TermFilter = 'current' | 'past' | 'all';

export interface MemberFilters {
  /** Empty: any role. */
  role: string;
  /** Empty: any kind; "none" for members without an organization. */
  organizationKind: string;
  term: TermFilter;
}

export const NO_ORGANIZATION = 'none';
export const defaultMemberFilters: MemberFilters = { role: '', organizationKind: '', term: 'current' };

export function filterMembers(members: readonly Member[], filters: MemberFilters): Member[] {
  const role = filters.role.trim().toLowerCase();
  return members.filter((member) => {
    if (filters.term === 'current' && !member.current) return false;
    if (filters.term === 'past' && member.current) return false;
    if (role !== '' && member.role.trim().toLowerCase() !== role) return false;
    if (filters.organizationKind !== '') {
      const kind = member.organization?.kind ?? NO_ORGANIZATION;
      if (kind !== filters.organizationKind) return false;
    }
    return true;
  });
}

/** The distinct roles among members (first spelling wins), sorted, for the role filter. */
export function listMemberRoles(members: readonly Member[]): string[] {
  const byKey = new Map<string, string>();
  for (const member of members) {
    const key = member.role.trim().toLowerCase();
    if (key !== '' && !byKey.has(key)) byKey.set(key, member.role.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/** The distinct organization kinds among members, with their labels, sorted by label. */
export function listMemberOrganizationKinds(members: readonly Member[]): { kind: string; label: string }[] {
  const byKind = new Map<string, string>();
  for (const member of members) {
    if (member.organization) byKind.set(member.organization.kind, member.organization.kindLabel);
    else byKind.set(NO_ORGANIZATION, 'No organization');
  }
  return [...byKind].map(([kind, label]) => ({ kind, label })).sort((a, b) => a.label.localeCompare(b.label));
}
