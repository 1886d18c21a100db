// The role filter's choices: the distinct roles of a group. The filter rule itself is shared
// with the pane (shared/domain/member-filters.ts). Pure.
import { normalizeRoleKey } from '../../../shared/domain/member-filters.ts';

/** The distinct roles, first spelling of each, sorted: the role filter's choices. */
export function listDistinctRoles(roles: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const role of roles) {
    const key = normalizeRoleKey(role);
    if (key !== '' && !byKey.has(key)) byKey.set(key, role.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
