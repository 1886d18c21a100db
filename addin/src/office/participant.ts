// A person on a mail item as Outlook reports them: the add-in's own shape, free of office.js types.
export interface Participant {
  email: string;
  displayName: string;
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
}
