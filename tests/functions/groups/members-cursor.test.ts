// Member-page cursors round-trip and refuse what the API did not make.
import { decodeMembersCursor, encodeMembersCursor } from '../../../functions/src/groups/members-cursor.ts';

it('round-trips an address', () => {
  expect(decodeMembersCursor(encodeMembersCursor('jess.morgan@housing.cascadia.gov'))).toBe('jess.morgan@housing.cascadia.gov');
});

it.each(['', 'not a cursor', 'a/b', encodeMembersCursor('no-at-sign'), `${encodeMembersCursor('a@b.c')}=`])('refuses %j', (cursor) => {
  expect(decodeMembersCursor(cursor)).toBeNull();
});
