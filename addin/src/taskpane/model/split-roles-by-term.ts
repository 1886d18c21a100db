// Current roles first, past ones (a term that has ended) apart, for the card's "Show past roles".
// The lookup marks ended terms with `past: true`; a role with only an `end` date before today
// counts as past too, so an answer cached across midnight still reads right.
import type { Role } from '../../../../shared/domain/person-card.ts';

export function isPastRole(role: Role, options: { today: string }): boolean {
  if (role.past !== undefined) return role.past;
  return typeof role.end === 'string' && role.end < options.today;
}

/** Splits roles into current and past, keeping the API's order within each. */
export function splitRolesByTerm(roles: readonly Role[], options: { now: Date }): { current: Role[]; past: Role[] } {
  const today = options.now.toISOString().slice(0, 10);
  const current: Role[] = [];
  const past: Role[] = [];
  for (const role of roles) (isPastRole(role, { today }) ? past : current).push(role);
  return { current, past };
}
