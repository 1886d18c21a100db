// The metadata fields Crosswalk asks Graph for, and their shapes. Bodies, previews and
// attachments are never selected: Mail.ReadBasic / Calendars.ReadBasic are enough.
export const MESSAGE_SELECT = [
  'internetMessageId',
  'conversationId',
  'subject',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'sentDateTime',
  'receivedDateTime',
  'isDraft',
  'parentFolderId',
] as const;

export const EVENT_SELECT = [
  'iCalUId',
  'seriesMasterId',
  'type',
  'subject',
  'organizer',
  'attendees',
  'start',
  'end',
  'isCancelled',
  'isOrganizer',
] as const;

export interface GraphAddress {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}

export interface GraphMessageMetadata {
  id: string;
  internetMessageId?: string | null;
  conversationId?: string | null;
  subject?: string | null;
  from?: GraphAddress | null;
  sender?: GraphAddress | null;
  toRecipients?: GraphAddress[] | null;
  ccRecipients?: GraphAddress[] | null;
  bccRecipients?: GraphAddress[] | null;
  sentDateTime?: string | null;
  receivedDateTime?: string | null;
  isDraft?: boolean | null;
  '@removed'?: { reason: string };
}

export interface GraphEventMetadata {
  id: string;
  iCalUId?: string | null;
  seriesMasterId?: string | null;
  type?: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster' | null;
  subject?: string | null;
  organizer?: GraphAddress | null;
  attendees?: (GraphAddress & { type?: string; status?: { response?: string | null } | null })[] | null;
  start?: { dateTime: string; timeZone: string } | null;
  isCancelled?: boolean | null;
  '@removed'?: { reason: string };
}

export interface GraphUserMetadata {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  companyName?: string | null;
  officeLocation?: string | null;
  businessPhones?: string[] | null;
  mobilePhone?: string | null;
}

export const USER_SELECT = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'companyName',
  'officeLocation',
  'businessPhones',
  'mobilePhone',
] as const;
