// Routes for groups, their members, teams (sharing) and the audit trail. Every change answers
// with the new etag; a change sent with a stale etag is answered 409 `conflict`. The API speaks
// JSON only, so exports come back as { filename, contentType, content } for the pane to save.
import { z } from 'zod';
import {
  addMembersBodySchema,
  addMembersResponseSchema,
  auditPageSchema,
  createGroupBodySchema,
  createTeamBodySchema,
  exportFileSchema,
  groupSchema,
  memberSchema,
  membersPageSchema,
  removeMemberResultSchema,
  roleNameSchema,
  removeMembersBodySchema,
  setTeamMemberBodySchema,
  teamSchema,
  updateGroupBodySchema,
  updateMemberBodySchema,
} from '../domain/group.ts';
import { emailSchema } from '../domain/email-address.ts';
import { memberTermFilters, NO_ORGANIZATION_KIND } from '../domain/member-filters.ts';
import { organizationKinds } from '../domain/organization-kind.ts';
import { defineRoute } from './define-route.ts';

// --- Groups ---

/** Creates a group; the caller needs editor or owner on the team (their personal team when none is named). Duplicate name in the team → 409. */
export const createGroupRoute = defineRoute({
  name: 'createGroup',
  method: 'POST',
  path: 'groups',
  authenticated: true,
  body: createGroupBodySchema,
  response: groupSchema,
});

/** The groups the caller can see, most recently used by them first, then by name. */
export const listGroupsRoute = defineRoute({
  name: 'listGroups',
  method: 'GET',
  path: 'groups',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ groups: z.array(groupSchema) }),
});

export const readGroupRoute = defineRoute({
  name: 'readGroup',
  method: 'GET',
  path: 'groups/{id}',
  authenticated: true,
  body: z.unknown(),
  response: groupSchema,
});

/** Rename, describe, change kind, archive / restore, move to another team: owners only. */
export const updateGroupRoute = defineRoute({
  name: 'updateGroup',
  method: 'PATCH',
  path: 'groups/{id}',
  authenticated: true,
  body: updateGroupBodySchema,
  response: groupSchema,
});

// --- Members ---

/** Adds (or re-adds: idempotent) up to 500 members; editors and owners. Unknown people are created. */
export const addMembersRoute = defineRoute({
  name: 'addGroupMembers',
  method: 'POST',
  path: 'groups/{id}/members',
  authenticated: true,
  body: addMembersBodySchema,
  response: addMembersResponseSchema,
});

export { NO_ORGANIZATION_KIND } from '../domain/member-filters.ts';

/** Filters of a member list, as query parameters; the server applies them before paging, so a
 * 5,000-member coalition filters without the client loading everyone. Send the same filters
 * with every page of one list. */
export const memberListQuerySchema = z.strictObject(
  {
    /** A role, matched case-insensitively ("Member" finds "member"). */
    role: roleNameSchema.optional(),
    /** An organization kind ("county"), or "none" for members without an organization. */
    organizationKind: z
      .enum([...organizationKinds, NO_ORGANIZATION_KIND], { error: `must be one of ${[...organizationKinds, NO_ORGANIZATION_KIND].join(', ')}` })
      .optional(),
    /** current: term not ended (the default of the pane); past: term ended; all (default here): both. */
    term: z.enum(memberTermFilters, { error: 'must be "current", "past" or "all"' }).default('all'),
  },
  { error: 'must be query parameters role, organizationKind, term' },
);
export type MemberListQuery = z.input<typeof memberListQuerySchema>;
export type MemberListFilters = z.output<typeof memberListQuerySchema>;

/** A page of a (filtered) member list. A filtered page may hold fewer members than the page size,
 * even none, and still have a nextCursor: the server stops after examining a bounded number of
 * members per request. */
export const memberListPageSchema = membersPageSchema.extend({
  /** On the first page only: every role in the group (whatever the filters), first spelling of each, sorted. */
  roles: z.array(z.string()).optional(),
});
export type MemberListPage = z.infer<typeof memberListPageSchema>;

/** The first page of members, ordered by email, filtered by the query; follow nextCursor with listMembersPageRoute. */
export const listMembersRoute = defineRoute({
  name: 'listGroupMembers',
  method: 'GET',
  path: 'groups/{id}/members',
  authenticated: true,
  query: memberListQuerySchema,
  body: z.unknown(),
  response: memberListPageSchema,
});

export const listMembersPageRoute = defineRoute({
  name: 'listGroupMembersPage',
  method: 'GET',
  path: 'groups/{id}/members/page/{cursor}',
  authenticated: true,
  query: memberListQuerySchema,
  body: z.unknown(),
  response: memberListPageSchema,
});

/** One member as it is now (with its current etag): what the pane reloads after a 409. */
export const readMemberRoute = defineRoute({
  name: 'readGroupMember',
  method: 'GET',
  path: 'groups/{id}/members/{personId}',
  authenticated: true,
  body: z.unknown(),
  response: memberSchema,
});

/** Changes a member's role, term (set `end` to end it) or notes; editors and owners. */
export const updateMemberRoute = defineRoute({
  name: 'updateGroupMember',
  method: 'PATCH',
  path: 'groups/{id}/members/{personId}',
  authenticated: true,
  body: updateMemberBodySchema,
  response: memberSchema,
});

/** Removes one member (unconditionally: a DELETE carries no body, hence no etag). */
export const removeMemberRoute = defineRoute({
  name: 'removeGroupMember',
  method: 'DELETE',
  path: 'groups/{id}/members/{personId}',
  authenticated: true,
  body: z.unknown(),
  response: removeMemberResultSchema,
});

/** Removes several members in one request (Undo of an add); with etags, a member changed since is left alone ("conflict"). */
export const removeMembersRoute = defineRoute({
  name: 'removeGroupMembers',
  method: 'POST',
  path: 'groups/{id}/members/remove',
  authenticated: true,
  body: removeMembersBodySchema,
  response: z.object({ results: z.array(removeMemberResultSchema) }),
});

// --- Export and audit ---

export const exportCsvRoute = defineRoute({
  name: 'exportGroupCsv',
  method: 'GET',
  path: 'groups/{id}/export/csv',
  authenticated: true,
  body: z.unknown(),
  response: exportFileSchema,
});

export const exportVcardRoute = defineRoute({
  name: 'exportGroupVcard',
  method: 'GET',
  path: 'groups/{id}/export/vcard',
  authenticated: true,
  body: z.unknown(),
  response: exportFileSchema,
});

/** The newest 200 audit entries of a group and its memberships. Read-only: no route changes the audit trail. */
export const groupAuditRoute = defineRoute({
  name: 'readGroupAudit',
  method: 'GET',
  path: 'groups/{id}/audit',
  authenticated: true,
  body: z.unknown(),
  response: auditPageSchema,
});

/** The newest 200 audit entries about a person, limited to groups the caller can see. */
export const personAuditRoute = defineRoute({
  name: 'readPersonAudit',
  method: 'GET',
  path: 'people/{personId}/audit',
  authenticated: true,
  body: z.unknown(),
  response: auditPageSchema,
});

export const personAuditQuerySchema = z.strictObject({ email: emailSchema }, { error: 'must be the query parameter email' });

/** The same, by address: a person's card knows their address, not their person id. */
export const personAuditByEmailRoute = defineRoute({
  name: 'readPersonAuditByEmail',
  method: 'GET',
  path: 'people/audit',
  authenticated: true,
  query: personAuditQuerySchema,
  body: z.unknown(),
  response: auditPageSchema,
});

// --- Teams (sharing) ---

/** The caller's teams: the tenant-wide team, their personal team once made, and shared teams they belong to. */
export const listTeamsRoute = defineRoute({
  name: 'listTeams',
  method: 'GET',
  path: 'teams',
  authenticated: true,
  body: z.unknown(),
  response: z.object({ teams: z.array(teamSchema) }),
});

/** Creates a shared team with the caller as its owner. */
export const createTeamRoute = defineRoute({
  name: 'createTeam',
  method: 'POST',
  path: 'teams',
  authenticated: true,
  body: createTeamBodySchema,
  response: teamSchema,
});

export const readTeamRoute = defineRoute({
  name: 'readTeam',
  method: 'GET',
  path: 'teams/{teamId}',
  authenticated: true,
  body: z.unknown(),
  response: teamSchema,
});

/** Adds a teammate or changes their role: owners only. The last owner cannot step down. */
export const setTeamMemberRoute = defineRoute({
  name: 'setTeamMember',
  method: 'POST',
  path: 'teams/{teamId}/members',
  authenticated: true,
  body: setTeamMemberBodySchema,
  response: teamSchema,
});

/** Removes a teammate (path: their address, URL-encoded): owners only, or anyone leaving. */
export const removeTeamMemberRoute = defineRoute({
  name: 'removeTeamMember',
  method: 'DELETE',
  path: 'teams/{teamId}/members/{email}',
  authenticated: true,
  body: z.unknown(),
  response: teamSchema,
});

export const groupRoutes = [
  createGroupRoute,
  listGroupsRoute,
  readGroupRoute,
  updateGroupRoute,
  addMembersRoute,
  listMembersRoute,
  listMembersPageRoute,
  readMemberRoute,
  updateMemberRoute,
  removeMemberRoute,
  removeMembersRoute,
  exportCsvRoute,
  exportVcardRoute,
  groupAuditRoute,
  personAuditRoute,
  personAuditByEmailRoute,
  listTeamsRoute,
  createTeamRoute,
  readTeamRoute,
  setTeamMemberRoute,
  removeTeamMemberRoute,
] as const;
