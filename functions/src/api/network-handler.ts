// GET /api/network: the ego network of a person or group for the network map dialog. Reads
// level by level (each level's memberships, strength edges, group members and people records
// in parallel), then builds the network with the pure functions/src/network. The caller sees
// what a card would show them: team-visible strengths (never subjects), roles in groups of the
// tenant-wide team and of their own teams only, current terms only.
import type { z } from 'zod';
import type { RouteResponse } from '../../../shared/api/define-route.ts';
import type { networkQuerySchema, networkRoute } from '../../../shared/api/network-routes.ts';
import type { GroupDocument, MembershipDocument } from '../enrichment/group-documents.ts';
import { resolvePerson } from '../enrichment/people/resolve-aliases.ts';
import type { PersonDocument } from '../enrichment/person-document.ts';
import { AppError } from '../errors/app-error.ts';
import { formatTermDate } from '../groups/membership-terms.ts';
import { buildEgoNetwork, findFrontier } from '../network/build-ego-network.ts';
import type { NetworkCenter } from '../network/network-sources.ts';
import { filterVisibleMemberships } from '../network/visible-memberships.ts';
import type { EdgeStrength } from '../store/edges-repository.ts';
import type { ApiServices, HandlerInput } from './api-services.ts';
import { requireCaller, requireGroupAccess, type Caller } from './group-access.ts';

type ParsedQuery = z.output<typeof networkQuerySchema>;

export async function handleReadNetwork(services: ApiServices, input: HandlerInput<unknown>): Promise<RouteResponse<typeof networkRoute>> {
  const caller = requireCaller(input);
  const query = input.query as unknown as ParsedQuery;
  const { people, groups, edges, teams } = services.repositories;
  const tenantId = caller.tenantId;
  const [start, callerTeams] = await Promise.all([resolveCenter(services, caller, query), teams.listTeamsOf(tenantId, caller.email)]);
  const visibility = { callerTeamIds: new Set(callerTeams.map((team) => team.id)), today: formatTermDate(new Date()) };

  const sources: { people: PersonDocument[]; memberships: MembershipDocument[]; edges: EdgeStrength[]; groups: GroupDocument[] } = {
    people: [...start.people],
    memberships: [],
    edges: [],
    groups: start.group ? [start.group] : [],
  };
  const readEmails = new Set(start.people.map((person) => person.email));
  for (let level = 0; level < query.depth; level += 1) {
    const frontier = findFrontier({ center: start.center, sources, level });
    // The center is read by all its addresses: the primary and the confirmed aliases.
    const emails = level === 0 ? [...new Set([...frontier.emails, ...start.people.flatMap(addressesOf)])] : frontier.emails;
    const unread = emails.filter((email) => !readEmails.has(email));
    const [memberships, touching, groupMembers, records] = await Promise.all([
      emails.length > 0 ? groups.findMembershipsForPeople(tenantId, emails) : [],
      emails.length > 0 ? edges.findStrengthsTouching(tenantId, emails) : [],
      Promise.all(frontier.groupIds.map((groupId) => groups.listGroupMemberships(tenantId, groupId))),
      // Records of this level's people: their organizations are the next level.
      unread.length > 0 ? people.findByEmails(tenantId, unread) : [],
    ]);
    for (const email of unread) readEmails.add(email);
    sources.memberships.push(...filterVisibleMemberships([...memberships, ...groupMembers.flat()], visibility));
    sources.edges.push(...touching);
    sources.people.push(...records);
  }

  const options = { tenantId, center: start.center, depth: query.depth, limit: query.limit };
  let built = buildEgoNetwork({ ...options, sources });
  // The last level's people were not read yet: read the kept ones (at most `limit`) for their names.
  const missing = built.peopleWithoutRecord.filter((email) => !readEmails.has(email));
  if (missing.length > 0) {
    sources.people.push(...(await people.findByEmails(tenantId, missing)));
    built = buildEgoNetwork({ ...options, sources });
  }
  return built.network;
}

/** A person's addresses as edges and memberships may name them. */
function addressesOf(person: PersonDocument): string[] {
  return [person.email, ...(person.aliases ?? [])];
}

interface ResolvedCenter {
  center: NetworkCenter;
  people: PersonDocument[];
  group?: GroupDocument;
}

/** The center, from the caller's tenant only: an unknown id, another tenant's or a group the caller cannot see is 404. */
async function resolveCenter(services: ApiServices, caller: Caller, query: ParsedQuery): Promise<ResolvedCenter> {
  const { people } = services.repositories;
  if (query.groupId !== undefined) {
    const { group } = await requireGroupAccess(services, caller, query.groupId, 'read');
    return { center: { kind: 'group', groupId: group.id }, people: [], group };
  }
  let person: PersonDocument | undefined;
  if (query.personId !== undefined) {
    const record = await people.findById(caller.tenantId, query.personId);
    // A record merged into another person stands for its primary.
    const candidates = record?.mergedInto ? [record, ...(await people.findByEmails(caller.tenantId, [record.mergedInto]))] : record ? [record] : [];
    person = record ? resolvePerson(record.email, candidates) : undefined;
    if (!person) throw new AppError('not-found', `there is no person ${query.personId}`);
  } else {
    const email = query.email!;
    person = resolvePerson(email, await people.findByAddresses(caller.tenantId, [email]));
    if (!person) throw new AppError('not-found', `there is no person ${email}`);
  }
  return { center: { kind: 'person', email: person.email }, people: [person] };
}
