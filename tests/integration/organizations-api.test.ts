// The organization routes over HTTP on real parts (token issuer, Cosmos stand-in, local host):
// read, edit, merge and split; each change re-resolves people's organization at once and
// survives re-mining; bad bodies get a 400 naming the field; another tenant's ids are 404.
import type { Organization } from '../../shared/api/organization-routes.ts';
import { makeStableId } from '../../functions/src/ids/make-stable-id.ts';
import type { OrganizationDocument } from '../../functions/src/store/organizations-repository.ts';
import { applyPeopleObservations } from '../../functions/src/sync/apply-people-observations.ts';
import { startApiOnly, type ApiOnly } from '../helpers/start-api-only.ts';

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const DANA = 'dana.reyes@housing.cascadia.gov';
let api: ApiOnly;

const directory: OrganizationDocument[] = [
  { id: makeStableId(TENANT, 'organization', 'Driftwood Harbor Shelter'), tenantId: TENANT, source: 'directory', name: 'Driftwood Harbor Shelter', kind: 'nonprofit', domains: ['driftwoodharbor.org'] },
  { id: makeStableId(TENANT, 'organization', 'Cascadia Department of Housing'), tenantId: TENANT, source: 'directory', name: 'Cascadia Department of Housing', kind: 'state', domains: ['housing.cascadia.gov'] },
];

const people = ['ana@driftwoodharbor.org', 'ben@cdc.gov', 'cy@hhs.gov', 'di@ops.example.org', 'ed@transit.housing.cascadia.gov', 'fay@housing.cascadia.gov'];

async function remine(tenantId = TENANT) {
  const observations = people.map((email) => ({ email, displayName: email.split('@')[0]!, titleFromName: null, observedAt: new Date().toISOString() }));
  await applyPeopleObservations(api.repositories, tenantId, observations, await api.repositories.organizations.listAll(tenantId));
}

async function organizationOf(email: string, tenantId = TENANT) {
  const [person] = await api.repositories.people.findByEmails(tenantId, [email]);
  return person?.organization ?? null;
}

async function call(method: string, path: string, options: { body?: unknown; tenantId?: string; user?: string } = {}) {
  const token = await api.issuer.issueToken({ user: options.user ?? DANA, tenantId: options.tenantId ?? TENANT });
  const response = await fetch(`${api.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Organization & { error?: { code: string; message: string } } };
}

beforeAll(async () => {
  api = await startApiOnly();
  await api.repositories.organizations.upsertMany(TENANT, directory);
  await remine();
});
afterAll(() => api?.close());

it('reads a directory organization and a registry one by the id on people’s cards', async () => {
  const shelter = await organizationOf('ana@driftwoodharbor.org');
  expect(shelter).toMatchObject({ id: directory[0]!.id, name: 'Driftwood Harbor Shelter', source: 'directory' });
  const { status, body } = await call('GET', `organizations/${encodeURIComponent(shelter!.id!)}`);
  expect(status).toBe(200);
  expect(body).toMatchObject({ id: directory[0]!.id, name: 'Driftwood Harbor Shelter', kind: 'nonprofit', domains: ['driftwoodharbor.org'] });

  const cdc = await organizationOf('ben@cdc.gov');
  expect(cdc).toMatchObject({ id: 'domain:cdc.gov', kind: 'federal', source: 'dotgov', detail: 'Federal · Executive', agency: 'Department of Health and Human Services' });
  const read = await call('GET', 'organizations/domain:cdc.gov');
  expect(read.body).toMatchObject({ id: 'domain:cdc.gov', name: 'Centers for Disease Control and Prevention', domains: ['cdc.gov'], state: 'GA' });
});

it('edits an organization from its domain: people’s cards follow, and re-mining keeps it', async () => {
  expect(await organizationOf('di@ops.example.org')).toMatchObject({ id: 'domain:example.org', kind: 'unknown' });
  const { status, body } = await call('PATCH', 'organizations/domain:example.org', { body: { name: 'Example Housing Alliance', kind: 'nonprofit' } });
  expect(status).toBe(200);
  expect(body).toMatchObject({ id: 'domain:example.org', name: 'Example Housing Alliance', kind: 'nonprofit', kindLabel: 'Nonprofit', source: 'manual', updatedBy: DANA });
  expect(body.history?.at(-1)).toMatchObject({ by: DANA, action: 'edit' });
  expect(await organizationOf('di@ops.example.org')).toMatchObject({ id: 'domain:example.org', name: 'Example Housing Alliance', kind: 'nonprofit' });
  await remine();
  expect(await organizationOf('di@ops.example.org')).toMatchObject({ name: 'Example Housing Alliance', kind: 'nonprofit' });
});

it('merges B into A: B’s people move to A, B’s id answers with A, and re-mining keeps it', async () => {
  const { status, body } = await call('POST', 'organizations/domain:cdc.gov/merge', { body: { intoId: 'domain:hhs.gov' } });
  expect(status).toBe(200);
  expect(body).toMatchObject({ id: 'domain:hhs.gov', domains: ['hhs.gov', 'cdc.gov'], updatedBy: DANA });
  expect(await organizationOf('ben@cdc.gov')).toMatchObject({ id: 'domain:hhs.gov', name: 'Office of the Secretary of Health and Human Services' });
  expect((await call('GET', 'organizations/domain:cdc.gov')).body.id).toBe('domain:hhs.gov');
  await remine();
  expect((await organizationOf('ben@cdc.gov'))?.id).toBe('domain:hhs.gov');
});

it('splits a subdomain into a new organization, ahead of the directory entry that covered it', async () => {
  expect((await organizationOf('ed@transit.housing.cascadia.gov'))?.name).toBe('Cascadia Department of Housing');
  const { status, body } = await call('POST', 'organizations/split', { body: { domain: 'Transit.Housing.Cascadia.gov', name: 'Cascadia Transit Housing Unit', kind: 'state' } });
  expect(status).toBe(200);
  expect(body).toMatchObject({ id: 'split:transit.housing.cascadia.gov', name: 'Cascadia Transit Housing Unit', domains: ['transit.housing.cascadia.gov'], source: 'manual' });
  expect(await organizationOf('ed@transit.housing.cascadia.gov')).toMatchObject({ id: 'split:transit.housing.cascadia.gov', name: 'Cascadia Transit Housing Unit' });
  expect((await organizationOf('fay@housing.cascadia.gov'))?.name).toBe('Cascadia Department of Housing');
  await remine();
  expect((await organizationOf('ed@transit.housing.cascadia.gov'))?.name).toBe('Cascadia Transit Housing Unit');
});

it('splits a domain back out of a merge', async () => {
  const { status } = await call('POST', 'organizations/split', { body: { domain: 'cdc.gov', name: 'CDC', kind: 'federal' } });
  expect(status).toBe(200);
  expect(await organizationOf('ben@cdc.gov')).toMatchObject({ id: 'split:cdc.gov', name: 'CDC' });
  expect((await call('GET', 'organizations/domain:hhs.gov')).body.domains).toEqual(['hhs.gov']);
});

describe('rejects bad requests, naming the field', () => {
  it.each<[string, string, string, unknown, RegExp]>([
    ['an empty edit', 'PATCH', 'organizations/domain:example.org', {}, /^body: name or kind is required/],
    ['an unknown kind', 'PATCH', 'organizations/domain:example.org', { kind: 'charity' }, /^kind: must be one of federal, state/],
    ['an empty name', 'PATCH', 'organizations/domain:example.org', { name: '  ' }, /^name: must not be empty/],
    ['a merge without intoId', 'POST', 'organizations/domain:example.org/merge', {}, /^intoId: must be a string/],
    ['a merge into itself', 'POST', 'organizations/domain:example.org/merge', { intoId: 'domain:example.org' }, /^intoId: is the organization being merged/],
    ['a split of a malformed domain', 'POST', 'organizations/split', { domain: 'not a domain', name: 'X', kind: 'private' }, /^domain: is not a valid domain name/],
    ['a split of a public suffix', 'POST', 'organizations/split', { domain: 'co.uk', name: 'X', kind: 'private' }, /^domain: is a public suffix/],
    ['a split of a free-mail domain', 'POST', 'organizations/split', { domain: 'gmail.com', name: 'X', kind: 'private' }, /^domain: is a free-mail provider/],
    ['a split without a kind', 'POST', 'organizations/split', { domain: 'acme.com', name: 'Acme' }, /^kind: must be one of/],
  ])('%s → 400', async (_case, method, path, body, message) => {
    const { status, body: answer } = await call(method, path, { body });
    expect(status).toBe(400);
    expect(answer.error?.code).toBe('bad-request');
    expect(answer.error?.message).toMatch(message);
  });

  it('a merge into an organization that does not exist → 404 naming intoId', async () => {
    const { status, body } = await call('POST', 'organizations/domain:example.org/merge', { body: { intoId: 'no-such-id' } });
    expect(status).toBe(404);
    expect(body.error?.message).toMatch(/^intoId: organization no-such-id was not found/);
  });
});

it('another tenant cannot see or change this tenant’s organizations', async () => {
  for (const id of [directory[0]!.id, 'split:transit.housing.cascadia.gov']) {
    expect((await call('GET', `organizations/${encodeURIComponent(id)}`, { tenantId: OTHER_TENANT })).status).toBe(404);
    expect((await call('PATCH', `organizations/${encodeURIComponent(id)}`, { tenantId: OTHER_TENANT, body: { name: 'Hijacked' } })).status).toBe(404);
    expect((await call('POST', `organizations/${encodeURIComponent(id)}/merge`, { tenantId: OTHER_TENANT, body: { intoId: 'domain:hhs.gov' } })).status).toBe(404);
  }
  // Its own view of a domain is its own: this tenant's edit of example.org is not there.
  expect((await call('GET', 'organizations/domain:example.org', { tenantId: OTHER_TENANT })).body).toMatchObject({ name: 'example.org', kind: 'unknown', source: 'domain' });
  expect((await call('GET', `organizations/${encodeURIComponent(directory[0]!.id)}`)).body.name).toBe('Driftwood Harbor Shelter');
});

it('requires sign-in', async () => {
  const response = await fetch(`${api.apiUrl}/organizations/domain:example.org`);
  expect(response.status).toBe(401);
});
