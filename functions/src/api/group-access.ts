// Who is calling and what they may do to a group: every group route goes through here, so the
// team's role is checked server-side on each request. A group the caller cannot see (another
// tenant's, another team's) is "not found", never "forbidden": its existence is not told.
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { TENANT_TEAM_ID, type TeamRole } from '../../../shared/domain/group.ts';
import { ADMIN_APP_ROLE } from '../auth/require-admin.ts';
import type { GroupDocument } from '../enrichment/group-documents.ts';
import { AppError } from '../errors/app-error.ts';
import { describeRefusal, isActionAllowed, resolveTeamRole, type GroupAction } from '../groups/permissions.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import type { TeamDocument } from '../store/teams-repository.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';

export interface Caller {
  tenantId: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
}

/** A team as access decisions see it: the tenant-wide team is not stored. */
export interface TeamAccess {
  teamId: string;
  name: string;
  kind: 'tenant' | 'personal' | 'shared';
  team: TeamDocument | null;
  role: TeamRole | null;
}

export const TENANT_TEAM_NAME = 'Everyone in the organization';

export function requireCaller(input: HandlerInput<unknown>): Caller {
  const identity = input.identity;
  if (!identity) throw new AppError('unauthenticated', 'sign-in required');
  return {
    tenantId: identity.tenantId,
    email: normalizeEmail(identity.userPrincipalName),
    name: identity.name,
    isAdmin: identity.roles.includes(ADMIN_APP_ROLE),
  };
}

export function describeTeamAccess(team: TeamDocument | null, caller: Caller): TeamAccess {
  if (!team) return { teamId: TENANT_TEAM_ID, name: TENANT_TEAM_NAME, kind: 'tenant', team: null, role: resolveTeamRole({ kind: 'tenant' }, caller) };
  return { teamId: team.id, name: team.name, kind: team.kind, team, role: resolveTeamRole(team, caller) };
}

/** The team by id (TENANT_TEAM_ID for the tenant-wide one); null when it does not exist in the caller's tenant. */
export async function findTeamAccess(services: ApiServices, caller: Caller, teamId: string | undefined): Promise<TeamAccess | null> {
  if (teamId === undefined || teamId === TENANT_TEAM_ID) return describeTeamAccess(null, caller);
  const team = await services.repositories.teams.readTeam(caller.tenantId, teamId);
  return team ? describeTeamAccess(team, caller) : null;
}

/** The team, if the caller may do `action` in it: 404 when they are not in it, 403 when their role is too low. */
export async function requireTeamAccess(services: ApiServices, caller: Caller, teamId: string, action: GroupAction): Promise<TeamAccess> {
  const access = await findTeamAccess(services, caller, teamId);
  if (!access || access.role === null) throw new AppError('not-found', `there is no team ${teamId}`);
  if (!isActionAllowed(access.role, action)) throw new AppError('forbidden', describeRefusal(access.role, action));
  return access;
}

export interface GroupAccess {
  group: GroupDocument & { _etag: string };
  access: TeamAccess;
}

/** The group, if the caller may do `action` to it. */
export async function requireGroupAccess(services: ApiServices, caller: Caller, groupId: string, action: GroupAction): Promise<GroupAccess> {
  const group = await services.repositories.groups.readGroup(caller.tenantId, groupId);
  const access = group && group.tenantId === caller.tenantId ? await findTeamAccess(services, caller, group.teamId) : null;
  if (!group || !access || access.role === null) throw new AppError('not-found', `there is no group ${groupId}`);
  if (!isActionAllowed(access.role, action)) throw new AppError('forbidden', describeRefusal(access.role, action));
  return { group: { ...group, _etag: group._etag ?? '' }, access };
}

/** Membership changes need an active group: an archived one is kept as it was. */
export function requireActiveGroup(group: GroupDocument): void {
  if (group.status === 'archived') {
    throw new AppError('conflict', `${group.name} is archived; an owner must restore it before its members can change`);
  }
}

export const staleGroupMessage = 'this group was changed by someone else; reload and try again';
export const staleMemberMessage = 'this membership was changed by someone else; reload and try again';
export const staleTeamMessage = 'this team was changed by someone else; reload and try again';

export function makePersonalTeamId(tenantId: string, email: string): string {
  return makeStableId(tenantId, 'team', 'personal', email);
}

/** The caller's personal team, made on first use with them as its owner. */
export async function ensurePersonalTeam(services: ApiServices, caller: Caller, now: Date): Promise<{ team: TeamDocument; created: boolean }> {
  const { teams } = services.repositories;
  const id = makePersonalTeamId(caller.tenantId, caller.email);
  const existing = await teams.readTeam(caller.tenantId, id);
  if (existing) return { team: existing, created: false };
  const at = now.toISOString();
  const created = await teams.createTeam({
    id,
    tenantId: caller.tenantId,
    docType: 'team',
    name: `${caller.name ?? caller.email}'s groups`,
    kind: 'personal',
    members: [{ email: caller.email, role: 'owner', addedBy: caller.email, addedAt: at }],
    memberEmails: [caller.email],
    createdBy: caller.email,
    createdAt: at,
  });
  if (created !== 'exists') return { team: created, created: true };
  const raced = await teams.readTeam(caller.tenantId, id);
  if (!raced) throw new AppError('unavailable', 'your personal team could not be read; try again');
  return { team: raced, created: false };
}

/** Audit's "who". */
export function actorOf(caller: Caller): { email: string; name: string | null } {
  return { email: caller.email, name: caller.name };
}
