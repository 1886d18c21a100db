// The groups API on real parts (token issuer, Cosmos SDK against the stand-in, local host):
// groups, members, teams and permissions, etags, the audit trail, exports, and the card.
import { DEMO_TENANT_ID } from '../../dev/token-issuer.ts';
import { makePersonId } from '../../functions/src/enrichment/merge-person.ts';
import { makeGroupId } from '../../functions/src/sync/enrich-tenant.ts';
import { makeStableId } from '../../functions/src/ids/make-stable-id.ts';
import type { Group, Member } from '../../shared/domain/group.ts';
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
