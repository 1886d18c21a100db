// @vitest-environment jsdom
// The list view, the map's keyboard and screen-reader twin: one row per node, nearest first,
// how each is tied to the center, names as text, choosing a name.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { defaultNetworkFilters, filterNetwork } from '../../../addin/src/network-map/filter-network.ts';
import { NetworkListView } from '../../../addin/src/network-map/network-list-view.tsx';
import type { EgoNetwork } from '../../../shared/api/network-routes.ts';
import { installJsdomShims } from '../fixtures/jsdom-setup.ts';
import { jessNetwork } from './network-fixture.ts';

beforeAll(installJsdomShims);

function renderList(network: EgoNetwork = jessNetwork, selectedId: string | null = null) {
  const onSelect = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <NetworkListView network={filterNetwork(network, defaultNetworkFilters)} centerLabel="Jess Morgan" selectedId={selectedId} onSelect={onSelect} />
    </FluentProvider>,
  );
  return { onSelect, rows: () => within(screen.getByRole('table')).getAllByRole('row').slice(1) };
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);

it('lists everyone and everything nearest first, with the tie to the center, kind, ties and steps', () => {
  const { rows } = renderList();
  expect(screen.getByRole('table', { name: /nearest to Jess Morgan first/ })).toBeTruthy();
  expect(rows().map(cells)).toEqual([
    ['Jess Morgan', 'Person (center)', 'Program Director, Cascadia Department of Housing', '—', '4', '0'],
    ['Dana Reyes', 'Person', 'Cascadia Department of Housing', 'Strong relationship (72)', '3', '1'],
    ['Marcus Lee', 'Person', 'Cascadia Department of Housing', 'Moderate relationship (30)', '3', '1'],
    ['Cascadia Department of Housing', 'Organization', 'State agency', 'works here', '3', '1'],
    ['Homelessness Reduction Initiative', 'Group', 'Initiative', 'role: lead', '2', '1'],
    ['Alicia Brandt', 'Person', 'Cascadia Public Health', 'through others', '1', '2'],
    ['Pat Okafor', 'Person', 'Orca County', 'through others', '1', '2'],
    ['Sam Ortiz', 'Person', 'Fernridge Collective', 'through others', '1', '2'],
  ]);
  expect(screen.getByRole('columnheader', { name: 'Tie to Jess Morgan' })).toBeTruthy();
});

it('chooses a node with its name button, by keyboard as by mouse, and marks the chosen one', () => {
  const { onSelect } = renderList(jessNetwork, 'person:dana');
  const dana = screen.getByRole('button', { name: 'Dana Reyes' });
  expect(dana.getAttribute('aria-current')).toBe('true');
  expect(screen.getByRole('button', { name: 'Marcus Lee' }).getAttribute('aria-current')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Alicia Brandt' }));
  expect(onSelect).toHaveBeenCalledWith('person:alicia');
});

it('shows names with markup as text, never as markup', () => {
  const hostile: EgoNetwork = {
    ...jessNetwork,
    nodes: jessNetwork.nodes.map((node) => (node.id === 'person:sam' ? { ...node, label: '<img src=x onerror=alert(1)>Sam', detail: '<script>alert(2)</script>' } : node)),
  };
  renderList(hostile);
  expect(screen.getByRole('button', { name: '<img src=x onerror=alert(1)>Sam' })).toBeTruthy();
  expect(document.querySelector('img')).toBeNull();
  expect(document.querySelector('script')).toBeNull();
});
