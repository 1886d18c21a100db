// What the local preview's message list shows: the metadata of one message in the signed-in
// demo user's mailbox, as GET /preview-api/messages serves it. Never a body.
export interface PreviewAddress {
  name: string;
  address: string;
}

export interface PreviewMessage {
  id: string;
  subject: string;
  from: PreviewAddress;
  to: PreviewAddress[];
  cc: PreviewAddress[];
  receivedDateTime: string;
  /** 'compose' opens the message as a draft (recipients read through getAsync); default 'read'. */
  mode?: 'read' | 'compose';
}

export interface PreviewUser {
  email: string;
  displayName: string;
}

/** The body of GET /preview-api/messages. */
export interface PreviewMessagesResponse {
  user: PreviewUser;
  messages: PreviewMessage[];
}
