// When a mailbox's contacts or people list is read again: once a day, at once when a read is
// unfinished or was cleared by a full resync, and a day after Graph refused it (permission).
import { isAddressBookDue } from '../../../functions/src/sync/sync-address-book.ts';
import type { SyncCursor } from '../../../functions/src/store/sync-state-repository.ts';

const NOW = new Date('2026-11-20T17:00:00.000Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const cursor = (fields: Partial<SyncCursor>): SyncCursor => ({
  id: 'x',
  tenantId: 't',
  ownerEmail: 'dana.reyes@housing.cascadia.gov',
  resource: 'contacts',
  nextLink: null,
  deltaLink: '/users/u/contacts?$select=jobTitle&$top=100',
  lastSuccessAt: hoursAgo(3),
  updatedAt: hoursAgo(3),
  stage: 'idle',
  failureCount: 0,
  lastError: null,
  ...fields,
});

it.each<[string, SyncCursor | null, boolean]>([
  ['never read', null, true],
  ['read 3 hours ago', cursor({}), false],
  ['read 24 hours ago', cursor({ lastSuccessAt: hoursAgo(24), updatedAt: hoursAgo(24) }), true],
  ['a read stopped mid-way', cursor({ nextLink: 'https://graph/…&$skiptoken=abc', stage: 'failed' }), true],
  ['cleared by a full resync', cursor({ deltaLink: null }), true],
  ['refused (no permission) 2 hours ago', cursor({ deltaLink: null, stage: 'needs-reconnect', updatedAt: hoursAgo(2) }), false],
  ['refused (no permission) a day ago', cursor({ deltaLink: null, stage: 'needs-reconnect', updatedAt: hoursAgo(25) }), true],
])('%s: due = %s', (_case, state, due) => {
  expect(isAddressBookDue(state, NOW, 24)).toBe(due);
});
