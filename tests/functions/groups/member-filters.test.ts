// The member-list filter rule: role (any case), organization kind (or none), current / past,
// decided on the membership a list shows for a person.
import { memberListQuerySchema, type MemberListQuery } from '../../../shared/api/group-routes.ts';
import { listDistinctRoles, matchesMemberFilters } from '../../../functions/src/groups/member-filters.ts';

const today = '2026-03-20';
const chair = { role: 'Chair', end: null };
const pastMember = { role: 'member', end: '2026-03-19' };
const endsToday = { role: 'member ', end: '2026-03-20' };

describe('matchesMemberFilters', () => {
  it.each<[string, { role: string; end: string | null }, string | null, MemberListQuery, boolean]>([
    ['no filter', pastMember, null, {}, true],
    ['current: open term', chair, 'county', { term: 'current' }, true],
    ['current: term ended yesterday', pastMember, 'county', { term: 'current' }, false],
    ['current: the end day still counts', endsToday, 'county', { term: 'current' }, true],
    ['past: term ended yesterday', pastMember, 'county', { term: 'past' }, true],
    ['past: open term', chair, 'county', { term: 'past' }, false],
    ['role, any case and spacing', endsToday, null, { role: 'MEMBER' }, true],
    ['another role', chair, null, { role: 'co-chair' }, false],
    ['organization kind', chair, 'county', { organizationKind: 'county' }, true],
    ['another organization kind', chair, 'state', { organizationKind: 'county' }, false],
    ['no organization', chair, null, { organizationKind: 'none' }, true],
    ['"none" when there is one', chair, 'county', { organizationKind: 'none' }, false],
    ['all three', pastMember, 'nonprofit', { role: 'Member', organizationKind: 'nonprofit', term: 'past' }, true],
  ])('%s', (_, membership, organizationKind, query, expected) => {
    const filters = memberListQuerySchema.parse(query);
    expect(matchesMemberFilters(membership, { organizationKind: organizationKind as never, today }, filters)).toBe(expected);
  });
});

describe('listDistinctRoles', () => {
  it('keeps the first spelling of each role, sorted, without blanks', () => {
    expect(listDistinctRoles(['member', 'Chair', 'Member ', ' ', 'chair', 'lead'])).toEqual(['Chair', 'lead', 'member']);
  });
});
