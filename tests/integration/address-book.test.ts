// Contacts and Graph people on the real stack (real Graph SDK → Graph stand-in → sync → Cosmos
// stand-in → lookup API): a partner in Dana's Outlook contacts gets the contact's title, phone and
// organization with provenance; one only in a people list gets 'graph-people' values; only the
// work fields are asked for and nothing personal is stored; the lists are read once a day; a
// contact's change becomes history on the next day's read; nobody is created from a contact;
// exclusions hold; and a refused read leaves the mailbox's sync alone.
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import { deriveAddressBooks } from '../../dev/tenant/build-address-books.ts';
import type { AddressBook, GraphContact } from '../../dev/tenant/tenant-types.ts';
import { GRAPH_AUDIENCE } from '../../dev/token-issuer.ts';
import { createGraphClient } from '../../functions/src/graph/create-graph-client.ts';
import { CONTACT_SELECT, PERSON_SELECT } from '../../functions/src/graph/address-book-requests.ts';
import { defaultAddressBookOptions, syncAddressBook } from '../../functions/src/sync/sync-address-book.ts';
import type { SyncDependencies } from '../../functions/src/sync/sync-dependencies.ts';
import type { KnownPersonCard, PersonCard } from '../../shared/domain/person-card.ts';

const DANA = DEMO_SIGNED_IN_USER.email;
const DAY_MS = 86_400_000;

let stack: Stack;
let books: Record<string, AddressBook>;
let danaId: string;
let danaContact: GraphContact;

beforeAll(async () => {
  stack = await startStack({ ports: 'random', scale: 0.1, addin: false });
  books = deriveAddressBooks(stack.tenant);
  danaId = stack.tenant.users.find((user) => user.mail === DANA)!.id;
  danaContact = books[danaId]!.contacts[0]!;
  expect((await stack.sync()).failures).toEqual([]);
});
afterAll(() => stack?.close());

async function cardOf(email: string): Promise<PersonCard> {
  const token = await stack.issueUserToken(DANA);
  const response = await fetch(`${stack.apiUrl}/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ emails: [email] }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { people: PersonCard[] }).people[0]!;
}

async function knownCardOf(email: string): Promise<KnownPersonCard> {
  const card = await cardOf(email);
  if (!card.known) throw new Error(`${email} is unknown`);
  return card;
}

/** The address-book sync of Dana's mailbox as the queue would run it, `days` after the tenant's now. */
async function readDanaAddressBookLater(days: number) {
  const deps: SyncDependencies = {
    // A token for Graph's audience from the local issuer: what the stand-in checks.
    graph: createGraphClient({ baseUrl: stack.graphBaseUrl, getAccessToken: () => stack.issueUserToken(DANA, { audience: GRAPH_AUDIENCE }) }),
    repositories: stack.repositories,
    now: () => new Date(Date.parse(stack.tenant.now) + days * DAY_MS),
    sleep: async () => undefined,
  };
  return syncAddressBook(deps, { tenantId: stack.tenant.tenantId, ownerEmail: DANA, userId: danaId }, defaultAddressBookOptions);
}

const address = (contact: GraphContact) => contact.emailAddresses[0]!.address;

describe("a partner in Dana's Outlook contacts", () => {
  it("shows the contact's title, phone and organization, each with its source", async () => {
    const card = await knownCardOf(address(danaContact));
    expect(card.phone).toBe(danaContact.businessPhones[0]);
    expect(card.title).toBe(danaContact.jobTitle);
    expect(card.attributes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attribute: 'phone', value: danaContact.businessPhones[0], source: 'contact', lastObservedAt: new Date(stack.tenant.now).toISOString() }),
        expect.objectContaining({ attribute: 'company', value: danaContact.companyName, source: 'contact' }),
      ]),
    );
  });

  it('keeps the name from their own mail, not the label in the contact', async () => {
    const people = await stack.repositories.people.findByEmails(stack.tenant.tenantId, [address(danaContact)]);
    expect(people[0]?.displayName.source).toBe('display-name');
  });
});

it("gives someone found only in a people list (nobody's contact) values with source graph-people", async () => {
  const contacts = new Set(Object.values(books).flatMap((book) => book.contacts.map(address)));
  const implicit = Object.values(books)
    .flatMap((book) => book.people)
    .find((person) => person.personType.subclass === 'ImplicitContact' && person.jobTitle && !contacts.has(person.scoredEmailAddresses[0]!.address))!;
  const card = await knownCardOf(implicit.scoredEmailAddresses[0]!.address);
  expect(card.attributes).toContainEqual(expect.objectContaining({ attribute: 'company', value: implicit.companyName, source: 'graph-people' }));
  expect(card.phone ?? null).toBeNull();
});

describe('privacy', () => {
  it('asks Graph for the work fields only', () => {
    const requests = stack.graphServer.requestLog.filter((request) => /\/users\/[^/]+\/(contacts|people)\b/.test(new URL(request.url).pathname));
    expect(requests.length).toBeGreaterThanOrEqual(2 * Object.keys(books).length);
    for (const request of requests) {
      const url = new URL(request.url);
      const expected = url.pathname.endsWith('/contacts') ? CONTACT_SELECT : PERSON_SELECT;
      expect(url.searchParams.get('$select')?.split(',')).toEqual([...expected]);
    }
  });

  it('stores nothing personal from a contact', async () => {
    const { resources } = await stack.store.people.items.readAll().fetchAll();
    const stored = JSON.stringify(resources);
    expect(stored).not.toContain(danaContact.personalNotes);
    expect(stored).not.toContain(danaContact.homePhones[0]!);
    expect(stored).not.toContain(danaContact.mobilePhone!);
    expect(stored).not.toContain(danaContact.spouseName);
  });
});

describe('cadence', () => {
  it('reads contacts and people once a day: another sync the same day asks for neither', async () => {
    const before = stack.graphServer.requestLog.length;
    expect((await stack.sync()).failures).toEqual([]);
    const again = stack.graphServer.requestLog.slice(before).filter((request) => /\/(contacts|people)\b/.test(new URL(request.url).pathname));
    expect(again).toEqual([]);
  });

  it("turns a contact's new title into history on the next day's read", async () => {
    stack.graphServer.updateContact(danaId, danaContact.id, { jobTitle: 'Deputy County Administrator' });
    const reports = await readDanaAddressBookLater(1);
    expect(reports.map((report) => [report.resource, report.read, report.error])).toEqual([
      ['contacts', true, null],
      ['people', true, null],
    ]);
    const card = await knownCardOf(address(danaContact));
    expect(card.title).toBe('Deputy County Administrator');
    const since = new Date(Date.parse(stack.tenant.now) + DAY_MS).toISOString().slice(0, 10);
    expect(card.attributeHistory).toContainEqual({ attribute: 'title', from: danaContact.jobTitle, to: 'Deputy County Administrator', since });
  });
});

describe('what a contact never does', () => {
  it('creates nobody: an address no mail or meeting showed stays unknown', async () => {
    const stranger = 'only.in.contacts@example.org';
    stack.graphServer.addContact(danaId, { ...danaContact, id: 'contact-stranger', jobTitle: 'Advisor', emailAddresses: [{ name: 'Only In Contacts', address: stranger }] });
    await readDanaAddressBookLater(2);
    expect(await cardOf(stranger)).toEqual({ email: stranger, known: false });
  });

  it("changes nobody on Dana's own exclusion list", async () => {
    const contact = books[danaId]!.contacts[1]!;
    const before = (await knownCardOf(address(contact))).title;
    await stack.repositories.settings.saveExclusions(stack.tenant.tenantId, { kind: 'user', ownerEmail: DANA }, { addresses: [address(contact)], domains: [] }, { updatedBy: DANA, now: stack.tenant.now });
    stack.graphServer.updateContact(danaId, contact.id, { jobTitle: 'Changed While Excluded' });
    await readDanaAddressBookLater(3);
    expect((await knownCardOf(address(contact))).title).toBe(before);
    await stack.repositories.settings.saveExclusions(stack.tenant.tenantId, { kind: 'user', ownerEmail: DANA }, { addresses: [], domains: [] }, { updatedBy: DANA, now: stack.tenant.now });
  });
});

it("records Graph's refusal on the list's cursor and leaves the mailbox's sync alone", async () => {
  stack.graphServer.faults.failNext({ status: 401, pathIncludes: '/contacts', count: 1 });
  const reports = await readDanaAddressBookLater(4);
  expect(reports.find((report) => report.resource === 'contacts')?.error).toMatchObject({ kind: 'auth' });
  expect(reports.find((report) => report.resource === 'people')?.error).toBeNull();
  const cursor = await stack.repositories.syncState.read(stack.tenant.tenantId, DANA, 'contacts');
  expect(cursor).toMatchObject({ stage: 'needs-reconnect', lastError: { kind: 'auth' } });
  // Not asked again within the day.
  const before = stack.graphServer.requestLog.length;
  await readDanaAddressBookLater(4.5);
  expect(stack.graphServer.requestLog.slice(before).some((request) => request.url.includes('/contacts'))).toBe(false);
});
