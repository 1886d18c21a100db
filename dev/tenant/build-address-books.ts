// Each mailbox's Outlook contacts and Graph people list, derived from a generated tenant rather
// than generated with it: generateDemoTenant's output is pinned byte for byte (a test hashes
// it), and this dataset is a pure function of that output, so adding it changed nothing there.
// The people a mailbox corresponds with most become its contacts (outside partners) and its
// relevance-ranked people list (everyone), with the scenario's titles, departments and
// organizations; contacts also carry personal fields Crosswalk must never read.
import { hashString32 } from './seeded-random.ts';
import { deriveGuid, deriveItemId } from './graph-ids.ts';
import type { AddressBook, DemoTenant, GraphContact, GraphPerson, GraphUser, ScenarioPerson } from './tenant-types.ts';

export interface DeriveAddressBooksOptions {
  /** Outlook contacts per mailbox: its most frequent outside correspondents (default 12). */
  contactsPerMailbox?: number;
  /** Graph people entries per mailbox, most relevant first (default 30). */
  peoplePerMailbox?: number;
}

const DEFAULT_CONTACTS = 12;
const DEFAULT_PEOPLE = 30;

/** A stable business number for an address: "+1 360 555 0100" to "+1 360 555 9999". */
export function deriveBusinessPhone(email: string): string {
  return `+1 360 555 ${String(1000 + (hashString32(`phone:${email}`) % 9000)).padStart(4, '0')}`;
}

/** How often each address appears with the owner (sender, recipients, attendees), most first, ties by address. */
function rankCorrespondents(tenant: DemoTenant, user: GraphUser): string[] {
  const mailbox = tenant.mailboxes[user.id];
  if (!mailbox) return [];
  const owner = user.mail.toLowerCase();
  const counts = new Map<string, number>();
  const count = (address: string | undefined) => {
    const email = address?.toLowerCase();
    if (email && email !== owner) counts.set(email, (counts.get(email) ?? 0) + 1);
  };
  for (const messages of Object.values(mailbox.messages)) {
    for (const message of messages) {
      count(message.from.emailAddress.address);
      for (const recipient of [...message.toRecipients, ...message.ccRecipients]) count(recipient.emailAddress.address);
    }
  }
  for (const event of mailbox.events) {
    count(event.organizer.emailAddress.address);
    for (const attendee of event.attendees) count(attendee.emailAddress.address);
  }
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([email]) => email);
}

function makeContact(owner: GraphUser, person: ScenarioPerson, stamp: string): GraphContact {
  const seed = hashString32(`${owner.id}|${person.email}`);
  return {
    id: deriveItemId('message', `contact|${owner.id}|${person.email}`),
    displayName: `${person.givenName} ${person.surname}`,
    givenName: person.givenName,
    surname: person.surname,
    jobTitle: person.jobTitle,
    companyName: person.organization,
    department: person.department,
    officeLocation: null,
    businessPhones: [deriveBusinessPhone(person.email)],
    emailAddresses: [{ name: `${person.givenName} ${person.surname}`, address: person.email }],
    personalNotes: `Private note of ${owner.displayName}: prefers calls before 10; daughter starts college in the fall.`,
    homePhones: [`+1 360 555 ${String(100 + (seed % 800)).padStart(4, '0')}`],
    mobilePhone: `+1 206 555 ${String(1000 + (seed % 9000)).padStart(4, '0')}`,
    birthday: `19${60 + (seed % 35)}-0${1 + (seed % 9)}-1${seed % 10}T11:59:00Z`,
    homeAddress: { street: `${100 + (seed % 900)} Alder Lane`, city: 'Port Alder', state: 'Cascadia', postalCode: '98501', countryOrRegion: 'United States' },
    spouseName: 'Private Person',
    categories: ['Partners'],
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
  };
}

function makePerson(email: string, relevance: number, facts: { person: ScenarioPerson; user?: GraphUser; contact?: GraphContact }): GraphPerson {
  const { person, user, contact } = facts;
  const phones: GraphPerson['phones'] = user
    ? user.businessPhones.map((number) => ({ type: 'business' as const, number }))
    : (contact?.businessPhones ?? []).map((number) => ({ type: 'business' as const, number }));
  return {
    id: deriveGuid(`person|${email}`),
    displayName: user?.displayName ?? `${person.givenName} ${person.surname}`,
    givenName: person.givenName,
    surname: person.surname,
    jobTitle: user ? user.jobTitle : person.jobTitle,
    companyName: user ? user.companyName : person.organization,
    department: user ? user.department : person.department,
    officeLocation: user?.officeLocation ?? null,
    userPrincipalName: user?.userPrincipalName ?? null,
    scoredEmailAddresses: [{ address: email, relevanceScore: relevance, selectionLikelihood: 'notSpecified' }],
    phones,
    personType: { class: 'Person', subclass: user ? 'OrganizationUser' : contact ? 'PersonalContact' : 'ImplicitContact' },
    isFavorite: false,
    personNotes: 'Private: on leave in March.',
    birthday: '',
  };
}

/** Every mailbox's address book, by Graph user id. Pure and deterministic. */
export function deriveAddressBooks(tenant: DemoTenant, options: DeriveAddressBooksOptions = {}): Record<string, AddressBook> {
  const people = new Map((tenant.people ?? []).map((person) => [person.email.toLowerCase(), person]));
  const users = new Map(tenant.users.map((user) => [user.mail.toLowerCase(), user]));
  const books: Record<string, AddressBook> = {};
  for (const owner of tenant.users) {
    if (!tenant.mailboxes[owner.id]) continue;
    const ranked = rankCorrespondents(tenant, owner).filter((email) => people.has(email));
    const contacts = ranked
      .filter((email) => !people.get(email)!.inTenant)
      .slice(0, options.contactsPerMailbox ?? DEFAULT_CONTACTS)
      .map((email) => makeContact(owner, people.get(email)!, tenant.now));
    const contactOf = new Map(contacts.map((contact) => [contact.emailAddresses[0]!.address.toLowerCase(), contact]));
    const top = ranked.slice(0, options.peoplePerMailbox ?? DEFAULT_PEOPLE);
    books[owner.id] = {
      contacts,
      people: top.map((email, index) =>
        makePerson(email, Math.round((1 - index / Math.max(1, top.length)) * 100) / 10, {
          person: people.get(email)!,
          ...(users.has(email) ? { user: users.get(email)! } : {}),
          ...(contactOf.has(email) ? { contact: contactOf.get(email)! } : {}),
        }),
      ),
    };
  }
  return books;
}
