// Teams, i.e. sharing: list the caller's teams, create one, and (owners) add, re-role or remove
// teammates. A team always keeps at least one owner. The tenant-wide team has no stored members:
// everyone in the tenant is its editor and the tenant admins are its owners.
import { randomUUID } from 'node:crypto';
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { createTeamRoute, listTeamsRoute, readTeamRoute } from '../../../shared/api/group-routes.ts';
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import { MAX_TEAM_MEMBERS, TENANT_TEAM_ID, type TeamMember, type TeamRole } from '../../../shared/domain/group.ts';
import { AppError } from '../errors/app-error.ts';
import type { TeamDocument } from '../store/teams-repository.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import {
  actorOf,
  describeTeamAccess,
  findTeamAccess,
  requireCaller,
  requireTeamAccess,
  staleTeamMessage,
  type Caller,
  type TeamAccess,
} from './group-access.ts';
import { toTeamView } from './group-views.ts';

type TeamResponse = RouteResponse<typeof readTeamRoute>;

/** Attempts when a change without an etag meets a concurrent change of the same team. */
const MAX_TEAM_WRITE_ATTEMPTS = 3;

export async function handleListTeams(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof listTeamsRoute>> {
  const caller = requireCaller(input);
  const teams = await services.repositories.teams.listTeamsOf(caller.tenantId, caller.email);
  const views = teams.map((team) => toTeamView(describeTeamAccess(team, caller))).sort((a, b) => a.name.localeCompare(b.name));
  return { teams: [toTeamView(describeTeamAccess(null, caller)), ...views] };
}

export async function handleCreateTeam(services: ApiServices, input: HandlerInput<{ name: string }>): Promise<RouteResponse<typeof createTeamRoute>> {
  const caller = requireCaller(input);
  const at = new Date().toISOString();
  const team: TeamDocument = {
    id: randomUUID(),
    tenantId: caller.tenantId,
    docType: 'team',
    name: input.body.name,
    kind: 'shared',
    members: [{ email: caller.email, role: 'owner', addedBy: caller.email, addedAt: at }],
    memberEmails: [caller.email],
    createdBy: caller.email,
    createdAt: at,
  };
  const created = await services.repositories.teams.createTeam(team);
  if (created === 'exists') throw new AppError('conflict', 'a team with this id already exists; try again');
  await services.repositories.audit.append(caller.tenantId, [
    { at, actor: actorOf(caller), action: 'team.create', targetType: 'team', targetId: team.id, teamId: team.id, summary: `Created the team ${team.name}`, before: null, after: created },
  ]);
  return toTeamView(describeTeamAccess(created, caller));
}

export async function handleReadTeam(services: ApiServices, input: HandlerInput<unknown>): Promise<TeamResponse> {
  const caller = requireCaller(input);
  return toTeamView(await requireTeamAccess(services, caller, input.params.teamId ?? '', 'read'));
}

function requireStoredTeam(access: TeamAccess): TeamDocument {
  if (!access.team || access.teamId === TENANT_TEAM_ID) {
    throw new AppError('forbidden', 'everyone in the organization is an editor of the tenant-wide team and its admins are its owners; its members cannot be changed');
  }
  return access.team;
}

function withMembers(team: TeamDocument, members: TeamMember[]): TeamDocument {
  if (!members.some((member) => member.role === 'owner')) throw new AppError('conflict', 'a team needs at least one owner; make someone else an owner first');
  if (members.length > MAX_TEAM_MEMBERS) throw new AppError('bad-request', `a team may have at most ${MAX_TEAM_MEMBERS} members`);
  return { ...team, members, memberEmails: members.map((member) => member.email) };
}

/** Reads, changes and writes a team under its etag; with no etag from the client, a race is retried on fresh data. */
async function changeTeam(
  services: ApiServices,
  caller: Caller,
  options: { teamId: string; etag?: string; allowSelf?: string },
  change: (team: TeamDocument) => TeamDocument,
): Promise<{ before: TeamDocument; after: TeamDocument }> {
  for (let attempt = 0; attempt < MAX_TEAM_WRITE_ATTEMPTS; attempt += 1) {
    const access = await findTeamAccess(services, caller, options.teamId);
    if (!access || access.role === null) throw new AppError('not-found', `there is no team ${options.teamId}`);
    const team = requireStoredTeam(access);
    const leavingSelf = options.allowSelf === caller.email;
    if (access.role !== 'owner' && !leavingSelf) {
      throw new AppError('forbidden', `you are ${access.role === 'editor' ? 'an editor' : 'a viewer'} of this team; only an owner may change who is in it`);
    }
    if (options.etag !== undefined && team._etag !== options.etag) throw new AppError('conflict', staleTeamMessage);
    const next = change(team);
    const saved = await services.repositories.teams.replaceTeam(next, team._etag ?? '');
    if (saved !== 'conflict') return { before: team, after: saved };
    if (options.etag !== undefined) throw new AppError('conflict', staleTeamMessage);
  }
  throw new AppError('conflict', staleTeamMessage);
}

export async function handleSetTeamMember(
  services: ApiServices,
  input: HandlerInput<{ email: string; role: TeamRole; etag?: string }>,
): Promise<TeamResponse> {
  const caller = requireCaller(input);
  const { email, role, etag } = input.body;
  const at = new Date().toISOString();
  const { before, after } = await changeTeam(services, caller, { teamId: input.params.teamId ?? '', ...(etag ? { etag } : {}) }, (team) => {
    const current = team.members.find((member) => member.email === email);
    const members = current
      ? team.members.map((member) => (member.email === email ? { ...member, role } : member))
      : [...team.members, { email, role, addedBy: caller.email, addedAt: at }];
    return withMembers(team, members);
  });
  const previous = before.members.find((member) => member.email === email);
  await services.repositories.audit.append(caller.tenantId, [
    {
      at,
      actor: actorOf(caller),
      action: 'team.member.set',
      targetType: 'team',
      targetId: after.id,
      teamId: after.id,
      summary: previous ? `${email}: ${previous.role} → ${role} in ${after.name}` : `Added ${email} to ${after.name} as ${role}`,
      before: { members: before.members },
      after: { members: after.members },
    },
  ]);
  return toTeamView(describeTeamAccess(after, caller));
}

export async function handleRemoveTeamMember(services: ApiServices, input: HandlerInput<unknown>): Promise<TeamResponse> {
  const caller = requireCaller(input);
  const email = normalizeEmail(input.params.email ?? '');
  const { before, after } = await changeTeam(services, caller, { teamId: input.params.teamId ?? '', allowSelf: email }, (team) =>
    team.members.some((member) => member.email === email) ? withMembers(team, team.members.filter((member) => member.email !== email)) : team,
  );
  if (before.members.length !== after.members.length) {
    await services.repositories.audit.append(caller.tenantId, [
      {
        at: new Date().toISOString(),
        actor: actorOf(caller),
        action: 'team.member.remove',
        targetType: 'team',
        targetId: after.id,
        teamId: after.id,
        summary: email === caller.email ? `${email} left ${after.name}` : `Removed ${email} from ${after.name}`,
        before: { members: before.members },
        after: { members: after.members },
      },
    ]);
  }
  // Someone who left can no longer see the team: answer with what they last could.
  const access = describeTeamAccess(after, caller);
  return toTeamView(access.role ? access : { ...access, role: 'viewer', team: { ...after, members: [] } });
}
