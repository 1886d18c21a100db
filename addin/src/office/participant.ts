// A person on a mail item as Outlook reports them: the add-in's own shape, free of office.js types.

/** Outlook's own classification of a recipient (office.js EmailAddressDetails.recipientType). */
export type RecipientType = 'user' | 'externalUser' | 'distributionList' | 'other';

export interface Participant {
  email: string;
  displayName: string;
  /** Present when Outlook says: 'externalUser' is outside the organization, 'user' inside. */
  recipientType?: RecipientType;
}

export type MailItemMode = 'read' | 'compose';

/** What the task pane knows about the open item: metadata only, never the body. */
export interface MailItemSnapshot {
  mode: MailItemMode;
  /** Null in compose mode (a draft has no id until saved) and when Outlook does not say. */
  itemId: string | null;
  subject: string;
  from: Participant | null;
  to: Participant[];
  cc: Participant[];
  /** Compose mode only: a draft's Bcc (a received message never shows it). */
  bcc?: Participant[];
}
