// One participant's card: the stored person, one role per group, and the caller's own edge.
import { buildPersonCard, selectRoles } from '../../../functions/src/api/build-person-card.ts';
import type { EdgeDocument } from '../../../functions/src/enrichment/build-edges.ts';
import type { MembershipDocument } from '../../../functions/src/enrichment/group-documents.ts';
import type { PersonDocument } from '../../../functions/src/enrichment/person-document.ts';
import { personCardSchema } from '../../../shared/domain/person-card.ts';

const TENANT = 'tenant-cascadia';
const PAT = 'pat.okafor@health.cascadia.gov';

const person: PersonDocument = {
  id: 'person-pat',
  tenantId: TENANT,
  email: PAT,
  displayName: { value: 'Pat Okafor', source: 'graph-profile', observedAt: '2024-01-01T00:00:00.000Z', confidence: 0.95 },
  title: { value: 'Director', source: 'display-name', observedAt: '2024-01-01T00:00:00.000Z', confidence: 0.5 },
  department: null,
  inTenant: false,
  organization: { name: 'Cascadia Health Department', kind: 'state', kindLabel: 'State agency', domain: 'health.cascadia.gov' },
  firstSeenAt: '2024-01-01T00:00:00.000Z',
  lastSeenAt: '2024-05-01T00:00:00.000Z',
};

function membership(groupId: string, groupName: string, role: string, source: MembershipDocument['source'], evidence?: string): MembershipDocument {
  return {
    id: `${groupId}-${role}-${source}`,
    tenantId: TENANT,
    docType: 'membership',
    groupId,
    groupName,
    groupKind: 'working-group',
    email: PAT,
    role,
    source,
    ...(evidence ? { evidence } : {}),
    addedBy: source === 'manual' ? 'jess.morgan@housing.cascadia.gov' : 'inference',
    addedAt: '2024-05-01T00:00:00.000Z',
  };
}

const edge: EdgeDocument = {
  id: 'edge-1',
  tenantId: TENANT,
  ownerEmail: 'jess.morgan@housing.cascadia.gov',
  contactEmail: PAT,
  strength: { score: 62, label: 'Strong', emailsSent: 9, emailsReceived: 7, meetings: 3, lastInteractionAt: '2024-05-01T00:00:00.000Z' },
  lastInteractions: [{ at: '2024-05-01T00:00:00.000Z', kind: 'meeting', direction: 'meeting', subject: 'Housing–Health coordination' }],
};

describe('buildPersonCard', () => {
  it('answers known:false for an address with no stored person', () => {
    expect(buildPersonCard('stranger@example.org', undefined, [membership('g1', 'Network', 'Member', 'manual')], edge)).toEqual({
      email: 'stranger@example.org',
      known: false,
    });
  });

  it('assembles a known card from the person, roles and the caller\'s edge', () => {
    const card = buildPersonCard(PAT, person, [membership('g1', 'Housing–Health network', 'Member', 'inferred', 'attended 11 of 12 meetings')], edge);
    expect(card).toEqual({
      email: PAT,
      known: true,
      personId: person.id,
      displayName: 'Pat Okafor',
      title: 'Director',
      organization: person.organization,
      roles: [{ groupId: 'g1', group: 'Housing–Health network', groupKind: 'working-group', role: 'Member', source: 'inferred', evidence: 'attended 11 of 12 meetings' }],
      strength: edge.strength,
      lastInteractions: edge.lastInteractions,
      department: null,
      phone: null,
      office: null,
      attributes: [{ attribute: 'title', value: 'Director', source: 'display-name', firstObservedAt: null, lastObservedAt: '2024-01-01T00:00:00.000Z', confidence: 0.5 }],
    });
    expect(personCardSchema.parse(card)).toEqual(card);
  });

  it('gives strength 0 "None" and no interactions without an edge', () => {
    const card = buildPersonCard(PAT, { ...person, title: null, organization: null }, [], undefined);
    expect(card).toMatchObject({
      known: true,
      title: null,
      organization: null,
      roles: [],
      strength: { score: 0, label: 'None', emailsSent: 0, emailsReceived: 0, meetings: 0, lastInteractionAt: null },
      lastInteractions: [],
    });
    expect(personCardSchema.safeParse(card).success).toBe(true);
  });
});

describe('selectRoles', () => {
  it.each([
    ['manual after inferred', [membership('g1', 'Network', 'Member', 'inferred'), membership('g1', 'Network', 'Co-chair', 'manual')]],
    ['manual before inferred', [membership('g1', 'Network', 'Co-chair', 'manual'), membership('g1', 'Network', 'Member', 'inferred')]],
  ])('lets a manual role outrank an inferred one in the same group (%s)', (_order, memberships) => {
    expect(selectRoles(memberships)).toEqual([{ groupId: 'g1', group: 'Network', groupKind: 'working-group', role: 'Co-chair', source: 'manual' }]);
  });

  it('lists manual roles first, then inferred, each by group name', () => {
    const roles = selectRoles([
      membership('g3', 'Zoning board', 'Member', 'inferred', 'attended 4 of 6 meetings'),
      membership('g2', 'Transit coalition', 'Chair', 'manual'),
      membership('g1', 'Affordable housing network', 'Member', 'inferred', 'attended 5 of 5 meetings'),
      membership('g4', 'Budget working group', 'Secretary', 'manual'),
    ]);
    expect(roles.map((r) => [r.group, r.source])).toEqual([
      ['Budget working group', 'manual'],
      ['Transit coalition', 'manual'],
      ['Affordable housing network', 'inferred'],
      ['Zoning board', 'inferred'],
    ]);
  });

  it('keeps the evidence of an inferred role and adds none to a role without it', () => {
    const roles = selectRoles([membership('g1', 'Network', 'Member', 'inferred', 'attended 11 of 12 meetings'), membership('g2', 'Board', 'Chair', 'manual')]);
    expect(roles.find((r) => r.groupId === 'g1')?.evidence).toBe('attended 11 of 12 meetings');
    expect(roles.find((r) => r.groupId === 'g2')).not.toHaveProperty('evidence');
  });

  it('gives one role per group', () => {
    const roles = selectRoles([membership('g1', 'Network', 'Member', 'inferred'), membership('g1', 'Network', 'Convener', 'inferred'), membership('g2', 'Board', 'Chair', 'manual')]);
    expect(roles.map((r) => r.groupId).sort()).toEqual(['g1', 'g2']);
  });

  it('gives no roles for no memberships', () => {
    expect(selectRoles([])).toEqual([]);
  });
});
