// The member-list filter rule the server and the pane share: role (any case), organization kind
// (or none), current / past; and the server's list of a group's roles for the role filter.
import { listDistinctRoles } from '../../functions/src/groups/member-filters.ts';
import { memberListQuerySchema, type MemberListQuery } from '../../shared/api/group-routes.ts';
import { matchesMemberFilters, type MemberFilterFacts } from '../../shared/domain/member-filters.ts';

const chair: MemberFilterFacts = { role: 'Chair', current: true, organizationKind: 'county' };
const pastMember: MemberFilterFacts = { role: 'member ', current: false, organizationKind: 'nonprofit' };
const noOrganization: MemberFilterFacts = { role: 'lead', current: true, organizationKind: null };

describe('matchesMemberFilters', () => {
  it.each<[string, MemberFilterFacts, MemberListQuery, boolean]>([
    ['no filter (the default term is "all")', pastMember, {}, true],
    ['current: a current member', chair, { term: 'current' }, true],
    ['current: a past member', pastMember, { term: 'current' }, false],
    ['past: a past member', pastMember, { term: 'past' }, true],
    ['past: a current member', chair, { term: 'past' }, false],
    ['role, any case and spacing', pastMember, { role: 'MEMBER' }, true],
    ['another role', chair, { role: 'co-chair' }, false],
    ['organization kind', chair, { organizationKind: 'county' }, true],
    ['another organization kind', chair, { organizationKind: 'state' }, false],
    ['no organization', noOrganization, { organizationKind: 'none' }, true],
    ['"none" when there is one', chair, { organizationKind: 'none' }, false],
    ['all three', pastMember, { role: 'Member', organizationKind: 'nonprofit', term: 'past' }, true],
  ])('%s', (_, member, query, expected) => {
    expect(matchesMemberFilters(member, memberListQuerySchema.parse(query))).toBe(expected);
  });
});

describe('listDistinctRoles', () => {
  it('keeps the first spelling of each role, sorted, without blanks', () => {
    expect(listDistinctRoles(['member', 'Chair', 'Member ', ' ', 'chair', 'lead'])).toEqual(['Chair', 'lead', 'member']);
  });
});
