// @vitest-environment jsdom
// The person page: opened from a card's "Details", everything about the person (organization
// with kind and parent agency, strength and why, who on the team knows them best, roles current
// and past, the user's own recent contact, attribute history), notes shared with a team (add,
// remove, failures), the network map action, back with focus restored; opened from search, the
// card is looked up (loading, error and retry).
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../addin/src/api/api-error.ts';
import { PersonPage } from '../../addin/src/taskpane/components/person-page.tsx';
import { TaskPaneApp } from '../../addin/src/taskpane/components/task-pane-app.tsx';
import type { KnownPersonCard } from '../../shared/domain/person-card.ts';
import { answerLookup, DANA, jessCard, JESS_EMAIL, NOW } from './fixtures/demo-people.ts';
import { createFakeGroupServices } from './fixtures/fake-group-services.ts';
import { createFakePersonServices, everyoneTeam, outreachTeam } from './fixtures/fake-person-services.ts';
import { createFakeServices, makeItem } from './fixtures/fake-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

const fullJess: KnownPersonCard = {
  ...jessCard,
  personId: 'p-jess',
  department: 'Homelessness Programs',
  phone: '+1 360 555 0101',
  organization: {
    name: 'Division of Housing Stability',
    kind: 'state',
    kindLabel: 'State agency',
    domain: 'housing.cascadia.gov',
    agency: 'Cascadia Department of Housing',
    city: 'Olympia',
    state: 'CA',
    source: 'dotgov',
    id: 'domain:housing.cascadia.gov',
  },
  roles: [
    ...jessCard.roles,
    { groupId: 'g-old', group: 'Winter Shelter Task Force', groupKind: 'task-force', role: 'Chair', source: 'manual', start: '2024-11-01', end: '2025-03-31', past: true },
  ],
  strength: { ...jessCard.strength, firstInteractionAt: '2025-03-02T10:00:00Z', halfLifeDays: 180 },
  team: [
    { email: 'sam.lee@housing.cascadia.gov', displayName: 'Sam Lee', score: 64, label: 'Strong' },
    { email: 'ana.ruiz@health.cascadia.gov', displayName: 'Ana Ruiz', score: 30, label: 'Moderate' },
  ],
  attributes: [{ attribute: 'title', value: 'Homelessness Program Director', source: 'graph-profile', firstObservedAt: '2026-01-05', lastObservedAt: '2026-03-10T00:00:00Z', confidence: 0.95 }],
  attributeHistory: [{ attribute: 'title', from: 'Program Manager', to: 'Homelessness Program Director', since: '2026-01-05' }],
};

async function openJess(options: { people?: ReturnType<typeof createFakePersonServices>; onOpenNetworkMap?: (id: string) => void } = {}) {
  const people = options.people ?? createFakePersonServices();
  const fake = createFakeServices({ item: makeItem({ from: { email: JESS_EMAIL, displayName: 'Jess Morgan' }, to: [DANA] }), people: people.services, onOpenNetworkMap: options.onOpenNetworkMap });
  render(<TaskPaneApp services={fake.services} />);
  await waitFor(() => expect(fake.lookups).toHaveLength(1));
  await act(async () => fake.lookups[0]!.resolve([fullJess, ...answerLookup([DANA.email])]));
  fireEvent.click(screen.getByRole('button', { name: 'Details about Jess Morgan' }));
  // The page is a lazy chunk: its first load takes a moment.
  const heading = await screen.findByRole('heading', { level: 2, name: 'Jess Morgan' }, { timeout: 10_000 });
  return { fake, people, heading, page: screen.getByRole('article', { name: 'Jess Morgan' }) };
}

describe('person page', () => {
  it('shows everything about the person, with focus on their name', async () => {
    const { heading, page } = await openJess();
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const inPage = within(page);
    expect(page.textContent).toContain('Homelessness Program Director · Homelessness Programs');
    expect(page.textContent).toContain('Phone: +1 360 555 0101');

    const organization = within(inPage.getByRole('region', { name: 'Organization' }));
    expect(organization.getByText('Division of Housing Stability')).toBeTruthy();
    expect(organization.getByText('State agency')).toBeTruthy();
    expect(organization.getByText('Cascadia Department of Housing')).toBeTruthy();
    expect(organization.getByText('Olympia, CA')).toBeTruthy();
    expect(organization.getByText('the .gov registry')).toBeTruthy();

    const relationship = within(inPage.getByRole('region', { name: 'Your relationship' }));
    expect(relationship.getByText('78/100')).toBeTruthy();
    expect(relationship.getByText('Computed from 12 emails you sent, 9 you received and 3 meetings together since March 2025.')).toBeTruthy();
    expect(relationship.getByText(/counts half after 180 days/)).toBeTruthy();

    const team = within(inPage.getByRole('region', { name: 'Who on your team knows them best' })).getAllByRole('listitem');
    expect(team.map((li) => li.textContent)).toEqual(['Sam LeeStrong · 64/100', 'Ana RuizModerate · 30/100']);

    const roles = within(inPage.getByRole('region', { name: 'Roles' }));
    expect(roles.getByRole('button', { name: 'Homelessness Reduction Initiative' })).toBeTruthy();
    fireEvent.click(roles.getByRole('button', { name: 'Show past roles (1)' }));
    expect(within(roles.getByRole('list', { name: 'Past roles' })).getByText(/Winter Shelter Task Force/).closest('li')?.textContent).toContain('2024-11-01 – 2025-03-31');

    expect(within(inPage.getByRole('region', { name: 'Recent contact' })).getAllByRole('listitem')).toHaveLength(2);
    expect(inPage.getByText(/Only your own mail and meetings are listed/)).toBeTruthy();

    const history = within(inPage.getByRole('region', { name: 'Details and history' }));
    expect(history.getByText(/Title: Program Manager → Homelessness Program Director/)).toBeTruthy();
    expect(history.getByText(/from directory profile/)).toBeTruthy();

    // Add to a group, for this one person.
    expect(screen.getAllByRole('button', { name: 'Add people…' }).length).toBeGreaterThan(0);
  });

  it('goes back to the message with focus on the card it came from', async () => {
    await openJess();
    fireEvent.click(screen.getByRole('button', { name: '← Back' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Details about Jess Morgan' })));
    expect(screen.queryByRole('heading', { level: 2, name: 'Jess Morgan' })).toBeNull();
  });

  it('lists, adds and removes notes shared with a team', async () => {
    const people = createFakePersonServices({
      teams: [everyoneTeam, outreachTeam],
      notes: [{ id: 'n-old', personId: 'p-jess', text: 'Prefers a phone call.', teamId: 'tenant', teamName: 'Everyone in the organization', author: { email: 'sam.lee@housing.cascadia.gov', name: 'Sam Lee' }, createdAt: '2026-02-01T00:00:00Z', canRemove: false }],
    });
    await openJess({ people });
    const notes = within(await screen.findByRole('region', { name: 'Notes shared with your team' }));
    expect(await notes.findByText('Prefers a phone call.')).toBeTruthy();
    expect(notes.getByText(/Sam Lee · Feb 1 · Everyone in the organization/)).toBeTruthy();
    expect(notes.queryByRole('button', { name: /Remove your note/ })).toBeNull();

    fireEvent.change(notes.getByRole('combobox', { name: 'Share with' }), { target: { value: 'team-outreach' } });
    fireEvent.change(notes.getByRole('textbox', { name: /Add a note about Jess Morgan/ }), { target: { value: '<b>Budget</b> talks pending' } });
    await act(async () => fireEvent.click(notes.getByRole('button', { name: 'Save note' })));
    expect(people.calls.find((c) => c.method === 'addNote')?.args).toEqual(['p-jess', { text: '<b>Budget</b> talks pending', teamId: 'team-outreach' }]);
    const added = notes.getByText('<b>Budget</b> talks pending');
    expect(added.closest('li')?.textContent).toContain('Shelter outreach');
    expect(added.closest('li')?.querySelector('b')).toBeNull();
    expect((notes.getByRole('textbox', { name: /Add a note/ }) as HTMLTextAreaElement).value).toBe('');

    people.failNext('removeNote', new ApiError({ status: 403, code: 'forbidden', message: 'only the author of a note (or an admin) may remove it' }));
    await act(async () => fireEvent.click(notes.getByRole('button', { name: /Remove your note: <b>Budget/ })));
    expect((await notes.findByRole('alert')).textContent).toContain('only the author');
    people.recover('removeNote');
    await act(async () => fireEvent.click(notes.getByRole('button', { name: /Remove your note: <b>Budget/ })));
    expect(notes.queryByText('<b>Budget</b> talks pending')).toBeNull();
  });

  it('keeps a note that could not be saved in the box, with the reason', async () => {
    const people = createFakePersonServices();
    await openJess({ people });
    const notes = within(await screen.findByRole('region', { name: 'Notes shared with your team' }));
    await notes.findByText('No notes yet.');
    expect(notes.queryByRole('combobox', { name: 'Share with' })).toBeNull();
    people.failNext('addNote', new ApiError({ status: 400, code: 'bad-request', message: 'text: is longer than 2000 characters' }));
    fireEvent.change(notes.getByRole('textbox', { name: /Add a note/ }), { target: { value: 'Too long' } });
    await act(async () => fireEvent.click(notes.getByRole('button', { name: 'Save note' })));
    expect((await notes.findByRole('alert')).textContent).toContain('text: is longer than 2000 characters');
    expect((notes.getByRole('textbox', { name: /Add a note/ }) as HTMLTextAreaElement).value).toBe('Too long');
  });

  it('shows a notes error with a retry', async () => {
    const people = createFakePersonServices();
    people.failNext('listNotes');
    await openJess({ people });
    const notes = within(await screen.findByRole('region', { name: 'Notes shared with your team' }));
    expect((await notes.findByRole('alert')).textContent).toContain('listNotes failed on purpose');
    people.recover('listNotes');
    fireEvent.click(notes.getByRole('button', { name: 'Retry' }));
    expect(await notes.findByText('No notes yet.')).toBeTruthy();
  });

  it('opens the network map on the person when the pane is given the action, and hides it otherwise', async () => {
    const opened: string[] = [];
    await openJess({ onOpenNetworkMap: (id) => opened.push(id) });
    fireEvent.click(screen.getByRole('button', { name: 'Open in network map' }));
    expect(opened).toEqual(['p-jess']);
  });

  it('has no network map action without the wiring', async () => {
    await openJess();
    expect(screen.queryByRole('button', { name: 'Open in network map' })).toBeNull();
  });
});

describe('person page opened without a card (from search)', () => {
  const baseProps = { now: NOW, groups: createFakeGroupServices().services, onBack: () => {}, backLabel: 'Back to search', onOpenGroup: () => {} };

  it('looks the person up, showing loading, then the page', async () => {
    const people = createFakePersonServices({ cards: () => fullJess });
    render(<PersonPage {...baseProps} email={JESS_EMAIL} people={people.services} />);
    expect(screen.getByText('Loading the person…')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Jess Morgan' })).toBeTruthy();
    expect(people.calls[0]).toEqual({ method: 'lookupPerson', args: [JESS_EMAIL] });
  });

  it('shows the error with a retry', async () => {
    const people = createFakePersonServices({ cards: () => fullJess });
    people.failNext('lookupPerson', new ApiError({ status: 0, code: 'unavailable', message: 'Crosswalk is not reachable right now.' }));
    render(<PersonPage {...baseProps} email={JESS_EMAIL} people={people.services} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Crosswalk is not reachable right now.');
    people.recover('lookupPerson');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Jess Morgan' })).toBeTruthy();
  });

  it('says so for someone never seen', async () => {
    const people = createFakePersonServices();
    render(<PersonPage {...baseProps} email="new.contact@shelternorth.org" displayName="New Contact" people={people.services} />);
    expect(await screen.findByText(/has not seen this address/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Notes shared with your team' })).toBeNull();
  });
});
