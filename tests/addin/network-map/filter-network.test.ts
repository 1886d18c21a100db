// The map's filters: kinds of node, weakest relationship drawn, organization kinds; whatever a
// filter cuts off from the center goes too.
import { defaultNetworkFilters, filterNetwork, listOrganizationKinds, type NetworkFilters } from '../../../addin/src/network-map/filter-network.ts';
import { jessNetwork } from './network-fixture.ts';

const labelsOf = (filters: Partial<NetworkFilters>) => filterNetwork(jessNetwork, { ...defaultNetworkFilters, ...filters }).nodes.map((node) => node.label).sort();
const all = jessNetwork.nodes.map((node) => node.label).sort();

describe('filterNetwork', () => {
  it.each<[string, Partial<NetworkFilters>, string[]]>([
    ['no filter shows everything', {}, all],
    ['without groups, the co-member reached only through the group goes too', { kinds: new Set(['person', 'organization']) }, all.filter((l) => !['Homelessness Reduction Initiative', 'Sam Ortiz'].includes(l))],
    ['without organizations', { kinds: new Set(['person', 'group']) }, all.filter((l) => l !== 'Cascadia Department of Housing')],
    ['people only', { kinds: new Set(['person']) }, ['Alicia Brandt', 'Dana Reyes', 'Jess Morgan', 'Marcus Lee', 'Pat Okafor']],
    ['strong relationships only: Marcus (30) and Pat behind him go, Marcus stays through his agency', { minStrength: 50 }, all.filter((l) => l !== 'Pat Okafor')],
    [
      'strong relationships and no organizations: Marcus is cut off too',
      { minStrength: 50, kinds: new Set(['person', 'group']) },
      ['Alicia Brandt', 'Dana Reyes', 'Homelessness Reduction Initiative', 'Jess Morgan', 'Sam Ortiz'],
    ],
    ['state agencies only: the nonprofit and county people go', { organizationKinds: new Set(['state']) }, all.filter((l) => !['Sam Ortiz', 'Pat Okafor'].includes(l))],
    ['no organization kind at all still keeps the center and groups', { organizationKinds: new Set() }, ['Homelessness Reduction Initiative', 'Jess Morgan']],
  ])('%s', (_case, filters, expected) => {
    expect(labelsOf(filters)).toEqual(expected);
  });

  it('counts what it hides and the ties of what it shows', () => {
    const visible = filterNetwork(jessNetwork, { ...defaultNetworkFilters, minStrength: 50 });
    expect(visible.hiddenCount).toBe(1);
    expect(visible.edges.some((edge) => edge.strength === 30)).toBe(false);
    expect(visible.degree.get('person:jess')).toBe(3);
    expect(visible.degree.get('person:marcus')).toBe(1);
  });

  it('keeps only edges between shown nodes', () => {
    const visible = filterNetwork(jessNetwork, { ...defaultNetworkFilters, kinds: new Set(['person']) });
    const ids = new Set(visible.nodes.map((node) => node.id));
    expect(visible.edges.every((edge) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);
    expect(visible.edges.map((edge) => edge.kind)).toEqual(['knows', 'knows', 'knows', 'knows']);
  });
});

it('offers the organization kinds present, by label', () => {
  expect(listOrganizationKinds(jessNetwork)).toEqual(['county', 'nonprofit', 'state']);
});
