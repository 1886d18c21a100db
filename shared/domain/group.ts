// Groups, memberships, teams and the audit trail as both sides speak them: the zod schemas the
// API validates with and the add-in's client is typed from, and the limits both must respect.
import { z } from 'zod';
import { emailSchema } from './email-address.ts';
import { organizationKindSchema } from './organization-kind.ts';
import { strengthLabelSchema } from './person-card.ts';

/** Exchange Online accepts at most 500 recipients per message (To, Cc and Bcc together), so
 * "email this group" opens one message per 500 members. */
export const MAX_RECIPIENTS_PER_MESSAGE = 500;
/** Members one add or remove request may carry: a full message's worth of participants and more. */
export const MAX_MEMBERS_PER_REQUEST = 500;
/** Members per page of a group's member list. */
export const MEMBERS_PAGE_SIZE = 500;
/** Audit entries a group's or person's audit route answers with (newest first). */
export const AUDIT_PAGE_SIZE = 200;
/** People one team may have. */
export const MAX_TEAM_MEMBERS = 500;

export const MAX_GROUP_NAME = 200;
export const MAX_GROUP_DESCRIPTION = 2000;
export const MAX_ROLE_NAME = 100;
export const MAX_MEMBERSHIP_NOTES = 1000;
export const MAX_TEAM_NAME = 200;

export const groupKinds = ['initiative', 'working-group', 'board', 'coalition', 'distribution-list', 'other'] as const;
export const groupKindSchema = z.enum(groupKinds, { error: `must be one of ${groupKinds.join(', ')}` });
export type GroupKind = z.infer<typeof groupKindSchema>;

export const groupKindLabels: Record<GroupKind, string> = {
  initiative: 'Initiative',
  'working-group': 'Working group',
  board: 'Board',
  coalition: 'Coalition',
  'distribution-list': 'Distribution list',
  other: 'Other',
};

export const groupStatuses = ['active', 'archived'] as const;
export const groupStatusSchema = z.enum(groupStatuses, { error: 'must be "active" or "archived"' });
export type GroupStatus = z.infer<typeof groupStatusSchema>;

/** manual: a user made it; accepted-suggestion: a user accepted an inferred group; inferred: mined from meetings. */
export const groupSourceSchema = z.enum(['manual', 'accepted-suggestion', 'inferred']);
export type GroupSource = z.infer<typeof groupSourceSchema>;

/** Role suggestions for the role picker; any other free text (1–100 characters) is accepted. */
export const roleSuggestions = [
  'lead',
  'chair',
  'co-chair',
  'member',
  'point of contact',
  'board member',
  'liaison',
  'staff support',
] as const;
export const DEFAULT_ROLE = 'member';

export const teamRoles = ['owner', 'editor', 'viewer'] as const;
export const teamRoleSchema = z.enum(teamRoles, { error: 'must be "owner", "editor" or "viewer"' });
export type TeamRole = z.infer<typeof teamRoleSchema>;

/** The tenant-wide team: everyone signed in to the tenant is an editor, tenant admins are owners.
 * Groups made before teams existed (seeded, inferred) belong to it. */
export const TENANT_TEAM_ID = 'tenant';

// Control characters (C0, DEL, C1) have no place in a name; tabs and newlines included.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const controlCharactersButNewlines = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function singleLineText(max: number) {
  return z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((value) => !controlCharacters.test(value), { error: 'must not contain control characters' });
}

function multiLineText(max: number) {
  return z
    .string({ error: 'must be a string' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .refine((value) => !controlCharactersButNewlines.test(value), { error: 'must not contain control characters' });
}

export const groupNameSchema = singleLineText(MAX_GROUP_NAME);
export const groupDescriptionSchema = multiLineText(MAX_GROUP_DESCRIPTION);
export const roleNameSchema = singleLineText(MAX_ROLE_NAME);
export const membershipNotesSchema = multiLineText(MAX_MEMBERSHIP_NOTES);
export const teamNameSchema = singleLineText(MAX_TEAM_NAME);

/** A calendar date, "2025-03-01": terms start and end on days, not instants. */
export const termDateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
/** The etag a response carried; sent back on a change so a stale view gets 409, not a lost update. */
export const etagSchema = z.string({ error: 'must be the etag of the version you are changing' }).min(1, { error: 'must not be empty' });
export const idSchema = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(200, { error: 'is too long' });

// --- Groups ---

export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: groupKindSchema,
  kindLabel: z.string(),
  description: z.string().nullable(),
  status: groupStatusSchema,
  source: groupSourceSchema,
  teamId: z.string(),
  teamName: z.string(),
  /** What the caller may do here: viewers read, editors change membership, owners manage the group and its sharing. */
  myRole: teamRoleSchema,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** When the caller last created or added to this group; null if never. Drives "most recently used first". */
  lastUsedAt: z.string().nullable(),
  /** Members (current and past); present on single-group answers, absent from lists. */
  memberCount: z.number().int().optional(),
  etag: z.string(),
});
export type Group = z.infer<typeof groupSchema>;

export const createGroupBodySchema = z.object(
  {
    name: groupNameSchema,
    kind: groupKindSchema,
    description: groupDescriptionSchema.optional(),
    /** The team the group belongs to; omitted: the caller's personal team (made on first use). */
    teamId: idSchema.optional(),
    /** Set when the user accepted an inferred group as a real one. */
    source: z.enum(['manual', 'accepted-suggestion']).optional(),
  },
  { error: 'must be a JSON object' },
);
export type CreateGroupBody = z.input<typeof createGroupBodySchema>;

export const updateGroupBodySchema = z
  .object(
    {
      etag: etagSchema,
      name: groupNameSchema.optional(),
      kind: groupKindSchema.optional(),
      /** Empty string or null clears it. */
      description: groupDescriptionSchema.nullable().optional(),
      status: groupStatusSchema.optional(),
      /** Moves the group to another team; the caller must own both. */
      teamId: idSchema.optional(),
    },
    { error: 'must be a JSON object' },
  )
  .refine((body) => Object.keys(body).some((key) => key !== 'etag'), { error: 'names nothing to change' });
export type UpdateGroupBody = z.input<typeof updateGroupBodySchema>;

// --- Memberships ---

export const membershipSourceSchema = z.enum(['manual', 'inferred']);

export const memberSchema = z.object({
  /** makePersonId(tenantId, email): the key of member routes. */
  personId: z.string(),
  groupId: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  title: z.string().nullable(),
  organization: z.object({ name: z.string(), kind: organizationKindSchema, kindLabel: z.string() }).nullable(),
  role: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** False once the term has ended (end date before today). */
  current: z.boolean(),
  notes: z.string().nullable(),
  source: membershipSourceSchema,
  evidence: z.string().nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The caller's own relationship with the member (null when they have none). */
  strength: z.object({ score: z.number().int(), label: strengthLabelSchema, lastInteractionAt: z.string().nullable() }).nullable(),
  etag: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

const termFields = {
  start: termDateSchema.optional(),
  /** null clears an end date (the term is open again). */
  end: termDateSchema.nullable().optional(),
};

function endNotBeforeStart(value: { start?: string | undefined; end?: string | null | undefined }): boolean {
  return !value.start || !value.end || value.end >= value.start;
}

export const memberInputSchema = z
  .object(
    {
      email: emailSchema,
      role: roleNameSchema.default(DEFAULT_ROLE),
      ...termFields,
      notes: membershipNotesSchema.optional(),
    },
    { error: 'must be a JSON object' },
  )
  .refine(endNotBeforeStart, { error: 'must not be before start', path: ['end'] });
export type MemberInput = z.input<typeof memberInputSchema>;

export const addMembersBodySchema = z.object(
  {
    members: z
      .array(memberInputSchema, { error: 'must be an array of members' })
      .min(1, { error: 'must name at least one member' })
      .max(MAX_MEMBERS_PER_REQUEST, { error: `must name at most ${MAX_MEMBERS_PER_REQUEST} members` })
      .superRefine((members, context) => {
        const seen = new Set<string>();
        members.forEach((member, index) => {
          if (seen.has(member.email)) {
            context.addIssue({ code: 'custom', path: [index, 'email'], message: `${member.email} appears more than once in this request` });
          }
          seen.add(member.email);
        });
      }),
  },
  { error: 'must be a JSON object' },
);
export type AddMembersBody = z.input<typeof addMembersBodySchema>;

export const memberTermSchema = z.object({ role: z.string(), start: z.string().nullable(), end: z.string().nullable(), notes: z.string().nullable() });
export type MemberTerm = z.infer<typeof memberTermSchema>;

export const addMemberResultSchema = z.object({
  email: z.string(),
  personId: z.string(),
  /** added: new member; already-member: nothing changed; updated: role, term or notes changed. */
  result: z.enum(['added', 'already-member', 'updated']),
  /** The person was unknown until now and was created on the way. */
  personCreated: z.boolean(),
  /** For "updated": what it was before, so Undo can put it back with a PATCH. */
  previous: memberTermSchema.optional(),
  member: memberSchema,
});
export type AddMemberResult = z.infer<typeof addMemberResultSchema>;

export const addMembersResponseSchema = z.object({
  group: groupSchema,
  results: z.array(addMemberResultSchema),
  /** "4 added to Shelter Network; 1 was already a member" — ready to show. */
  summary: z.string(),
});

export const updateMemberBodySchema = z
  .object(
    {
      etag: etagSchema,
      role: roleNameSchema.optional(),
      ...termFields,
      /** Empty string or null clears the notes. */
      notes: membershipNotesSchema.nullable().optional(),
    },
    { error: 'must be a JSON object' },
  )
  .refine((body) => Object.keys(body).some((key) => key !== 'etag'), { error: 'names nothing to change' })
  .refine(endNotBeforeStart, { error: 'must not be before start', path: ['end'] });
export type UpdateMemberBody = z.input<typeof updateMemberBodySchema>;

export const removeMembersBodySchema = z.object(
  {
    members: z
      .array(
        z.object({ personId: idSchema, etag: etagSchema.optional() }, { error: 'must be a JSON object' }),
        { error: 'must be an array of { personId, etag? }' },
      )
      .min(1, { error: 'must name at least one member' })
      .max(MAX_MEMBERS_PER_REQUEST, { error: `must name at most ${MAX_MEMBERS_PER_REQUEST} members` }),
  },
  { error: 'must be a JSON object' },
);
export type RemoveMembersBody = z.input<typeof removeMembersBodySchema>;

export const removeMemberResultSchema = z.object({
  personId: z.string(),
  /** conflict: the etag sent was stale, so this member was left as it is. */
  result: z.enum(['removed', 'not-member', 'conflict']),
});

export const membersPageSchema = z.object({
  members: z.array(memberSchema),
  /** Pass to GET groups/{id}/members/page/{cursor} for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type MembersPage = z.infer<typeof membersPageSchema>;

export const exportFileSchema = z.object({ filename: z.string(), contentType: z.string(), content: z.string() });
export type ExportFile = z.infer<typeof exportFileSchema>;

// --- Teams ---

export const teamMemberSchema = z.object({ email: z.string(), role: teamRoleSchema, addedBy: z.string(), addedAt: z.string() });
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** personal: a user's own team, made when they first create a group without naming a team. */
  kind: z.enum(['tenant', 'personal', 'shared']),
  myRole: teamRoleSchema,
  /** Empty for the tenant-wide team (everyone in the tenant). */
  members: z.array(teamMemberSchema),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  etag: z.string(),
});
export type Team = z.infer<typeof teamSchema>;

export const createTeamBodySchema = z.object({ name: teamNameSchema }, { error: 'must be a JSON object' });

export const setTeamMemberBodySchema = z.object(
  { email: emailSchema, role: teamRoleSchema, etag: etagSchema.optional() },
  { error: 'must be a JSON object' },
);
export type SetTeamMemberBody = z.input<typeof setTeamMemberBodySchema>;

// --- Audit ---

export const auditActions = [
  'group.create',
  'group.update',
  'membership.add',
  'membership.update',
  'membership.remove',
  'person.create',
  'person.update',
  'organization.update',
  'team.create',
  'team.member.set',
  'team.member.remove',
  // Notes about a person shared with a team (task pane issue).
  'note.add',
  'note.remove',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ email: z.string(), name: z.string().nullable() }),
  action: auditActionSchema,
  targetType: z.enum(['group', 'membership', 'person', 'organization', 'team']),
  targetId: z.string(),
  groupId: z.string().nullable(),
  personId: z.string().nullable(),
  teamId: z.string().nullable(),
  /** "Added jess.morgan@… as lead" — for a timeline. */
  summary: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema) });
