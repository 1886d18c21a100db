// @vitest-environment jsdom
// Search from the pane: type-ahead after two characters (debounced, one request per settled
// text, a late answer for older text dropped), results grouped as people, organizations and
// groups, keyboard navigation (arrows, Home/End, Enter, Escape), loading, empty and error
// states, names as text; and in the pane, a result opens the person, organization or group, and
// Back returns focus to the search box.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../addin/src/api/api-error.ts';
import { SearchBox, type SearchChoice } from '../../addin/src/taskpane/components/search-box.tsx';
import { TaskPaneApp } from '../../addin/src/taskpane/components/task-pane-app.tsx';
import { answerLookup, DANA, jessCard, JESS_EMAIL } from './fixtures/demo-people.ts';
import { createFakeGroupServices, makeGroup } from './fixtures/fake-group-services.ts';
import { createFakePersonServices } from './fixtures/fake-person-services.ts';
import { createFakeSearchServices, morganResults, noResults } from './fixtures/fake-search-services.ts';
import { createFakeServices, makeItem } from './fixtures/fake-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

function renderBox() {
  const fake = createFakeSearchServices();
  const chosen: SearchChoice[] = [];
  render(<SearchBox services={fake.services} onChoose={(choice) => chosen.push(choice)} delayMs={0} />);
  const input = screen.getByRole('combobox', { name: 'Search people, organizations and groups' });
  return { ...fake, chosen, input };
}

async function type(input: HTMLElement, text: string) {
  await act(async () => {
    fireEvent.change(input, { target: { value: text } });
  });
}

describe('SearchBox', () => {
  it('waits for two characters, then asks once and shows grouped results', async () => {
    const { searches, input } = renderBox();
    input.focus();
    await type(input, 'm');
    expect(screen.getByText('Type at least 2 characters.')).toBeTruthy();
    await type(input, 'mor');
    await waitFor(() => expect(searches).toHaveLength(1));
    expect(searches[0]?.text).toBe('mor');
    await act(async () => searches[0]!.resolve(morganResults));

    const listbox = screen.getByRole('listbox', { name: 'Search results' });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(within(listbox).getAllByRole('group').map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent)).toEqual(['People', 'Organizations', 'Groups']);
    const options = within(listbox).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Jess MorganHomelessness Program Director · Cascadia Department of Housing · jess.morgan@housing.cascadia.gov',
      'Morgan <b>Lee</b>Orca County · morgan.lee@orcacounty-cascadia.gov',
      'Orca CountyCounty · orcacounty-cascadia.gov',
      'Morgan Street Working GroupWorking group · Everyone in the organization',
    ]);
    expect(listbox.querySelector('b')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('2 people, 1 organization, 1 group.');
  });

  it('moves through the results with the keyboard and opens one with Enter', async () => {
    const { searches, input, chosen } = renderBox();
    input.focus();
    await type(input, 'morgan');
    await waitFor(() => expect(searches).toHaveLength(1));
    await act(async () => searches[0]!.resolve(morganResults));
    const options = screen.getAllByRole('option');

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[3]!.id);
    fireEvent.keyDown(input, { key: 'Home' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chosen).toEqual([{ kind: 'organization', result: morganResults.organizations[0] }]);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes the list with Escape, then clears the box with a second Escape', async () => {
    const { searches, input } = renderBox();
    input.focus();
    await type(input, 'morgan');
    await waitFor(() => expect(searches).toHaveLength(1));
    await act(async () => searches[0]!.resolve(morganResults));
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((input as HTMLInputElement).value).toBe('morgan');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect((input as HTMLInputElement).value).toBe('');
    // Typing again searches again and reopens it.
    await type(input, 'morgan');
    await waitFor(() => expect(searches).toHaveLength(2));
    await act(async () => searches[1]!.resolve(morganResults));
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('drops the answer for text the user has since changed', async () => {
    const { searches, input } = renderBox();
    input.focus();
    await type(input, 'mo');
    await waitFor(() => expect(searches).toHaveLength(1));
    await type(input, 'mor');
    await waitFor(() => expect(searches).toHaveLength(2));
    expect(searches[0]?.signal.aborted).toBe(true);
    await act(async () => searches[1]!.resolve(noResults));
    await act(async () => searches[0]!.resolve(morganResults));
    expect(screen.queryByRole('option')).toBeNull();
    expect(screen.getByText('No people, organizations or groups match “mor”.')).toBeTruthy();
  });

  it('says when search failed', async () => {
    const { searches, input } = renderBox();
    input.focus();
    await type(input, 'mor');
    await waitFor(() => expect(searches).toHaveLength(1));
    await act(async () => searches[0]!.reject(new ApiError({ status: 429, code: 'rate-limited', message: 'Too many requests; try again in a minute.' })));
    expect(screen.getByText('Search failed: Too many requests; try again in a minute.')).toBeTruthy();
  });

  it('opens a result with a click', async () => {
    const { searches, input, chosen } = renderBox();
    input.focus();
    await type(input, 'mor');
    await waitFor(() => expect(searches).toHaveLength(1));
    await act(async () => searches[0]!.resolve(morganResults));
    fireEvent.click(screen.getByRole('option', { name: /Morgan Street Working Group/ }));
    expect(chosen).toEqual([{ kind: 'group', result: morganResults.groups[0] }]);
  });
});

describe('search in the pane', () => {
  async function renderPane() {
    const search = createFakeSearchServices();
    const people = createFakePersonServices({ cards: () => jessCard });
    const groups = createFakeGroupServices({ groups: [makeGroup({ id: 'g-hri', name: 'Morgan Street Working Group' })] });
    const fake = createFakeServices({ item: makeItem({ from: { email: JESS_EMAIL, displayName: 'Jess Morgan' }, to: [DANA] }), people: people.services, groups: groups.services });
    fake.services.search = search.services;
    render(<TaskPaneApp services={fake.services} />);
    await waitFor(() => expect(fake.lookups).toHaveLength(1));
    await act(async () => fake.lookups[0]!.resolve(answerLookup(fake.lookups[0]!.emails)));
    const input = screen.getByRole('combobox', { name: 'Search people, organizations and groups' });
    input.focus();
    await type(input, 'morgan');
    await waitFor(() => expect(search.searches).toHaveLength(1), { timeout: 3000 });
    await act(async () => search.searches[0]!.resolve(morganResults));
    return { input, people };
  }

  it('opens a person from the results, and Back returns to the search box', async () => {
    const { input, people } = await renderPane();
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Jess Morgan' }, { timeout: 10_000 })).toBeTruthy();
    expect(people.calls.find((c) => c.method === 'lookupPerson')).toBeUndefined(); // Jess is on the message: her card is already there
    fireEvent.click(screen.getByRole('button', { name: '← Back' }));
    await waitFor(() => expect(document.activeElement).toBe(input));
  });

  it('opens an organization page', async () => {
    const { input } = await renderPane();
    fireEvent.click(screen.getByRole('option', { name: /^Orca County/ }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Orca County' }, { timeout: 10_000 });
    const page = screen.getByRole('article', { name: 'Orca County' });
    expect(within(page).getByText('co.orca.cascadia.us')).toBeTruthy();
    expect(within(page).getByText(/Renamed from Orca Co\./)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(input).toBeTruthy();
  });

  it('opens a group page', async () => {
    await renderPane();
    fireEvent.click(screen.getByRole('option', { name: /Morgan Street Working Group/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Morgan Street Working Group' }, { timeout: 10_000 })).toBeTruthy();
  });
});
