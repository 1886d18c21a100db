// What adding a person does to their membership: added, already a member, updated; and PATCHes.
import type { GroupDocument, MembershipDocument } from '../../../functions/src/enrichment/group-documents.ts';
import {
  applyMemberPatch,
  makeManualMembershipId,
  mergeMemberRequest,
  summarizeAddResults,
  type MemberRequest,
} from '../../../functions/src/groups/merge-membership.ts';

const TENANT = 't1';
const NOW = new Date('2025-06-30T12:00:00.000Z');
const group: GroupDocument = { id: 'g1', tenantId: TENANT, docType: 'group', name: 'Shelter Network', kind: 'coalition', source: 'manual', createdAt: '2025-01-01T00:00:00.000Z', teamId: 'team1' };

function stored(overrides: Partial<MembershipDocument> = {}): MembershipDocument {
  return {
    id: makeManualMembershipId(TENANT, 'g1', 'jess@x.gov'),
    tenantId: TENANT,
    docType: 'membership',
    groupId: 'g1',
    groupName: 'Old name',
    groupKind: 'coalition',
    email: 'jess@x.gov',
    role: 'member',
    start: '2025-01-01',
    end: null,
    notes: null,
    source: 'manual',
    addedBy: 'dana@x.gov',
    addedAt: '2025-01-01T00:00:00.000Z',
    _etag: '"e1"',
    ...overrides,
  };
}

const merge = (existing: MembershipDocument | null, request: Partial<MemberRequest>) =>
  mergeMemberRequest({ tenantId: TENANT, group, existing, request: { email: 'jess@x.gov', role: 'member', ...request }, actor: 'marcus@x.gov', now: NOW });

describe('mergeMemberRequest', () => {
  it('adds a new member with a term starting today, the group denormalized', () => {
    const outcome = merge(null, { role: 'lead' });
    expect(outcome.result).toBe('added');
    if (outcome.result !== 'added') return;
    expect(outcome.document).toMatchObject({
      id: makeManualMembershipId(TENANT, 'g1', 'jess@x.gov'),
      groupName: 'Shelter Network',
      teamId: 'team1',
      role: 'lead',
      start: '2025-06-30',
      end: null,
      source: 'manual',
      addedBy: 'marcus@x.gov',
    });
  });

  it.each([
    ['the same role again', {}, 'already-member', undefined],
    ['another role', { role: 'chair' }, 'updated', { role: 'member' }],
    ['a term end', { end: '2025-12-31' }, 'updated', { end: null }],
    ['new notes', { notes: 'Seat 3' }, 'updated', { notes: null }],
    ['a new start', { start: '2024-01-01' }, 'updated', { start: '2025-01-01' }],
  ] as const)('re-adding with %s: %s', (_label, request, result, previous) => {
    const outcome = merge(stored(), request);
    expect(outcome.result).toBe(result);
    if (previous && outcome.result !== 'invalid') expect(outcome.previous).toMatchObject(previous);
  });

  it('keeps the stored term and notes when the request leaves them out', () => {
    const outcome = merge(stored({ end: '2026-01-01', notes: 'kept' }), { role: 'chair' });
    expect(outcome.result === 'updated' && outcome.document).toMatchObject({ start: '2025-01-01', end: '2026-01-01', notes: 'kept', role: 'chair' });
  });

  it('re-adding someone whose term ended starts a new term', () => {
    const outcome = merge(stored({ start: '2019-01-01', end: '2019-12-31' }), {});
    expect(outcome.result).toBe('updated');
    expect(outcome.result === 'updated' && outcome.document).toMatchObject({ start: '2025-06-30', end: null });
  });

  it('an end before the stored start is invalid, naming the field', () => {
    expect(merge(stored({ start: '2025-05-01' }), { end: '2025-04-01' })).toEqual({ result: 'invalid', problem: "end: 2025-04-01 is before the term's start 2025-05-01" });
  });

  it('never writes back the etag it read', () => {
    const outcome = merge(stored(), { role: 'chair' });
    expect(outcome.result === 'updated' && '_etag' in outcome.document).toBe(false);
  });
});

describe('applyMemberPatch', () => {
  const patch = (p: Parameters<typeof applyMemberPatch>[0]['patch'], existing = stored()) => applyMemberPatch({ existing, patch: p, actor: 'marcus@x.gov', now: NOW });

  it.each([
    [{ role: 'chair' }, { role: 'chair', updatedBy: 'marcus@x.gov' }],
    [{ end: '2025-06-01' }, { end: '2025-06-01' }],
    [{ notes: '' }, { notes: null }],
  ])('%j', (p, expected) => {
    expect(patch(p, stored({ notes: 'old' })).document).toMatchObject(expected);
  });

  it('a patch that changes nothing writes nothing', () => {
    expect(patch({ role: 'member' })).toEqual({ document: null, problem: null });
  });

  it('null clears an end date', () => {
    expect(patch({ end: null }, stored({ end: '2025-01-31' })).document).toMatchObject({ end: null });
  });

  it('refuses an end before the start', () => {
    expect(patch({ end: '2024-12-31' }).problem).toBe("end: 2024-12-31 is before the term's start 2025-01-01");
  });
});

it.each([
  [['added', 'added', 'added', 'added', 'already-member'], '4 added to Shelter Network; 1 was already a member'],
  [['added'], '1 added to Shelter Network'],
  [['already-member', 'already-member', 'updated'], '0 added to Shelter Network; 2 were already members; 1 updated'],
] as const)('summarizes %j', (results, summary) => {
  expect(summarizeAddResults('Shelter Network', results.map((result) => ({ result })))).toBe(summary);
});
