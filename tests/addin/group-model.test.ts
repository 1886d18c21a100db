// @vitest-environment jsdom
// The pure helpers behind the group features and the office.js call for outreach: Bcc batches,
// what Undo removes, filters, audit changes, error wording, the export download, and
// displayNewMessageForm through the adapter (only where Mailbox 1.6 is supported), the member
// filters sent to the server, and the member list's windowing and keyboard moves.
import { ApiError } from '../../addin/src/api/api-error.ts';
import { canOpenNewMessage, openNewMessage } from '../../addin/src/office/open-new-message.ts';
import { computeListWindow, computeScrollToReveal, moveListFocus } from '../../addin/src/taskpane/model/compute-list-window.ts';
import { describeAuditChanges } from '../../addin/src/taskpane/model/describe-audit-change.ts';
import { describeGroupError } from '../../addin/src/taskpane/model/describe-group-error.ts';
import { downloadExportFile } from '../../addin/src/taskpane/model/download-export-file.ts';
import { defaultMemberFilters, listRoleChoices, matchesFilters, toMemberListQuery } from '../../addin/src/taskpane/model/filter-members.ts';
import { splitRecipientBatches } from '../../addin/src/taskpane/model/split-recipient-batches.ts';
import { splitRolesByTerm } from '../../addin/src/taskpane/model/split-roles-by-term.ts';
import { planUndo } from '../../addin/src/taskpane/model/use-add-to-group.ts';
import type { AddMemberResult } from '../../shared/domain/group.ts';
import type { Role } from '../../shared/domain/person-card.ts';
import { NOW } from './fixtures/demo-people.ts';
import { makeMember } from './fixtures/fake-group-services.ts';

describe('splitRecipientBatches', () => {
  it('splits 1,240 addresses into 500, 500 and 240, in order, numbered for labels', () => {
    const emails = Array.from({ length: 1_240 }, (_, i) => `m${i}@example.org`);
    const batches = splitRecipientBatches({ emails });
    expect(batches.map((b) => [b.number, b.first, b.last, b.emails.length])).toEqual([
      [1, 1, 500, 500],
      [2, 501, 1_000, 500],
      [3, 1_001, 1_240, 240],
    ]);
    expect(batches.flatMap((b) => b.emails)).toEqual(emails);
  });

  it('drops duplicates (any case) and blanks, and makes no batch for nobody', () => {
    expect(splitRecipientBatches({ emails: ['A@x.org', 'a@x.org', ' ', 'b@x.org'] }).map((b) => b.emails)).toEqual([['A@x.org', 'b@x.org']]);
    expect(splitRecipientBatches({ emails: [] })).toEqual([]);
    expect(splitRecipientBatches({ emails: Array.from({ length: 500 }, (_, i) => `m${i}@x.org`) })).toHaveLength(1);
  });
});

describe('planUndo', () => {
  it('removes exactly the members the add created (with their etags) and restores the ones it changed', () => {
    const result = (email: string, outcome: AddMemberResult['result'], previous?: AddMemberResult['previous']): AddMemberResult => ({
      email,
      personId: `p-${email}`,
      result: outcome,
      personCreated: false,
      ...(previous ? { previous } : {}),
      member: makeMember({ email, groupId: 'g' }),
    });
    const plan = planUndo([
      result('new@x.org', 'added'),
      result('same@x.org', 'already-member'),
      result('changed@x.org', 'updated', { role: 'member', start: null, end: null, notes: null }),
    ]);
    expect(plan.remove).toEqual([{ personId: 'p-new@x.org', etag: '"m-new@x.org"' }]);
    expect(plan.restore).toEqual([{ personId: 'p-changed@x.org', etag: '"m-changed@x.org"', previous: { role: 'member', start: null, end: null, notes: null } }]);
  });
});

describe('splitRolesByTerm', () => {
  it('counts a role as past when the API marks it, or when its end date is before today', () => {
    const roles = [
      { groupId: 'a', group: 'A', groupKind: 'board', role: 'Chair', source: 'manual' },
      { groupId: 'b', group: 'B', groupKind: 'board', role: 'Member', source: 'manual', past: true },
      { groupId: 'c', group: 'C', groupKind: 'board', role: 'Member', source: 'manual', end: '2026-03-01' },
      { groupId: 'd', group: 'D', groupKind: 'board', role: 'Member', source: 'manual', end: '2026-12-31' },
    ] as Role[];
    const { current, past } = splitRolesByTerm(roles, { now: NOW });
    expect(current.map((r) => r.groupId)).toEqual(['a', 'd']);
    expect(past.map((r) => r.groupId)).toEqual(['b', 'c']);
  });
});

describe('describeAuditChanges', () => {
  it('lists changed fields a person recognises, skipping bookkeeping', () => {
    expect(describeAuditChanges({ before: { role: 'member', end: null, _etag: '1', updatedAt: 'x' }, after: { role: 'lead', end: '2026-06-30', _etag: '2', updatedAt: 'y' } })).toEqual([
      { field: 'role', label: 'Role', before: 'member', after: 'lead' },
      { field: 'end', label: 'End', before: null, after: '2026-06-30' },
    ]);
    expect(describeAuditChanges({ before: { email: 'a@x.org', role: 'chair' }, after: null })).toEqual([
      { field: 'email', label: 'Email', before: 'a@x.org', after: null },
      { field: 'role', label: 'Role', before: 'chair', after: null },
    ]);
    expect(describeAuditChanges({ before: { title: { value: 'Analyst', source: 'graph-profile' } }, after: { title: { value: 'Director', source: 'manual' } } })).toEqual([
      { field: 'title', label: 'Title', before: 'Analyst', after: 'Director' },
    ]);
    // A person's record: organizations by name, lists joined, an emptied list as none.
    expect(
      describeAuditChanges({
        before: { organization: { name: 'Orca County', kind: 'county' }, aliases: ['j@orca.gov'] },
        after: { organization: { name: 'Cascadia Department of Housing', kind: 'state' }, aliases: [] },
      }),
    ).toEqual([
      { field: 'organization', label: 'Organization', before: 'Orca County', after: 'Cascadia Department of Housing' },
      { field: 'aliases', label: 'Other addresses', before: 'j@orca.gov', after: null },
    ]);
  });
});

describe('describeGroupError', () => {
  const error = (status: number, message = 'api says') => new ApiError({ status, code: status === 403 ? 'forbidden' : status === 409 ? 'conflict' : 'internal', message });

  it('uses the product wording for 403 and 409 on a change, and the API message otherwise', () => {
    expect(describeGroupError(error(403), { action: 'change' })).toEqual({ kind: 'forbidden', message: 'You can view this group but not change it.' });
    expect(describeGroupError(error(409), { action: 'change' })).toEqual({ kind: 'conflict', message: 'Someone else changed this group; reload and try again.' });
    expect(describeGroupError(error(409, 'name taken'), { action: 'create' })).toEqual({ kind: 'other', message: 'name taken' });
    expect(describeGroupError(error(500, 'boom'), { action: 'read' })).toEqual({ kind: 'other', message: 'boom' });
    expect(describeGroupError(new TypeError('x at line 3'), { action: 'read' }).message).not.toContain('line 3');
  });
});

/** jsdom's Blob has no text(); FileReader it is. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('downloadExportFile', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves the content as a Blob through a temporary a[download] with the API file name', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:crosswalk/1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });

    downloadExportFile({ filename: 'Shelter Network.csv', contentType: 'text/csv; charset=utf-8', content: 'Name,Email\r\nJess,jess@x.org\r\n' });

    expect(clicked).toEqual([{ href: 'blob:crosswalk/1', download: 'Shelter Network.csv', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0]!.type).toBe('text/csv; charset=utf-8');
    expect(await readBlob(blobs[0]!)).toBe('Name,Email\r\nJess,jess@x.org\r\n');
    await vi.waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:crosswalk/1'));
  });
});

describe('openNewMessage and canOpenNewMessage', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
  });

  /** An Office global as Outlook shapes it: the requirement sets it supports, and its mailbox. */
  function installOffice(options: { mailboxVersion?: string; requirements?: 'absent' | 'throws'; mailbox?: Record<string, unknown> }) {
    const requirements =
      options.requirements === 'absent'
        ? undefined
        : {
            isSetSupported: (name: string, version: string) => {
              if (options.requirements === 'throws') throw new Error('not in an Office host');
              return name === 'Mailbox' && Number(version) <= Number(options.mailboxVersion ?? '1.5');
            },
          };
    (globalThis as Record<string, unknown>).Office = { context: { requirements, mailbox: options.mailbox ?? {} } };
  }

  it('calls displayNewMessageForm with the Bcc list and subject where Mailbox 1.6 is supported', () => {
    const displayNewMessageForm = vi.fn();
    installOffice({ mailboxVersion: '1.8', mailbox: { displayNewMessageForm } });
    expect(canOpenNewMessage()).toBe(true);
    openNewMessage({ bcc: ['a@x.org', 'b@x.org'], subject: 'Shelter Network' });
    expect(displayNewMessageForm).toHaveBeenCalledWith({ bccRecipients: ['a@x.org', 'b@x.org'], subject: 'Shelter Network' });
  });

  it.each([
    ['a host with Mailbox 1.5 only (what the manifest asks for)', { mailboxVersion: '1.5', mailbox: { displayNewMessageForm: () => {} } }],
    ['a host that cannot tell its requirement sets', { requirements: 'absent' as const, mailbox: { displayNewMessageForm: () => {} } }],
    ['a host whose check throws', { requirements: 'throws' as const, mailbox: { displayNewMessageForm: () => {} } }],
    ['a host claiming 1.6 without the method', { mailboxVersion: '1.6', mailbox: {} }],
  ])('says no, and refuses with a readable error, on %s', (_, office) => {
    const displayNewMessageForm = (office.mailbox as { displayNewMessageForm?: () => void }).displayNewMessageForm;
    const spy = displayNewMessageForm ? vi.fn(displayNewMessageForm) : undefined;
    installOffice({ ...office, mailbox: spy ? { displayNewMessageForm: spy } : {} });
    expect(canOpenNewMessage()).toBe(false);
    expect(() => openNewMessage({ bcc: ['a@x.org'], subject: 'x' })).toThrow('This version of Outlook cannot open a new message from an add-in (it needs Mailbox 1.6).');
    expect(spy ?? vi.fn()).not.toHaveBeenCalled();
  });
});

describe('member filters in the pane', () => {
  it('sends only the filters that are set, and matches a changed row by the same rule', () => {
    expect(toMemberListQuery(defaultMemberFilters)).toEqual({ term: 'current' });
    expect(toMemberListQuery({ role: ' Chair ', organizationKind: 'county', term: 'all' })).toEqual({ term: 'all', role: 'Chair', organizationKind: 'county' });
    const ended = makeMember({ email: 'a@x.org', groupId: 'g', role: 'Chair', current: false, end: '2026-03-01' });
    expect(matchesFilters(ended, { role: 'chair', organizationKind: '', term: 'past' })).toBe(true);
    expect(matchesFilters(ended, defaultMemberFilters)).toBe(false);
    expect(matchesFilters(ended, { role: '', organizationKind: 'none', term: 'all' })).toBe(true);
  });

  it('keeps a chosen role among the choices even when the group no longer has it', () => {
    expect(listRoleChoices(['chair', 'member'], '')).toEqual(['chair', 'member']);
    expect(listRoleChoices(['chair', 'member'], 'Member')).toEqual(['chair', 'member']);
    expect(listRoleChoices(['chair', 'member'], 'liaison')).toEqual(['chair', 'liaison', 'member']);
  });
});

describe('list windowing', () => {
  it.each([
    ['the top', { scrollTop: 0, viewportHeight: 480, rowHeight: 96, count: 5000, overscan: 6 }, { start: 0, end: 11 }],
    ['the middle', { scrollTop: 96 * 2000, viewportHeight: 480, rowHeight: 96, count: 5000, overscan: 6 }, { start: 1994, end: 2011 }],
    ['the bottom', { scrollTop: 96 * 4995, viewportHeight: 480, rowHeight: 96, count: 5000, overscan: 6 }, { start: 4989, end: 5000 }],
    ['a short list', { scrollTop: 0, viewportHeight: 480, rowHeight: 96, count: 3, overscan: 6 }, { start: 0, end: 3 }],
    ['an empty list', { scrollTop: 0, viewportHeight: 480, rowHeight: 96, count: 0, overscan: 6 }, { start: 0, end: 0 }],
    ['a position past the end (the list shrank)', { scrollTop: 96 * 900, viewportHeight: 480, rowHeight: 96, count: 10, overscan: 2 }, { start: 9, end: 10 }],
  ])('renders only the rows in view and a few more, at %s', (_, options, expected) => {
    expect(computeListWindow(options)).toEqual(expected);
  });

  it('scrolls as little as needed to show a row whole', () => {
    const view = { scrollTop: 960, viewportHeight: 480, rowHeight: 96 };
    expect(computeScrollToReveal({ ...view, index: 12 })).toBe(960);
    expect(computeScrollToReveal({ ...view, index: 5 })).toBe(480);
    expect(computeScrollToReveal({ ...view, index: 20 })).toBe(96 * 21 - 480);
  });

  it.each([
    ['ArrowDown', 3, 4],
    ['ArrowUp', 0, 0],
    ['PageDown', 3, 7],
    ['PageUp', 3, 0],
    ['Home', 3, 0],
    ['End', 3, 4999],
    ['Tab', 3, null],
  ])('moves focus with %s from row %i to %s', (key, index, expected) => {
    expect(moveListFocus({ key, index, count: 5000, pageSize: 4 })).toBe(expected);
  });
});
