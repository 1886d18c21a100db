// The signed-in mailbox owner's address, as Outlook reports it.
/** Returns the signed-in user's email address, or null when Outlook does not expose one. */
export function getUserEmail(): string | null {
  const email = Office.context.mailbox?.userProfile?.emailAddress;
  return typeof email === 'string' && email.trim() !== '' ? email.trim() : null;
}
