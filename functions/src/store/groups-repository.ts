// Groups and memberships, in one container partitioned by tenant. The groups API writes
// single documents conditionally (create, or replace if the etag still matches), so concurrent
// changes never overwrite each other silently.
import type { Container, JSONObject } from '@azure/cosmos';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import { AppError } from '../errors/app-error.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { bulkDelete, bulkUpsert, queryAll } from './container-operations.ts';
import { recordStoreOperation } from './store-metrics.ts';

export interface GroupsRepository {
  upsertGroups(tenantId: string, groups: readonly GroupDocument[]): Promise<void>;
  upsertMemberships(tenantId: string, memberships: readonly MembershipDocument[]): Promise<void>;
  listGroups(tenantId: string): Promise<GroupDocument[]>;
  findMembershipsForPeople(tenantId: string, emails: readonly string[]): Promise<MembershipDocument[]>;
  /**
   * The lookup's read of this container, one query: these people's memberships, and the ids of
   * the teams `memberEmail` belongs to (whose private groups' roles they may see).
   */
  findMembershipsVisibleTo(tenantId: string, emails: readonly string[], memberEmail: string): Promise<{ memberships: MembershipDocument[]; teamIds: string[] }>;
  listMemberships(tenantId: string, options: { source: MembershipDocument['source'] }): Promise<MembershipDocument[]>;
  /** Replaces every inferred membership of the tenant with a freshly inferred set; manual ones stay. */
  replaceInferredMemberships(tenantId: string, memberships: readonly MembershipDocument[]): Promise<void>;

  // --- Single-document, conditional writes for the groups API ---
  readGroup(tenantId: string, groupId: string): Promise<GroupDocument | null>;
  /** 'exists' when a group with this id is already there. */
  createGroup(group: GroupDocument): Promise<GroupDocument | 'exists'>;
  /** 'conflict' when the stored group's etag is no longer `etag`. */
  replaceGroup(group: GroupDocument, etag: string): Promise<GroupDocument | 'conflict'>;
  /** Groups of one team (undefined: the tenant-wide team, i.e. no teamId) with this name, any case. */
  findGroupsByName(tenantId: string, teamId: string | undefined, name: string): Promise<GroupDocument[]>;
  /** Reserves a name within a team for a group, so two people creating "Shelter Network" at once get one. */
  claimGroupName(tenantId: string, teamKey: string, name: string, groupId: string): Promise<'ok' | 'taken'>;
  releaseGroupName(tenantId: string, teamKey: string, name: string, groupId: string): Promise<void>;
  readMembership(tenantId: string, id: string): Promise<MembershipDocument | null>;
  createMembership(membership: MembershipDocument): Promise<MembershipDocument | 'exists'>;
  replaceMembership(membership: MembershipDocument, etag: string): Promise<MembershipDocument | 'conflict'>;
  /** Without an etag the delete is unconditional. */
  deleteMembership(tenantId: string, id: string, etag?: string): Promise<'ok' | 'conflict' | 'missing'>;
  /** A group's memberships (manual and inferred) for some addresses. */
  findGroupMemberships(tenantId: string, groupId: string, emails: readonly string[]): Promise<MembershipDocument[]>;
  /** Memberships of a group by person id (documents from before person ids were stored are found too). */
  findGroupMembershipsByPersonIds(
    tenantId: string,
    groupId: string,
    personIds: readonly string[],
    toPersonId: (email: string) => string,
  ): Promise<MembershipDocument[]>;
  /** Memberships ordered by email, after `afterEmail`, at most `limit` documents; `narrow` keeps
   * only memberships of one role (any case) and / or of current or past terms. */
  listGroupMembershipsPage(
    tenantId: string,
    groupId: string,
    options: { afterEmail: string | null; limit: number; narrow?: MembershipNarrowing },
  ): Promise<MembershipDocument[]>;
  /** Every role of a group's memberships, as stored (duplicates included). */
  listGroupRoles(tenantId: string, groupId: string): Promise<string[]>;
  listGroupMemberships(tenantId: string, groupId: string): Promise<MembershipDocument[]>;
  countGroupMembers(tenantId: string, groupId: string): Promise<number>;
  /** Brings a group's name, kind and team into every membership (after a rename or move), without losing concurrent changes. */
  refreshGroupFieldsOfMemberships(group: GroupDocument): Promise<void>;
  /** When each group was last used by one user (created, added to). */
  readGroupUse(tenantId: string, userEmail: string): Promise<Record<string, string>>;
  recordGroupUse(tenantId: string, userEmail: string, groupId: string, at: string): Promise<void>;
}

/** Conditions the store applies while scanning a group's members (the list's filters). */
export interface MembershipNarrowing {
  /** Compared lower-cased and trimmed. */
  role?: string;
  term?: { status: 'current' | 'past'; today: string };
}

/** SQL conditions and parameters for a narrowing. A term is current until its end date has passed
 * (membership-terms.ts); IS_STRING keeps a missing end "current" in real Cosmos, where a
 * comparison with an undefined value is undefined, not false. */
function narrowingClause(narrow: MembershipNarrowing | undefined): { sql: string; parameters: Record<string, unknown> } {
  const conditions: string[] = [];
  const parameters: Record<string, unknown> = {};
  if (narrow?.role !== undefined) {
    conditions.push('LOWER(TRIM(c.role)) = @role');
    parameters.role = narrow.role.trim().toLowerCase();
  }
  if (narrow?.term) {
    const ended = "(IS_STRING(c.end) AND c.end != '' AND c.end < @today)";
    conditions.push(narrow.term.status === 'past' ? ended : `NOT ${ended}`);
    parameters.today = narrow.term.today;
  }
  return { sql: conditions.map((condition) => ` AND ${condition}`).join(''), parameters };
}

/** How many recently used groups are remembered per user. */
const MAX_REMEMBERED_GROUPS = 200;

interface GroupNameClaim {
  id: string;
  tenantId: string;
  docType: 'group-name';
  groupId: string;
  name: string;
}

interface GroupUseDocument {
  id: string;
  tenantId: string;
  docType: 'group-use';
  userEmail: string;
  lastUsed: Record<string, string>;
}

function cosmosStatusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/** Runs a write; a 409 (create of an existing id) or 412 (stale etag) becomes an outcome, not an exception. */
async function attemptWrite<T>(write: () => Promise<{ resource?: T; requestCharge: number }>): Promise<T | 'exists' | 'conflict' | 'missing'> {
  try {
    const response = await write();
    recordStoreOperation('writes', 1, response.requestCharge);
    return response.resource as T;
  } catch (error) {
    const status = cosmosStatusOf(error);
    if (status === 409) return 'exists';
    if (status === 412) return 'conflict';
    if (status === 404) return 'missing';
    throw error;
  }
}

async function readPoint<T>(container: Container, id: string, tenantId: string): Promise<T | null> {
  const { resource, requestCharge } = await container.item(id, tenantId).read<T & JSONObject>();
  recordStoreOperation('reads', 1, requestCharge);
  return (resource as T | undefined) ?? null;
}

/** Cosmos adds _rid, _ts and friends on read; write back without them. */
function withoutSystemFields<T extends object>(document: T): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}

function nameClaimId(tenantId: string, teamKey: string, name: string): string {
  return makeStableId(tenantId, 'group-name', teamKey, name.trim().toLowerCase());
}

function expectDocument<T>(outcome: T | 'exists' | 'conflict' | 'missing', what: string): T | 'conflict' {
  if (outcome === 'exists' || outcome === 'missing') throw new AppError('unavailable', `${what}: unexpected ${outcome}`);
  return outcome;
}

export function createGroupsRepository(store: Pick<CosmosStore, 'groups'>): GroupsRepository {
  const container = store.groups;
  const sameTenant = <T extends { tenantId: string }>(tenantId: string, documents: readonly T[]): readonly T[] => {
    if (documents.some((document) => document.tenantId !== tenantId)) throw new Error('document of another tenant');
    return documents;
  };
  const repository: GroupsRepository = {
    async upsertGroups(tenantId, groups) {
      await bulkUpsert(container, sameTenant(tenantId, groups), () => tenantId);
    },
    async upsertMemberships(tenantId, memberships) {
      await bulkUpsert(container, sameTenant(tenantId, memberships), () => tenantId);
    },
    listGroups(tenantId) {
      return queryAll<GroupDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'group'",
        { tenantId },
        { partitionKey: tenantId },
      );
    },
    findMembershipsForPeople(tenantId, emails) {
      return queryAll<MembershipDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND ARRAY_CONTAINS(@emails, c.email)",
        { tenantId, emails },
        { partitionKey: tenantId },
      );
    },
    async findMembershipsVisibleTo(tenantId, emails, memberEmail) {
      const found = await queryAll<MembershipDocument | { docType: 'team'; id: string }>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND ((c.docType = 'membership' AND ARRAY_CONTAINS(@emails, c.email)) OR (c.docType = 'team' AND ARRAY_CONTAINS(c.memberEmails, @memberEmail)))",
        { tenantId, emails: [...emails], memberEmail },
        { partitionKey: tenantId },
      );
      return {
        memberships: found.filter((document): document is MembershipDocument => document.docType === 'membership'),
        teamIds: found.filter((document) => document.docType === 'team').map((team) => team.id),
      };
    },
    listMemberships(tenantId, options) {
      return queryAll<MembershipDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.source = @source",
        { tenantId, source: options.source },
        { partitionKey: tenantId },
      );
    },
    async replaceInferredMemberships(tenantId, memberships) {
      const existing = await queryAll<{ id: string }>(
        container,
        "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.source = 'inferred'",
        { tenantId },
        { partitionKey: tenantId },
      );
      const keep = new Set(memberships.map((membership) => membership.id));
      await bulkUpsert(container, sameTenant(tenantId, memberships), () => tenantId);
      await bulkDelete(
        container,
        existing.filter((m) => !keep.has(m.id)).map((m) => ({ id: m.id, partitionKey: tenantId })),
      );
    },

    readGroup(tenantId, groupId) {
      return readPoint<GroupDocument>(container, groupId, tenantId).then((group) => (group?.docType === 'group' ? group : null));
    },
    async createGroup(group) {
      const outcome = await attemptWrite(() => container.items.create<GroupDocument>(withoutSystemFields(group)));
      if (outcome === 'exists') return 'exists';
      if (outcome === 'conflict' || outcome === 'missing') throw new AppError('unavailable', `creating group ${group.id}: ${outcome}`);
      return outcome;
    },
    async replaceGroup(group, etag) {
      const outcome = await attemptWrite(() =>
        container.item(group.id, group.tenantId).replace<GroupDocument>(withoutSystemFields(group), { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      return outcome === 'missing' ? 'conflict' : expectDocument(outcome, `replacing group ${group.id}`);
    },
    findGroupsByName(tenantId, teamId, name) {
      const team = teamId === undefined ? 'NOT IS_DEFINED(c.teamId)' : 'c.teamId = @teamId';
      return queryAll<GroupDocument>(
        container,
        `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'group' AND LOWER(c.name) = @name AND ${team}`,
        { tenantId, name: name.trim().toLowerCase(), ...(teamId === undefined ? {} : { teamId }) },
        { partitionKey: tenantId },
      );
    },
    async claimGroupName(tenantId, teamKey, name, groupId) {
      const claim: GroupNameClaim = { id: nameClaimId(tenantId, teamKey, name), tenantId, docType: 'group-name', groupId, name };
      const outcome = await attemptWrite(() => container.items.create(claim));
      if (outcome !== 'exists') return 'ok';
      const held = await readPoint<GroupNameClaim & { _etag?: string }>(container, claim.id, tenantId);
      if (!held || held.groupId === groupId) return 'ok';
      // A claim whose group is gone or was renamed without releasing it (a crash between the two
      // writes) no longer holds the name.
      const holder = await readPoint<GroupDocument>(container, held.groupId, tenantId);
      if (holder && holder.name.trim().toLowerCase() === name.trim().toLowerCase()) return 'taken';
      const taken = await attemptWrite(() =>
        container.item(claim.id, tenantId).replace(claim, { accessCondition: { type: 'IfMatch', condition: held._etag ?? '' } }),
      );
      return taken === 'conflict' || taken === 'missing' ? 'taken' : 'ok';
    },
    async releaseGroupName(tenantId, teamKey, name, groupId) {
      const id = nameClaimId(tenantId, teamKey, name);
      const held = await readPoint<GroupNameClaim & { _etag?: string }>(container, id, tenantId);
      if (!held || held.groupId !== groupId) return;
      await attemptWrite(() => container.item(id, tenantId).delete({ accessCondition: { type: 'IfMatch', condition: held._etag ?? '' } }));
    },
    readMembership(tenantId, id) {
      return readPoint<MembershipDocument>(container, id, tenantId).then((m) => (m?.docType === 'membership' ? m : null));
    },
    async createMembership(membership) {
      const outcome = await attemptWrite(() => container.items.create<MembershipDocument>(withoutSystemFields(membership)));
      if (outcome === 'exists') return 'exists';
      if (outcome === 'conflict' || outcome === 'missing') throw new AppError('unavailable', `creating membership ${membership.id}: ${outcome}`);
      return outcome;
    },
    async replaceMembership(membership, etag) {
      const outcome = await attemptWrite(() =>
        container
          .item(membership.id, membership.tenantId)
          .replace<MembershipDocument>(withoutSystemFields(membership), { accessCondition: { type: 'IfMatch', condition: etag } }),
      );
      return outcome === 'missing' ? 'conflict' : expectDocument(outcome, `replacing membership ${membership.id}`);
    },
    async deleteMembership(tenantId, id, etag) {
      const outcome = await attemptWrite(() =>
        container.item(id, tenantId).delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : {}),
      );
      if (outcome === 'missing' || outcome === 'conflict') return outcome;
      return 'ok';
    },
    findGroupMemberships(tenantId, groupId, emails) {
      return queryAll<MembershipDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.groupId = @groupId AND ARRAY_CONTAINS(@emails, c.email)",
        { tenantId, groupId, emails },
        { partitionKey: tenantId },
      );
    },
    async findGroupMembershipsByPersonIds(tenantId, groupId, personIds, toPersonId) {
      const found = await queryAll<MembershipDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.groupId = @groupId AND ARRAY_CONTAINS(@personIds, c.personId)",
        { tenantId, groupId, personIds },
        { partitionKey: tenantId },
      );
      // Seeded and inferred memberships carry no person id: match their addresses instead.
      const wanted = new Set(personIds);
      const legacy = await queryAll<{ email: string }>(
        container,
        "SELECT c.email FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.groupId = @groupId AND NOT IS_DEFINED(c.personId)",
        { tenantId, groupId },
        { partitionKey: tenantId },
      );
      const emails = [...new Set(legacy.map((m) => m.email).filter((email) => wanted.has(toPersonId(email))))];
      if (emails.length === 0) return found;
      const known = new Set(found.map((m) => m.id));
      return [...found, ...(await repository.findGroupMemberships(tenantId, groupId, emails)).filter((m) => !known.has(m.id))];
    },
    listGroupMembershipsPage(tenantId, groupId, options) {
      const after = options.afterEmail === null ? '' : 'AND c.email > @after';
      const narrow = narrowingClause(options.narrow);
      return queryAll<MembershipDocument>(
        container,
        `SELECT TOP @limit * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.groupId = @groupId ${after}${narrow.sql} ORDER BY c.email`,
        { tenantId, groupId, limit: options.limit, ...(options.afterEmail === null ? {} : { after: options.afterEmail }), ...narrow.parameters },
        { partitionKey: tenantId },
      );
    },
    listGroupRoles(tenantId, groupId) {
      return queryAll<string>(
        container,
        "SELECT VALUE c.role FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.groupId = @groupId",
        { tenantId, groupId },
        { partitionKey: tenantId },
      );
    },
    listGroupMemberships(tenantId, groupId) {
      return queryAll<MembershipDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.groupId = @groupId ORDER BY c.email",
        { tenantId, groupId },
        { partitionKey: tenantId },
      );
    },
    async countGroupMembers(tenantId, groupId) {
      const emails = await queryAll<string>(
        container,
        "SELECT VALUE c.email FROM c WHERE c.tenantId = @tenantId AND c.docType = 'membership' AND c.groupId = @groupId",
        { tenantId, groupId },
        { partitionKey: tenantId },
      );
      return new Set(emails).size;
    },
    async refreshGroupFieldsOfMemberships(group) {
      const fields = { groupName: group.name, groupKind: group.kind, teamId: group.teamId };
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const stale = (await repository.listGroupMemberships(group.tenantId, group.id)).filter(
          (m) => m.groupName !== fields.groupName || m.groupKind !== fields.groupKind || m.teamId !== fields.teamId,
        );
        if (stale.length === 0) return;
        // Replace each only if unchanged since read; a membership changed meanwhile is read again.
        for (let start = 0; start < stale.length; start += 100) {
          const chunk = stale.slice(start, start + 100);
          const results = await container.items.bulk(
            chunk.map((m) => {
              const { teamId: _teamId, ...rest } = withoutSystemFields(m);
              const next = { ...rest, groupName: fields.groupName, groupKind: fields.groupKind, ...(fields.teamId ? { teamId: fields.teamId } : {}) };
              return { operationType: 'Replace' as const, id: m.id, partitionKey: group.tenantId, resourceBody: next as unknown as JSONObject, ifMatch: m._etag };
            }),
          );
          recordStoreOperation('writes', chunk.length, results.reduce((sum, r) => sum + (r.requestCharge ?? 0), 0));
          const failed = results.find((r) => r.statusCode >= 300 && r.statusCode !== 412 && r.statusCode !== 404);
          if (failed) throw new AppError('unavailable', `Updating memberships of ${group.id} failed with status ${failed.statusCode}`);
        }
      }
      throw new AppError('conflict', 'the group is being changed by someone else right now; try again');
    },
    async readGroupUse(tenantId, userEmail) {
      const use = await readPoint<GroupUseDocument>(container, makeStableId(tenantId, 'group-use', userEmail), tenantId);
      return use?.lastUsed ?? {};
    },
    async recordGroupUse(tenantId, userEmail, groupId, at) {
      const id = makeStableId(tenantId, 'group-use', userEmail);
      const current = await readPoint<GroupUseDocument>(container, id, tenantId);
      // Last writer wins: this is a convenience ordering for one user, not shared state.
      const lastUsed = Object.fromEntries(
        Object.entries({ ...(current?.lastUsed ?? {}), [groupId]: at })
          .sort((a, b) => b[1].localeCompare(a[1]))
          .slice(0, MAX_REMEMBERED_GROUPS),
      );
      const document: GroupUseDocument = { id, tenantId, docType: 'group-use', userEmail, lastUsed };
      const { requestCharge } = await container.items.upsert(document);
      recordStoreOperation('writes', 1, requestCharge);
    },
  };
  return repository;
}
