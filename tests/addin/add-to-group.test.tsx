// @vitest-environment jsdom
// The one-click add in the task pane, with fake services: selecting participants (and all),
// the group picker's type-ahead in most-recently-used order, creating a group inline, the
// default role, ONE add request, the result message taking focus, ONE undo request, cards
// refreshed after both, and the 403 / 409 messages.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../addin/src/api/api-error.ts';
import { TaskPaneApp } from '../../addin/src/taskpane/components/task-pane-app.tsx';
import type { MemberInput } from '../../shared/domain/group.ts';
import { answerLookup, DANA, JESS_EMAIL } from './fixtures/demo-people.ts';
import { createFakeGroupServices, makeGroup, makeMember } from './fixtures/fake-group-services.ts';
import { createFakeServices, makeItem } from './fixtures/fake-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

const jess = { email: JESS_EMAIL, displayName: 'Jess Morgan' };
const dana = { email: DANA.email, displayName: DANA.displayName };
const ana = { email: 'ana.lopez@shelternorth.org', displayName: 'Ana Lopez' };
const ben = { email: 'ben.okafor@kingcounty.example', displayName: 'Ben Okafor' };

const shelterNetwork = makeGroup({ name: 'Shelter Network', kind: 'coalition', lastUsedAt: '2026-03-19T10:00:00Z' });
const initiative = makeGroup({ name: 'Homelessness Reduction Initiative', kind: 'initiative', lastUsedAt: '2026-03-10T10:00:00Z' });
const council = makeGroup({ name: 'Regional Homelessness Council', kind: 'board', lastUsedAt: null, myRole: 'viewer' });

/** Renders the pane on a message from Jess to Dana, Cc Ana and Ben, with every lookup answered at once. */
async function renderPane(options: { groups?: ReturnType<typeof createFakeGroupServices>; mode?: 'read' | 'compose' } = {}) {
  const groups = options.groups ?? createFakeGroupServices({ groups: [shelterNetwork, initiative, council], members: { [shelterNetwork.id]: [makeMember({ email: ana.email, groupId: shelterNetwork.id })] } });
  // A draft's From is its writer (not listed); its recipients are the same people as the read message's.
  const item =
    options.mode === 'compose'
      ? makeItem({ from: dana, to: [jess, dana], cc: [ana, ben], mode: 'compose', itemId: null })
      : makeItem({ from: jess, to: [dana], cc: [ana, ben], mode: 'read', itemId: 'item-1' });
  const fake = createFakeServices({ item, groups: groups.services });
  const lookups: string[][] = [];
  fake.services.lookupPeople = async (emails) => {
    lookups.push(emails);
    return answerLookup(emails);
  };
  render(<TaskPaneApp services={fake.services} />);
  await screen.findByRole('article', { name: 'Jess Morgan' });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add people…' })));
  // The form's code loads when first unfolded (React.lazy): allow for the import.
  const form = await screen.findByRole('group', { name: 'Add people to a group' }, { timeout: 10_000 });
  return { groups, lookups, form, inForm: within(form) };
}

function checkbox(name: RegExp | string) {
  return screen.getByRole('checkbox', { name }) as HTMLInputElement;
}

/** Opens a combobox's list (as a click does) and types into it. */
function typeInto(combobox: HTMLElement, text: string) {
  fireEvent.click(combobox);
  fireEvent.change(combobox, { target: { value: text } });
}

async function chooseGroup(name: string) {
  const picker = screen.getByRole('combobox', { name: 'Group' });
  await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
  typeInto(picker, name);
  fireEvent.click(await screen.findByRole('option', { name: new RegExp(`^${name}`) }));
}

describe('Add to a group', () => {
  it('ticks participants one by one, and all at once with "Select all" (mixed when some are ticked)', async () => {
    const { inForm } = await renderPane();
    const boxes = inForm.getAllByRole('checkbox');
    // Select all, then sender, To, Cc in reading order.
    expect(boxes.map((box) => box.getAttribute('aria-label') ?? '')).toEqual([
      '',
      `Jess Morgan (${JESS_EMAIL})`,
      `Dana Reyes (${DANA.email})`,
      `Ana Lopez (${ana.email})`,
      `Ben Okafor (${ben.email})`,
    ]);
    const all = inForm.getByRole('checkbox', { name: 'Select all' }) as HTMLInputElement;
    expect(all.checked).toBe(false);

    fireEvent.click(checkbox(/^Jess Morgan/));
    expect(checkbox(/^Jess Morgan/).checked).toBe(true);
    expect(all.indeterminate).toBe(true);
    expect(inForm.getByText('People to add (1 of 4 selected)')).toBeTruthy();

    fireEvent.click(all);
    expect([/^Jess/, /^Dana/, /^Ana/, /^Ben/].map((name) => checkbox(name).checked)).toEqual([true, true, true, true]);
    expect(inForm.getByRole('button', { name: 'Add 4 people' })).toBeTruthy();

    fireEvent.click(all);
    expect([/^Jess/, /^Dana/, /^Ana/, /^Ben/].map((name) => checkbox(name).checked)).toEqual([false, false, false, false]);
  });

  it('offers groups most recently used first, with their kind, and narrows them as you type', async () => {
    const { groups } = await renderPane();
    const picker = screen.getByRole('combobox', { name: 'Group' });
    await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
    expect(groups.callsOf('listGroups')).toHaveLength(1);

    fireEvent.click(picker);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Shelter NetworkCoalition',
      'Homelessness Reduction InitiativeInitiative',
      'Regional Homelessness CouncilBoard · view only',
    ]);

    fireEvent.change(picker, { target: { value: 'homeless' } });
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Homelessness Reduction InitiativeInitiative',
        'Regional Homelessness CouncilBoard · view only',
        'Create group “homeless”',
      ]),
    );
  });

  it('starts with the role "member" and suggests the usual roles', async () => {
    await renderPane();
    const role = screen.getByRole('combobox', { name: 'Role' }) as HTMLInputElement;
    expect(role.value).toBe('member');
    fireEvent.click(role);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['lead', 'chair', 'co-chair', 'member', 'point of contact', 'board member', 'liaison', 'staff support']);
  });

  it('adds the ticked people in ONE request, shows the result with focus on it, refreshes the cards, and Undo removes exactly the ones added in ONE request', async () => {
    const { groups, lookups, inForm } = await renderPane();
    fireEvent.click(checkbox(/^Jess Morgan/));
    fireEvent.click(checkbox(/^Ana Lopez/));
    fireEvent.click(checkbox(/^Ben Okafor/));
    await chooseGroup('Shelter Network');
    const role = screen.getByRole('combobox', { name: 'Role' });
    fireEvent.change(role, { target: { value: 'point of contact' } });
    expect(lookups).toHaveLength(1);

    fireEvent.click(inForm.getByRole('button', { name: 'Add 3 people' }));

    const message = await waitFor(() => {
      const found = screen.getByText(/2 added to Shelter Network; 1 was already a member/);
      return found.closest('[role="status"]') as HTMLElement;
    });
    await waitFor(() => expect(document.activeElement).toBe(message));

    const adds = groups.callsOf('addMembers');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.args[0]).toBe(shelterNetwork.id);
    expect(adds[0]!.args[1] as MemberInput[]).toEqual([
      { email: JESS_EMAIL, role: 'point of contact' },
      { email: ana.email, role: 'point of contact' },
      { email: ben.email, role: 'point of contact' },
    ]);
    // The cards are looked up again, so the new role shows.
    await waitFor(() => expect(lookups).toHaveLength(2));
    expect(lookups[1]).toEqual(lookups[0]);

    fireEvent.click(within(message).getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone: 2 removed from Shelter Network.');
    const removes = groups.callsOf('removeMembers');
    expect(removes).toHaveLength(1);
    // Ana was a member before: Undo leaves her membership alone.
    expect(removes[0]!.args).toEqual([
      shelterNetwork.id,
      [
        { personId: `p-${JESS_EMAIL}`, etag: `"m-${JESS_EMAIL}"` },
        { personId: `p-${ben.email}`, etag: `"m-${ben.email}"` },
      ],
    ]);
    expect(groups.members.get(shelterNetwork.id)!.map((m) => m.email)).toEqual([ana.email]);
    await waitFor(() => expect(lookups).toHaveLength(3));
  });

  it('creates a new group from the picker, with its kind, and adds to it without leaving the pane', async () => {
    const { groups, inForm } = await renderPane();
    fireEvent.click(checkbox(/^Ben Okafor/));
    const picker = screen.getByRole('combobox', { name: 'Group' });
    await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
    typeInto(picker, 'Winter Shelter Task Force');
    fireEvent.click(await screen.findByRole('option', { name: 'Create group “Winter Shelter Task Force”' }));

    const createForm = screen.getByRole('form', { name: 'New group' });
    expect((within(createForm).getByRole('textbox', { name: /Name/ }) as HTMLInputElement).value).toBe('Winter Shelter Task Force');
    const kind = within(createForm).getByRole('combobox', { name: 'Kind' });
    expect(document.activeElement).toBe(kind);
    fireEvent.change(kind, { target: { value: 'working-group' } });
    fireEvent.click(within(createForm).getByRole('button', { name: 'Create group' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'New group' })).toBeNull());
    expect(groups.callsOf('createGroup').map((c) => c.args[0])).toEqual([{ name: 'Winter Shelter Task Force', kind: 'working-group' }]);
    expect((screen.getByRole('combobox', { name: 'Group' }) as HTMLInputElement).value).toBe('Winter Shelter Task Force');

    fireEvent.click(inForm.getByRole('button', { name: 'Add 1 person' }));
    await screen.findByText(/1 added to Winter Shelter Task Force/);
    const add = groups.callsOf('addMembers')[0]!;
    expect(add.args[1]).toEqual([{ email: ben.email, role: 'member' }]);
    expect(add.args[0]).toBe(groups.groups[0]!.id);
  });

  it('shows the API\'s reason when a new group cannot be created (name taken)', async () => {
    const groups = createFakeGroupServices({ groups: [shelterNetwork] });
    groups.failNext('createGroup', new ApiError({ status: 409, code: 'conflict', message: 'name: a group named "Task Force" already exists in this team' }));
    await renderPane({ groups });
    const picker = screen.getByRole('combobox', { name: 'Group' });
    await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
    typeInto(picker, 'Task Force');
    fireEvent.click(await screen.findByRole('option', { name: 'Create group “Task Force”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create group' }));
    expect(await screen.findByText('name: a group named "Task Force" already exists in this team')).toBeTruthy();
  });

  it('explains a 403: "You can view this group but not change it"', async () => {
    const groups = createFakeGroupServices({ groups: [shelterNetwork] });
    groups.failNext('addMembers', new ApiError({ status: 403, code: 'forbidden', message: 'viewers cannot change members' }));
    const { inForm } = await renderPane({ groups });
    fireEvent.click(checkbox(/^Jess Morgan/));
    await chooseGroup('Shelter Network');
    fireEvent.click(inForm.getByRole('button', { name: 'Add 1 person' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You can view this group but not change it.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });

  it('warns before adding to a group the user may only view', async () => {
    const { inForm } = await renderPane();
    fireEvent.click(checkbox(/^Jess Morgan/));
    await chooseGroup('Regional Homelessness Council');
    expect(inForm.getByText('You can view this group but not change it.')).toBeTruthy();
    expect(inForm.getByRole('button', { name: 'Add 1 person' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('explains a 409 and reloads the groups on request', async () => {
    const groups = createFakeGroupServices({ groups: [shelterNetwork] });
    groups.failNext('addMembers', new ApiError({ status: 409, code: 'conflict', message: 'stale etag' }));
    const { inForm } = await renderPane({ groups });
    fireEvent.click(checkbox(/^Jess Morgan/));
    await chooseGroup('Shelter Network');
    fireEvent.click(inForm.getByRole('button', { name: 'Add 1 person' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this group; reload and try again.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(groups.callsOf('listGroups')).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('works in compose mode: the recipients being written are offered', async () => {
    const { groups, inForm } = await renderPane({ mode: 'compose' });
    fireEvent.click(inForm.getByRole('checkbox', { name: 'Select all' }));
    await chooseGroup('Homelessness Reduction Initiative');
    fireEvent.click(inForm.getByRole('button', { name: 'Add 4 people' }));
    await screen.findByText(/4 added to Homelessness Reduction Initiative/);
    expect((groups.callsOf('addMembers')[0]!.args[1] as MemberInput[]).map((m) => m.email)).toEqual([JESS_EMAIL, DANA.email, ana.email, ben.email]);
  });

  it('opens the group page from the picker, lazily, and comes back with the add result intact', async () => {
    const { inForm } = await renderPane();
    fireEvent.click(checkbox(/^Ben Okafor/));
    await chooseGroup('Shelter Network');
    fireEvent.click(inForm.getByRole('button', { name: 'Add 1 person' }));
    await screen.findByText(/1 added to Shelter Network/);
    fireEvent.click(inForm.getByRole('button', { name: 'Open group' }));
    // The group page's code loads on first use (React.lazy): allow for the import.
    const heading = await screen.findByRole('heading', { level: 2, name: 'Shelter Network' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '← Back to the message' })));
    expect(screen.getByText(/1 added to Shelter Network/)).toBeTruthy();
  });

  it('keeps the result and its Undo when the panel is folded and unfolded', async () => {
    const { inForm } = await renderPane();
    fireEvent.click(checkbox(/^Ben Okafor/));
    await chooseGroup('Shelter Network');
    fireEvent.click(inForm.getByRole('button', { name: 'Add 1 person' }));
    await screen.findByText(/1 added to Shelter Network/);
    const toggle = screen.getByRole('button', { name: 'Hide' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.queryByRole('group', { name: 'Add people to a group' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add people…' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
  });
});
