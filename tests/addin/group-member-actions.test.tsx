// @vitest-environment jsdom
// Changing members from the group page: editors and owners get each member's actions (change
// role, end term, remove), viewers none. Each change carries the etag the user saw; when someone
// else changed or removed the member meanwhile, the pane says so, shows the member as it is now,
// and the user may apply their change to that version.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../addin/src/api/api-error.ts';
import { GroupPage } from '../../addin/src/taskpane/components/group-page.tsx';
import type { Group, Member } from '../../shared/domain/group.ts';
import { NOW } from './fixtures/demo-people.ts';
import { createFakeGroupServices, makeGroup, makeMember } from './fixtures/fake-group-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);


const SAM = 'sam.lee@housing.cascadia.gov';

function setup(options: { group?: Partial<Group> } = {}) {
  const group = makeGroup({ name: 'Shelter Network', kind: 'coalition', ...options.group });
  const members: Member[] = [
    makeMember({ email: 'jess.morgan@housing.cascadia.gov', groupId: group.id, displayName: 'Jess Morgan', role: 'member', start: '2025-01-01' }),
    makeMember({ email: 'ana.lopez@shelternorth.org', groupId: group.id, displayName: 'Ana Lopez', role: 'chair' }),
    makeMember({ email: 'ben.okafor@kingcounty.example', groupId: group.id, displayName: 'Ben Okafor', source: 'inferred', evidence: 'attended 9 of 10 meetings' }),
  ];
  const fake = createFakeGroupServices({ groups: [group], members: { [group.id]: members } });
  render(<GroupPage services={fake.services} groupId={group.id} now={NOW} onBack={() => {}} />);
  return { fake, group, jess: members[0]!, ana: members[1]! };
}

async function openAction(name: string, action: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Actions for ${name}` }));
  fireEvent.click(await screen.findByRole('menuitem', { name: action }));
  const dialog = await screen.findByRole('dialog');
  // A browser puts focus on the dialog's first control; jsdom, without layout, cannot find one
  // visible, and Fluent's focus manager then hides a dialog that focus never entered.
  act(() => dialog.querySelector<HTMLElement>('input, button')!.focus());
  return dialog;
}

/** A member's row; `hidden` as the page behind an open (modal) dialog is hidden from screen readers. */
function rowOf(name: string): HTMLElement {
  return screen.getByRole('heading', { level: 4, name, hidden: true }).closest('li')!;
}

describe('Member actions', () => {
  it('are offered to editors for typed-in members, and to nobody else', async () => {
    setup();
    await screen.findByRole('button', { name: 'Actions for Jess Morgan' });
    expect(screen.getByRole('button', { name: 'Actions for Ana Lopez' })).toBeTruthy();
    // An inferred membership is confirmed by adding the person, not changed in place.
    expect(screen.queryByRole('button', { name: 'Actions for Ben Okafor' })).toBeNull();
  });

  it.each([
    ['a viewer', { myRole: 'viewer' as const }],
    ['anyone, in an archived group', { myRole: 'owner' as const, status: 'archived' as const }],
  ])('are not offered to %s', async (_, group) => {
    setup({ group });
    await screen.findByRole('heading', { level: 4, name: 'Jess Morgan' });
    expect(screen.queryAllByRole('button', { name: /^Actions for/ })).toEqual([]);
  });

  it('change a role with the etag the user saw, and say so', async () => {
    const { fake, group, jess } = setup();
    const dialog = await openAction('Jess Morgan', 'Change role…');
    expect(within(dialog).getByText("Jess Morgan's role in Shelter Network is member.")).toBeTruthy();
    const role = within(dialog).getByRole('combobox', { name: 'New role' });
    fireEvent.change(role, { target: { value: 'lead' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save role' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsOf('updateMember').map((call) => call.args)).toEqual([[group.id, jess.personId, { etag: jess.etag, role: 'lead' }]]);
    expect(within(rowOf('Jess Morgan')).getByText('lead')).toBeTruthy();
    expect(screen.getByText('Jess Morgan is now lead in Shelter Network.')).toBeTruthy();
  });

  it('end a term: the member leaves the current list and shows among past members', async () => {
    const { fake, jess } = setup();
    const dialog = await openAction('Jess Morgan', 'End term…');
    const date = within(dialog).getByLabelText('Last day of the term') as HTMLInputElement;
    expect(date.value).toBe('2026-03-20');
    fireEvent.change(date, { target: { value: '2026-02-28' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'End term' }));

    await screen.findByText("Ended Jess Morgan's term in Shelter Network on 2026-02-28.");
    expect(fake.callsOf('updateMember').map((call) => call.args[2])).toEqual([{ etag: jess.etag, end: '2026-02-28' }]);
    expect(screen.queryByRole('heading', { level: 4, name: 'Jess Morgan' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'past' } });
    expect(await screen.findByText('Past member · term ended 2026-02-28')).toBeTruthy();
  });

  it('remove a member after confirming, and take them off the list and the count', async () => {
    const { fake, group, ana } = setup();
    const dialog = await openAction('Ana Lopez', 'Remove from group…');
    expect(within(dialog).getByText("Remove Ana Lopez (chair) from Shelter Network? The change is recorded in the group's history.")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));

    await screen.findByText('Removed Ana Lopez from Shelter Network.');
    expect(fake.callsOf('removeMembers').map((call) => call.args)).toEqual([[group.id, [{ personId: ana.personId, etag: ana.etag }]]]);
    expect(screen.queryByRole('heading', { level: 4, name: 'Ana Lopez' })).toBeNull();
    expect(screen.getByText(/· 2 in the group/)).toBeTruthy();
  });

  it('show a conflicting change (409) with the member as it is now, and apply the change to that version on request', async () => {
    const { fake, group, jess } = setup();
    const dialog = await openAction('Jess Morgan', 'Change role…');
    fake.changeBehindTheScenes(group.id, jess.personId, { role: 'co-chair', updatedBy: SAM });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'New role' }), { target: { value: 'lead' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save role' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(`Changed by someone else${SAM} changed Jess Morgan while you were looking: now co-chair. Your change was not saved.`);
    // The row behind the dialog already shows their version.
    expect(within(rowOf('Jess Morgan')).getByText('co-chair')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply my change again' }));
    await screen.findByText('Jess Morgan is now lead in Shelter Network.');
    const [first, second] = fake.callsOf('updateMember').map((call) => call.args[2] as { etag: string });
    expect(first!.etag).toBe(jess.etag);
    expect(second!.etag).not.toBe(jess.etag);
    expect(within(rowOf('Jess Morgan')).getByText('lead')).toBeTruthy();
  });

  it('keep the other version when the user chooses so', async () => {
    const { fake, group, jess } = setup();
    const dialog = await openAction('Jess Morgan', 'Change role…');
    fake.changeBehindTheScenes(group.id, jess.personId, { role: 'co-chair', updatedBy: SAM });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'New role' }), { target: { value: 'lead' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save role' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Keep their version' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsOf('updateMember')).toHaveLength(1);
    expect(within(rowOf('Jess Morgan')).getByText('co-chair')).toBeTruthy();
  });

  it('show a removal that met a change as a conflict too, then remove on request', async () => {
    const { fake, group, ana } = setup();
    const dialog = await openAction('Ana Lopez', 'Remove from group…');
    fake.changeBehindTheScenes(group.id, ana.personId, { role: 'co-chair', updatedBy: SAM });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('now co-chair. Your change was not saved.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply my change again' }));
    await screen.findByText('Removed Ana Lopez from Shelter Network.');
    expect(fake.members.get(group.id)?.map((m) => m.email)).not.toContain(ana.email);
  });

  it('say when someone else removed the member meanwhile', async () => {
    const { fake, group, jess } = setup();
    const dialog = await openAction('Jess Morgan', 'Change role…');
    fake.removeBehindTheScenes(group.id, jess.personId);
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'New role' }), { target: { value: 'lead' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save role' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Jess Morgan was removed from Shelter Network by someone else.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 4, name: 'Jess Morgan' })).toBeNull());
  });

  it.each([
    [new ApiError({ status: 403, code: 'forbidden', message: 'you are a viewer of this team' }), 'You can view this group but not change it.'],
    [new ApiError({ status: 409, code: 'conflict', message: 'Shelter Network is archived; an owner must restore it' }), 'Shelter Network is archived; an owner must restore it'],
    [new ApiError({ status: 400, code: 'bad-request', message: "end: 2024-01-01 is before the term's start 2025-01-01" }), "end: 2024-01-01 is before the term's start 2025-01-01"],
  ])('explain a refusal that is not a concurrent change (%s), keeping the dialog open', async (error, message) => {
    const { fake } = setup();
    const dialog = await openAction('Jess Morgan', 'End term…');
    fake.failNext('updateMember', error);
    fireEvent.click(within(dialog).getByRole('button', { name: 'End term' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(message);
    expect(within(dialog).getByRole('button', { name: 'End term' })).toBeTruthy();
  });
});
