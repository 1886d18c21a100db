// Groups: create, list (most recently used first), read, and change (rename, describe, kind,
// archive / restore, move to another team). Names are unique per team, case-insensitively.
import { randomUUID } from 'node:crypto';
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { createGroupRoute, listGroupsRoute, readGroupRoute, updateGroupRoute } from '../../../shared/api/group-routes.ts';
import { TENANT_TEAM_ID, type CreateGroupBody, type GroupKind, type GroupStatus } from '../../../shared/domain/group.ts';
import type { GroupDocument } from '../enrichment/group-documents.ts';
import { AppError } from '../errors/app-error.ts';
import { isActionAllowed } from '../groups/permissions.ts';
import type { AuditRecord } from '../store/audit-repository.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import {
  actorOf,
  describeTeamAccess,
  ensurePersonalTeam,
  requireCaller,
  requireGroupAccess,
  requireTeamAccess,
  staleGroupMessage,
  type Caller,
  type TeamAccess,
} from './group-access.ts';
import { toGroupView } from './group-views.ts';

type CreateGroupInput = Required<Pick<CreateGroupBody, 'name' | 'kind'>> & Omit<CreateGroupBody, 'name' | 'kind'>;

interface UpdateGroupInput {
  etag: string;
  name?: string;
  kind?: GroupKind;
  description?: string | null;
  status?: GroupStatus;
  teamId?: string;
}

/** Name claims are per team; the tenant-wide team's key is its id. */
function teamKeyOf(teamId: string | undefined): string {
  return teamId ?? TENANT_TEAM_ID;
}

function storedTeamId(access: TeamAccess): string | undefined {
  return access.kind === 'tenant' ? undefined : access.teamId;
}

/** Reserves `name` in the team for the group, or answers 409. Groups from before claims existed are checked by query. */
async function claimName(services: ApiServices, caller: Caller, options: { teamId: string | undefined; name: string; groupId: string }): Promise<void> {
  const { groups } = services.repositories;
  const teamKey = teamKeyOf(options.teamId);
  const taken = () => new AppError('conflict', `a group named "${options.name}" already exists in this team; pick another name or add people to that group`);
  if ((await groups.claimGroupName(caller.tenantId, teamKey, options.name, options.groupId)) === 'taken') throw taken();
  const sameName = await groups.findGroupsByName(caller.tenantId, options.teamId, options.name);
  if (sameName.some((group) => group.id !== options.groupId)) {
    await groups.releaseGroupName(caller.tenantId, teamKey, options.name, options.groupId);
    throw taken();
  }
}

async function auditGroup(services: ApiServices, caller: Caller, records: AuditRecord[]): Promise<void> {
  if (records.length > 0) await services.repositories.audit.append(caller.tenantId, records);
}

export async function handleCreateGroup(services: ApiServices, input: HandlerInput<CreateGroupInput>): Promise<RouteResponse<typeof createGroupRoute>> {
  const caller = requireCaller(input);
  const now = new Date();
  const at = now.toISOString();
  const audit: AuditRecord[] = [];
  let access: TeamAccess;
  if (input.body.teamId === undefined) {
    // No team named: the creator's personal team, where they are the owner.
    const personal = await ensurePersonalTeam(services, caller, now);
    access = describeTeamAccess(personal.team, caller);
    if (personal.created) {
      audit.push({
        at,
        actor: actorOf(caller),
        action: 'team.create',
        targetType: 'team',
        targetId: personal.team.id,
        teamId: personal.team.id,
        summary: `Created the personal team ${personal.team.name}`,
        before: null,
        after: personal.team,
      });
    }
    if (!isActionAllowed(access.role, 'create-group')) throw new AppError('forbidden', 'you may not create groups in your personal team');
  } else {
    access = await requireTeamAccess(services, caller, input.body.teamId, 'create-group');
  }
  const teamId = storedTeamId(access);
  const group: GroupDocument = {
    id: randomUUID(),
    tenantId: caller.tenantId,
    docType: 'group',
    name: input.body.name,
    kind: input.body.kind,
    source: input.body.source ?? 'manual',
    createdAt: at,
    description: input.body.description || null,
    status: 'active',
    ...(teamId ? { teamId } : {}),
    createdBy: caller.email,
  };
  await claimName(services, caller, { teamId, name: group.name, groupId: group.id });
  const created = await services.repositories.groups.createGroup(group);
  if (created === 'exists') throw new AppError('conflict', 'a group with this id already exists; try again');
  audit.push({
    at,
    actor: actorOf(caller),
    action: 'group.create',
    targetType: 'group',
    targetId: group.id,
    groupId: group.id,
    teamId: access.teamId,
    summary: `Created the ${group.kind} ${group.name}`,
    before: null,
    after: created,
  });
  await auditGroup(services, caller, audit);
  await services.repositories.groups.recordGroupUse(caller.tenantId, caller.email, group.id, at);
  return toGroupView(created, access, { lastUsedAt: at, memberCount: 0 });
}

export async function handleListGroups(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof listGroupsRoute>> {
  const caller = requireCaller(input);
  const { groups, teams } = services.repositories;
  const [allGroups, myTeams, lastUsed] = await Promise.all([
    groups.listGroups(caller.tenantId),
    teams.listTeamsOf(caller.tenantId, caller.email),
    groups.readGroupUse(caller.tenantId, caller.email),
  ]);
  const accessByTeam = new Map<string, TeamAccess>(myTeams.map((team) => [team.id, describeTeamAccess(team, caller)]));
  const tenantAccess = describeTeamAccess(null, caller);
  return {
    groups: allGroups
      .flatMap((group) => {
        const access = group.teamId ? accessByTeam.get(group.teamId) : tenantAccess;
        return access && access.role ? [toGroupView(group, access, { lastUsedAt: lastUsed[group.id] ?? null })] : [];
      })
      .sort((a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') || a.name.localeCompare(b.name)),
  };
}

export async function handleReadGroup(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof readGroupRoute>> {
  const caller = requireCaller(input);
  const { group, access } = await requireGroupAccess(services, caller, input.params.id ?? '', 'read');
  const [memberCount, lastUsed] = await Promise.all([
    services.repositories.groups.countGroupMembers(caller.tenantId, group.id),
    services.repositories.groups.readGroupUse(caller.tenantId, caller.email),
  ]);
  return toGroupView(group, access, { memberCount, lastUsedAt: lastUsed[group.id] ?? null });
}

export async function handleUpdateGroup(services: ApiServices, input: HandlerInput<UpdateGroupInput>): Promise<RouteResponse<typeof updateGroupRoute>> {
  const caller = requireCaller(input);
  const { body } = input;
  const { group, access } = await requireGroupAccess(services, caller, input.params.id ?? '', 'manage-group');
  if (group._etag !== body.etag) throw new AppError('conflict', staleGroupMessage);
  const target = body.teamId !== undefined && body.teamId !== access.teamId ? await requireTeamAccess(services, caller, body.teamId, 'manage-group') : access;
  const teamId = storedTeamId(target);
  const next: GroupDocument = {
    ...group,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.kind !== undefined ? { kind: body.kind } : {}),
    ...(body.description !== undefined ? { description: body.description || null } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
    updatedBy: caller.email,
    updatedAt: new Date().toISOString(),
  };
  delete next.teamId;
  if (teamId) next.teamId = teamId;
  const renamedOrMoved = next.name.toLowerCase() !== group.name.toLowerCase() || next.teamId !== group.teamId;
  if (renamedOrMoved) await claimName(services, caller, { teamId, name: next.name, groupId: group.id });
  const saved = await services.repositories.groups.replaceGroup(next, body.etag);
  if (saved === 'conflict') {
    if (renamedOrMoved) await services.repositories.groups.releaseGroupName(caller.tenantId, teamKeyOf(teamId), next.name, group.id);
    throw new AppError('conflict', staleGroupMessage);
  }
  if (renamedOrMoved) await services.repositories.groups.releaseGroupName(caller.tenantId, teamKeyOf(group.teamId), group.name, group.id);
  // Cards read a membership's denormalized group name, kind and team: bring them in step.
  if (next.name !== group.name || next.kind !== group.kind || next.teamId !== group.teamId) {
    await services.repositories.groups.refreshGroupFieldsOfMemberships(saved);
  }
  const changed = (['name', 'kind', 'description', 'status', 'teamId'] as const).filter((key) => (group[key] ?? null) !== (next[key] ?? null));
  await auditGroup(services, caller, [
    {
      at: next.updatedAt ?? new Date().toISOString(),
      actor: actorOf(caller),
      action: 'group.update',
      targetType: 'group',
      targetId: group.id,
      groupId: group.id,
      teamId: target.teamId,
      summary: describeGroupChange(group, next, changed),
      before: group,
      after: saved,
    },
  ]);
  const memberCount = await services.repositories.groups.countGroupMembers(caller.tenantId, group.id);
  const lastUsed = await services.repositories.groups.readGroupUse(caller.tenantId, caller.email);
  return toGroupView(saved, target, { memberCount, lastUsedAt: lastUsed[group.id] ?? null });
}

function describeGroupChange(before: GroupDocument, after: GroupDocument, changed: readonly string[]): string {
  if (changed.length === 0) return `Saved ${after.name} without changes`;
  const parts = changed.map((key) => {
    if (key === 'name') return `renamed from "${before.name}" to "${after.name}"`;
    if (key === 'status') return after.status === 'archived' ? 'archived' : 'restored';
    if (key === 'teamId') return 'moved to another team';
    if (key === 'kind') return `kind changed to ${after.kind}`;
    return 'description changed';
  });
  return `${after.name}: ${parts.join(', ')}`;
}
