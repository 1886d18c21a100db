// The stand-in's contacts and people, through the real Graph SDK: each mailbox's address book is
// derived from the (pinned) tenant without changing it, $select is honoured and the personal
// fields come back only without it (as Graph does), lists page with nextLink ($skiptoken for
// contacts, $skip for people), and contact changes show on the next read.
import { createHash } from 'node:crypto';
import { Client } from '@microsoft/microsoft-graph-client';
import { ensureLocalCertificate } from '../../../dev/local-ca.ts';
import { startGraphServer, type GraphServer } from '../../../dev/graph-server/graph-server.ts';
import { deriveAddressBooks } from '../../../dev/tenant/build-address-books.ts';
import { generateDemoTenant } from '../../../dev/tenant/generate-tenant.ts';
import type { DemoTenant } from '../../../dev/tenant/tenant-types.ts';

const DANA = 'dana.reyes@housing.cascadia.gov';

let tenant: DemoTenant;
let server: GraphServer;
let client: Client;
let danaId: string;

beforeAll(async () => {
  tenant = generateDemoTenant({ scale: 0.1 });
  danaId = tenant.users.find((user) => user.mail === DANA)!.id;
  const { key, cert } = await ensureLocalCertificate();
  server = await startGraphServer({ tenant, tls: { key, cert } });
  client = Client.init({
    baseUrl: `${new URL(server.baseUrl).origin}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set(['127.0.0.1']),
    authProvider: (done) => done(null, 'token'),
  });
});
afterAll(() => server?.close());

interface Page {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
}

async function readAll(url: string): Promise<{ items: Record<string, unknown>[]; links: string[] }> {
  const items: Record<string, unknown>[] = [];
  const links: string[] = [];
  for (let next: string | undefined = url; next; ) {
    const page = (await client.api(next).get()) as Page;
    items.push(...page.value);
    next = page['@odata.nextLink'];
    if (next) links.push(next);
  }
  return { items, links };
}

describe('derived address books', () => {
  it('leave the generated tenant exactly as it was', () => {
    const fresh = generateDemoTenant({ scale: 0.1 });
    const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
    const before = hash(fresh);
    deriveAddressBooks(fresh);
    expect(hash(fresh)).toBe(before);
  });

  it("make Dana's most frequent outside correspondents her contacts, with their scenario titles", () => {
    const book = deriveAddressBooks(tenant)[danaId]!;
    const scenario = new Map((tenant.people ?? []).map((person) => [person.email, person]));
    expect(book.contacts.length).toBeGreaterThan(5);
    for (const contact of book.contacts) {
      const person = scenario.get(contact.emailAddresses[0]!.address)!;
      expect(person.inTenant).toBe(false);
      expect(contact).toMatchObject({ jobTitle: person.jobTitle, companyName: person.organization, department: person.department });
    }
    expect(book.people.map((entry) => entry.personType.subclass)).toEqual(expect.arrayContaining(['OrganizationUser', 'PersonalContact', 'ImplicitContact']));
  });

  it('are the same on every derivation', () => {
    expect(deriveAddressBooks(tenant)).toEqual(deriveAddressBooks(generateDemoTenant({ scale: 0.1 })));
  });
});

describe('GET /users/{id}/contacts', () => {
  it('returns only the selected fields, paged with nextLink', async () => {
    const { items, links } = await readAll(`/users/${danaId}/contacts?$select=displayName,jobTitle,emailAddresses&$top=5`);
    expect(items).toHaveLength(deriveAddressBooks(tenant)[danaId]!.contacts.length);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/\$skiptoken=/);
    for (const contact of items) expect(Object.keys(contact).sort()).toEqual(['@odata.etag', 'displayName', 'emailAddresses', 'id', 'jobTitle']);
  });

  it('returns personal fields without $select, as Graph does', async () => {
    const [contact] = ((await client.api(`/users/${danaId}/contacts`).get()) as Page).value;
    expect(contact).toHaveProperty('personalNotes');
    expect(contact).toHaveProperty('homePhones');
  });

  it('answers 400 for an unknown property', async () => {
    await expect(client.api(`/users/${danaId}/contacts?$select=jobTitle,notAField`).get()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('shows a changed contact on the next read', async () => {
    const first = deriveAddressBooks(tenant)[danaId]!.contacts[0]!;
    server.updateContact(danaId, first.id, { jobTitle: 'Deputy Director' });
    const contact = (await client.api(`/users/${danaId}/contacts/${first.id}?$select=jobTitle`).get()) as Record<string, unknown>;
    expect(contact['jobTitle']).toBe('Deputy Director');
    server.updateContact(danaId, first.id, { jobTitle: first.jobTitle });
  });
});

describe('GET /users/{id}/people', () => {
  it('lists people most relevant first, paged with $skip, only the selected fields', async () => {
    const { items, links } = await readAll(`/users/${danaId}/people?$select=displayName,jobTitle,scoredEmailAddresses,personType&$top=10`);
    const expected = deriveAddressBooks(tenant)[danaId]!.people;
    expect(items.map((item) => (item['scoredEmailAddresses'] as { address: string }[])[0]!.address)).toEqual(
      expected.map((person) => person.scoredEmailAddresses[0]!.address),
    );
    expect(links[0]).toMatch(/\$skip=10/);
    for (const person of items) expect(person).not.toHaveProperty('personNotes');
  });
});
