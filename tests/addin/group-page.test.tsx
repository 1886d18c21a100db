// @vitest-environment jsdom
// The group page and the person card's past roles, with fake services: server-side filters and paging,
// CSV / vCard exports handed to the download, "Email this group" split into batches of at most
// 500 Bcc recipients, the history view, error with retry, and the viewer notice.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../addin/src/api/api-error.ts';
import { GroupPage } from '../../addin/src/taskpane/components/group-page.tsx';
import { RoleList } from '../../addin/src/taskpane/components/role-list.tsx';
import type { AuditEntry, Member } from '../../shared/domain/group.ts';
import type { Role } from '../../shared/domain/person-card.ts';
import { NOW } from './fixtures/demo-people.ts';
import { createFakeGroupServices, makeGroup, makeMember } from './fixtures/fake-group-services.ts';
import { installJsdomShims } from './fixtures/jsdom-setup.ts';

beforeAll(installJsdomShims);

const coalition = makeGroup({ name: 'Shelter Network', kind: 'coalition' });

function makeMembers(count: number, groupId: string, options: (index: number) => Partial<Member> = () => ({})): Member[] {
  return Array.from({ length: count }, (_, index) => makeMember({ email: `member${String(index).padStart(4, '0')}@example.org`, groupId, ...options(index) }));
}

const mixedMembers: Member[] = [
  makeMember({ email: 'jess.morgan@housing.cascadia.gov', groupId: coalition.id, displayName: 'Jess Morgan', role: 'Point of contact', organization: { name: 'Cascadia Department of Housing', kind: 'state', kindLabel: 'State agency' }, strength: { score: 78, label: 'Very strong', lastInteractionAt: '2026-03-16T09:00:00Z' } }),
  makeMember({ email: 'ana.lopez@shelternorth.org', groupId: coalition.id, displayName: 'Ana Lopez', role: 'member', organization: { name: 'Shelter North', kind: 'nonprofit', kindLabel: 'Nonprofit' } }),
  makeMember({ email: 'ben.okafor@kingcounty.example', groupId: coalition.id, displayName: 'Ben Okafor', role: 'Member', organization: { name: 'King County', kind: 'county', kindLabel: 'County' } }),
  makeMember({ email: 'old.chair@shelternorth.org', groupId: coalition.id, displayName: 'Old Chair', role: 'chair', current: false, end: '2025-12-31', organization: { name: 'Shelter North', kind: 'nonprofit', kindLabel: 'Nonprofit' } }),
];

async function renderGroupPage(fake: ReturnType<typeof createFakeGroupServices>, groupId = coalition.id) {
  const onBack = vi.fn();
  render(<GroupPage services={fake.services} groupId={groupId} now={NOW} onBack={onBack} />);
  await screen.findByRole('tab', { name: 'Members' });
  return { onBack };
}

/** The names of the rows rendered (the list renders only those in view). */
function memberNames(): string[] {
  const list = screen.queryByRole('list', { name: 'Members' });
  // A selector, not a role query: role queries over hundreds of rows are slow in jsdom.
  return list ? [...list.querySelectorAll('h4')].map((h) => h.textContent ?? '') : [];
}

/** How many members the list holds (loaded), as screen readers are told: each row's aria-setsize. */
function listSize(): number {
  const row = screen.queryByRole('list', { name: 'Members' })?.querySelector('li');
  return row ? Number(row.getAttribute('aria-setsize')) : 0;
}

describe('Group page', () => {
  it('lists current members with role, organization and kind, strength and last contact', async () => {
    await renderGroupPage(createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers } }));
    expect(screen.getByRole('heading', { level: 2, name: 'Shelter Network' })).toBeTruthy();
    expect(screen.getByText('Coalition')).toBeTruthy();
    expect(memberNames()).toEqual(['Jess Morgan', 'Ana Lopez', 'Ben Okafor']);
    const jess = screen.getByRole('heading', { level: 4, name: 'Jess Morgan' }).closest('li')!;
    expect(jess.textContent).toContain('Point of contact');
    expect(jess.textContent).toContain('Cascadia Department of Housing · State agency');
    expect(jess.textContent).toContain('Very strong relationship (78/100) · last contact 4 days ago');
  });

  it('asks the server for the filtered list (role from the group\'s roles, organization kind, current / past) and shows what it answers', async () => {
    const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers } });
    await renderGroupPage(fake);
    const role = screen.getByRole('combobox', { name: 'Role' });
    const kind = screen.getByRole('combobox', { name: 'Organization' });
    const show = screen.getByRole('combobox', { name: 'Show' });
    expect([...role.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['All roles', 'chair', 'member', 'Member', 'Point of contact']);
    expect(fake.callsOf('listMembers').map((call) => call.args[2])).toEqual([{ term: 'current' }]);

    fireEvent.change(role, { target: { value: 'member' } });
    await waitFor(() => expect(memberNames()).toEqual(['Ana Lopez', 'Ben Okafor']));
    fireEvent.change(kind, { target: { value: 'county' } });
    await waitFor(() => expect(memberNames()).toEqual(['Ben Okafor']));
    expect(screen.getByText('Showing 1 current member with role “member” (County) · 4 in the group (current and past).')).toBeTruthy();

    fireEvent.change(role, { target: { value: '' } });
    fireEvent.change(kind, { target: { value: 'nonprofit' } });
    fireEvent.change(show, { target: { value: 'past' } });
    await waitFor(() => expect(memberNames()).toEqual(['Old Chair']));
    expect(screen.getByText('Past member · term ended 2025-12-31')).toBeTruthy();
    fireEvent.change(show, { target: { value: 'all' } });
    await waitFor(() => expect(memberNames()).toEqual(['Ana Lopez', 'Old Chair']));
    fireEvent.change(kind, { target: { value: 'tribal' } });
    await screen.findByText('No member matches these filters.');
    // Every change asked the server; nothing was filtered from a full list in the pane.
    expect(fake.callsOf('listMembers').map((call) => call.args[2]).slice(-2)).toEqual([
      { term: 'all', organizationKind: 'nonprofit' },
      { term: 'all', organizationKind: 'tribal' },
    ]);
  });

  it('loads a large filtered group a page at a time with "Load more", sending the filters with each page', async () => {
    const big = makeGroup({ name: 'Statewide Coalition', kind: 'coalition' });
    // Pages of 50 here (the API's are 500): the same paging, less to render in jsdom.
    const fake = createFakeGroupServices({ groups: [big], members: { [big.id]: makeMembers(124, big.id) }, pageSize: 50 });
    await renderGroupPage(fake, big.id);
    expect(listSize()).toBe(50);
    expect(screen.getByText('Showing 50 current members so far · 124 in the group (current and past).')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(listSize()).toBe(100));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(listSize()).toBe(124));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(fake.callsOf('listMembers').map((call) => [call.args[1], call.args[2]])).toEqual([
      [null, { term: 'current' }],
      ['50', { term: 'current' }],
      ['100', { term: 'current' }],
    ]);
  });

  it('exports CSV and vCard through the download, with the file the API named', async () => {
    const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers } });
    await renderGroupPage(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(fake.savedFiles).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export vCard' }));
    await waitFor(() => expect(fake.savedFiles).toHaveLength(2));
    expect(fake.savedFiles.map((file) => [file.filename, file.contentType])).toEqual([
      ['Shelter Network.csv', 'text/csv; charset=utf-8'],
      ['Shelter Network.vcf', 'text/vcard; charset=utf-8'],
    ]);
    expect(fake.callsOf('exportMembers').map((call) => call.args)).toEqual([
      [coalition.id, 'csv'],
      [coalition.id, 'vcard'],
    ]);
  });

  it('emails a small group in one message, current members in Bcc', async () => {
    const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers } });
    await renderGroupPage(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Email this group' }));
    await screen.findByText('Opened a new message with 3 members in Bcc.');
    expect(fake.openedMessages).toEqual([
      { bcc: ['jess.morgan@housing.cascadia.gov', 'ana.lopez@shelternorth.org', 'ben.okafor@kingcounty.example'], subject: 'Shelter Network' },
    ]);
  });

  it('splits 1,240 members into 3 messages of at most 500 Bcc recipients, one button each', async () => {
    const big = makeGroup({ name: 'Statewide Coalition', kind: 'coalition' });
    const members = makeMembers(1_240, big.id);
    const fake = createFakeGroupServices({ groups: [big], members: { [big.id]: members } });
    await renderGroupPage(fake, big.id);

    fireEvent.click(screen.getByRole('button', { name: 'Email this group' }));
    // Every page is loaded first: the whole group is needed.
    const explanation = await screen.findByText(/This group has 1,240 members/);
    expect(explanation.textContent).toBe(
      'This group has 1,240 members: Exchange Online delivers a message to at most 500 recipients, so it will be sent as 3 messages.',
    );
    expect(fake.openedMessages).toEqual([]);
    const batches = within(screen.getByRole('region', { name: 'Messages to send' })).getAllByRole('button');
    expect(batches.map((b) => b.textContent)).toEqual(['Message 1: members 1–500', 'Message 2: members 501–1,000', 'Message 3: members 1,001–1,240']);

    for (const button of batches) fireEvent.click(button);
    const emails = members.map((m) => m.email);
    expect(fake.openedMessages).toEqual([
      { bcc: emails.slice(0, 500), subject: 'Statewide Coalition' },
      { bcc: emails.slice(500, 1_000), subject: 'Statewide Coalition' },
      { bcc: emails.slice(1_000), subject: 'Statewide Coalition' },
    ]);
    expect(fake.openedMessages.every((m) => m.bcc.length <= 500)).toBe(true);
    expect(screen.getByRole('button', { name: 'Message 2: members 501–1,000 (opened)' })).toBeTruthy();
  });

  it('says so when Outlook cannot open a new message', async () => {
    const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers } });
    fake.services.openNewMessage = () => {
      throw new Error('This version of Outlook cannot open a new message from an add-in.');
    };
    await renderGroupPage(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Email this group' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This version of Outlook cannot open a new message from an add-in.');
  });

  it('emails the current members of the whole group, whatever the filters show', async () => {
    const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers } });
    await renderGroupPage(fake);
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'past' } });
    await waitFor(() => expect(memberNames()).toEqual(['Old Chair']));
    fireEvent.click(screen.getByRole('button', { name: 'Email this group' }));
    await screen.findByText('Opened a new message with 3 members in Bcc.');
    expect(fake.openedMessages[0]?.bcc).toEqual(['jess.morgan@housing.cascadia.gov', 'ana.lopez@shelternorth.org', 'ben.okafor@kingcounty.example']);
    expect(fake.callsOf('listMembers').at(-1)?.args[2]).toEqual({ term: 'current' });
  });

  it('where Outlook lacks Mailbox 1.6, explains it and copies the addresses to paste into Bcc', async () => {
    const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers }, canOpenNewMessage: false });
    await renderGroupPage(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Email this group' }));
    const region = await screen.findByRole('region', { name: 'Messages to send' });
    expect(within(region).getByRole('status').textContent).toBe(
      'This version of Outlook cannot open a pre-filled message for an add-in (it needs Mailbox requirement set 1.6). ' +
        'Copy the addresses, start a new message in Outlook and paste them into Bcc. Past members (1) are left out.',
    );
    fireEvent.click(within(region).getByRole('button', { name: 'Copy 3 addresses' }));
    await within(region).findByRole('button', { name: /Copy 3 addresses \(copied\)/ });
    expect(fake.copiedTexts).toEqual(['jess.morgan@housing.cascadia.gov; ana.lopez@shelternorth.org; ben.okafor@kingcounty.example']);
    expect(fake.openedMessages).toEqual([]);
  });

  it('copies a big group in batches of 500, and shows a batch to copy by hand when the clipboard is out of reach', async () => {
    const big = makeGroup({ name: 'Statewide Coalition', kind: 'coalition' });
    const members = makeMembers(1_240, big.id);
    const fake = createFakeGroupServices({ groups: [big], members: { [big.id]: members }, canOpenNewMessage: false });
    await renderGroupPage(fake, big.id);
    fireEvent.click(screen.getByRole('button', { name: 'Email this group' }));
    const region = await screen.findByRole('region', { name: 'Messages to send' });
    expect(within(region).getByRole('status').textContent).toContain('so it will be sent as 3 messages.');
    const buttons = within(region).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Copy message 1: members 1–500', 'Copy message 2: members 501–1,000', 'Copy message 3: members 1,001–1,240']);

    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(fake.copiedTexts).toHaveLength(1));
    expect(fake.copiedTexts[0]!.split('; ')).toEqual(members.slice(0, 500).map((m) => m.email));
    fake.failNext('copyText', new Error('clipboard blocked'));
    fireEvent.click(buttons[1]!);
    const addresses = (await within(region).findByRole('textbox', { name: 'Addresses for message 2' })) as HTMLTextAreaElement;
    expect(addresses.value.split('; ')).toEqual(members.slice(500, 1_000).map((m) => m.email));
    expect(within(region).getByRole('alert').textContent).toContain('Select the addresses above and copy them (Ctrl+C)');
  });

  it('shows the history: who, when, what, before → after', async () => {
    const entries: AuditEntry[] = [
      {
        id: 'a2', at: '2026-03-18T10:00:00Z', actor: { email: 'dana.reyes@housing.cascadia.gov', name: 'Dana Reyes' }, action: 'membership.update',
        targetType: 'membership', targetId: 'm1', groupId: coalition.id, personId: 'p1', teamId: 'tenant',
        summary: 'Changed jess.morgan@housing.cascadia.gov in Shelter Network: role member → lead',
        before: { role: 'member', email: 'jess.morgan@housing.cascadia.gov', _etag: 'x' }, after: { role: 'lead', email: 'jess.morgan@housing.cascadia.gov', _etag: 'y' },
      },
      {
        id: 'a1', at: '2026-03-02T10:00:00Z', actor: { email: 'sam.lee@housing.cascadia.gov', name: null }, action: 'group.create',
        targetType: 'group', targetId: coalition.id, groupId: coalition.id, personId: null, teamId: 'tenant',
        summary: 'Created Shelter Network', before: null, after: { name: 'Shelter Network', kind: 'coalition' },
      },
    ];
    const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers }, audit: { [coalition.id]: entries } });
    await renderGroupPage(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    const list = await screen.findByRole('list', { name: 'Changes, newest first' });
    const items = within(list).getAllByRole('listitem').filter((li) => li.parentElement === list);
    expect(items.map((li) => li.textContent)).toEqual([
      'Changed jess.morgan@housing.cascadia.gov in Shelter Network: role member → leadDana Reyes · Mar 18Role: member → lead',
      'Created Shelter Networksam.lee@housing.cascadia.gov · Mar 2Name: Shelter NetworkKind: Coalition',
    ]);
  });

  it('shows an error with a retry that asks again', async () => {
    const fake = createFakeGroupServices({ groups: [coalition], members: { [coalition.id]: mixedMembers } });
    fake.failNext('readGroup', new ApiError({ status: 503, code: 'unavailable', message: 'Crosswalk is resting.' }));
    render(<GroupPage services={fake.services} groupId={coalition.id} now={NOW} onBack={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Crosswalk is resting.');
    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: 'Retry' })));
    expect(await screen.findByRole('heading', { level: 2, name: 'Shelter Network' })).toBeTruthy();
  });

  it('shows an empty group as such, and tells a viewer they can look but not change', async () => {
    const viewerGroup = makeGroup({ name: 'Regional Homelessness Council', kind: 'board', myRole: 'viewer' });
    await renderGroupPage(createFakeGroupServices({ groups: [viewerGroup] }), viewerGroup.id);
    expect(screen.getByRole('heading', { name: 'No members yet' })).toBeTruthy();
    expect(screen.getByText('You can view this group but not change it.')).toBeTruthy();
  });

  it('goes back to the message', async () => {
    const { onBack } = await renderGroupPage(createFakeGroupServices({ groups: [coalition] }));
    fireEvent.click(screen.getByRole('button', { name: '← Back to the message' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});

describe('Roles on a person card', () => {
  const roles = [
    { groupId: 'g1', group: 'Homelessness Reduction Initiative', groupKind: 'initiative', role: 'Lead', source: 'manual' },
    { groupId: 'g2', group: 'Regional Homelessness Council', groupKind: 'board', role: 'Board member', source: 'manual', start: '2022-01-01', end: '2025-12-31', past: true },
    { groupId: 'g3', group: 'Shelter Network', groupKind: 'coalition', role: 'Chair', source: 'manual', end: '2024-06-30' },
  ] as Role[];

  it('shows current roles first and past roles only on request', () => {
    render(<RoleList roles={roles} headingId="r" now={NOW} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Lead · Homelessness Reduction Initiative']);
    const toggle = screen.getByRole('button', { name: 'Show past roles (2)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    const past = screen.getByRole('list', { name: 'Past roles' });
    expect(within(past).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Board member · Regional Homelessness Council2022-01-01 – 2025-12-31',
      'Chair · Shelter NetworkEnded 2024-06-30',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Hide past roles' }));
    expect(screen.queryByRole('list', { name: 'Past roles' })).toBeNull();
  });

  it('has no toggle when every role is current, and opens a group from its name', () => {
    const onOpenGroup = vi.fn();
    render(<RoleList roles={roles.slice(0, 1)} headingId="r" now={NOW} onOpenGroup={onOpenGroup} />);
    expect(screen.queryByRole('button', { name: /past roles/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Homelessness Reduction Initiative' }));
    expect(onOpenGroup).toHaveBeenCalledWith('g1');
  });
});
