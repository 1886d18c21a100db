// The map shows the roles a card would: tenant-wide groups and the caller's own teams' groups,
// current terms only.
import { isMembershipVisible } from '../../../functions/src/network/visible-memberships.ts';

const options = { callerTeamIds: new Set(['team-mine']), today: '2026-06-15' };

it.each<[string, { teamId?: string; end?: string | null }, boolean]>([
  ['a group made before teams', {}, true],
  ['a tenant-wide team group', { teamId: 'tenant' }, true],
  ['a group of a team the caller is in', { teamId: 'team-mine' }, true],
  ['a group of a private team the caller is not in', { teamId: 'team-theirs' }, false],
  ['a term ending today', { end: '2026-06-15' }, true],
  ['a term that ended', { end: '2026-06-14' }, false],
  ['an open-ended term', { end: null }, true],
])('%s: %s', (_case, membership, visible) => {
  expect(isMembershipVisible(membership, options)).toBe(visible);
});
