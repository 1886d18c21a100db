// The shape of a demo tenant: what the local Graph stand-in serves, in Microsoft Graph's own
// JSON shapes (v1.0 user, message, event), plus the scenario facts the demo seeds around it.
import type { OrganizationKind } from '../../shared/domain/organization-kind.ts';

export interface GraphEmailAddress {
  name: string;
  address: string;
}
export interface GraphRecipient {
  emailAddress: GraphEmailAddress;
}

/** A Graph user (directory entry) of the tenant; only these have mailboxes. */
export interface GraphUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
  companyName: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  /** False for a shared mailbox (sign-in blocked, no licence); absent means true. The generator never sets it. */
  accountEnabled?: boolean;
}

/** A Graph message as it sits in one mailbox folder. Bodies exist here so tests can prove they are never asked for. */
export interface GraphMessage {
  id: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  bodyPreview: string;
  body: { contentType: 'text' | 'html'; content: string };
  from: GraphRecipient;
  sender: GraphRecipient;
  toRecipients: GraphRecipient[];
  ccRecipients: GraphRecipient[];
  bccRecipients: GraphRecipient[];
  replyTo: GraphRecipient[];
  sentDateTime: string;
  receivedDateTime: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  isDraft: boolean;
  isRead: boolean;
  hasAttachments: boolean;
  importance: 'low' | 'normal' | 'high';
  parentFolderId: string;
  internetMessageHeaders?: { name: string; value: string }[];
}

export interface GraphDateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}
export interface GraphAttendee {
  type: 'required' | 'optional' | 'resource';
  status: { response: 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded'; time: string };
  emailAddress: GraphEmailAddress;
}

/** A Graph event instance as calendarView returns it (series are expanded into occurrences). */
export interface GraphEvent {
  id: string;
  iCalUId: string;
  seriesMasterId: string | null;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  subject: string;
  bodyPreview: string;
  body: { contentType: 'text' | 'html'; content: string };
  organizer: GraphRecipient;
  attendees: GraphAttendee[];
  start: GraphDateTimeTimeZone;
  end: GraphDateTimeTimeZone;
  isCancelled: boolean;
  isOnlineMeeting: boolean;
  isOrganizer: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface MailFolder {
  id: string;
  displayName: string;
  /** Graph's well-known name where it has one: inbox, sentitems, archive, deleteditems. */
  wellKnownName: string | null;
  /**
   * The folder this one sits in, for user-created child folders (e.g. Projects/Shelter Network).
   * Absent (or null) for top-level folders, whose parent is the mailbox root (msgfolderroot).
   */
  parentFolderId?: string | null;
}

export interface Mailbox {
  userId: string;
  folders: MailFolder[];
  /** Messages by folder id, oldest first. */
  messages: Record<string, GraphMessage[]>;
  /** Event instances in this user's calendar, by start. */
  events: GraphEvent[];
}

/** An organization of the scenario, as an admin would list it in the tenant's directory of partners. */
export interface DirectoryOrganization {
  name: string;
  kind: OrganizationKind;
  domains: string[];
  parent?: string;
}

/** A group membership a user typed in (the scenario's "manual" roles). */
export interface SeedMembership {
  group: string;
  groupKind: 'initiative' | 'working-group' | 'board' | 'coalition' | 'distribution-list' | 'other';
  email: string;
  role: string;
  addedBy: string;
}

/** A change of how a person presents themselves, as it shows in mail (e.g. a promotion seen in the display name). */
export interface TitleChange {
  /** When the new title first appears (ISO). */
  at: string;
  from: string;
  to: string;
  /** The display name used in mail before and after the change. */
  displayNameBefore?: string;
  displayNameAfter?: string;
}

/** A person of the scenario, inside or outside the tenant (only tenant users also appear in `users`). */
export interface ScenarioPerson {
  email: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  department: string | null;
  /** The DirectoryOrganization name. */
  organization: string;
  inTenant: boolean;
  titleChanges?: TitleChange[];
}

export interface DemoTenant {
  tenantId: string;
  /** e.g. "State of Cascadia". */
  name: string;
  /** The domains the tenant's mailboxes live under, e.g. cascadia.gov and its subdomains. */
  domains: string[];
  /** The reference "now" of the scenario: the end of the 6-month period (ISO). */
  now: string;
  users: GraphUser[];
  mailboxes: Record<string, Mailbox>;
  organizations: DirectoryOrganization[];
  seedMemberships: SeedMembership[];
  /** Every person of the scenario (the generator fills it; imported mailboxes may not). */
  people?: ScenarioPerson[];
}

/**
 * An Outlook contact in a mailbox's default Contacts folder, in Graph's v1.0 shape. The personal
 * fields (notes, home and mobile phones, birthday, home address, spouse) exist here so tests can
 * prove Crosswalk never asks for them.
 */
export interface GraphContact {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  companyName: string | null;
  department: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  emailAddresses: GraphEmailAddress[];
  personalNotes: string;
  homePhones: string[];
  mobilePhone: string | null;
  birthday: string | null;
  homeAddress: { street: string; city: string; state: string; postalCode: string; countryOrRegion: string };
  spouseName: string;
  categories: string[];
  createdDateTime: string;
  lastModifiedDateTime: string;
}

/** An entry of a mailbox owner's Graph people list (GET /users/{id}/people), most relevant first. */
export interface GraphPerson {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  companyName: string | null;
  department: string | null;
  officeLocation: string | null;
  userPrincipalName: string | null;
  scoredEmailAddresses: { address: string; relevanceScore: number; selectionLikelihood: 'notSpecified' | 'high' }[];
  phones: { type: 'home' | 'business' | 'mobile' | 'other'; number: string }[];
  personType: { class: 'Person' | 'Group'; subclass: 'OrganizationUser' | 'PersonalContact' | 'ImplicitContact' | 'PublicDistributionList' };
  isFavorite: boolean;
  /** Personal, never requested by Crosswalk. */
  personNotes: string;
  birthday: string;
}

/** What one mailbox's contacts and Graph people hold (dev/tenant/build-address-books.ts derives them). */
export interface AddressBook {
  contacts: GraphContact[];
  people: GraphPerson[];
}
