// Tenancy, through every route of the route table: a valid token of ANOTHER tenant (with the
// admin role, to get as far as possible), aimed at ids and addresses that exist in tenant A, must
// be answered 401/403/404 on routes naming a thing, and nowhere with tenant A's data; and tenant
// A's documents must be exactly as before. The table is iterated, so a new route is covered (or
// fails here until it has a sample body). Also: within a tenant, subjects and interaction details
// are only ever the caller's own; team views show aggregates.
import type { Interaction } from '../../shared/domain/interaction.ts';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import { routeTable, type RouteEntry } from '../../functions/src/http/route-table.ts';
import { belongsToTenant, snapshotStore } from './store-snapshot.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
const JESS = 'jess.morgan@housing.cascadia.gov';
const TENANT_B = '0b0b0b0b-1111-4222-8333-944444444444';
const MALLORY = 'mallory@contoso-b.example';

interface TenantAThings {
  tenantId: string;
  groupId: string;
  groupEtag: string;
  personId: string;
  memberEmail: string;
  teamId: string;
  teamEtag: string;
  organizationId: string;
  otherOrganizationId: string;
  organizationDomain: string;
  suggestionId: string;
  /** A person-merge suggestion of tenant A, or (none open at this scale) an id shaped like one. */
  mergeSuggestionId: string;
  /** A note about Jess shared with everyone in tenant A. */
  noteId: string;
}

/** A valid body for each route that takes one, aimed at tenant A's things. A new route with a body needs one here. */
const sampleBodies: Record<string, (a: TenantAThings) => unknown> = {
  lookup: (a) => ({ emails: [JESS, a.memberEmail] }),
  graphNotifications: (a) => ({ value: [{ subscriptionId: 'sub-1', clientState: 'guess', changeType: 'created', resource: `users/${DANA}/messages`, tenantId: a.tenantId }] }),
  graphLifecycleNotifications: (a) => ({ value: [{ subscriptionId: 'sub-1', clientState: 'guess', lifecycleEvent: 'subscriptionRemoved', tenantId: a.tenantId }] }),
  replaceTenantExclusions: () => ({ addresses: [JESS], domains: ['cascadia.gov'] }),
  replaceMyExclusions: () => ({ addresses: [JESS], domains: [] }),
  manageSyncResync: () => ({ ownerEmail: DANA, full: true }),
  splitOrganization: (a) => ({ domain: `split.${a.organizationDomain}`, name: 'Taken over', kind: 'private' }),
  editOrganization: () => ({ name: 'Taken over' }),
  mergeOrganization: (a) => ({ intoId: a.otherOrganizationId }),
  createGroup: (a) => ({ name: 'Planted group', kind: 'initiative', teamId: a.teamId }),
  updateGroup: (a) => ({ etag: a.groupEtag, name: 'Taken over' }),
  addGroupMembers: () => ({ members: [{ email: MALLORY, role: 'Lead' }] }),
  removeGroupMembers: (a) => ({ members: [{ personId: a.personId }] }),
  updateGroupMember: (a) => ({ etag: a.groupEtag, role: 'Taken over' }),
  createTeam: () => ({ name: 'Mallory team' }),
  setTeamMember: () => ({ email: MALLORY, role: 'owner' }),
  acceptSuggestion: () => ({ name: 'Taken over' }),
  dismissSuggestion: () => ({}),
  mergePeople: (a) => ({ primary: a.memberEmail, secondary: DANA }),
  addPersonNote: () => ({ text: 'Planted note' }),
  unmergePeople: (a) => ({ primary: a.memberEmail, secondary: DANA }),
  privacyOptOut: () => ({ confirm: true }),
  privacyDeleteMyData: () => ({ confirm: true }),
  privacyMarkDoNotTrack: () => ({ email: JESS, reason: 'cross-tenant probe' }),
  privacyDeletePersonData: () => ({ email: JESS, confirm: true }),
  privacyExportPersonData: () => ({ email: JESS }),
};

/**
 * Routes naming a thing that answer a foreign id with an empty list rather than 404, and why
 * that leaks nothing. Keep this short: each entry is a decision.
 */
const answersEmptyListFor: Record<string, string> = {
  readPersonAudit: "a person's trail outlives their record (deleted people keep it), so an unknown id is an empty trail",
};

function paramValue(entry: RouteEntry, name: string, a: TenantAThings): string {
  const path = entry.route.path;
  if (name === 'id' && path.startsWith('groups/')) return a.groupId;
  if (name === 'id' && path.startsWith('organizations/')) return a.organizationId;
  if (name === 'id' && path.startsWith('suggestions/')) return a.suggestionId;
  if (name === 'id' && path.startsWith('people/merge-suggestions/')) return a.mergeSuggestionId;
  if (name === 'personId') return a.personId;
  if (name === 'noteId') return a.noteId;
  if (name === 'teamId') return a.teamId;
  if (name === 'email') return a.memberEmail;
  if (name === 'cursor') return Buffer.from(a.memberEmail).toString('base64url');
  throw new Error(`cross-tenant suite: no tenant-A value for {${name}} in ${entry.route.name} (${path}); add one`);
}

function fillPath(entry: RouteEntry, a: TenantAThings): string {
  return entry.route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(paramValue(entry, name, a)));
}

const needsBody = (entry: RouteEntry) => entry.route.method !== 'GET' && entry.route.method !== 'DELETE';

let stack: Stack;
let a: TenantAThings;
/** Strings only tenant A's data contains: names, subjects, its groups and teams. */
let sentinels: string[];

async function callA(method: string, path: string, body?: unknown, user = DANA) {
  const token = await stack.issueUserToken(user, { roles: ['Crosswalk.Admin'] });
  const response = await fetch(`${stack.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, any>;
  if (!response.ok) throw new Error(`${method} ${path} as ${user}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function ledger(): Promise<Interaction[]> {
  const { resources } = await stack.store.interactions.items.readAll<Record<string, any>>().fetchAll();
  return resources.flatMap((bucket) => Object.values((bucket.items ?? {}) as Record<string, Interaction>));
}

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.1, addin: false });
  expect((await stack.sync()).failures).toEqual([]);
  const tenantId = stack.tenant.tenantId;
  const team = await callA('POST', 'teams', { name: 'Housing outreach' });
  const group = await callA('POST', 'groups', { name: 'Shelter partners A', kind: 'initiative', teamId: team.id });
  const added = await callA('POST', `groups/${group.id}/members`, { members: [{ email: JESS, role: 'Lead' }] });
  const teamWithMember = await callA('POST', `teams/${team.id}/members`, { email: JESS, role: 'viewer', etag: team.etag });
  const suggestions = await callA('GET', 'suggestions');
  const mergeSuggestions = await callA('GET', 'people/merge-suggestions');
  const note = await callA('POST', `people/${added.results[0].personId}/notes`, { text: 'Tenant A only: prefers phone calls' });
  const organizations = (await stack.store.organizations.items.readAll<Record<string, any>>().fetchAll()).resources.filter((o) => o.tenantId === tenantId);
  const [first, second] = organizations;
  if (!first || !second || !suggestions.suggestions[0]) throw new Error('tenant A lacks organizations or suggestions to aim at');
  a = {
    tenantId,
    groupId: group.id,
    groupEtag: added.group.etag,
    personId: added.results[0].personId,
    memberEmail: JESS,
    teamId: team.id,
    teamEtag: teamWithMember.etag,
    organizationId: first.id,
    otherOrganizationId: second.id,
    organizationDomain: first.domains?.[0] ?? 'housing.cascadia.gov',
    suggestionId: suggestions.suggestions[0].id,
    mergeSuggestionId: mergeSuggestions.suggestions[0]?.id ?? suggestions.suggestions[0].id,
    noteId: note.id,
  };
  const people = (await stack.store.people.items.readAll<Record<string, any>>().fetchAll()).resources;
  const subjects = (await ledger()).map((i) => i.subject).filter((s): s is string => typeof s === 'string');
  sentinels = [
    tenantId,
    'Shelter partners A',
    'Housing outreach',
    'Tenant A only: prefers phone calls',
    ...people.map((p) => (typeof p.displayName === 'string' ? p.displayName : p.displayName?.value)).filter((n): n is string => typeof n === 'string' && n.length > 5),
    ...organizations.map((o) => o.name).filter((n): n is string => typeof n === 'string' && n.length > 5),
    ...subjects.filter((s) => s.length > 12).slice(0, 300),
  ];
}, 120_000);
afterAll(() => stack?.close());

it('has a sample body for every route that takes one', () => {
  const missing = routeTable.filter((entry) => needsBody(entry) && !entry.route.bodyOptional && !(entry.route.name in sampleBodies));
  expect(missing.map((entry) => entry.route.name)).toEqual([]);
});

describe.each(routeTable.map((entry) => [`${entry.route.method} ${entry.route.path}`, entry] as const))('%s from another tenant', (_label, entry) => {
  it('gets no tenant-A data and changes nothing of tenant A', async () => {
    const before = await snapshotStore(stack, belongsToTenant(a.tenantId));
    const path = fillPath(entry, a);
    const body = needsBody(entry) ? JSON.stringify(sampleBodies[entry.route.name]?.(a) ?? {}) : undefined;
    const token = await stack.issueUserToken(MALLORY, { tenantId: TENANT_B, roles: ['Crosswalk.Admin'] });
    const response = await fetch(`${stack.apiUrl}/${path}`, {
      method: entry.route.method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();

    expect(response.status, text).toBeLessThan(500);
    if (/\{\w+\}/.test(entry.route.path)) {
      if (entry.route.name in answersEmptyListFor) expect(JSON.parse(text), answersEmptyListFor[entry.route.name]).toEqual({ entries: [] });
      else expect([401, 403, 404], text).toContain(response.status);
    }
    const request = `${path} ${body ?? ''}`;
    const leaked = sentinels.filter((value) => text.includes(value) && !request.includes(value));
    expect(leaked).toEqual([]);
    expect(await snapshotStore(stack, belongsToTenant(a.tenantId))).toEqual(before);
  });
});

describe('within one tenant', () => {
  it('lookup shows each caller only the subjects of their own mailbox', async () => {
    const interactions = await ledger();
    const owners = [...new Set(interactions.map((i) => i.ownerEmail))].filter((owner) => owner !== JESS).slice(0, 3);
    for (const owner of owners) {
      const own = new Set(interactions.filter((i) => i.ownerEmail === owner).map((i) => i.subject));
      const { people } = await callA('POST', 'lookup', { emails: [JESS, DANA].filter((e) => e !== owner) }, owner);
      const shown = (people as { lastInteractions?: { subject: string | null }[] }[]).flatMap((card) => card.lastInteractions ?? []).map((i) => i.subject);
      expect(shown.filter((subject) => subject !== null && !own.has(subject))).toEqual([]);
    }
  });

  it("team views (members, exports, audit) carry no one's subjects", async () => {
    const groupNames = new Set((await stack.store.groups.items.readAll<Record<string, any>>().fetchAll()).resources.map((g) => g.groupName ?? g.name));
    const subjects = new Set((await ledger()).map((i) => i.subject).filter((s): s is string => typeof s === 'string' && s.length > 12 && !groupNames.has(s)));
    for (const path of [`groups/${a.groupId}/members`, `groups/${a.groupId}/export/csv`, `groups/${a.groupId}/audit`, `people/${a.personId}/audit`, `teams/${a.teamId}`]) {
      const text = JSON.stringify(await callA('GET', path, undefined, JESS));
      expect([...subjects].filter((subject) => text.includes(subject)), path).toEqual([]);
    }
  });
});
