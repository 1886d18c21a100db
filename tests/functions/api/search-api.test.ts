// GET /api/search on the local Functions host (real tokens, real Cosmos SDK on the stand-in,
// the shipped .gov registry fixture): people by name or address, the tenant's organizations and
// .gov registry ones, groups — a private team's only for its members — ranked best first; q is
// validated (length) with a 400 naming it; another tenant finds nothing of this one.
import { DEMO_TENANT_ID } from '../../../dev/token-issuer.ts';
import { mergeObservations } from '../../../functions/src/enrichment/merge-person.ts';
import type { SearchResults } from '../../../shared/api/search-routes.ts';
import { startApiOnly, type ApiOnly } from '../../helpers/start-api-only.ts';

const DANA = 'dana.reyes@housing.cascadia.gov';
const SAM = 'sam.lee@housing.cascadia.gov';
const OTHER_TENANT = '5d0c7f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

let api: ApiOnly;

async function call(method: 'GET' | 'POST', path: string, options: { body?: unknown; user?: string; tenantId?: string } = {}) {
  const token = await api.issuer.issueToken({ user: options.user ?? DANA, tenantId: options.tenantId });
  const response = await fetch(`${api.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: (await response.json()) as SearchResults & { error?: { message: string }; id?: string } };
}

const search = (q: string, options: { user?: string; tenantId?: string } = {}) => call('GET', `search?q=${encodeURIComponent(q)}`, options);

beforeAll(async () => {
  api = await startApiOnly();
  const people: [string, string][] = [
    ['jess.morgan@housing.cascadia.gov', 'Jess Morgan'],
    ['morgan.lee@orcacounty-cascadia.gov', 'Morgan Lee'],
    ['pat.okafor@orcacounty-cascadia.gov', 'Pat Okafor'],
    ['amorgana@shelternorth.org', 'Ana Morganti'],
  ];
  await api.repositories.people.mergeMany(DEMO_TENANT_ID, people.map(([email]) => email), (email, current) =>
    mergeObservations(DEMO_TENANT_ID, current, [{ email, displayName: people.find(([e]) => e === email)![1], titleFromName: null, observedAt: '2026-03-01T00:00:00Z' }]),
  );
  await api.repositories.organizations.upsertMany(DEMO_TENANT_ID, [
    { id: 'org-orca', tenantId: DEMO_TENANT_ID, name: 'Orca County', kind: 'county', domains: ['orcacounty-cascadia.gov'], source: 'directory' },
    { id: 'org-gone', tenantId: DEMO_TENANT_ID, name: 'Orca County Old', kind: 'county', domains: ['old-orca.gov'], source: 'manual', mergedInto: 'org-orca' },
  ] as never);
  expect((await call('POST', 'groups', { body: { name: 'Morgan Street Shelter Working Group', kind: 'working-group', teamId: 'tenant' } })).status).toBe(200);
  const team = await call('POST', 'teams', { body: { name: 'Private outreach' } });
  expect((await call('POST', 'groups', { body: { name: 'Morgan family outreach (private)', kind: 'initiative', teamId: team.body.id } })).status).toBe(200);
});
afterAll(() => api.close());

describe('GET /api/search', () => {
  it('finds people by name, best match first, with their id for the person page', async () => {
    const { status, body } = await search('morgan');
    expect(status).toBe(200);
    expect(body.people.map((p) => p.displayName)).toEqual(['Morgan Lee', 'Jess Morgan', 'Ana Morganti']);
    expect(body.people[0]).toMatchObject({ email: 'morgan.lee@orcacounty-cascadia.gov', personId: expect.any(String) });
  });

  it('finds people by the start of their address', async () => {
    expect((await search('pat.ok')).body.people.map((p) => p.email)).toEqual(['pat.okafor@orcacounty-cascadia.gov']);
  });

  it("finds the tenant's organizations (not merged-away ones) before .gov registry ones", async () => {
    const { body } = await search('county');
    expect(body.organizations[0]).toMatchObject({ id: 'org-orca', name: 'Orca County', kindLabel: 'County', source: 'directory' });
    expect(body.organizations.map((o) => o.name)).not.toContain('Orca County Old');
    const registry = body.organizations.filter((o) => o.source === 'dotgov');
    expect(registry.length).toBeGreaterThan(0);
    expect(registry.every((o) => o.id.startsWith('domain:'))).toBe(true);
    expect(body.organizations.length).toBeLessThanOrEqual(8);
  });

  it('finds a registry organization by its agency or domain', async () => {
    const { body } = await search('disease control');
    expect(body.organizations).toEqual([{ id: 'domain:cdc.gov', name: 'Centers for Disease Control and Prevention', kind: 'federal', kindLabel: 'Federal agency', domain: 'cdc.gov', source: 'dotgov' }]);
  });

  it("shows a private team's group only to its members", async () => {
    const mine = (await search('morgan')).body.groups.map((g) => [g.name, g.teamName]);
    expect(mine).toEqual([
      ['Morgan family outreach (private)', 'Private outreach'],
      ['Morgan Street Shelter Working Group', 'Everyone in the organization'],
    ]);
    expect((await search('morgan', { user: SAM })).body.groups.map((g) => g.name)).toEqual(['Morgan Street Shelter Working Group']);
  });

  it('finds nothing of this tenant from another one', async () => {
    const { status, body } = await search('morgan', { tenantId: OTHER_TENANT });
    expect(status).toBe(200);
    expect(body.people).toEqual([]);
    expect(body.groups).toEqual([]);
    expect(body.organizations.filter((o) => o.source !== 'dotgov')).toEqual([]);
  });

  it.each([
    ['search', /^q: is required/],
    ['search?q=m', /^q: must be at least 2 characters/],
    ['search?q=%20%20m%20', /^q: must be at least 2 characters/],
    [`search?q=${'x'.repeat(101)}`, /^q: must be at most 100 characters/],
    ['search?q=morgan&limit=5', /limit|unrecognized|query/i],
  ])('%s → 400 naming the problem', async (path, message) => {
    const { status, body } = await call('GET', path);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(message);
  });

  it('treats the text literally (no query injection)', async () => {
    const { status, body } = await search("' OR 1=1 --");
    expect(status).toBe(200);
    expect(body.people).toEqual([]);
  });
});
