// Which folders a mailbox sync reads.
import { chooseMailFolders } from '../../../functions/src/sync/choose-mail-folders.ts';

const folders = [
  { id: 'f-inbox', displayName: 'Inbox', path: 'Inbox' },
  { id: 'f-sent', displayName: 'Sent Items', path: 'Sent Items' },
  { id: 'f-deleted', displayName: 'Deleted Items', path: 'Deleted Items' },
  { id: 'f-junk', displayName: 'Junk Email', path: 'Junk Email' },
  { id: 'f-drafts', displayName: 'Drafts', path: 'Drafts' },
  { id: 'f-archive', displayName: 'Archive', path: 'Archive' },
  { id: 'f-projects', displayName: 'Projects', path: 'Projects' },
  { id: 'f-shelter', displayName: 'Shelter Network', path: 'Projects/Shelter Network' },
];
const wellKnown = new Map([
  ['inbox', 'f-inbox'],
  ['sentitems', 'f-sent'],
  ['deleteditems', 'f-deleted'],
  ['junkemail', 'f-junk'],
  ['drafts', 'f-drafts'],
  ['archive', 'f-archive'],
]);

it('reads every folder that holds correspondence, Inbox and Sent Items first, under stable names', () => {
  expect(chooseMailFolders(folders, wellKnown, { include: 'all' }).map((f) => f.resource)).toEqual([
    'mail:inbox',
    'mail:sentitems',
    'mail:archive',
    'mail:f-projects',
    'mail:f-shelter',
  ]);
});

it('skips folders the configuration names, by well-known name, id or path', () => {
  const chosen = chooseMailFolders(folders, wellKnown, { include: 'all', skip: ['archive', 'projects/shelter network'] });
  expect(chosen.map((f) => f.path)).toEqual(['Inbox', 'Sent Items', 'Projects']);
});

it('reads only the listed folders when given a list', () => {
  const chosen = chooseMailFolders(folders, wellKnown, { include: ['inbox', 'Projects/Shelter Network'] });
  expect(chosen.map((f) => f.resource)).toEqual(['mail:inbox', 'mail:f-shelter']);
});

it('never reads Deleted Items, Junk or Drafts, even when listed', () => {
  expect(chooseMailFolders(folders, wellKnown, { include: ['deleteditems', 'junkemail', 'drafts'] })).toEqual([]);
});
