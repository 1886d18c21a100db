// The ego network the map shows: who and what is around a person or group, with strength as
// edge weight, cut to the closest nodes, never a subject. Plain records in, network out.
import type { NetworkEdge, NetworkNode } from '../../../shared/api/network-routes.ts';
import type { OrganizationSummary } from '../../../shared/domain/person-card.ts';
import type { GroupDocument } from '../../../functions/src/enrichment/group-documents.ts';
import { makePersonId } from '../../../functions/src/enrichment/merge-person.ts';
import type { PersonDocument } from '../../../functions/src/enrichment/person-document.ts';
import { buildEgoNetwork, findFrontier } from '../../../functions/src/network/build-ego-network.ts';
import type { NetworkCenter, NetworkSources } from '../../../functions/src/network/network-sources.ts';
import { fernridge, health, housing, makeEdgeRecord, makeMembershipRecord, makePersonRecord } from './network-records.ts';

const TENANT = 'tenant-a';
const JESS = 'jess.morgan@housing.cascadia.gov';
const DANA = 'dana.reyes@housing.cascadia.gov';
const MARCUS = 'marcus.lee@housing.cascadia.gov';
const ALICIA = 'alicia.brandt@health.cascadia.gov';
const SAM = 'sam.ortiz@fernridge.org';
const RIVER = 'river.chen@orcacounty.gov';

const person = (email: string, name: string, organization: OrganizationSummary | null, extra: Partial<PersonDocument> = {}) => makePersonRecord(TENANT, email, name, organization, extra);
const edge = (owner: string, contact: string, score: number) => makeEdgeRecord(TENANT, owner, contact, score);
const member = (email: string, groupId: string, groupName: string, role = 'member') => makeMembershipRecord(TENANT, { email, groupId, groupName, role });

const people = [
  person(JESS, 'Jess Morgan', housing),
  person(DANA, 'Dana Reyes', housing),
  person(MARCUS, 'Marcus Lee', housing),
  person(ALICIA, 'Alicia Brandt', health),
  person(SAM, 'Sam Ortiz', fernridge),
  person(RIVER, 'River Chen', null),
];

/** Jess leads an initiative with Sam; Dana and Marcus (mailbox owners) know her; Dana knows Alicia; Alicia knows River. */
const sources: NetworkSources = {
  people,
  memberships: [member(JESS, 'g-hri', 'Homelessness Reduction Initiative', 'lead'), member(SAM, 'g-hri', 'Homelessness Reduction Initiative')],
  edges: [edge(DANA, JESS, 72), edge(JESS, DANA, 60), edge(MARCUS, JESS, 30), edge(DANA, ALICIA, 55), edge(ALICIA, RIVER, 20), edge(MARCUS, SAM, 0)],
  groups: [],
};

const build = (center: NetworkCenter, depth: number, limit = 500, from: NetworkSources = sources) =>
  buildEgoNetwork({ tenantId: TENANT, center, depth, limit, sources: from });

const labels = (nodes: readonly NetworkNode[]) => nodes.map((node) => node.label).sort();
const labelOf = (nodes: readonly NetworkNode[]) => new Map(nodes.map((node) => [node.id, node.label]));
const describeEdges = (nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]) => {
  const names = labelOf(nodes);
  return edges
    .map((e) => `${[names.get(e.source), names.get(e.target)].sort().join(' — ')} (${e.kind}${e.strength !== null ? ` ${e.strength}` : ''}${e.role ? ` ${e.role}` : ''})`)
    .sort();
};

/** Every node reachable from the center over the answer's edges. */
function reachable(network: { centerId: string; nodes: NetworkNode[]; edges: NetworkEdge[] }): Set<string> {
  const seen = new Set([network.centerId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of network.edges) {
      if (seen.has(e.source) !== seen.has(e.target)) {
        seen.add(seen.has(e.source) ? e.target : e.source);
        grew = true;
      }
    }
  }
  return seen;
}

describe('buildEgoNetwork around a person', () => {
  it('at depth 1 shows her groups, her organization and the people with a strength to her, either side', () => {
    const { network } = build({ kind: 'person', email: JESS }, 1);
    expect(labels(network.nodes)).toEqual(['Cascadia Department of Housing', 'Dana Reyes', 'Homelessness Reduction Initiative', 'Jess Morgan', 'Marcus Lee']);
    expect(network.nodes[0]).toMatchObject({ label: 'Jess Morgan', level: 0, kind: 'person', email: JESS, personId: makePersonId(TENANT, JESS), organizationKind: 'state' });
    expect(network.centerId).toBe(network.nodes[0]!.id);
    expect(describeEdges(network.nodes, network.edges)).toEqual([
      'Cascadia Department of Housing — Dana Reyes (works-at)',
      'Cascadia Department of Housing — Jess Morgan (works-at)',
      'Cascadia Department of Housing — Marcus Lee (works-at)',
      // Both sides own a mailbox: one tie, at the stronger side's strength.
      'Dana Reyes — Jess Morgan (knows 72)',
      'Homelessness Reduction Initiative — Jess Morgan (member lead)',
      'Jess Morgan — Marcus Lee (knows 30)',
    ]);
    expect(network).toMatchObject({ depth: 1, totalNodes: 5, truncated: false });
  });

  it('at depth 2 adds her ties’ ties: co-members and their contacts', () => {
    const { network } = build({ kind: 'person', email: JESS }, 2);
    const levels = Object.fromEntries(network.nodes.map((node) => [node.label, node.level]));
    // Sam's and Alicia's organizations would be a third step: they are named on their nodes instead.
    expect(levels).toEqual({
      'Jess Morgan': 0,
      'Cascadia Department of Housing': 1,
      'Homelessness Reduction Initiative': 1,
      'Dana Reyes': 1,
      'Marcus Lee': 1,
      'Sam Ortiz': 2,
      'Alicia Brandt': 2,
    });
    // River is three steps away; Marcus → Sam has no strength, so it is no tie.
    expect(describeEdges(network.nodes, network.edges)).toContain('Alicia Brandt — Dana Reyes (knows 55)');
    expect(describeEdges(network.nodes, network.edges)).toContain('Homelessness Reduction Initiative — Sam Ortiz (member member)');
    expect(describeEdges(network.nodes, network.edges).some((line) => line.startsWith('Marcus Lee — Sam Ortiz'))).toBe(false);
    expect(reachable(network).size).toBe(network.nodes.length);
  });

  it('labels and kinds every node as the map draws them', () => {
    const byLabel = new Map([...build({ kind: 'person', email: SAM }, 1).network.nodes, ...build({ kind: 'person', email: ALICIA }, 1).network.nodes].map((node) => [node.label, node]));
    expect(byLabel.get('Homelessness Reduction Initiative')).toMatchObject({ kind: 'group', detail: 'Initiative', groupId: 'g-hri', groupKind: 'initiative' });
    expect(byLabel.get('Cascadia Public Health')).toMatchObject({ kind: 'organization', detail: 'State agency', organizationKind: 'state', id: 'organization:org-health' });
    // An organization without a directory entry is keyed by its domain.
    expect(byLabel.get('Fernridge Collective')).toMatchObject({ id: 'organization:domain:fernridge.org', organizationKind: 'nonprofit' });
    expect(byLabel.get('Sam Ortiz')).toMatchObject({ kind: 'person', detail: "Sam's title", organizationKind: 'nonprofit', organization: 'Fernridge Collective' });
    expect(byLabel.get('River Chen')).toMatchObject({ kind: 'person', level: 1 });
    expect(byLabel.get('River Chen')).not.toHaveProperty('organizationKind');
  });

  it('never carries a subject from anyone’s mailbox', () => {
    const json = JSON.stringify(build({ kind: 'person', email: JESS }, 2));
    expect(json).not.toContain('Private subject');
    expect(json).not.toContain('lastInteractions');
  });
});

describe('buildEgoNetwork within a limit', () => {
  it('keeps the center, then the nearest level, organizations and groups before people, stronger ties first', () => {
    const { network } = build({ kind: 'person', email: JESS }, 2, 4);
    expect(network.nodes.map((node) => node.label)).toEqual(['Jess Morgan', 'Homelessness Reduction Initiative', 'Cascadia Department of Housing', 'Dana Reyes']);
    expect(network).toMatchObject({ totalNodes: 7, truncated: true });
  });

  it.each([1, 2, 3, 5, 6, 7])('every node kept at limit %i stays linked to the center', (limit) => {
    const { network } = build({ kind: 'person', email: JESS }, 2, limit);
    expect(network.nodes).toHaveLength(limit);
    expect(reachable(network).size).toBe(limit);
    const ids = new Set(network.nodes.map((node) => node.id));
    for (const e of network.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });
});

describe('buildEgoNetwork around a group', () => {
  const groupSources: NetworkSources = {
    ...sources,
    memberships: [...sources.memberships, member(JESS, 'g-hri', 'Homelessness Reduction Initiative', 'point of contact'), member(ALICIA, 'g-hri', 'Homelessness Reduction Initiative', 'liaison')],
    groups: [{ id: 'g-hri', tenantId: TENANT, docType: 'group', name: 'Homelessness Reduction Initiative (renamed)', kind: 'initiative', source: 'manual', createdAt: '2026-01-01' } satisfies GroupDocument],
  };

  it('shows its members with every role they hold, the group named by its own record', () => {
    const { network } = build({ kind: 'group', groupId: 'g-hri' }, 1, 500, groupSources);
    expect(network.nodes[0]).toMatchObject({ kind: 'group', label: 'Homelessness Reduction Initiative (renamed)', level: 0 });
    expect(describeEdges(network.nodes, network.edges)).toEqual([
      'Alicia Brandt — Homelessness Reduction Initiative (renamed) (member liaison)',
      'Homelessness Reduction Initiative (renamed) — Jess Morgan (member lead, point of contact)',
      'Homelessness Reduction Initiative (renamed) — Sam Ortiz (member member)',
    ]);
  });

  it('at depth 2 links members who know each other and their organizations', () => {
    const { network } = build({ kind: 'group', groupId: 'g-hri' }, 2, 500, groupSources);
    const lines = describeEdges(network.nodes, network.edges);
    expect(lines).toContain('Dana Reyes — Jess Morgan (knows 72)');
    expect(lines).toContain('Alicia Brandt — Cascadia Public Health (works-at)');
  });
});

describe('buildEgoNetwork with merged addresses', () => {
  const COUNTY = 'jmorgan@orcacounty-cascadia.gov';
  const merged: NetworkSources = {
    ...sources,
    people: [person(JESS, 'Jess Morgan', housing, { aliases: [COUNTY] }), person(COUNTY, 'J. Morgan', null, { mergedInto: JESS }), ...people.slice(1)],
    edges: [...sources.edges, edge(ALICIA, COUNTY, 80)],
  };

  it('folds an alias into its person: one node, the alias’s ties count for her', () => {
    const { network } = build({ kind: 'person', email: JESS }, 1, 500, merged);
    expect(network.nodes.filter((node) => node.kind === 'person' && node.label.includes('Morgan'))).toHaveLength(1);
    expect(describeEdges(network.nodes, network.edges)).toContain('Alicia Brandt — Jess Morgan (knows 80)');
  });
});

describe('records not read yet', () => {
  it('names a kept person without a record by address, and says whose records to read', () => {
    const partial: NetworkSources = { ...sources, people: people.filter((p) => p.email !== MARCUS) };
    const { network, peopleWithoutRecord } = build({ kind: 'person', email: JESS }, 1, 500, partial);
    expect(network.nodes.find((node) => node.email === MARCUS)).toMatchObject({ label: MARCUS, detail: null });
    expect(peopleWithoutRecord).toEqual([MARCUS]);
  });
});

describe('findFrontier', () => {
  it.each<[number, string[], string[]]>([
    [0, [JESS], []],
    [1, [DANA, MARCUS], ['g-hri']],
    [2, [ALICIA, SAM], []],
  ])('at level %i names the people and groups to read next', (level, emails, groupIds) => {
    const frontier = findFrontier({ center: { kind: 'person', email: JESS }, sources, level });
    expect([...frontier.emails].sort()).toEqual(emails);
    expect(frontier.groupIds).toEqual(groupIds);
  });
});
