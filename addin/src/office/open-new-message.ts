// Opens Outlook's new-message form, pre-filled. The pane never sends mail itself: the user sees
// the draft, can edit it, and presses Send in Outlook.
//
// displayNewMessageForm with recipients and a subject needs Mailbox requirement set 1.6, while
// the manifest asks for 1.5 (its owner decides the minimum): so the pane asks the host first and
// offers a fallback (copying the addresses) where the set is missing.
export interface NewMessageOptions {
  /** Addresses for Bcc, so recipients do not see each other (outreach to a group). */
  bcc: string[];
  subject: string;
}

/** The requirement set that brought displayNewMessageForm's parameters. */
export const NEW_MESSAGE_REQUIREMENT = { set: 'Mailbox', version: '1.6' } as const;

/** True when the host supports Mailbox 1.6 and offers displayNewMessageForm; false when it does not or cannot say. */
export function canOpenNewMessage(): boolean {
  try {
    return (
      Office.context.requirements.isSetSupported(NEW_MESSAGE_REQUIREMENT.set, NEW_MESSAGE_REQUIREMENT.version) &&
      typeof Office.context.mailbox?.displayNewMessageForm === 'function'
    );
  } catch {
    return false;
  }
}

/** Opens a new message form; throws when the host cannot (check canOpenNewMessage first). */
export function openNewMessage(options: NewMessageOptions): void {
  if (!canOpenNewMessage()) {
    throw new Error(`This version of Outlook cannot open a new message from an add-in (it needs Mailbox ${NEW_MESSAGE_REQUIREMENT.version}).`);
  }
  Office.context.mailbox.displayNewMessageForm({ bccRecipients: options.bcc, subject: options.subject });
}
