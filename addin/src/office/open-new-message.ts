// Opens Outlook's new-message form, pre-filled. The pane never sends mail itself: the user sees
// the draft, can edit it, and presses Send in Outlook.
export interface NewMessageOptions {
  /** Addresses for Bcc, so recipients do not see each other (outreach to a group). */
  bcc: string[];
  subject: string;
}

/** Opens a new message form; throws when the host lacks displayNewMessageForm (Mailbox 1.6, read mode). */
export function openNewMessage(options: NewMessageOptions): void {
  const mailbox = Office.context.mailbox;
  if (!mailbox || typeof mailbox.displayNewMessageForm !== 'function') {
    throw new Error('This version of Outlook cannot open a new message from an add-in.');
  }
  mailbox.displayNewMessageForm({ bccRecipients: options.bcc, subject: options.subject });
}
