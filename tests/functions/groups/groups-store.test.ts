// The groups store on the real Cosmos SDK and the stand-in: conditional writes answer races with
// outcomes, name claims hold one name per team, renames reach every membership, and the audit
// repository can only append and read.
import type { GroupDocument, MembershipDocument } from '../../../functions/src/enrichment/group-documents.ts';
import { makeManualMembershipId } from '../../../functions/src/groups/merge-membership.ts';
import { startApiOnly, type ApiOnly } from '../../helpers/start-api-only.ts';

const TENANT = 'tenant-groups-store';
let api: ApiOnly;
beforeAll(async () => {
  api = await startApiOnly();
});
afterAll(() => api.close());

const group = (id: string, name: string): GroupDocument => ({
  id, tenantId: TENANT, docType: 'group', name, kind: 'board', source: 'manual', createdAt: '2025-01-01T00:00:00.000Z', teamId: 'team-a',
});
const membership = (groupId: string, email: string): MembershipDocument => ({
  id: makeManualMembershipId(TENANT, groupId, email), tenantId: TENANT, docType: 'membership', groupId, groupName: 'Board', groupKind: 'board',
  email, role: 'member', source: 'manual', addedBy: 'dana@x.gov', addedAt: '2025-01-01T00:00:00.000Z',
});

it('creates once, then answers "exists"; a replace with a stale etag answers "conflict"', async () => {
  const { groups } = api.repositories;
  const first = await groups.createMembership(membership('g-store', 'jess@x.gov'));
  expect(first).not.toBe('exists');
  expect(await groups.createMembership(membership('g-store', 'jess@x.gov'))).toBe('exists');
  const etag = (first as MembershipDocument)._etag!;
  const changed = await groups.replaceMembership({ ...membership('g-store', 'jess@x.gov'), role: 'chair' }, etag);
  expect(changed).toMatchObject({ role: 'chair' });
  expect(await groups.replaceMembership({ ...membership('g-store', 'jess@x.gov'), role: 'lead' }, etag)).toBe('conflict');
  expect(await groups.deleteMembership(TENANT, first === 'exists' ? '' : first.id, etag)).toBe('conflict');
  expect((await groups.readMembership(TENANT, makeManualMembershipId(TENANT, 'g-store', 'jess@x.gov')))?.role).toBe('chair');
});

it('holds a name for one group per team, case-insensitively, and frees it on release', async () => {
  const { groups } = api.repositories;
  expect(await groups.claimGroupName(TENANT, 'team-a', 'Shelter Network', 'g1')).toBe('ok');
  await groups.createGroup(group('g1', 'Shelter Network'));
  expect(await groups.claimGroupName(TENANT, 'team-a', 'shelter network', 'g2')).toBe('taken');
  expect(await groups.claimGroupName(TENANT, 'team-a', 'Shelter Network', 'g1')).toBe('ok');
  expect(await groups.claimGroupName(TENANT, 'team-b', 'Shelter Network', 'g3')).toBe('ok');
  await groups.releaseGroupName(TENANT, 'team-a', 'Shelter Network', 'g1');
  expect(await groups.claimGroupName(TENANT, 'team-a', 'Shelter Network', 'g2')).toBe('ok');
});

it('only one of several concurrent claims of a name wins', async () => {
  const outcomes = await Promise.all(
    Array.from({ length: 5 }, async (_, i) => {
      const outcome = await api.repositories.groups.claimGroupName(TENANT, 'team-c', 'Coalition', `c${i}`);
      if (outcome === 'ok') await api.repositories.groups.createGroup({ ...group(`c${i}`, 'Coalition'), teamId: 'team-c' });
      return outcome;
    }),
  );
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
});

it('a rename reaches every membership, including one changed while it ran', async () => {
  const { groups } = api.repositories;
  const stored = await groups.createGroup(group('g-rename', 'Before'));
  if (stored === 'exists') throw new Error('unexpected');
  await groups.upsertMemberships(TENANT, Array.from({ length: 250 }, (_, i) => membership('g-rename', `m${i}@x.gov`)));
  const renamed = await groups.replaceGroup({ ...stored, name: 'After' }, stored._etag!);
  if (renamed === 'conflict') throw new Error('unexpected');
  const concurrent = (async () => {
    const one = await groups.readMembership(TENANT, makeManualMembershipId(TENANT, 'g-rename', 'm7@x.gov'));
    await groups.replaceMembership({ ...one!, role: 'chair' }, one!._etag!);
  })();
  await Promise.all([groups.refreshGroupFieldsOfMemberships(renamed), concurrent]);
  await groups.refreshGroupFieldsOfMemberships(renamed);
  const all = await groups.listGroupMemberships(TENANT, 'g-rename');
  expect(all).toHaveLength(250);
  expect(all.every((m) => m.groupName === 'After' && m.teamId === 'team-a')).toBe(true);
  expect(all.find((m) => m.email === 'm7@x.gov')?.role).toBe('chair');
});

it('the audit repository has no way to change or delete an entry', async () => {
  expect(Object.keys(api.repositories.audit).sort()).toEqual(['append', 'listForGroup', 'listForPerson']);
  await api.repositories.audit.append(TENANT, [
    { at: '2025-01-01T00:00:00.000Z', actor: { email: 'dana@x.gov', name: null }, action: 'group.create', targetType: 'group', targetId: 'g-a', groupId: 'g-a', summary: 'one', before: null, after: { name: 'A', _etag: 'x' } },
    { at: '2025-01-01T00:00:00.000Z', actor: { email: 'dana@x.gov', name: null }, action: 'group.update', targetType: 'group', targetId: 'g-a', groupId: 'g-a', summary: 'two', before: { name: 'A' }, after: { name: 'B' } },
  ]);
  const entries = await api.repositories.audit.listForGroup(TENANT, 'g-a', { limit: 10 });
  expect(entries.map((e) => e.summary)).toEqual(['two', 'one']);
  expect(entries[1]?.after).toEqual({ name: 'A' });
});
