// The lookup's budget (task pane issue): a 20-participant message is one request and at most two
// Cosmos DB round trips, counted with the store's own request counter on the real SDK against
// the stand-in; and the cards that come back are complete: roles (private teams' only to their
// members), the caller's strength, the team view with names, merged aliases and plus-addresses.
import type { ApiServices } from '../../../functions/src/api/api-services.ts';
import { handleLookup } from '../../../functions/src/api/lookup-handler.ts';
import type { CallerIdentity } from '../../../functions/src/auth/caller-identity.ts';
import type { EdgeDocument } from '../../../functions/src/enrichment/build-edges.ts';
import type { MembershipDocument } from '../../../functions/src/enrichment/group-documents.ts';
import { makePersonId } from '../../../functions/src/enrichment/merge-person.ts';
import type { PersonDocument } from '../../../functions/src/enrichment/person-document.ts';
import type { Repositories } from '../../../functions/src/store/repositories.ts';
import { readStoreRequests } from '../../../functions/src/store/store-metrics.ts';
import type { KnownPersonCard, PersonCard } from '../../../shared/domain/person-card.ts';
import { startApiOnly, type ApiOnly } from '../../helpers/start-api-only.ts';

const TENANT = '0c5d7e21-4b8a-4f3e-9d61-5a7b8c9d0e1f';
const DANA = 'dana.reyes@housing.cascadia.gov';
const OWNERS = ['marcus.lee@housing.cascadia.gov', 'priya.shah@housing.cascadia.gov', 'sam.ortiz@housing.cascadia.gov'];
const NAMES: Record<string, string> = {
  [DANA]: 'Dana Reyes',
  'marcus.lee@housing.cascadia.gov': 'Marcus Lee',
  'priya.shah@housing.cascadia.gov': 'Priya Shah',
  'sam.ortiz@housing.cascadia.gov': 'Sam Ortiz',
};
const participant = (n: number) => `contact${n}@agency${n % 4}.cascadia.gov`;
const PARTICIPANTS = Array.from({ length: 18 }, (_, n) => participant(n));
// One address merged into another person; one plus-address of a known person.
const PRIMARY = 'jess.morgan@housing.cascadia.gov';
const ALIAS = 'jmorgan@orcacounty-cascadia.gov';
const SECOND_ALIAS = 'jess@orcacounty-cascadia.gov';
const PLUS = 'contact1+shelter@agency1.cascadia.gov';
// A person with a single alias: asked for by it, everything is known after the first round trip.
const PAT = 'pat.okafor@health.cascadia.gov';
const PAT_ALIAS = 'pokafor@health.cascadia.gov';
const PRIVATE_TEAM = 'team-dana-outreach';
const at = '2026-10-01T00:00:00.000Z';

let api: ApiOnly;
let repositories: Repositories;

function person(email: string, extra: Partial<PersonDocument> = {}): PersonDocument {
  return {
    id: makePersonId(TENANT, email),
    tenantId: TENANT,
    email,
    displayName: { value: NAMES[email] ?? email.split('@')[0]!, source: 'graph-profile', observedAt: at, confidence: 0.9 },
    title: null,
    department: null,
    inTenant: email.endsWith('@housing.cascadia.gov'),
    organization: null,
    firstSeenAt: at,
    lastSeenAt: at,
    ...extra,
  };
}

function edge(owner: string, contact: string, score: number): EdgeDocument {
  return {
    id: `edge-${owner}-${contact}`,
    tenantId: TENANT,
    ownerEmail: owner,
    contactEmail: contact,
    strength: { score, label: score >= 50 ? 'Strong' : 'Moderate', emailsSent: 2, emailsReceived: 1, meetings: 0, lastInteractionAt: at },
    lastInteractions: [{ at, kind: 'email', direction: 'sent', subject: `${owner} writes to ${contact}` }],
  };
}

function membership(email: string, group: string, extra: Partial<MembershipDocument> = {}): MembershipDocument {
  return {
    id: `m-${group}-${email}`,
    tenantId: TENANT,
    docType: 'membership',
    groupId: group,
    groupName: group,
    groupKind: 'working-group',
    email,
    role: 'Member',
    source: 'manual',
    addedBy: DANA,
    addedAt: at,
    ...extra,
  };
}

beforeAll(async () => {
  api = await startApiOnly();
  repositories = api.repositories;
  await repositories.people.upsertMany(TENANT, [
    ...[DANA, ...OWNERS].map((email) => person(email)),
    ...PARTICIPANTS.map((email) => person(email)),
    person(PRIMARY, { aliases: [ALIAS, SECOND_ALIAS] }),
    person(ALIAS, { mergedInto: PRIMARY }),
    person(SECOND_ALIAS, { mergedInto: PRIMARY }),
    person(PAT, { aliases: [PAT_ALIAS] }),
    person(PAT_ALIAS, { mergedInto: PAT }),
  ]);
  // Each owner's edges written as enrichment writes them (the repository names the owner).
  await repositories.edges.replaceForOwner(TENANT, DANA, [...PARTICIPANTS.map((email, n) => edge(DANA, email, 20 + n)), edge(DANA, PRIMARY, 70)]);
  for (const [index, owner] of OWNERS.entries()) {
    await repositories.edges.replaceForOwner(TENANT, owner, [...PARTICIPANTS.slice(0, 10).map((email) => edge(owner, email, 30 + index * 10)), edge(owner, PRIMARY, 40 + index)]);
  }
  await repositories.groups.upsertMemberships(TENANT, [
    ...PARTICIPANTS.map((email) => membership(email, 'shelter-network')),
    membership(SECOND_ALIAS, 'county-coordination', { role: 'Chair' }),
    membership(participant(2), 'outreach-shortlist', { role: 'Prospect', teamId: PRIVATE_TEAM }),
  ]);
  await repositories.teams.createTeam({
    id: PRIVATE_TEAM,
    tenantId: TENANT,
    docType: 'team',
    name: 'Dana’s outreach',
    kind: 'personal',
    members: [{ email: DANA, role: 'owner', addedBy: DANA, addedAt: at }],
    memberEmails: [DANA],
    createdBy: DANA,
    createdAt: at,
  });
}, 60_000);
afterAll(() => api?.close());

const identityOf = (user: string): CallerIdentity => ({ tenantId: TENANT, objectId: `oid-${user}`, userPrincipalName: user, name: null, scopes: ['access_as_user'], roles: [] });

/**
 * Runs one lookup with the repositories traced: the Cosmos requests it sent (the store's own
 * counter) and its round trips: the longest chain of store calls each started after the one
 * before it had answered (calls sent together are one round trip).
 */
async function lookUp(caller: string, emails: string[]) {
  const calls: { name: string; start: number; end: number }[] = [];
  let clock = 0;
  const traced = Object.fromEntries(
    Object.entries(repositories).map(([name, repository]) => [
      name,
      new Proxy(repository as object, {
        get: (target, key) => {
          const value = (target as Record<string | symbol, unknown>)[key];
          if (typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            const call = { name: `${name}.${String(key)}`, start: (clock += 1), end: Infinity };
            calls.push(call);
            try {
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            } finally {
              call.end = clock += 1;
            }
          };
        },
      }),
    ]),
  ) as unknown as Repositories;
  const services: ApiServices = { repositories: traced, verifyAccessToken: async () => identityOf(caller) };
  const input = { identity: identityOf(caller), body: { emails }, params: {} };
  await handleLookup(services, input); // warms what the API caches between lookups
  calls.length = 0;
  const before = readStoreRequests();
  const response = await handleLookup(services, input);
  const requests = readStoreRequests() - before;
  const depth = new Map<(typeof calls)[number], number>();
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    depth.set(call, 1 + Math.max(0, ...calls.filter((other) => other.end < call.start).map((other) => depth.get(other) ?? 0)));
  }
  return { cards: response.people, requests, roundTrips: Math.max(0, ...depth.values()), calls: calls.map((call) => call.name) };
}

const known = (card: PersonCard | undefined) => card as KnownPersonCard;
const byEmail = (cards: PersonCard[], email: string) => known(cards.find((card) => card.email === email));

it('looks up a 20-participant message in two round trips: three requests, or four with a merged alias among them', async () => {
  const plain = await lookUp(DANA, [...PARTICIPANTS, PLUS, 'stranger@example.org']);
  expect(plain.cards).toHaveLength(20);
  expect(plain.roundTrips).toBe(2);
  expect(plain.requests).toBe(3);
  expect(plain.calls.sort()).toEqual(['edges.findForContacts', 'groups.findMembershipsVisibleTo', 'people.readByAddresses']);

  const withAlias = await lookUp(DANA, [...PARTICIPANTS, PAT_ALIAS, 'stranger@example.org']);
  expect(byEmail(withAlias.cards, PAT_ALIAS)).toMatchObject({ known: true, primaryEmail: PAT });
  expect(withAlias.roundTrips).toBe(2);
  expect(withAlias.requests).toBe(4);
});

it('answers complete cards: roles, the caller’s own strength and subjects, the team view by name', async () => {
  const { cards } = await lookUp(DANA, [...PARTICIPANTS, PLUS, 'stranger@example.org']);
  const first = byEmail(cards, participant(0));
  expect(first.displayName).toBe('contact0');
  expect(first.roles.map((role) => `${role.role} — ${role.group}`)).toEqual(['Member — shelter-network']);
  expect(first.strength.score).toBe(20);
  expect(first.lastInteractions.map((interaction) => interaction.subject)).toEqual([`${DANA} writes to ${participant(0)}`]);
  // Other owners: names and scores only, strongest first; never their subjects.
  expect(first.team).toEqual([
    { email: 'sam.ortiz@housing.cascadia.gov', displayName: 'Sam Ortiz', score: 50, label: 'Strong' },
    { email: 'priya.shah@housing.cascadia.gov', displayName: 'Priya Shah', score: 40, label: 'Moderate' },
    { email: 'marcus.lee@housing.cascadia.gov', displayName: 'Marcus Lee', score: 30, label: 'Moderate' },
  ]);
  expect(JSON.stringify(cards)).not.toContain('marcus.lee@housing.cascadia.gov writes');
  // The plus-address is its base person; the stranger is unknown.
  expect(byEmail(cards, PLUS)).toMatchObject({ known: true, primaryEmail: participant(1) });
  expect(cards.find((card) => card.email === 'stranger@example.org')).toEqual({ email: 'stranger@example.org', known: false });
});

it('shows a private team’s role to its members only', async () => {
  const roles = async (caller: string) => byEmail((await lookUp(caller, [participant(2)])).cards, participant(2)).roles.map((role) => role.group);
  expect(await roles(DANA)).toEqual(['outreach-shortlist', 'shelter-network']);
  expect(await roles(OWNERS[0]!)).toEqual(['shelter-network']);
});

it('resolves a merged alias to its primary, with the roles of every alias: a third round trip only then', async () => {
  const { cards, roundTrips } = await lookUp(DANA, [ALIAS]);
  const card = byEmail(cards, ALIAS);
  expect(card).toMatchObject({ known: true, primaryEmail: PRIMARY, displayName: 'jess.morgan', aliases: [ALIAS, SECOND_ALIAS] });
  expect(card.roles.map((role) => `${role.role} — ${role.group}`)).toEqual(['Chair — county-coordination']);
  expect(card.strength.score).toBe(70);
  expect(card.team?.map((member) => member.displayName)).toEqual(['Sam Ortiz', 'Priya Shah', 'Marcus Lee']);
  // The primary's second alias (and its memberships) is known only once the primary is read.
  expect(roundTrips).toBe(3);
});

it('names the owners of edges stored before edges named them, with one more round trip', async () => {
  const contact = 'legacy.contact@agency9.cascadia.gov';
  await repositories.people.upsertMany(TENANT, [person(contact)]);
  // As written before this change: no ownerDisplayName.
  await api.store.edges.items.upsert(edge(OWNERS[1]!, contact, 60));
  const { cards, roundTrips } = await lookUp(DANA, [contact]);
  expect(byEmail(cards, contact).team).toEqual([{ email: OWNERS[1], displayName: 'Priya Shah', score: 60, label: 'Strong' }]);
  expect(roundTrips).toBe(3);
});

it('reads other owners’ edges without their subjects: only the caller’s own leave the database', async () => {
  const found = await repositories.edges.findForContacts(TENANT, [participant(0)], { lastInteractionsOf: DANA });
  expect(found.map((e) => [e.ownerEmail, e.ownerDisplayName, e.lastInteractions.length]).sort()).toEqual([
    [DANA, 'Dana Reyes', 1],
    ['marcus.lee@housing.cascadia.gov', 'Marcus Lee', 0],
    ['priya.shah@housing.cascadia.gov', 'Priya Shah', 0],
    ['sam.ortiz@housing.cascadia.gov', 'Sam Ortiz', 0],
  ]);
  expect(found.every((e) => e.strength.score > 0 && e.tenantId === TENANT && e.contactEmail === participant(0))).toBe(true);
});
