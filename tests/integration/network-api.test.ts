// GET /api/network on real parts (token issuer, Cosmos stand-in through the real @azure/cosmos
// SDK, the local Functions host): the ego network of a person by address or id and of a group,
// strengths without subjects, private teams' roles shown to their members only, the limit,
// 400s naming the field, 404 for unknown ids and another tenant's.
import functions from '@azure/functions';
import type { EgoNetwork, NetworkNode } from '../../shared/api/network-routes.ts';
import type { OrganizationSummary } from '../../shared/domain/person-card.ts';
import { makePersonId } from '../../functions/src/enrichment/merge-person.ts';
import { fernridge, health, housing, makeEdgeRecord, makeMembershipRecord, makePersonRecord } from '../functions/network/network-records.ts';
import { createAccessTokenVerifier } from '../../functions/src/auth/verify-access-token.ts';
import { routeTable } from '../../functions/src/http/route-table.ts';
import { createHttpHandler } from '../../functions/src/index.ts';
import { DEFAULT_API_AUDIENCE } from '../../dev/token-issuer.ts';
import { startApiOnly, type ApiOnly } from '../helpers/start-api-only.ts';

const TENANT = '7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10';
const OTHER_TENANT = '5d0c7f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const DANA = 'dana.reyes@housing.cascadia.gov';
const MARCUS = 'marcus.lee@housing.cascadia.gov';
const JESS = 'jess.morgan@housing.cascadia.gov';
const ALICIA = 'alicia.brandt@health.cascadia.gov';
const SAM = 'sam.ortiz@fernridge.org';
const SECRET_SUBJECT = 'Shelter bed budget — confidential draft';
const GROUP_ID = 'group-hri';

const person = (tenantId: string, email: string, name: string, organization: OrganizationSummary | null) => makePersonRecord(tenantId, email, name, organization);
const edge = (owner: string, contact: string, score: number) => makeEdgeRecord(TENANT, owner, contact, score, SECRET_SUBJECT);
const membership = (email: string, role: string) => makeMembershipRecord(TENANT, { email, groupId: GROUP_ID, groupName: 'Homelessness Reduction Initiative', role });

let api: ApiOnly;

beforeAll(async () => {
  api = await startApiOnly();
  const { people, groups, edges } = api.repositories;
  await people.upsertMany(TENANT, [
    person(TENANT, DANA, 'Dana Reyes', housing),
    person(TENANT, MARCUS, 'Marcus Lee', housing),
    person(TENANT, JESS, 'Jess Morgan', housing),
    person(TENANT, ALICIA, 'Alicia Brandt', health),
    person(TENANT, SAM, 'Sam Ortiz', fernridge),
  ]);
  // Another tenant has a Jess too: none of it may show.
  await people.upsertMany(OTHER_TENANT, [person(OTHER_TENANT, 'jess.morgan@other.example.gov', 'Other Jess', null)]);
  await groups.upsertGroups(TENANT, [{ id: GROUP_ID, tenantId: TENANT, docType: 'group', name: 'Homelessness Reduction Initiative', kind: 'initiative', source: 'manual', createdAt: '2026-01-05T00:00:00.000Z' }]);
  await groups.upsertMemberships(TENANT, [membership(JESS, 'lead'), membership(SAM, 'member')]);
  await edges.replaceForOwner(TENANT, DANA, [edge(DANA, JESS, 72), edge(DANA, ALICIA, 55)]);
  await edges.replaceForOwner(TENANT, MARCUS, [edge(MARCUS, JESS, 30)]);
});
afterAll(() => api?.close());

async function getNetwork(query: string, options: { user?: string; tenantId?: string; token?: string | null } = {}) {
  const token = options.token === undefined ? await api.issuer.issueToken({ user: options.user ?? DANA, tenantId: options.tenantId ?? TENANT }) : options.token;
  const response = await fetch(`${api.apiUrl}/network?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as EgoNetwork & { error?: { code: string; message: string } } };
}

const labels = (nodes: readonly NetworkNode[]) => nodes.map((node) => node.label).sort();

describe('the network around a person', () => {
  it('by address: her organization, her group, the colleagues who know her with their strength, and no subject', async () => {
    const { status, text, body } = await getNetwork(`email=${encodeURIComponent(JESS)}&depth=1`);
    expect(status).toBe(200);
    expect(labels(body.nodes)).toEqual(['Cascadia Department of Housing', 'Dana Reyes', 'Homelessness Reduction Initiative', 'Jess Morgan', 'Marcus Lee']);
    const names = new Map(body.nodes.map((node) => [node.id, node.label]));
    const knows = body.edges.filter((e) => e.kind === 'knows').map((e) => `${[names.get(e.source), names.get(e.target)].sort().join(' — ')}: ${e.strength} ${e.strengthLabel}`);
    expect(knows.sort()).toEqual(['Dana Reyes — Jess Morgan: 72 Strong', 'Jess Morgan — Marcus Lee: 30 Moderate']);
    expect(body.edges.find((e) => e.kind === 'member')).toMatchObject({ role: 'lead' });
    expect(text).not.toContain(SECRET_SUBJECT);
  });

  it('by person id, two steps out: the group’s other member and Dana’s other contact join', async () => {
    const { status, body } = await getNetwork(`personId=${makePersonId(TENANT, JESS)}`);
    expect(status).toBe(200);
    expect(body.depth).toBe(2);
    expect(body.nodes[0]).toMatchObject({ label: 'Jess Morgan', level: 0, email: JESS });
    const levels = Object.fromEntries(body.nodes.map((node) => [node.label, node.level]));
    expect(levels).toMatchObject({ 'Sam Ortiz': 2, 'Alicia Brandt': 2 });
    expect(body.nodes.find((node) => node.label === 'Sam Ortiz')).toMatchObject({ organization: 'Fernridge Collective', organizationKind: 'nonprofit' });
  });

  it('keeps to the limit, nearest first, and says it was cut', async () => {
    const { status, body } = await getNetwork(`email=${encodeURIComponent(JESS)}&depth=2&limit=3`);
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(3);
    expect(body.nodes.every((node) => node.level <= 1)).toBe(true);
    expect(body).toMatchObject({ truncated: true, totalNodes: 7 });
  });
});

describe('the network around a group', () => {
  it('shows its members with their roles', async () => {
    const { status, body } = await getNetwork(`groupId=${GROUP_ID}&depth=1`);
    expect(status).toBe(200);
    expect(labels(body.nodes)).toEqual(['Homelessness Reduction Initiative', 'Jess Morgan', 'Sam Ortiz']);
    expect(body.edges.map((e) => e.role).sort()).toEqual(['lead', 'member']);
  });
});

describe("a private team's group", () => {
  it("shows on the map of the team's members only, and is not found by anyone else", async () => {
    const dana = await api.issuer.issueToken({ user: DANA, tenantId: TENANT });
    const headers = { authorization: `Bearer ${dana}`, 'content-type': 'application/json' };
    const created = await fetch(`${api.apiUrl}/groups`, { method: 'POST', headers, body: JSON.stringify({ name: 'Dana’s outreach shortlist', kind: 'other' }) });
    const group = (await created.json()) as { id: string };
    expect(created.status).toBe(200);
    const added = await fetch(`${api.apiUrl}/groups/${group.id}/members`, { method: 'POST', headers, body: JSON.stringify({ members: [{ email: JESS, role: 'prospect' }] }) });
    expect(added.status).toBe(200);

    const groupLabels = async (user: string) => (await getNetwork(`email=${encodeURIComponent(JESS)}&depth=1`, { user })).body.nodes.filter((n) => n.kind === 'group').map((n) => n.label).sort();
    expect(await groupLabels(DANA)).toEqual(['Dana’s outreach shortlist', 'Homelessness Reduction Initiative']);
    expect(await groupLabels(MARCUS)).toEqual(['Homelessness Reduction Initiative']);
    expect((await getNetwork(`groupId=${group.id}`, { user: MARCUS })).status).toBe(404);
    expect((await getNetwork(`groupId=${group.id}`, { user: DANA })).status).toBe(200);
  });
});

describe('on Azure Functions', () => {
  it('the registration built from the route table reads the query string the same way', async () => {
    const entry = routeTable.find((candidate) => candidate.route.name === 'readNetwork')!;
    const verifyAccessToken = createAccessTokenVerifier({ jwksUri: api.issuer.jwksUri, issuerTemplate: `${api.issuer.baseUrl}/{tenantid}/v2.0`, audience: DEFAULT_API_AUDIENCE });
    const services = { repositories: api.repositories, verifyAccessToken, graph: undefined as never, close: () => undefined };
    const token = await api.issuer.issueToken({ user: DANA, tenantId: TENANT });
    const request = new functions.HttpRequest({
      method: 'GET',
      url: `https://crosswalk.example.gov/api/network?groupId=${GROUP_ID}&depth=1`,
      headers: { authorization: `Bearer ${token}` },
    });
    const response = await createHttpHandler(entry, async () => services)(request, new functions.InvocationContext({ functionName: entry.route.name }));
    expect(response.status).toBe(200);
    expect(labels((response.jsonBody as EgoNetwork).nodes)).toEqual(['Homelessness Reduction Initiative', 'Jess Morgan', 'Sam Ortiz']);
  });
});

describe('refusals', () => {
  it.each<[string, string, RegExp]>([
    ['no center', 'depth=1', /^personId: name exactly one of personId, email or groupId$/],
    ['two centers', `personId=abc&groupId=${GROUP_ID}`, /^personId: name exactly one of personId, email or groupId$/],
    ['a depth of 3', `groupId=${GROUP_ID}&depth=3`, /^depth: must be at most 2$/],
    ['a depth that is no number', `groupId=${GROUP_ID}&depth=deep`, /^depth: must be a whole number from 1 to 2$/],
    ['a limit over 500', `groupId=${GROUP_ID}&limit=501`, /^limit: must be at most 500$/],
    ['a fractional limit', `groupId=${GROUP_ID}&limit=2.5`, /^limit: must be a whole number from 1 to 500$/],
    ['a malformed address', 'email=not-an-address', /^email: is not a valid email address$/],
  ])('%s is a 400 naming the field', async (_case, query, message) => {
    const { status, body } = await getNetwork(query);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'bad-request', message: expect.stringMatching(message) });
  });

  it.each<[string, string]>([
    ['an unknown person id', 'personId=no-such-person'],
    ['an unknown address', 'email=nobody%40housing.cascadia.gov'],
    ['an unknown group', 'groupId=no-such-group'],
    ["another tenant's person id", `personId=${makePersonId(OTHER_TENANT, 'jess.morgan@other.example.gov')}`],
    ["another tenant's address", 'email=jess.morgan%40other.example.gov'],
  ])('%s is a 404', async (_case, query) => {
    const { status, body } = await getNetwork(query);
    expect(status).toBe(404);
    expect(body.error?.code).toBe('not-found');
  });

  it("shows another tenant's caller nothing of this tenant", async () => {
    const { status } = await getNetwork(`personId=${makePersonId(TENANT, JESS)}`, { tenantId: OTHER_TENANT });
    expect(status).toBe(404);
    expect((await getNetwork(`groupId=${GROUP_ID}`, { tenantId: OTHER_TENANT })).status).toBe(404);
  });

  it('needs a sign-in', async () => {
    const { status, body } = await getNetwork(`groupId=${GROUP_ID}`, { token: null });
    expect(status).toBe(401);
    expect(body.error?.code).toBe('unauthenticated');
  });
});
