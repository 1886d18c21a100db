// The groups API on real parts (token issuer, Cosmos SDK against the stand-in, local host):
// groups, members, teams and permissions, etags, the audit trail, exports, and the card.
import { DEMO_TENANT_ID } from '../../dev/token-issuer.ts';
import { makePersonId } from '../../functions/src/enrichment/merge-person.ts';
import { makeGroupId } from '../../functions/src/sync/enrich-tenant.ts';
import { makeStableId } from '../../functions/src/ids/make-stable-id.ts';
import type { Group, Member } from '../../shared/domain/group.ts';
import { labelOrganizationKind, type OrganizationKind } from '../../shared/domain/organization-kind.ts';
import type { KnownPersonCard } from '../../shared/domain/person-card.ts';
import { startApiOnly, type ApiOnly } from '../helpers/start-api-only.ts';

const TENANT = DEMO_TENANT_ID;
const OTHER_TENANT = '5d0c7f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const DANA = 'dana.reyes@housing.cascadia.gov';
const MARCUS = 'marcus.lee@housing.cascadia.gov';
const VIV = 'viv.ortiz@housing.cascadia.gov';
const OUTSIDER = 'sam.kim@housing.cascadia.gov';
const JESS = 'jess.morgan@housing.cascadia.gov';

let api: ApiOnly;

beforeAll(async () => {
  api = await startApiOnly();
});
afterAll(() => api?.close());

async function call(method: string, path: string, options: { user?: string; tenantId?: string; admin?: boolean; body?: unknown } = {}) {
  const token = await api.issuer.issueToken({
    user: options.user ?? DANA,
    tenantId: options.tenantId ?? TENANT,
    ...(options.admin ? { roles: ['Crosswalk.Admin'] } : {}),
  });
  const response = await fetch(`${api.apiUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

let nameCounter = 0;
async function createGroup(options: { user?: string; teamId?: string; name?: string } = {}): Promise<Group> {
  nameCounter += 1;
  const { status, body } = await call('POST', 'groups', {
    user: options.user,
    body: { name: options.name ?? `Shelter Network ${nameCounter}`, kind: 'coalition', ...(options.teamId ? { teamId: options.teamId } : {}) },
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as Group;
}

async function allMembers(groupId: string, user = DANA): Promise<Member[]> {
  const members: Member[] = [];
  let path = `groups/${groupId}/members`;
  for (;;) {
    const { status, body } = await call('GET', path, { user });
    expect(status, JSON.stringify(body)).toBe(200);
    members.push(...(body.members as Member[]));
    if (!body.nextCursor) return members;
    path = `groups/${groupId}/members/page/${encodeURIComponent(body.nextCursor)}`;
  }
}

describe('groups', () => {
  it('creates a group owned by the creator, in their personal team, and lists it first', async () => {
    const group = await createGroup({ name: 'Homeless Youth Outreach' });
    expect(group).toMatchObject({ name: 'Homeless Youth Outreach', kind: 'coalition', status: 'active', source: 'manual', myRole: 'owner', createdBy: DANA, memberCount: 0 });
    expect(group.etag).not.toBe('');
    const { body } = await call('GET', 'groups');
    expect((body.groups as Group[])[0]?.id).toBe(group.id);
    expect((await call('GET', `groups/${group.id}`)).body).toMatchObject({ id: group.id, teamId: group.teamId });
  });

  it('answers 409 for a duplicate name in the same team, whatever its case', async () => {
    await createGroup({ name: 'Regional Transit Board' });
    const { status, body } = await call('POST', 'groups', { body: { name: '  regional TRANSIT board ', kind: 'board' } });
    expect(status).toBe(409);
    expect(body.error.message).toMatch(/already exists/);
  });

  it('rejects bad input naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: '', kind: 'board' }, /^name: must not be empty/],
      [{ name: 'x'.repeat(10_000), kind: 'board' }, /^name: must be at most 200 characters/],
      [{ name: 'Tab\there', kind: 'board' }, /^name: must not contain control characters/],
      [{ name: 'Fine', kind: 'club' }, /^kind: must be one of/],
      [{ name: 'Fine', kind: 'board', description: 'd'.repeat(2001) }, /^description: must be at most 2000/],
    ];
    for (const [body, message] of cases) {
      const response = await call('POST', 'groups', { body });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('answers 404 for an unknown group', async () => {
    for (const path of ['groups/no-such-group', 'groups/no-such-group/members', 'groups/no-such-group/audit']) {
      const { status, body } = await call('GET', path);
      expect(status).toBe(404);
      expect(body.error.code).toBe('not-found');
    }
    expect((await call('POST', 'groups/no-such-group/members', { body: { members: [{ email: JESS }] } })).status).toBe(404);
  });
});

describe('members', () => {
  it('adds, re-adds idempotently, changes a role, ends a term, and removes', async () => {
    const group = await createGroup();
    const add = await call('POST', `groups/${group.id}/members`, {
      body: { members: [{ email: JESS, role: 'lead' }, { email: 'New.Person@Example.org' }] },
    });
    expect(add.status, JSON.stringify(add.body)).toBe(200);
    expect(add.body.results.map((r: any) => [r.email, r.result, r.personCreated])).toEqual([
      [JESS, 'added', true],
      ['new.person@example.org', 'added', true],
    ]);
    expect(add.body.summary).toBe(`2 added to ${group.name}`);
    expect(add.body.results[1].member).toMatchObject({ role: 'member', current: true, source: 'manual', addedBy: DANA });

    const again = await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: JESS, role: 'lead' }, { email: MARCUS }] } });
    expect(again.body.results.map((r: any) => r.result)).toEqual(['already-member', 'added']);
    expect(again.body.summary).toBe(`1 added to ${group.name}; 1 was already a member`);

    const changed = await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: JESS, role: 'co-chair' }] } });
    expect(changed.body.results[0]).toMatchObject({ result: 'updated', previous: { role: 'lead' } });

    const jess = (await allMembers(group.id)).find((m) => m.email === JESS)!;
    expect(jess.role).toBe('co-chair');
    const ended = await call('PATCH', `groups/${group.id}/members/${jess.personId}`, { body: { etag: jess.etag, end: '2020-01-31', start: '2019-01-01' } });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ end: '2020-01-31', current: false });

    const removed = await call('DELETE', `groups/${group.id}/members/${makePersonId(TENANT, MARCUS)}`);
    expect(removed.body).toEqual({ personId: makePersonId(TENANT, MARCUS), result: 'removed' });
    expect((await call('DELETE', `groups/${group.id}/members/${makePersonId(TENANT, MARCUS)}`)).body.result).toBe('not-member');
    expect((await allMembers(group.id)).map((m) => m.email).sort()).toEqual([JESS, 'new.person@example.org']);
  });

  it('undoes an add in one request', async () => {
    const group = await createGroup();
    const emails = ['a.one@example.org', 'b.two@example.org', 'c.three@example.org'];
    const add = await call('POST', `groups/${group.id}/members`, { body: { members: emails.map((email) => ({ email })) } });
    const undo = await call('POST', `groups/${group.id}/members/remove`, {
      body: { members: add.body.results.map((r: any) => ({ personId: r.personId, etag: r.member.etag })) },
    });
    expect(undo.body.results.map((r: any) => r.result)).toEqual(['removed', 'removed', 'removed']);
    expect(await allMembers(group.id)).toEqual([]);
  });

  it('two people adding the same member at once make one membership', async () => {
    const group = await createGroup();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => call('POST', `groups/${group.id}/members`, { body: { members: [{ email: 'race@example.org', role: 'liaison' }] } })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.map((r) => r.body.results[0].result).filter((r: string) => r === 'added')).toHaveLength(1);
    const stored = await api.repositories.groups.findGroupMemberships(TENANT, group.id, ['race@example.org']);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(makeStableId(TENANT, 'membership', group.id, 'race@example.org', 'manual'));
  });

  it('rejects a duplicate member, an end before its start, and too many members', async () => {
    const group = await createGroup();
    const duplicate = await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: JESS }, { email: JESS.toUpperCase() }] } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch(/^members\[1\]\.email: .* appears more than once/);
    const backwards = await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: JESS, start: '2025-03-01', end: '2025-02-01' }] } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/^members\[0\]\.end: must not be before start/);
    const tooMany = await call('POST', `groups/${group.id}/members`, {
      body: { members: Array.from({ length: 501 }, (_, i) => ({ email: `p${i}@example.org` })) },
    });
    expect(tooMany.status).toBe(400);
    expect((await allMembers(group.id))).toEqual([]);
  });
});

describe('etags', () => {
  it('a change sent with a stale etag is 409 and changes nothing', async () => {
    const group = await createGroup();
    const renamed = await call('PATCH', `groups/${group.id}`, { body: { etag: group.etag, name: `${group.name} (renamed)` } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.etag).not.toBe(group.etag);
    const stale = await call('PATCH', `groups/${group.id}`, { body: { etag: group.etag, description: 'lost update' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({ code: 'conflict', message: 'this group was changed by someone else; reload and try again' });
    expect((await call('GET', `groups/${group.id}`)).body).toMatchObject({ name: `${group.name} (renamed)`, description: null });

    const add = await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: JESS }] } });
    const member = add.body.results[0].member as Member;
    expect((await call('PATCH', `groups/${group.id}/members/${member.personId}`, { body: { etag: member.etag, role: 'chair' } })).status).toBe(200);
    const staleMember = await call('PATCH', `groups/${group.id}/members/${member.personId}`, { body: { etag: member.etag, role: 'liaison' } });
    expect(staleMember.status).toBe(409);
    expect(staleMember.body.error.message).toBe('this membership was changed by someone else; reload and try again');
    const staleRemove = await call('POST', `groups/${group.id}/members/remove`, { body: { members: [{ personId: member.personId, etag: member.etag }] } });
    expect(staleRemove.body.results).toEqual([{ personId: member.personId, result: 'conflict' }]);
    expect((await allMembers(group.id)).map((m) => m.role)).toEqual(['chair']);

    // After a 409 the pane reads the member again: what it is now, with the etag a retry needs.
    const fresh = await call('GET', `groups/${group.id}/members/${member.personId}`);
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(fresh.body).toMatchObject({ email: JESS, role: 'chair' });
    expect(fresh.body.etag).not.toBe(member.etag);
    const retried = await call('PATCH', `groups/${group.id}/members/${member.personId}`, { body: { etag: fresh.body.etag, role: 'liaison' } });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.role).toBe('liaison');
    const missing = await call('GET', `groups/${group.id}/members/${makePersonId(TENANT, 'nobody@example.org')}`);
    expect(missing.status).toBe(404);
  });

  it('a PATCH whose end would fall before the stored start is 400', async () => {
    const group = await createGroup();
    const add = await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: JESS, start: '2024-06-01' }] } });
    const member = add.body.results[0].member as Member;
    const response = await call('PATCH', `groups/${group.id}/members/${member.personId}`, { body: { etag: member.etag, end: '2024-01-01' } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^end: 2024-01-01 is before the term's start 2024-06-01/);
  });
});

describe('teams and permissions', () => {
  let team: { id: string; etag: string };
  let group: Group;

  beforeAll(async () => {
    const created = await call('POST', 'teams', { body: { name: 'Housing outreach' } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    team = created.body as { id: string; etag: string };
    expect((await call('POST', `teams/${team.id}/members`, { body: { email: MARCUS, role: 'editor' } })).status).toBe(200);
    expect((await call('POST', `teams/${team.id}/members`, { body: { email: VIV, role: 'viewer' } })).status).toBe(200);
    group = await createGroup({ teamId: team.id });
    await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: JESS, role: 'lead' }] } });
  });

  it('a viewer reads but cannot add: 403, and nothing changes', async () => {
    expect((await call('GET', `groups/${group.id}`, { user: VIV })).body).toMatchObject({ myRole: 'viewer' });
    expect((await allMembers(group.id, VIV)).map((m) => m.email)).toEqual([JESS]);
    const auditBefore = (await call('GET', `groups/${group.id}/audit`)).body.entries.length;
    const add = await call('POST', `groups/${group.id}/members`, { user: VIV, body: { members: [{ email: 'viewer-add@example.org' }] } });
    expect(add.status).toBe(403);
    expect(add.body.error.message).toMatch(/viewer/);
    const jess = (await allMembers(group.id, VIV))[0]!;
    expect((await call('PATCH', `groups/${group.id}/members/${jess.personId}`, { user: VIV, body: { etag: jess.etag, role: 'x' } })).status).toBe(403);
    expect((await call('DELETE', `groups/${group.id}/members/${jess.personId}`, { user: VIV })).status).toBe(403);
    expect((await call('PATCH', `groups/${group.id}`, { user: VIV, body: { etag: group.etag, name: 'Viewer rename' } })).status).toBe(403);
    expect((await allMembers(group.id)).map((m) => m.email)).toEqual([JESS]);
    expect((await call('GET', `groups/${group.id}/audit`)).body.entries.length).toBe(auditBefore);
    expect((await api.repositories.people.findByEmails(TENANT, ['viewer-add@example.org']))).toEqual([]);
  });

  it('an editor changes members but cannot rename, archive or share', async () => {
    const add = await call('POST', `groups/${group.id}/members`, { user: MARCUS, body: { members: [{ email: 'editor-add@example.org' }] } });
    expect(add.status).toBe(200);
    const current = (await call('GET', `groups/${group.id}`, { user: MARCUS })).body as Group;
    expect(current.myRole).toBe('editor');
    expect((await call('PATCH', `groups/${group.id}`, { user: MARCUS, body: { etag: current.etag, status: 'archived' } })).status).toBe(403);
    expect((await call('POST', `teams/${team.id}/members`, { user: MARCUS, body: { email: OUTSIDER, role: 'viewer' } })).status).toBe(403);
  });

  it('someone outside the team gets 404 and sees nothing', async () => {
    for (const path of [`groups/${group.id}`, `groups/${group.id}/members`, `groups/${group.id}/audit`, `groups/${group.id}/export/csv`, `teams/${team.id}`]) {
      const { status, body } = await call('GET', path, { user: OUTSIDER });
      expect(status).toBe(404);
      expect(JSON.stringify(body)).not.toContain(JESS);
    }
    expect((await call('GET', 'groups', { user: OUTSIDER })).body.groups.map((g: Group) => g.id)).not.toContain(group.id);
    expect((await call('POST', `groups/${group.id}/members`, { user: OUTSIDER, body: { members: [{ email: OUTSIDER }] } })).status).toBe(404);
  });

  it('an owner archives and restores; an archived group keeps its members as they are', async () => {
    const current = (await call('GET', `groups/${group.id}`)).body as Group;
    const archived = await call('PATCH', `groups/${group.id}`, { body: { etag: current.etag, status: 'archived' } });
    expect(archived.body.status).toBe('archived');
    const blocked = await call('POST', `groups/${group.id}/members`, { user: MARCUS, body: { members: [{ email: 'late@example.org' }] } });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(/archived/);
    expect((await call('PATCH', `groups/${group.id}`, { body: { etag: archived.body.etag, status: 'active' } })).body.status).toBe('active');
  });

  it('a team keeps at least one owner, and sharing is audited', async () => {
    const last = await call('POST', `teams/${team.id}/members`, { body: { email: DANA, role: 'editor' } });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/at least one owner/);
    const added = await call('POST', `teams/${team.id}/members`, { body: { email: OUTSIDER, role: 'viewer' } });
    expect(added.body.members.map((m: any) => m.email)).toContain(OUTSIDER);
    expect((await call('GET', `groups/${group.id}`, { user: OUTSIDER })).status).toBe(200);
    const left = await call('DELETE', `teams/${team.id}/members/${encodeURIComponent(OUTSIDER)}`, { user: OUTSIDER });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect((await call('GET', `groups/${group.id}`, { user: OUTSIDER })).status).toBe(404);
    const teams = (await call('GET', 'teams')).body.teams as { id: string; kind: string; myRole: string }[];
    expect(teams[0]).toMatchObject({ id: 'tenant', kind: 'tenant', myRole: 'editor' });
    expect(teams.find((t) => t.id === team.id)).toMatchObject({ myRole: 'owner' });
  });
});

describe('groups made before teams (seeded, inferred)', () => {
  const seededId = makeGroupId(TENANT, 'Regional Homelessness Council');

  beforeAll(async () => {
    await api.repositories.groups.upsertGroups(TENANT, [
      { id: seededId, tenantId: TENANT, docType: 'group', name: 'Regional Homelessness Council', kind: 'board', source: 'manual', createdAt: '2025-01-01T00:00:00.000Z' },
    ]);
    await api.repositories.groups.upsertMemberships(TENANT, [
      {
        id: makeStableId(TENANT, 'membership', seededId, JESS, 'manual'),
        tenantId: TENANT,
        docType: 'membership',
        groupId: seededId,
        groupName: 'Regional Homelessness Council',
        groupKind: 'board',
        email: JESS,
        role: 'Board member',
        source: 'manual',
        addedBy: DANA,
        addedAt: '2025-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('everyone in the tenant reads and edits them; only admins manage them', async () => {
    const read = await call('GET', `groups/${seededId}`, { user: OUTSIDER });
    expect(read.body).toMatchObject({ teamId: 'tenant', myRole: 'editor', memberCount: 1 });
    const jess = (await allMembers(seededId, OUTSIDER))[0]!;
    expect(jess).toMatchObject({ email: JESS, role: 'Board member', personId: makePersonId(TENANT, JESS) });
    const patched = await call('PATCH', `groups/${seededId}/members/${jess.personId}`, { user: OUTSIDER, body: { etag: jess.etag, notes: 'Seat renewed' } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await call('PATCH', `groups/${seededId}`, { user: OUTSIDER, body: { etag: read.body.etag, description: 'x' } })).status).toBe(403);
    const admin = await call('PATCH', `groups/${seededId}`, { admin: true, user: MARCUS, body: { etag: read.body.etag, description: 'The regional convening board' } });
    expect(admin.status, JSON.stringify(admin.body)).toBe(200);
  });

  it('a new group cannot take a seeded group\'s name in the tenant-wide team', async () => {
    const { status } = await call('POST', 'groups', { body: { name: 'regional homelessness council', kind: 'board', teamId: 'tenant' } });
    expect(status).toBe(409);
  });
});

describe('audit trail', () => {
  it('records each change with who, when, before and after; no route changes it', async () => {
    const group = await createGroup();
    const add = await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: 'audited@example.org', role: 'member' }] } });
    const member = add.body.results[0].member as Member;
    await call('PATCH', `groups/${group.id}/members/${member.personId}`, { user: DANA, body: { etag: member.etag, role: 'chair' } });
    await call('DELETE', `groups/${group.id}/members/${member.personId}`);
    const { body } = await call('GET', `groups/${group.id}/audit`);
    const actions = (body.entries as any[]).map((e) => e.action);
    expect(actions).toEqual(['membership.remove', 'membership.update', 'membership.add', 'person.create', 'group.create']);
    expect(body.entries.every((e: any) => e.sortKey === undefined && e.tenantId === undefined)).toBe(true);
    const update = (body.entries as any[]).find((e) => e.action === 'membership.update');
    expect(update).toMatchObject({ actor: { email: DANA }, targetType: 'membership', personId: member.personId, before: { role: 'member' }, after: { role: 'chair' } });
    expect(update.before._etag).toBeUndefined();

    const person = await call('GET', `people/${member.personId}/audit`);
    expect((person.body.entries as any[]).map((e) => e.action)).toEqual(['membership.remove', 'membership.update', 'membership.add', 'person.create']);
    expect((await call('GET', `people/${member.personId}/audit`, { user: OUTSIDER })).body.entries).toEqual([]);
    // By address, as a person's card asks (any case): the same trail, limited the same way.
    const byEmail = await call('GET', `people/audit?email=${encodeURIComponent('Audited@Example.org')}`);
    expect(byEmail.status, JSON.stringify(byEmail.body)).toBe(200);
    expect(byEmail.body.entries).toEqual(person.body.entries);
    expect((await call('GET', 'people/audit?email=audited@example.org', { user: OUTSIDER })).body.entries).toEqual([]);
    const badAddress = await call('GET', 'people/audit?email=not-an-address');
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.error.message).toMatch(/^email: is not a valid email address/);
    expect((await call('GET', 'people/audit')).status).toBe(400);

    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await call(method, `groups/${group.id}/audit`, { body: method === 'DELETE' ? undefined : { entries: [] } });
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    const entryId = body.entries[0].id;
    expect((await call('DELETE', `groups/${group.id}/audit/${entryId}`)).status).toBe(404);
    expect((await call('GET', `groups/${group.id}/audit`)).body.entries).toHaveLength(5);
  });
});

describe('tenants', () => {
  it("another tenant's group is 404 with nothing returned, for every route", async () => {
    const group = await createGroup();
    await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: JESS }] } });
    const jessId = makePersonId(TENANT, JESS);
    const requests: [string, string, unknown?][] = [
      ['GET', `groups/${group.id}`],
      ['GET', `groups/${group.id}/members`],
      ['GET', `groups/${group.id}/members/${jessId}`],
      ['GET', `groups/${group.id}/audit`],
      ['GET', `groups/${group.id}/export/csv`],
      ['GET', `groups/${group.id}/export/vcard`],
      ['PATCH', `groups/${group.id}`, { etag: group.etag, name: 'taken over' }],
      ['POST', `groups/${group.id}/members`, { members: [{ email: 'intruder@example.org' }] }],
      ['PATCH', `groups/${group.id}/members/${jessId}`, { etag: 'x', role: 'x' }],
      ['DELETE', `groups/${group.id}/members/${jessId}`],
      ['POST', `groups/${group.id}/members/remove`, { members: [{ personId: jessId }] }],
    ];
    for (const [method, path, body] of requests) {
      const response = await call(method, path, { tenantId: OTHER_TENANT, user: 'admin@other.example', admin: true, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(JESS);
    }
    expect((await call('GET', 'groups', { tenantId: OTHER_TENANT, user: 'admin@other.example' })).body.groups).toEqual([]);
    expect((await call('GET', `people/${jessId}/audit`, { tenantId: OTHER_TENANT, user: 'admin@other.example' })).body.entries).toEqual([]);
    expect((await allMembers(group.id)).map((m) => m.email)).toEqual([JESS]);
  });
});

describe('cards', () => {
  it('lookup shows a new role, its rename, and a past role after the current ones', async () => {
    const group = await createGroup({ name: 'Shelter Capacity Task Force' });
    await call('POST', `groups/${group.id}/members`, { body: { members: [{ email: 'card.person@example.org', role: 'point of contact' }] } });
    const lookup = async () => ((await call('POST', 'lookup', { body: { emails: ['card.person@example.org'] } })).body.people[0]) as KnownPersonCard;
    const card = await lookup();
    expect(card.known).toBe(true);
    expect(card.roles).toEqual([expect.objectContaining({ groupId: group.id, group: 'Shelter Capacity Task Force', role: 'point of contact', source: 'manual' })]);

    await call('PATCH', `groups/${group.id}`, { body: { etag: group.etag, name: 'Shelter Capacity Council', kind: 'board' } });
    expect((await lookup()).roles[0]).toMatchObject({ group: 'Shelter Capacity Council', groupKind: 'board' });

    const older = await createGroup({ name: 'Winter Response 2019' });
    await call('POST', `groups/${older.id}/members`, { body: { members: [{ email: 'card.person@example.org', role: 'chair', start: '2019-01-01', end: '2019-03-31' }] } });
    const roles = (await lookup()).roles;
    expect(roles.map((r) => [r.group, r.past ?? false])).toEqual([
      ['Shelter Capacity Council', false],
      ['Winter Response 2019', true],
    ]);
    expect(roles[1]).toMatchObject({ start: '2019-01-01', end: '2019-03-31' });
  });
});

describe('exports', () => {
  it('exports members as CSV and vCard with escaping', async () => {
    const group = await createGroup({ name: 'Outreach, "North" Region' });
    await call('POST', `groups/${group.id}/members`, {
      body: { members: [{ email: 'export.one@example.org', role: '=chair', notes: 'Line one\nline two, "quoted"' }, { email: 'export.two@example.org', role: 'member' }] },
    });
    const csv = await call('GET', `groups/${group.id}/export/csv`);
    expect(csv.body.filename).toBe('outreach-north-region-members.csv');
    expect(csv.body.contentType).toBe('text/csv; charset=utf-8');
    const lines = (csv.body.content as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Name,Email,Role,Organization,Organization kind,Title,Term start,Term end,Status,Source,Notes');
    expect(csv.body.content).toContain(`'=chair`);
    expect(csv.body.content).toContain('"Line one\nline two, ""quoted"""');
    const vcard = await call('GET', `groups/${group.id}/export/vcard`);
    expect(vcard.body.filename).toBe('outreach-north-region-members.vcf');
    expect((vcard.body.content as string).match(/BEGIN:VCARD\r\nVERSION:4\.0/g)).toHaveLength(2);
    expect(vcard.body.content).toContain('CATEGORIES:Outreach\\, "North" Region');
  });
});

describe('member filters', () => {
  let group: Group;
  const COUNTY_CHAIR = 'chair@county.example.org';
  const NONPROFIT_MEMBER = 'member@shelter.example.org';
  const PAST_COUNTY_MEMBER = 'past@county.example.org';
  const NO_ORG_LEAD = 'lead@nowhere.example.org';
  const CONFIRMED = 'confirmed@shelter.example.org';

  /** Gives people an organization of a kind, or none, as enrichment would. */
  async function setOrganizations(kinds: Record<string, OrganizationKind | null>) {
    await api.repositories.people.mergeMany(TENANT, Object.keys(kinds), (email, current) => {
      const kind = kinds[email];
      if (!current || kind === undefined) return current;
      const organization = kind === null ? null : { name: `${kind} org`, kind, kindLabel: labelOrganizationKind(kind), domain: email.split('@')[1]! };
      return { ...current, organization };
    });
  }

  async function listFiltered(query: string, user = DANA) {
    const emails: string[] = [];
    const pages: number[] = [];
    let path = `groups/${group.id}/members?${query}`;
    for (;;) {
      const { status, body } = await call('GET', path, { user });
      expect(status, JSON.stringify(body)).toBe(200);
      pages.push(body.members.length);
      emails.push(...(body.members as Member[]).map((m) => m.email));
      if (!body.nextCursor) return { emails, pages };
      path = `groups/${group.id}/members/page/${encodeURIComponent(body.nextCursor)}?${query}`;
    }
  }

  beforeAll(async () => {
    group = await createGroup({ name: 'Filtered Coalition' });
    const add = await call('POST', `groups/${group.id}/members`, {
      body: {
        members: [
          { email: COUNTY_CHAIR, role: 'Chair' },
          { email: NONPROFIT_MEMBER, role: 'member' },
          { email: PAST_COUNTY_MEMBER, role: 'Member', start: '2019-01-01', end: '2019-12-31' },
          { email: NO_ORG_LEAD, role: 'lead' },
          { email: CONFIRMED, role: 'member' },
        ],
      },
    });
    expect(add.status, JSON.stringify(add.body)).toBe(200);
    // Meetings also suggest CONFIRMED leads it: the typed-in "member" is what the list shows and filters on.
    await api.repositories.groups.upsertMemberships(TENANT, [{
      id: makeStableId(TENANT, 'membership', group.id, CONFIRMED, 'inferred'),
      tenantId: TENANT, docType: 'membership', groupId: group.id, groupName: group.name, groupKind: group.kind,
      email: CONFIRMED, role: 'lead', source: 'inferred', evidence: 'attended 9 of 10 meetings', addedBy: 'crosswalk', addedAt: '2025-01-01T00:00:00.000Z',
    }]);
    await setOrganizations({ [COUNTY_CHAIR]: 'county', [NONPROFIT_MEMBER]: 'nonprofit', [PAST_COUNTY_MEMBER]: 'county', [NO_ORG_LEAD]: null, [CONFIRMED]: 'nonprofit' });
  });

  it.each([
    ['', [COUNTY_CHAIR, CONFIRMED, NO_ORG_LEAD, NONPROFIT_MEMBER, PAST_COUNTY_MEMBER]],
    ['term=current', [COUNTY_CHAIR, CONFIRMED, NO_ORG_LEAD, NONPROFIT_MEMBER]],
    ['term=past', [PAST_COUNTY_MEMBER]],
    ['role=member', [CONFIRMED, NONPROFIT_MEMBER, PAST_COUNTY_MEMBER]],
    ['role=MEMBER&term=current', [CONFIRMED, NONPROFIT_MEMBER]],
    // The inferred "lead" of CONFIRMED is not what the list shows: only the typed-in lead matches.
    ['role=lead', [NO_ORG_LEAD]],
    ['organizationKind=county', [COUNTY_CHAIR, PAST_COUNTY_MEMBER]],
    ['organizationKind=county&term=current', [COUNTY_CHAIR]],
    ['organizationKind=none', [NO_ORG_LEAD]],
    ['organizationKind=nonprofit&role=member', [CONFIRMED, NONPROFIT_MEMBER]],
    ['organizationKind=tribal', []],
  ])('?%s lists the matching members', async (query, expected) => {
    expect((await listFiltered(query)).emails).toEqual(expected);
  });

  it('answers the group\'s roles on the first page, for the role filter', async () => {
    const { body } = await call('GET', `groups/${group.id}/members?term=past`);
    expect(body.roles).toEqual(['Chair', 'lead', 'member']);
    const page = await call('GET', `groups/${group.id}/members/page/${encodeURIComponent(Buffer.from(COUNTY_CHAIR).toString('base64url'))}`);
    expect(page.status).toBe(200);
    expect(page.body.roles).toBeUndefined();
  });

  it('rejects a bad filter with 400 naming the parameter; someone outside the team still gets 404', async () => {
    const cases: [string, RegExp][] = [
      ['term=soon', /^term: must be "current", "past" or "all"/],
      ['organizationKind=planet', /^organizationKind: must be one of federal, state/],
      ['role=', /^role: must not be empty/],
      [`role=${'x'.repeat(101)}`, /^role: must be at most 100 characters/],
      ['rol=chair', /rol/],
    ];
    for (const [query, message] of cases) {
      const response = await call('GET', `groups/${group.id}/members?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message, query).toMatch(message);
    }
    expect((await call('GET', `groups/${group.id}/members?term=current`, { user: OUTSIDER })).status).toBe(404);
  });
});

describe('large groups', () => {
  // A seeded coalition: every 10th a chair, every 4th (3, 7, 11, …) a past member, every 25th (5, 30, …) at a tribal government.
  const emails = Array.from({ length: 5000 }, (_, i) => `member${String(i).padStart(4, '0')}@coalition.example.org`);
  const isChair = (i: number) => i % 10 === 0;
  const isPast = (i: number) => i % 4 === 3;
  const isTribal = (i: number) => i % 25 === 5;
  let group: Group;

  async function pageThrough(query: string) {
    const pages: number[] = [];
    const seen: string[] = [];
    let path = `groups/${group.id}/members${query ? `?${query}` : ''}`;
    for (;;) {
      const { status, body } = await call('GET', path);
      expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
      pages.push(body.members.length);
      seen.push(...body.members.map((m: Member) => m.email));
      if (!body.nextCursor) return { pages, seen };
      path = `groups/${group.id}/members/page/${encodeURIComponent(body.nextCursor)}${query ? `?${query}` : ''}`;
    }
  }

  beforeAll(async () => {
    group = await createGroup({ name: 'Statewide Housing Coalition' });
    for (let start = 0; start < emails.length; start += 500) {
      const members = emails.slice(start, start + 500).map((email, offset) => {
        const i = start + offset;
        return { email, role: isChair(i) ? 'chair' : 'member', ...(isPast(i) ? { start: '2020-01-01', end: '2020-12-31' } : {}) };
      });
      const response = await call('POST', `groups/${group.id}/members`, { body: { members } });
      expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    }
    // A few also have an inferred membership: still one entry each, the manual one.
    await api.repositories.groups.upsertMemberships(TENANT, emails.slice(0, 3).map((email) => ({
      id: makeStableId(TENANT, 'membership', group.id, email, 'inferred'),
      tenantId: TENANT,
      docType: 'membership' as const,
      groupId: group.id,
      groupName: group.name,
      groupKind: group.kind,
      email,
      role: 'attendee',
      source: 'inferred' as const,
      addedBy: 'crosswalk',
      addedAt: '2025-01-01T00:00:00.000Z',
    })));
    const tribal = emails.filter((_, i) => isTribal(i));
    await api.repositories.people.mergeMany(TENANT, tribal, (_email, current) =>
      current && { ...current, organization: { name: 'Cascade Tribal Nation', kind: 'tribal', kindLabel: labelOrganizationKind('tribal'), domain: 'coalition.example.org' } },
    );
  }, 300_000);

  it('a 5,000-member group pages through every member once', async () => {
    const { pages, seen } = await pageThrough('');
    expect(pages).toEqual(Array.from({ length: 10 }, () => 500));
    expect(seen).toEqual(emails);
    expect((await call('GET', `groups/${group.id}`)).body.memberCount).toBe(5000);
    expect((await call('GET', `groups/${group.id}/members/page/not-a-cursor!`)).status).toBe(400);
  }, 120_000);

  it.each([
    ['role=member&term=current', (i: number) => !isChair(i) && !isPast(i)],
    ['role=chair', isChair],
    ['term=past', isPast],
    ['organizationKind=tribal', isTribal],
    ['organizationKind=tribal&role=chair&term=current', (i: number) => isTribal(i) && isChair(i) && !isPast(i)],
  ])('filtered server-side (?%s), pages hold every match once, in order, at most 500 each', async (query, matches) => {
    const expected = emails.filter((_, i) => matches(i));
    const { pages, seen } = await pageThrough(query);
    expect(seen).toEqual(expected);
    expect(pages.every((size) => size <= 500)).toBe(true);
  }, 120_000);
});
