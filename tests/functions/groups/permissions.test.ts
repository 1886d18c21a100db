// The permission matrix: each team role against each action, and how a role is resolved.
import { describeRefusal, isActionAllowed, resolveTeamRole, type GroupAction } from '../../../functions/src/groups/permissions.ts';
import type { TeamRole } from '../../../shared/domain/group.ts';

const actions: GroupAction[] = ['read', 'change-members', 'create-group', 'manage-group', 'manage-sharing'];

describe('isActionAllowed', () => {
  const matrix: [TeamRole | null, GroupAction[]][] = [
    ['viewer', ['read']],
    ['editor', ['read', 'change-members', 'create-group']],
    ['owner', ['read', 'change-members', 'create-group', 'manage-group', 'manage-sharing']],
    [null, []],
  ];
  it.each(matrix)('%s may do exactly %j', (role, allowed) => {
    expect(actions.filter((action) => isActionAllowed(role, action))).toEqual(allowed);
  });
});

describe('resolveTeamRole', () => {
  const team = { kind: 'shared' as const, members: [{ email: 'o@x.gov', role: 'owner' as const }, { email: 'v@x.gov', role: 'viewer' as const }] };
  it.each([
    ['a listed owner', team, { email: 'o@x.gov', isAdmin: false }, 'owner'],
    ['a listed viewer', team, { email: 'v@x.gov', isAdmin: false }, 'viewer'],
    ['someone not listed, even an admin', team, { email: 'a@x.gov', isAdmin: true }, null],
    ['anyone, in the tenant-wide team', { kind: 'tenant' as const }, { email: 'a@x.gov', isAdmin: false }, 'editor'],
    ['an admin, in the tenant-wide team', { kind: 'tenant' as const }, { email: 'a@x.gov', isAdmin: true }, 'owner'],
  ])('%s', (_label, teamForAccess, caller, expected) => {
    expect(resolveTeamRole(teamForAccess, caller)).toBe(expected);
  });
});

it('a refusal says what the caller is and who may', () => {
  expect(describeRefusal('viewer', 'change-members')).toBe("you are a viewer of this team; only an editor or owner may change this group's members");
  expect(describeRefusal('editor', 'manage-group')).toBe('you are an editor of this team; only an owner may change this group');
});
