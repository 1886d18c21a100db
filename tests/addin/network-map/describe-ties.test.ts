// The words for ties, from either end, and a node's ties strongest first.
import { describeTieToCenter, listTies } from '../../../addin/src/network-map/describe-ties.ts';
import { defaultNetworkFilters, filterNetwork } from '../../../addin/src/network-map/filter-network.ts';
import { jessNetwork } from './network-fixture.ts';

const visible = filterNetwork(jessNetwork, defaultNetworkFilters);
const node = (label: string) => visible.nodes.find((n) => n.label === label)!;

it("lists Jess's ties strongest relationship first, then roles and workplaces by name", () => {
  expect(listTies(visible, 'person:jess').map((tie) => `${tie.other.label}: ${tie.text}`)).toEqual([
    'Dana Reyes: Strong relationship (72)',
    'Marcus Lee: Moderate relationship (30)',
    'Cascadia Department of Housing: works at',
    'Homelessness Reduction Initiative: role: lead',
  ]);
});

it.each<[string, string]>([
  ['Homelessness Reduction Initiative', 'Sam Ortiz: role: member'],
  ['Cascadia Department of Housing', 'Dana Reyes: works here'],
])('says it from the other end for %s', (label, expected) => {
  expect(listTies(visible, node(label).id).map((tie) => `${tie.other.label}: ${tie.text}`)).toContain(expected);
});

it.each<[string, string | null]>([
  ['Dana Reyes', 'Strong relationship (72)'],
  ['Homelessness Reduction Initiative', 'role: lead'],
  ['Alicia Brandt', null],
  ['Jess Morgan', null],
])('describes how %s is tied to the center', (label, expected) => {
  expect(describeTieToCenter(visible, node(label))).toBe(expected);
});
