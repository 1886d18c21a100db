// Group members: add (idempotent, concurrent-safe), list in pages, change, remove one or many.
// A manual membership's id is derived from tenant, group and address, and every write is a
// create or a replace conditioned on the etag read: two people adding the same member at once
// meet on one document, and the loser of a race re-reads and merges again.
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import { memberListQuerySchema, type MemberListPage } from '../../../shared/api/group-routes.ts';
import type {
  addMembersRoute,
  removeMemberRoute,
  removeMembersRoute,
  updateMemberRoute,
} from '../../../shared/api/group-routes.ts';
import { MEMBERS_PAGE_SIZE, type AddMemberResult, type Member } from '../../../shared/domain/group.ts';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import { makePersonId } from '../enrichment/merge-person.ts';
import { resolveOrganization } from '../enrichment/resolve-organization.ts';
import { AppError } from '../errors/app-error.ts';
import { makeMemberPerson } from '../groups/make-member-person.ts';
import { decodeMembersCursor, encodeMembersCursor } from '../groups/members-cursor.ts';
import { matchesMemberFilters } from '../../../shared/domain/member-filters.ts';
import { listDistinctRoles } from '../groups/member-filters.ts';
import { formatTermDate, isTermCurrent } from '../groups/membership-terms.ts';
import {
  applyMemberPatch,
  describeTerm,
  makeManualMembershipId,
  mergeMemberRequest,
  summarizeAddResults,
  type MemberPatch,
  type MemberRequest,
  type MergeOutcome,
} from '../groups/merge-membership.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import type { AuditRecord } from '../store/audit-repository.ts';
import type { MembershipNarrowing } from '../store/groups-repository.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import {
  actorOf,
  requireActiveGroup,
  requireCaller,
  requireGroupAccess,
  staleMemberMessage,
  type Caller,
} from './group-access.ts';
import { chooseShownMembership, toGroupView, toMemberView } from './group-views.ts';

/** Attempts per member when concurrent writers keep changing the same membership. */
const MAX_WRITE_ATTEMPTS = 5;
/** Members written at once: enough to be quick, few enough not to flood the store. */
const WRITE_CONCURRENCY = 10;

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Builds member views with each person's record and the caller's own edge to them (people
 * already read may be passed in). */
async function viewMembers(
  services: ApiServices,
  caller: Caller,
  memberships: readonly MembershipDocument[],
  now: Date,
  known?: ReadonlyMap<string, PersonDocument>,
): Promise<Member[]> {
  const emails = [...new Set(memberships.map((m) => m.email))];
  if (emails.length === 0) return [];
  const [people, edges] = await Promise.all([
    known ? [...known.values()] : services.repositories.people.findByEmails(caller.tenantId, emails),
    services.repositories.edges.findForOwner(caller.tenantId, caller.email, emails),
  ]);
  const personByEmail = new Map(people.map((p) => [p.email, p]));
  const edgeByEmail = new Map(edges.map((e) => [e.contactEmail, e]));
  const today = formatTermDate(now);
  return memberships.map((m) =>
    toMemberView(m, { tenantId: caller.tenantId, person: personByEmail.get(m.email), edge: edgeByEmail.get(m.email), today }),
  );
}

/** Creates the people nobody has seen yet, so they have a card and a place in the member list. */
async function createMissingPeople(services: ApiServices, caller: Caller, emails: readonly string[], at: string): Promise<Set<string>> {
  const { people, organizations } = services.repositories;
  const known = new Set((await people.findByEmails(caller.tenantId, emails)).map((p) => p.email));
  const missing = emails.filter((email) => !known.has(email));
  if (missing.length === 0) return new Set();
  const directory = await organizations.listAll(caller.tenantId);
  // Through the conditional merge, so a record a mailbox sync writes meanwhile is kept, not overwritten.
  const createdNow = new Map<string, boolean>();
  await people.mergeMany(caller.tenantId, missing, (email, current) => {
    createdNow.set(email, current === null);
    return current ?? makeMemberPerson({ tenantId: caller.tenantId, email, organization: resolveOrganization(email, directory), now: at });
  });
  return new Set([...createdNow].filter(([, created]) => created).map(([email]) => email));
}

type WriteResult = { result: AddMemberResult['result']; document: MembershipDocument; previous?: AddMemberResult['previous'] };

/** Writes one member's outcome; on a race (created meanwhile, changed meanwhile) reads again and merges again. */
async function writeMember(
  services: ApiServices,
  options: { caller: Caller; group: GroupDocument; request: MemberRequest; existing: MembershipDocument | null; now: Date },
): Promise<WriteResult> {
  const { groups } = services.repositories;
  const { caller, group, request, now } = options;
  let existing = options.existing;
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
    const outcome: MergeOutcome = mergeMemberRequest({ tenantId: caller.tenantId, group, existing, request, actor: caller.email, now });
    if (outcome.result === 'invalid') throw new AppError('conflict', `${request.email}: ${outcome.problem} (changed by someone else meanwhile)`);
    if (outcome.result === 'already-member') return { result: outcome.result, document: existing ?? outcome.document };
    const written =
      outcome.result === 'added'
        ? await groups.createMembership(outcome.document)
        : await groups.replaceMembership(outcome.document, existing?._etag ?? '');
    if (written !== 'exists' && written !== 'conflict') return { result: outcome.result, document: written, ...(outcome.previous ? { previous: outcome.previous } : {}) };
    existing = await groups.readMembership(caller.tenantId, outcome.document.id);
  }
  throw new AppError('conflict', `${request.email} is being changed by someone else right now; try again`);
}

function describeMembershipChange(result: WriteResult, groupName: string): string {
  const { document } = result;
  if (result.result === 'added') return `Added ${document.email} to ${groupName} as ${document.role}`;
  const previous = result.previous;
  const parts: string[] = [];
  if (previous && previous.role !== document.role) parts.push(`role ${previous.role} → ${document.role}`);
  if (previous && (previous.start !== (document.start ?? null) || previous.end !== (document.end ?? null))) {
    parts.push(`term ${previous.start ?? '?'}–${previous.end ?? ''} → ${document.start ?? '?'}–${document.end ?? ''}`);
  }
  if (previous && previous.notes !== (document.notes ?? null)) parts.push('notes changed');
  return `Changed ${document.email} in ${groupName}: ${parts.join(', ') || 'no change'}`;
}

interface AddMembersInput {
  members: { email: string; role: string; start?: string; end?: string | null; notes?: string }[];
}

export async function handleAddMembers(services: ApiServices, input: HandlerInput<AddMembersInput>): Promise<RouteResponse<typeof addMembersRoute>> {
  const caller = requireCaller(input);
  const { group, access } = await requireGroupAccess(services, caller, input.params.id ?? '', 'change-members');
  requireActiveGroup(group);
  const now = new Date();
  const at = now.toISOString();
  const requests = input.body.members;
  const emails = requests.map((m) => m.email);
  const manualIds = new Set(emails.map((email) => makeManualMembershipId(caller.tenantId, group.id, email)));
  const existingByEmail = new Map(
    (await services.repositories.groups.findGroupMemberships(caller.tenantId, group.id, emails)).filter((m) => manualIds.has(m.id)).map((m) => [m.email, m]),
  );
  // Check every member before writing any: a bad term in the 40th is a 400 with nothing changed.
  requests.forEach((request, index) => {
    const outcome = mergeMemberRequest({ tenantId: caller.tenantId, group, existing: existingByEmail.get(request.email) ?? null, request, actor: caller.email, now });
    if (outcome.result === 'invalid') throw new AppError('bad-request', `members[${index}].${outcome.problem}`);
  });
  const created = await createMissingPeople(services, caller, emails, at);
  const written = await mapWithConcurrency(requests, WRITE_CONCURRENCY, (request) =>
    writeMember(services, { caller, group, request, existing: existingByEmail.get(request.email) ?? null, now }),
  );
  const audit: AuditRecord[] = [];
  for (const email of created) {
    const personId = makePersonId(caller.tenantId, email);
    audit.push({ at, actor: actorOf(caller), action: 'person.create', targetType: 'person', targetId: personId, personId, groupId: group.id, summary: `Created ${email} while adding them to ${group.name}`, before: null, after: { email } });
  }
  for (const result of written) {
    if (result.result === 'already-member') continue;
    audit.push({
      at,
      actor: actorOf(caller),
      action: result.result === 'added' ? 'membership.add' : 'membership.update',
      targetType: 'membership',
      targetId: result.document.id,
      groupId: group.id,
      personId: makePersonId(caller.tenantId, result.document.email),
      teamId: access.teamId,
      summary: describeMembershipChange(result, group.name),
      before: result.result === 'updated' ? (existingByEmail.get(result.document.email) ?? result.previous ?? null) : null,
      after: result.document,
    });
  }
  await services.repositories.audit.append(caller.tenantId, audit);
  await services.repositories.groups.recordGroupUse(caller.tenantId, caller.email, group.id, at);
  const views = await viewMembers(services, caller, written.map((w) => w.document), now);
  const results: AddMemberResult[] = written.map((w, index) => ({
    email: w.document.email,
    personId: makePersonId(caller.tenantId, w.document.email),
    result: w.result,
    personCreated: created.has(w.document.email),
    ...(w.previous ? { previous: w.previous } : {}),
    member: views[index] as Member,
  }));
  const memberCount = await services.repositories.groups.countGroupMembers(caller.tenantId, group.id);
  return { group: toGroupView(group, access, { lastUsedAt: at, memberCount }), results, summary: summarizeAddResults(group.name, written) };
}

/** Documents read per step of a member scan: a person has at most two memberships of a group
 * (manual and inferred), so this always holds a full page of people and a sign of more. */
const SCAN_STEP = 2 * MEMBERS_PAGE_SIZE + 1;
/** Steps one request may take looking for filtered members; then it answers with what it found
 * and a cursor, so a rare filter over a huge group costs several bounded requests, not one long one. */
const MAX_SCAN_STEPS = 5;

/** One page of members: keyset paging on email, filters applied to the membership shown for each
 * person (the manual one when there are two) and their organization. The store narrows the scan
 * by role and term; a person found that way is re-read whole, since their other membership
 * decides what is shown. The cursor is the last address examined, shown or not. */
async function listMembersPage(services: ApiServices, input: HandlerInput<unknown>, cursor: string | null): Promise<MemberListPage> {
  const caller = requireCaller(input);
  const { group } = await requireGroupAccess(services, caller, input.params.id ?? '', 'read');
  let afterEmail = cursor === null ? null : decodeMembersCursor(cursor);
  if (cursor !== null && afterEmail === null) throw new AppError('bad-request', 'cursor: is not a cursor this API gave out');
  const filters = memberListQuerySchema.parse(input.query ?? {});
  const { groups, people } = services.repositories;
  const now = new Date();
  const today = formatTermDate(now);
  const narrow: MembershipNarrowing = {
    ...(filters.role !== undefined ? { role: filters.role } : {}),
    ...(filters.term !== 'all' ? { term: { status: filters.term, today } } : {}),
  };
  const narrowed = narrow.role !== undefined || narrow.term !== undefined;

  const shown: MembershipDocument[] = [];
  const personByEmail = new Map<string, PersonDocument>();
  let hasMore = false;
  for (let step = 0; step < MAX_SCAN_STEPS; step += 1) {
    const documents = await groups.listGroupMembershipsPage(caller.tenantId, group.id, { afterEmail, limit: SCAN_STEP, narrow });
    const hitLimit = documents.length === SCAN_STEP;
    // The last address of a full read may be cut in half: the next read starts with it.
    const emails = [...new Set(documents.map((d) => d.email))].slice(0, hitLimit ? -1 : undefined);
    const whole = narrowed ? await groups.findGroupMemberships(caller.tenantId, group.id, emails) : documents;
    const byEmail = new Map<string, MembershipDocument[]>();
    for (const document of whole) byEmail.set(document.email, [...(byEmail.get(document.email) ?? []), document]);
    if (filters.organizationKind !== undefined && emails.length > 0) {
      for (const person of await people.findByEmails(caller.tenantId, emails)) personByEmail.set(person.email, person);
    }
    let stoppedAt: string | null = null;
    for (const email of emails) {
      const membership = chooseShownMembership(byEmail.get(email) ?? []);
      if (!membership) continue;
      const organizationKind = personByEmail.get(email)?.organization?.kind ?? null;
      if (!matchesMemberFilters({ role: membership.role, current: isTermCurrent(membership, today), organizationKind }, filters)) continue;
      shown.push(membership);
      if (shown.length === MEMBERS_PAGE_SIZE) {
        stoppedAt = email;
        break;
      }
    }
    afterEmail = stoppedAt ?? emails.at(-1) ?? afterEmail;
    if (stoppedAt !== null) {
      hasMore = stoppedAt !== emails.at(-1) || hitLimit;
      break;
    }
    hasMore = hitLimit;
    if (!hitLimit) break;
  }
  const members = await viewMembers(services, caller, shown, now, filters.organizationKind !== undefined ? personByEmail : undefined);
  const roles = cursor === null ? listDistinctRoles(await groups.listGroupRoles(caller.tenantId, group.id)) : undefined;
  return {
    members,
    nextCursor: hasMore && afterEmail !== null ? encodeMembersCursor(afterEmail) : null,
    ...(roles ? { roles } : {}),
  };
}

export function handleListMembers(services: ApiServices, input: HandlerInput<unknown>) {
  return listMembersPage(services, input, null);
}

export function handleListMembersPage(services: ApiServices, input: HandlerInput<unknown>) {
  return listMembersPage(services, input, input.params.cursor ?? '');
}

/** One member as the list shows them (the manual membership when there are two). */
export async function handleReadMember(services: ApiServices, input: HandlerInput<unknown>): Promise<Member> {
  const caller = requireCaller(input);
  const { group } = await requireGroupAccess(services, caller, input.params.id ?? '', 'read');
  const personId = input.params.personId ?? '';
  const found = await services.repositories.groups.findGroupMembershipsByPersonIds(caller.tenantId, group.id, [personId], (email) =>
    makePersonId(caller.tenantId, email),
  );
  const shown = chooseShownMembership(found);
  if (!shown) throw new AppError('not-found', `${personId} is not a member of ${group.name}`);
  return (await viewMembers(services, caller, [shown], new Date()))[0] as Member;
}

/** The manual membership of a person in a group, or a 404 / 409 saying why there is none to change. */
async function findManualMembership(services: ApiServices, caller: Caller, group: GroupDocument, personId: string): Promise<MembershipDocument | null> {
  const found = await services.repositories.groups.findGroupMembershipsByPersonIds(caller.tenantId, group.id, [personId], (email) =>
    makePersonId(caller.tenantId, email),
  );
  return found.find((m) => m.source === 'manual') ?? null;
}

export async function handleUpdateMember(
  services: ApiServices,
  input: HandlerInput<MemberPatch & { etag: string }>,
): Promise<RouteResponse<typeof updateMemberRoute>> {
  const caller = requireCaller(input);
  const { group, access } = await requireGroupAccess(services, caller, input.params.id ?? '', 'change-members');
  requireActiveGroup(group);
  const personId = input.params.personId ?? '';
  const existing = await findManualMembership(services, caller, group, personId);
  if (!existing) {
    const inferred = await services.repositories.groups.findGroupMembershipsByPersonIds(caller.tenantId, group.id, [personId], (email) =>
      makePersonId(caller.tenantId, email),
    );
    if (inferred.length > 0) {
      throw new AppError('conflict', `this membership was inferred from meetings; add ${inferred[0]?.email} to ${group.name} to confirm it, then change it`);
    }
    throw new AppError('not-found', `${personId} is not a member of ${group.name}`);
  }
  if (existing._etag !== input.body.etag) throw new AppError('conflict', staleMemberMessage);
  const now = new Date();
  const { etag, ...patch } = input.body;
  const { document, problem } = applyMemberPatch({ existing, patch, actor: caller.email, now });
  if (problem) throw new AppError('bad-request', problem);
  if (!document) return (await viewMembers(services, caller, [existing], now))[0] as Member;
  const saved = await services.repositories.groups.replaceMembership(document, etag);
  if (saved === 'conflict') throw new AppError('conflict', staleMemberMessage);
  await services.repositories.audit.append(caller.tenantId, [
    {
      at: now.toISOString(),
      actor: actorOf(caller),
      action: 'membership.update',
      targetType: 'membership',
      targetId: saved.id,
      groupId: group.id,
      personId: makePersonId(caller.tenantId, saved.email),
      teamId: access.teamId,
      summary: describeMembershipChange({ result: 'updated', document: saved, previous: describeTerm(existing) }, group.name),
      before: existing,
      after: saved,
    },
  ]);
  return (await viewMembers(services, caller, [saved], now))[0] as Member;
}

type RemoveResult = RouteResponse<typeof removeMemberRoute>;

async function removeMembers(
  services: ApiServices,
  input: HandlerInput<unknown>,
  members: readonly { personId: string; etag?: string }[],
): Promise<RemoveResult[]> {
  const caller = requireCaller(input);
  const { group, access } = await requireGroupAccess(services, caller, input.params.id ?? '', 'change-members');
  requireActiveGroup(group);
  const personIds = members.map((m) => m.personId);
  const found = await services.repositories.groups.findGroupMembershipsByPersonIds(caller.tenantId, group.id, personIds, (email) =>
    makePersonId(caller.tenantId, email),
  );
  const manualByPerson = new Map(
    found.filter((m) => m.source === 'manual').map((m) => [m.personId ?? makePersonId(caller.tenantId, m.email), m]),
  );
  const at = new Date().toISOString();
  const audit: AuditRecord[] = [];
  const results = await mapWithConcurrency(members, WRITE_CONCURRENCY, async ({ personId, etag }): Promise<RemoveResult> => {
    const membership = manualByPerson.get(personId);
    if (!membership) return { personId, result: 'not-member' };
    const outcome = await services.repositories.groups.deleteMembership(caller.tenantId, membership.id, etag);
    if (outcome === 'missing') return { personId, result: 'not-member' };
    if (outcome === 'conflict') return { personId, result: 'conflict' };
    audit.push({
      at,
      actor: actorOf(caller),
      action: 'membership.remove',
      targetType: 'membership',
      targetId: membership.id,
      groupId: group.id,
      personId,
      teamId: access.teamId,
      summary: `Removed ${membership.email} (${membership.role}) from ${group.name}`,
      before: membership,
      after: null,
    });
    return { personId, result: 'removed' };
  });
  await services.repositories.audit.append(caller.tenantId, audit);
  return results;
}

export async function handleRemoveMember(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof removeMemberRoute>> {
  const [result] = await removeMembers(services, input, [{ personId: input.params.personId ?? '' }]);
  if (!result) throw new AppError('internal', 'no result for the removed member');
  return result;
}

export async function handleRemoveMembers(
  services: ApiServices,
  input: HandlerInput<{ members: { personId: string; etag?: string }[] }>,
): Promise<RouteResponse<typeof removeMembersRoute>> {
  const unique = [...new Map(input.body.members.map((m) => [m.personId, m])).values()];
  return { results: await removeMembers(services, input, unique) };
}
