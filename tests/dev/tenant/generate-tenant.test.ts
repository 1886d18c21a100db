// The demo tenant is what every demo and end-to-end test stands on: it must be the same
// every time, big enough to be realistic, fictional, and contain Jess's story.
import { readFileSync } from 'node:fs';
import { generateDemoTenant } from '../../../dev/tenant/generate-tenant.ts';
import { listMailboxMessages } from '../../../dev/tenant/list-mailbox-messages.ts';
import type { DemoTenant, GraphMessage } from '../../../dev/tenant/tenant-types.ts';

const JESS = 'jess.morgan@housing.cascadia.gov';
const DANA = 'dana.reyes@housing.cascadia.gov';
const WORKING_GROUP = 'State–County–Local Homelessness Working Group';

let tenant: DemoTenant;
beforeAll(() => {
  tenant = generateDemoTenant();
});

function allMessages(of: DemoTenant): GraphMessage[] {
  return Object.values(of.mailboxes).flatMap((mailbox) => Object.values(mailbox.messages).flat());
}

function userIdOf(of: DemoTenant, upn: string): string {
  const user = of.users.find((candidate) => candidate.userPrincipalName === upn);
  if (!user) throw new Error(`no user ${upn}`);
  return user.id;
}

describe('generateDemoTenant', () => {
  it('is deterministic: the same seed gives byte-identical tenants, another seed a different one', () => {
    const again = generateDemoTenant();
    expect(JSON.stringify(again)).toBe(JSON.stringify(tenant));
    const small1 = generateDemoTenant({ seed: 7, scale: 0.05 });
    const small2 = generateDemoTenant({ seed: 7, scale: 0.05 });
    expect(JSON.stringify(small1)).toBe(JSON.stringify(small2));
    expect(JSON.stringify(small1)).not.toBe(JSON.stringify(generateDemoTenant({ seed: 8, scale: 0.05 })));
  });

  it('has the scale of a real state tenant: 12+ organizations, 150 people, 20,000+ messages in 10+ mailboxes over six months', () => {
    expect(tenant.tenantId).toBe('7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10');
    expect(tenant.name).toBe('State of Cascadia');
    expect(tenant.organizations.length).toBeGreaterThanOrEqual(12);
    expect(tenant.people).toHaveLength(150);
    expect(new Set(tenant.people?.map((person) => person.email)).size).toBe(150);

    const mailboxesWithMail = Object.values(tenant.mailboxes).filter((mailbox) => Object.values(mailbox.messages).some((list) => list.length > 0));
    expect(mailboxesWithMail.length).toBeGreaterThanOrEqual(10);
    const messages = allMessages(tenant);
    expect(messages.length).toBeGreaterThanOrEqual(20_000);

    const times = messages.map((message) => Date.parse(message.receivedDateTime));
    const now = Date.parse(tenant.now);
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 184 * 86_400_000);
    expect(Math.min(...times)).toBeLessThan(now - 175 * 86_400_000);
    expect(Object.values(tenant.mailboxes).every((mailbox) => mailbox.events.length > 0)).toBe(true);
  });

  it('has every tenant user fully described, and only state agencies inside the tenant', () => {
    expect(tenant.users.length).toBeGreaterThanOrEqual(10);
    for (const user of tenant.users) {
      expect(user.jobTitle).toBeTruthy();
      expect(user.department).toBeTruthy();
      expect(user.companyName).toMatch(/Cascadia|Governor/);
      expect(user.officeLocation).toBeTruthy();
      expect(user.businessPhones.length).toBeGreaterThan(0);
      expect(tenant.mailboxes[user.id]).toBeDefined();
      expect(user.mail.endsWith('.cascadia.gov')).toBe(true);
    }
    const stateOrgs = new Set(tenant.organizations.filter((org) => org.kind === 'state').map((org) => org.name));
    for (const person of tenant.people ?? []) expect(person.inTenant).toBe(stateOrgs.has(person.organization));
  });

  it('has Jess and Dana at the Department of Housing, writing to each other both ways', () => {
    const jess = tenant.users.find((user) => user.mail === JESS);
    const dana = tenant.users.find((user) => user.mail === DANA);
    expect(jess?.jobTitle).toBe('Homelessness Programs Manager');
    expect(jess?.companyName).toBe('Cascadia Department of Housing');
    expect(dana?.companyName).toBe('Cascadia Department of Housing');

    const danaMail = Object.values(tenant.mailboxes[userIdOf(tenant, DANA)]!.messages).flat();
    const fromJess = danaMail.filter((message) => message.from.emailAddress.address === JESS);
    const toJess = danaMail.filter(
      (message) => message.from.emailAddress.address === DANA && message.toRecipients.some((recipient) => recipient.emailAddress.address === JESS),
    );
    expect(fromJess.length).toBeGreaterThan(100);
    expect(toJess.length).toBeGreaterThan(100);
  });

  it('puts Jess in the working group as an attendee of a county-organized recurring series, not as its organizer', () => {
    const jessEvents = tenant.mailboxes[userIdOf(tenant, JESS)]!.events.filter((event) => event.subject.endsWith(WORKING_GROUP));
    expect(jessEvents.length).toBeGreaterThanOrEqual(10);
    expect(new Set(jessEvents.map((event) => event.seriesMasterId)).size).toBe(1);
    expect(new Set(jessEvents.map((event) => event.iCalUId)).size).toBe(jessEvents.length);
    for (const event of jessEvents) {
      expect(event.isOrganizer).toBe(false);
      expect(event.organizer.emailAddress.address).not.toBe(JESS);
      expect(event.attendees.some((attendee) => attendee.emailAddress.address === JESS)).toBe(true);
    }
    const organizer = jessEvents[0]!.organizer.emailAddress.address;
    expect(organizer).toMatch(/county-cascadia\.gov$/);
    const attendeeDomains = new Set(jessEvents[0]!.attendees.map((attendee) => attendee.emailAddress.address.split('@')[1]));
    for (const domain of ['orcacounty-cascadia.gov', 'kestrelcounty-cascadia.gov', 'portalder-cascadia.gov', 'driftwoodharbor.org']) {
      expect(attendeeDomains.has(domain) || domain === organizer.split('@')[1]).toBe(true);
    }
    expect(jessEvents.some((event) => event.isCancelled)).toBe(true);
    expect(tenant.seedMemberships.some((membership) => membership.group.includes('Working Group'))).toBe(false);

    // The same occurrence sits in Dana's calendar under its own id but the same iCalUId.
    const danaEvents = tenant.mailboxes[userIdOf(tenant, DANA)]!.events.filter((event) => event.subject.endsWith(WORKING_GROUP));
    const shared = danaEvents.find((event) => jessEvents.some((jessEvent) => jessEvent.iCalUId === event.iCalUId));
    expect(shared).toBeDefined();
    expect(jessEvents.find((event) => event.iCalUId === shared?.iCalUId)?.id).not.toBe(shared?.id);
  });

  it('seeds Jess’s typed-in roles across groups', () => {
    const jessRoles = tenant.seedMemberships.filter((membership) => membership.email === JESS).map((membership) => `${membership.role} · ${membership.group} (${membership.groupKind})`);
    expect(jessRoles).toEqual(
      expect.arrayContaining([
        'Lead · Homelessness Reduction Initiative (initiative)',
        'Coordination lead · Housing–Public Health Coordination (initiative)',
        'Point of contact · Shelter Network (coalition)',
        'Board member · Regional Homelessness Council (board)',
      ]),
    );
  });

  it('files copies like Exchange: sent copy and inbox copies share the internetMessageId under different ids', () => {
    const byImid = new Map<string, GraphMessage[]>();
    for (const message of allMessages(tenant)) byImid.set(message.internetMessageId, [...(byImid.get(message.internetMessageId) ?? []), message]);
    const danaSent = listMailboxMessages(tenant, DANA, { folder: 'sentitems' });
    const toJess = danaSent.find((message) => message.toRecipients.some((recipient) => recipient.emailAddress.address === JESS));
    const copies = byImid.get(toJess!.internetMessageId)!;
    expect(copies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(copies.map((copy) => copy.id)).size).toBe(copies.length);
    expect(new Set(copies.map((copy) => copy.conversationId)).size).toBe(1);
    const jessMailbox = tenant.mailboxes[userIdOf(tenant, JESS)]!;
    const jessFolders = new Set(jessMailbox.folders.map((folder) => folder.id));
    expect(copies.some((copy) => jessFolders.has(copy.parentFolderId))).toBe(true);
    // Bcc is visible only on the sender's copy.
    const withBcc = allMessages(tenant).filter((message) => message.bccRecipients.length > 0);
    expect(withBcc.length).toBeGreaterThan(0);
    expect(withBcc.every((message) => message.isRead && message.sentDateTime === message.receivedDateTime)).toBe(true);
  });

  it('contains the realistic noise the miners must cope with', () => {
    const messages = allMessages(tenant);
    const senders = new Set(messages.map((message) => message.from.emailAddress.address));
    expect([...senders].some((address) => address.startsWith('no-reply@'))).toBe(true);
    expect(messages.some((message) => message.internetMessageHeaders?.some((header) => header.name === 'List-Unsubscribe'))).toBe(true);
    expect(messages.some((message) => message.toRecipients.some((recipient) => recipient.emailAddress.address === 'housing-partners@lists.cascadia.gov'))).toBe(true);
    const namesForJess = new Set(
      messages.flatMap((message) => [message.from, ...message.toRecipients, ...message.ccRecipients])
        .filter((recipient) => recipient.emailAddress.address === JESS)
        .map((recipient) => recipient.emailAddress.name),
    );
    expect(namesForJess).toContain('Jess Morgn');
    expect(namesForJess).toContain('Morgan, Jess (HOUSING)');
    const patNames = new Set(messages.filter((message) => message.from.emailAddress.name.startsWith('Pat Okafor')).map((message) => message.from.emailAddress.name));
    expect(patNames).toEqual(new Set(['Pat Okafor - Program Manager', 'Pat Okafor - Director']));
    expect(messages.some((message) => message.subject.startsWith('RE: '))).toBe(true);
    const folderNames = tenant.mailboxes[userIdOf(tenant, DANA)]!.folders.map((folder) => folder.wellKnownName);
    expect(folderNames).toEqual(['inbox', 'sentitems', 'archive', 'deleteditems']);
  });

  it('uses no domain that is in the real .gov registry', () => {
    const registry = new Set(
      readFileSync('/work/shared/data/dotgov/current-full.csv', 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(',')[0]?.toLowerCase())
        .filter(Boolean),
    );
    expect(registry.size).toBeGreaterThan(10_000);
    const domains = new Set<string>([
      ...tenant.domains,
      ...tenant.organizations.flatMap((org) => org.domains),
      ...allMessages(tenant).flatMap((message) =>
        [message.from, ...message.toRecipients, ...message.ccRecipients].map((recipient) => recipient.emailAddress.address.split('@')[1] ?? ''),
      ),
    ]);
    for (const domain of domains) {
      const labels = domain.toLowerCase().split('.');
      // A subdomain of a registered domain would be just as real: check every suffix.
      for (let i = 0; i < labels.length - 1; i++) expect(registry.has(labels.slice(i).join('.')), domain).toBe(false);
    }
  });

  it('lists a mailbox folder newest first for the preview page', () => {
    const inbox = listMailboxMessages(tenant, DANA, { limit: 20 });
    expect(inbox).toHaveLength(20);
    const times = inbox.map((message) => message.receivedDateTime);
    expect([...times].sort().reverse()).toEqual(times);
    expect(() => listMailboxMessages(tenant, 'nobody@cascadia.gov')).toThrow();
  });
});
