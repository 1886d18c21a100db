// The cursor of a member page: the last email of the previous page, opaque to clients. Keyset
// paging on email is stable while members are added or removed between pages. Pure.

export function encodeMembersCursor(lastEmail: string): string {
  return Buffer.from(lastEmail, 'utf8').toString('base64url');
}

/** The email to continue after, or null when the cursor was not made by encodeMembersCursor. */
export function decodeMembersCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const email = Buffer.from(cursor, 'base64url').toString('utf8');
  return email.includes('@') && encodeMembersCursor(email) === cursor ? email : null;
}
