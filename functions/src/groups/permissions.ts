// Who may do what to a group: a group belongs to a team, and the caller's role in that team
// decides. Pure, so the whole matrix is tested as a table.
import type { TeamRole } from '../../../shared/domain/group.ts';

export type GroupAction =
  /** See the group, its members, exports and audit trail. */
  | 'read'
  /** Add, change and remove members. */
  | 'change-members'
  /** Make a new group in the team. */
  | 'create-group'
  /** Rename, describe, archive or restore, move to another team. */
  | 'manage-group'
  /** Add and remove teammates, change their roles. */
  | 'manage-sharing';

const allowedActions: Record<TeamRole, ReadonlySet<GroupAction>> = {
  viewer: new Set(['read']),
  editor: new Set(['read', 'change-members', 'create-group']),
  owner: new Set(['read', 'change-members', 'create-group', 'manage-group', 'manage-sharing']),
};

/** Enough of a team to decide a role: the tenant-wide team has no member list. */
export type TeamForAccess = { kind: 'tenant' } | { kind: 'personal' | 'shared'; members: readonly { email: string; role: TeamRole }[] };

export interface CallerForAccess {
  email: string;
  isAdmin: boolean;
}

/** The caller's role in a team, or null when they are not in it (and so cannot even see its groups).
 * Everyone in the tenant edits the tenant-wide team's groups; its owners are the tenant admins. */
export function resolveTeamRole(team: TeamForAccess, caller: CallerForAccess): TeamRole | null {
  if (team.kind === 'tenant') return caller.isAdmin ? 'owner' : 'editor';
  return team.members.find((member) => member.email === caller.email)?.role ?? null;
}

export function isActionAllowed(role: TeamRole | null, action: GroupAction): boolean {
  return role !== null && allowedActions[role].has(action);
}

/** What a refusal says, so the pane can explain it rather than show "forbidden". */
export function describeRefusal(role: TeamRole, action: GroupAction): string {
  const needs = action === 'change-members' || action === 'create-group' ? 'an editor or owner' : 'an owner';
  const what: Record<GroupAction, string> = {
    read: 'see this group',
    'change-members': "change this group's members",
    'create-group': 'create groups in this team',
    'manage-group': 'change this group',
    'manage-sharing': "change this team's members",
  };
  const article: Record<TeamRole, string> = { owner: 'an owner', editor: 'an editor', viewer: 'a viewer' };
  return `you are ${article[role]} of this team; only ${needs} may ${what[action]}`;
}
