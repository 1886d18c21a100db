// Current roles first, past ones (a term that has ended) apart, for the card's "Show past roles".
// The lookup marks ended terms with the optional `past` / `end` fields on a role; an older API
// without them sends only roles, which all count as current.
import type { Role } from '../../../../shared/domain/person-card.ts';

/** A role as the card reads it: the contract's fields plus the optional term fields. */
export type RoleWithTerm = Role & { start?: string; end?: string; past?: boolean };

export function isPastRole(role: RoleWithTerm, options: { today: string }): boolean {
  if (role.past !== undefined) return role.past;
  return typeof role.end === 'string' && role.end < options.today;
}

/** Splits roles into current and past, keeping the API's order within each. */
export function splitRolesByTerm(roles: readonly RoleWithTerm[], options: { now: Date }): { current: RoleWithTerm[]; past: RoleWithTerm[] } {
  const today = options.now.toISOString().slice(0, 10);
  const current: RoleWithTerm[] = [];
  const past: RoleWithTerm[] = [];
  for (const role of roles) (isPastRole(role, { today }) ? past : current).push(role);
  return { current, past };
}
