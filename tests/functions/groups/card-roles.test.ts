// A card lists current roles first and past ones (term ended) after, marked.
import { selectRoles } from '../../../functions/src/api/build-person-card.ts';
import type { MembershipDocument } from '../../../functions/src/enrichment/group-documents.ts';

function membership(groupId: string, groupName: string, overrides: Partial<MembershipDocument> = {}): MembershipDocument {
  return {
    id: `${groupId}-m`, tenantId: 't', docType: 'membership', groupId, groupName, groupKind: 'board', email: 'jess@x.gov',
    role: 'member', source: 'manual', addedBy: 'd@x.gov', addedAt: '2025-01-01T00:00:00.000Z', ...overrides,
  };
}

it('orders current manual, current inferred, then past roles, and marks the past ones', () => {
  const roles = selectRoles(
    [
      membership('g1', 'Alpha Board', { start: '2019-01-01', end: '2019-12-31' }),
      membership('g2', 'Beta Network', { source: 'inferred' }),
      membership('g3', 'Gamma Initiative', { start: '2025-01-01', end: '2025-06-30' }),
    ],
    { today: '2025-06-30' },
  );
  expect(roles.map((r) => [r.group, r.past ?? false])).toEqual([
    ['Gamma Initiative', false],
    ['Beta Network', false],
    ['Alpha Board', true],
  ]);
  expect(roles[0]).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
  expect(roles[1]).not.toHaveProperty('start');
});
