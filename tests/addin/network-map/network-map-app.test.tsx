// @vitest-environment jsdom
// The network map dialog with fake services and no WebGL (jsdom has none, like a browser with
// hardware acceleration and software rendering off): the list carries the network, the Map tab
// says why it is empty; filters, reach, choosing and walking ties, re-centering, errors.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../../addin/src/api/api-error.ts';
import { NetworkMapApp } from '../../../addin/src/network-map/network-map-app.tsx';
import type { NetworkMapTarget } from '../../../addin/src/network-map/network-map-protocol.ts';
import type { LoadNetworkOptions, NetworkMapServices } from '../../../addin/src/network-map/network-map-services.ts';
import type { EgoNetwork } from '../../../shared/api/network-routes.ts';
import { installJsdomShims } from '../fixtures/jsdom-setup.ts';
import { jessNetwork } from './network-fixture.ts';

beforeAll(installJsdomShims);

function fakeServices(answer: (target: NetworkMapTarget, options: LoadNetworkOptions) => Promise<EgoNetwork> = async () => jessNetwork) {
  const loadNetwork = vi.fn(answer);
  const services: NetworkMapServices = { loadNetwork, canDrawMap: () => false };
  return { services, loadNetwork };
}

async function renderApp(services: NetworkMapServices, theme: 'light' | 'dark' = 'light') {
  render(<NetworkMapApp services={services} target={{ email: 'jess.morgan@example.gov', label: 'Jess Morgan' }} theme={theme} />);
  await screen.findByRole('table');
}

const rowNames = () => within(screen.getByRole('table')).queryAllByRole('rowheader').map((cell) => cell.textContent);

it('opens on the list when the map cannot be drawn, and the Map tab says why', async () => {
  const { services, loadNetwork } = fakeServices();
  await renderApp(services);
  expect(screen.getByRole('heading', { level: 1, name: 'Network of Jess Morgan' })).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe('Showing 6 people, 1 organization, 1 group.');
  expect(screen.getByRole('tab', { name: 'List' }).getAttribute('aria-selected')).toBe('true');
  expect(rowNames()).toHaveLength(8);
  expect(loadNetwork).toHaveBeenCalledWith({ email: 'jess.morgan@example.gov', label: 'Jess Morgan' }, expect.objectContaining({ depth: 2, limit: 500 }));

  fireEvent.click(screen.getByRole('tab', { name: 'Map' }));
  expect(screen.getByText('The map cannot be drawn here')).toBeTruthy();
  expect(screen.getByText(/Drawing it needs WebGL \(this browser offers no WebGL\)/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Show the list' }));
  expect(screen.getByRole('table')).toBeTruthy();
});

it('filters by kind of node, weakest relationship and organization kind, and says what it hides', async () => {
  const { services } = fakeServices();
  await renderApp(services);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Groups' }));
  expect(rowNames()).not.toContain('Homelessness Reduction Initiative');
  expect(rowNames()).not.toContain('Sam Ortiz');
  expect(screen.getByRole('status').textContent).toBe('Showing 5 people, 1 organization, 0 groups · 2 hidden by the filters.');
  fireEvent.click(screen.getByRole('checkbox', { name: 'Groups' }));

  fireEvent.change(screen.getByRole('slider'), { target: { value: '50' } });
  expect(screen.getByText('Weakest relationship shown: 50 or more (Strong)')).toBeTruthy();
  expect(rowNames()).not.toContain('Pat Okafor');
  fireEvent.change(screen.getByRole('slider'), { target: { value: '0' } });

  const kinds = screen.getByRole('group', { name: 'Organization kinds' });
  expect(within(kinds).getAllByRole('checkbox').map((box) => box.closest('span, div')?.textContent)).toEqual(['County', 'Nonprofit', 'State agency']);
  fireEvent.click(within(kinds).getByRole('checkbox', { name: 'State agency' }));
  // The center stays; state-agency people and the agency go; the group and its nonprofit member stay.
  expect(rowNames().sort()).toEqual(['Homelessness Reduction Initiative', 'Jess Morgan', 'Sam Ortiz']);
});

it('shows a chosen node’s ties, walks on to a tie, and makes a person the center', async () => {
  const { services, loadNetwork } = fakeServices();
  await renderApp(services);
  fireEvent.click(screen.getByRole('button', { name: 'Dana Reyes' }));
  const details = () => screen.getByRole('region', { name: 'Dana Reyes' });
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Dana Reyes'));
  expect(within(details()).getByRole('list', { name: 'Ties of Dana Reyes (3)' }).textContent).toContain('Jess MorganStrong relationship (72)');
  fireEvent.click(within(details()).getByRole('button', { name: 'Alicia Brandt' }));
  expect(screen.getByRole('region', { name: 'Alicia Brandt' })).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: 'Show the network of Alicia Brandt' }));
  await waitFor(() => expect(loadNetwork).toHaveBeenLastCalledWith({ personId: 'alicia', label: 'Alicia Brandt' }, expect.objectContaining({ depth: 2 })));
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Network of Jess Morgan');
});

it('reloads with direct ties only when the reach changes', async () => {
  const { services, loadNetwork } = fakeServices();
  await renderApp(services);
  fireEvent.click(screen.getByRole('radio', { name: 'Direct ties' }));
  await waitFor(() => expect(loadNetwork).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ depth: 1 })));
});

it('says when the answer was cut to the closest nodes', async () => {
  const { services } = fakeServices(async () => ({ ...jessNetwork, truncated: true, totalNodes: 812 }));
  await renderApp(services);
  expect(screen.getByRole('status').textContent).toBe('Showing 6 people, 1 organization, 1 group · the 8 closest of 812.');
});

it('shows a failure with Retry, and the network after it', async () => {
  let fail = true;
  const { services } = fakeServices(async () => {
    if (fail) throw new ApiError({ status: 503, code: 'unavailable', message: 'Crosswalk is not reachable right now.' });
    return jessNetwork;
  });
  render(<NetworkMapApp services={services} target={{ groupId: 'hri' }} theme="dark" />);
  await screen.findByText('Could not load the network');
  expect(screen.getByText('Crosswalk is not reachable right now.')).toBeTruthy();
  fail = false;
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
  await screen.findByRole('table');
  expect(document.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
});
