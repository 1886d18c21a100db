// How items look on the wire: the full Graph JSON of a user, mail folder, message, event,
// contact and person (adding the properties Graph always has but the demo tenant does not
// store), and $select
// projection. With $select, only the selected properties come back, plus id and the OData
// annotations, like Graph; without it the default set, which for messages includes the body
// (Graph does too; callers that want metadata only must $select).
import type { GraphContact, GraphEvent, GraphMessage, GraphPerson, GraphUser } from '../tenant/tenant-types.ts';
import type { FolderState, MailboxState } from './tenant-state.ts';
import { createHash } from 'node:crypto';

type Json = Record<string, unknown>;

function hashEtag(...parts: string[]): string {
  return `W/"CQAAABYAAA${createHash('sha1').update(parts.join('|')).digest('base64').slice(0, 22)}"`;
}

const USER_DEFAULT = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];

export function describeUser(user: GraphUser): Json {
  return {
    businessPhones: user.businessPhones,
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation,
    preferredLanguage: 'en-US',
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    department: user.department,
    companyName: user.companyName,
    accountEnabled: user.accountEnabled ?? true,
    usageLocation: 'US',
    proxyAddresses: [`SMTP:${user.mail}`],
  };
}

export function describeFolder(mailbox: MailboxState, state: FolderState): Json {
  const messages = [...state.log.current.values()];
  return {
    id: state.folder.id,
    displayName: state.folder.displayName,
    parentFolderId: state.folder.parentFolderId ?? `${mailbox.user.id}-msgfolderroot`,
    childFolderCount: mailbox.folders.filter((candidate) => candidate.folder.parentFolderId === state.folder.id).length,
    unreadItemCount: messages.filter((message) => !message.isRead).length,
    totalItemCount: messages.length,
    sizeInBytes: messages.length * 4096,
    isHidden: false,
  };
}

const MESSAGE_HIDDEN_BY_DEFAULT = new Set(['internetMessageHeaders', 'uniqueBody']);

export function describeMessage(message: GraphMessage): Json {
  return {
    '@odata.etag': hashEtag(message.id, message.lastModifiedDateTime, String(message.isRead)),
    id: message.id,
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey: hashEtag(message.id, message.lastModifiedDateTime).slice(3, -1),
    categories: [],
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    hasAttachments: message.hasAttachments,
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: message.bodyPreview,
    importance: message.importance,
    parentFolderId: message.parentFolderId,
    conversationId: message.conversationId,
    conversationIndex: Buffer.from(message.conversationId).toString('base64').slice(0, 30),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: message.isRead,
    isDraft: message.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: message.body,
    uniqueBody: message.body,
    sender: message.sender,
    from: message.from,
    toRecipients: message.toRecipients,
    ccRecipients: message.ccRecipients,
    bccRecipients: message.bccRecipients,
    replyTo: message.replyTo,
    internetMessageHeaders: message.internetMessageHeaders ?? [],
    flag: { flagStatus: 'notFlagged' },
  };
}

/** The event as its mailbox owner sees it (responseStatus is the owner's own answer). */
export function describeEvent(event: GraphEvent, owner: GraphUser): Json {
  const ownAttendance = event.attendees.find((attendee) => attendee.emailAddress.address.toLowerCase() === owner.mail.toLowerCase());
  const responseStatus = event.isOrganizer
    ? { response: 'organizer', time: '0001-01-01T00:00:00Z' }
    : (ownAttendance?.status ?? { response: 'none', time: '0001-01-01T00:00:00Z' });
  return {
    '@odata.etag': hashEtag(event.id, event.lastModifiedDateTime),
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: hashEtag(event.id, event.lastModifiedDateTime).slice(3, -1),
    categories: [],
    transactionId: null,
    originalStartTimeZone: 'Pacific Standard Time',
    originalEndTimeZone: 'Pacific Standard Time',
    iCalUId: event.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: !event.isCancelled,
    hasAttachments: false,
    subject: event.subject,
    bodyPreview: event.bodyPreview,
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: event.isCancelled,
    isOrganizer: event.isOrganizer,
    responseRequested: true,
    seriesMasterId: event.seriesMasterId,
    showAs: event.isCancelled ? 'free' : 'busy',
    type: event.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus,
    body: event.body,
    start: event.start,
    end: event.end,
    location: { displayName: event.isOnlineMeeting ? 'Microsoft Teams Meeting' : '', locationType: 'default', uniqueIdType: 'unknown' },
    locations: [],
    recurrence: null,
    attendees: event.attendees,
    organizer: event.organizer,
    onlineMeeting: event.isOnlineMeeting ? { joinUrl: `https://teams.example.invalid/l/meetup-join/${event.iCalUId.slice(-16)}` } : null,
  };
}

/** An Outlook contact, every property (personal ones included: Graph returns them without $select). */
export function describeContact(contact: GraphContact): Json {
  return {
    '@odata.etag': hashEtag(contact.id, contact.lastModifiedDateTime),
    id: contact.id,
    createdDateTime: contact.createdDateTime,
    lastModifiedDateTime: contact.lastModifiedDateTime,
    changeKey: hashEtag(contact.id, contact.lastModifiedDateTime).slice(3, -1),
    categories: contact.categories,
    parentFolderId: 'AAMkAGContactsFolder',
    birthday: contact.birthday,
    fileAs: '',
    displayName: contact.displayName,
    givenName: contact.givenName,
    initials: null,
    middleName: null,
    nickName: null,
    surname: contact.surname,
    title: null,
    yomiGivenName: null,
    yomiSurname: null,
    yomiCompanyName: null,
    generation: null,
    imAddresses: [],
    jobTitle: contact.jobTitle,
    companyName: contact.companyName,
    department: contact.department,
    officeLocation: contact.officeLocation,
    profession: null,
    businessHomePage: null,
    assistantName: null,
    manager: null,
    homePhones: contact.homePhones,
    mobilePhone: contact.mobilePhone,
    businessPhones: contact.businessPhones,
    spouseName: contact.spouseName,
    personalNotes: contact.personalNotes,
    children: [],
    emailAddresses: contact.emailAddresses,
    homeAddress: contact.homeAddress,
    businessAddress: {},
    otherAddress: {},
  };
}

/** An entry of the people API (v1.0 person). */
export function describePerson(person: GraphPerson): Json {
  return {
    id: person.id,
    displayName: person.displayName,
    givenName: person.givenName,
    surname: person.surname,
    birthday: person.birthday,
    personNotes: person.personNotes,
    isFavorite: person.isFavorite,
    jobTitle: person.jobTitle,
    companyName: person.companyName,
    yomiCompany: '',
    department: person.department,
    officeLocation: person.officeLocation,
    profession: '',
    userPrincipalName: person.userPrincipalName,
    imAddress: null,
    scoredEmailAddresses: person.scoredEmailAddresses,
    phones: person.phones,
    postalAddresses: [],
    websites: [],
    personType: person.personType,
  };
}

export interface SelectResult {
  /** Canonical property names; null when there was no $select. */
  select: string[] | null;
  /** The first unknown name, if any (Graph answers 400). */
  unknown: string | null;
}

/** Parses $select against the properties an entity has (case-insensitively, as Graph does). */
export function parseSelect(raw: string | null, sample: Json): SelectResult {
  if (raw === null || raw.trim() === '') return { select: null, unknown: null };
  const known = new Map(Object.keys(sample).filter((key) => !key.startsWith('@')).map((key) => [key.toLowerCase(), key]));
  const select: string[] = [];
  for (const name of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const canonical = known.get(name.toLowerCase());
    if (!canonical) return { select: null, unknown: name };
    if (!select.includes(canonical)) select.push(canonical);
  }
  return { select, unknown: null };
}

export type EntityKind = 'message' | 'event' | 'user' | 'contact' | 'person';

/** Projects a described entity: the selected properties plus id (and the etag/type annotations for Outlook items). */
export function projectEntity(full: Json, select: string[] | null, kind: EntityKind, options: { annotateType?: boolean } = {}): Json {
  const out: Json = {};
  if (options.annotateType) out['@odata.type'] = `#microsoft.graph.${kind}`;
  if (select === null) {
    for (const [key, value] of Object.entries(full)) {
      if (kind === 'message' && MESSAGE_HIDDEN_BY_DEFAULT.has(key)) continue;
      if (kind === 'user' && !USER_DEFAULT.includes(key)) continue;
      out[key] = value;
    }
    return out;
  }
  if ('@odata.etag' in full) out['@odata.etag'] = full['@odata.etag'];
  for (const key of select) out[key] = full[key];
  out['id'] = full['id'];
  return out;
}

/** A sample of each entity's full shape, for validating $select before any item is at hand. */
export function sampleEntity(kind: EntityKind): Json {
  const recipient = { emailAddress: { name: '', address: '' } };
  if (kind === 'user') {
    return describeUser({ id: '', displayName: '', givenName: '', surname: '', mail: '', userPrincipalName: '', jobTitle: null, department: null, companyName: null, officeLocation: null, businessPhones: [] });
  }
  if (kind === 'contact') {
    const address = { street: '', city: '', state: '', postalCode: '', countryOrRegion: '' };
    return describeContact({
      id: '', displayName: '', givenName: '', surname: '', jobTitle: null, companyName: null, department: null, officeLocation: null,
      businessPhones: [], emailAddresses: [], personalNotes: '', homePhones: [], mobilePhone: null, birthday: null, homeAddress: address,
      spouseName: '', categories: [], createdDateTime: '', lastModifiedDateTime: '',
    });
  }
  if (kind === 'person') {
    return describePerson({
      id: '', displayName: '', givenName: '', surname: '', jobTitle: null, companyName: null, department: null, officeLocation: null,
      userPrincipalName: null, scoredEmailAddresses: [], phones: [], personType: { class: 'Person', subclass: 'ImplicitContact' }, isFavorite: false,
      personNotes: '', birthday: '',
    });
  }
  if (kind === 'message') {
    return describeMessage({
      id: '', internetMessageId: '', conversationId: '', subject: '', bodyPreview: '', body: { contentType: 'text', content: '' },
      from: recipient, sender: recipient, toRecipients: [], ccRecipients: [], bccRecipients: [], replyTo: [],
      sentDateTime: '', receivedDateTime: '', createdDateTime: '', lastModifiedDateTime: '', isDraft: false, isRead: false,
      hasAttachments: false, importance: 'normal', parentFolderId: '',
    });
  }
  const time = { dateTime: '', timeZone: 'UTC' };
  return describeEvent(
    {
      id: '', iCalUId: '', seriesMasterId: null, type: 'singleInstance', subject: '', bodyPreview: '', body: { contentType: 'html', content: '' },
      organizer: recipient, attendees: [], start: time, end: time, isCancelled: false, isOnlineMeeting: false, isOrganizer: false,
      createdDateTime: '', lastModifiedDateTime: '',
    },
    { id: '', displayName: '', givenName: '', surname: '', mail: '', userPrincipalName: '', jobTitle: null, department: null, companyName: null, officeLocation: null, businessPhones: [] },
  );
}
