// @vitest-environment jsdom
// The Suggestions view wired into the pane: the header's button opens it (only when the services
// are there), Back returns to the message, and an accepted merge refreshes the message's cards.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TaskPaneApp } from '../../addin/src/taskpane/components/task-pane-app.tsx';
import type { SuggestionServices } from '../../addin/src/taskpane/model/suggestion-services.ts';
import type { MergeSuggestionView } from '../../shared/api/person-routes.ts';
import { answerLookup, DANA, JESS_EMAIL } from './fixtures/demo-people.ts';
import { createFakeServices, makeItem } from './fixtures/fake-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

const merge: MergeSuggestionView = {
  id: 'm1',
  name: 'Jess Morgan',
  people: [
    { email: 'jmorgan@orcacounty-cascadia.gov', displayName: 'Jess Morgan', domain: 'orcacounty-cascadia.gov', organization: 'Orca County', firstSeenAt: '2025-01-10T00:00:00Z', lastSeenAt: '2026-04-30T00:00:00Z' },
    { email: JESS_EMAIL, displayName: 'Jess Morgan', domain: 'housing.cascadia.gov', organization: 'Cascadia Department of Housing', firstSeenAt: '2026-05-02T00:00:00Z', lastSeenAt: '2026-11-19T00:00:00Z' },
  ],
  suggestedPrimary: JESS_EMAIL,
  message: 'Jess Morgan at orcacounty-cascadia.gov and housing.cascadia.gov — same person?',
};

const suggestionServices: SuggestionServices = {
  listMergeSuggestions: async () => [merge],
  listGroupSuggestions: async () => [],
  mergePeople: async (primary, secondary) => ({ primary, aliases: [secondary] }),
  dismissMergeSuggestion: async () => ({}),
  acceptGroupSuggestion: async () => ({ group: { id: 'g', name: 'g' } }),
  dismissGroupSuggestion: async () => ({}),
};

async function renderPane(withSuggestions: boolean) {
  const fake = createFakeServices({ item: makeItem({ from: { email: JESS_EMAIL, displayName: 'Jess Morgan' }, to: [{ email: DANA.email, displayName: DANA.displayName }] }) });
  render(<TaskPaneApp services={withSuggestions ? { ...fake.services, suggestions: suggestionServices } : fake.services} />);
  await waitFor(() => expect(fake.lookups.length).toBe(1));
  await act(async () => fake.lookups[0]!.resolve(answerLookup(fake.lookups[0]!.emails)));
  return fake;
}

it('offers Suggestions in the header only when the pane has the services', async () => {
  await renderPane(false);
  expect(screen.queryByRole('button', { name: 'Suggestions' })).toBeNull();
});

it('opens the suggestions from the header, goes back to the message, and refreshes cards after a merge', async () => {
  const fake = await renderPane(true);
  fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Suggestions' }));
  expect(await screen.findByRole('heading', { level: 2, name: 'Suggestions' })).toBeTruthy();
  const card = (await screen.findByRole('heading', { level: 4, name: /^Jess Morgan moved from Orca County/ })).closest('article')!;
  fireEvent.click(within(card).getByRole('button', { name: 'Same person' }));
  // The message's cards are looked up again: the merge may change them.
  await waitFor(() => expect(fake.lookups.length).toBe(2));
  fireEvent.click(screen.getByRole('button', { name: '← Back to the message' }));
  await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: 'Suggestions' })).toBeNull());
  expect(screen.getByRole('article', { name: 'Jess Morgan' })).toBeTruthy();
});
