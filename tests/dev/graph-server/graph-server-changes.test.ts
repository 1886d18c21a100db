// Delta correctness material for the mining engine: messages updated, moved and deleted; meetings
// rescheduled, cancelled, with attendees added or removed; user folders and their children.
import { Client } from '@microsoft/microsoft-graph-client';
import { ensureLocalCertificate } from '../../../dev/local-ca.ts';
import { startGraphServer, type GraphServer } from '../../../dev/graph-server/graph-server.ts';
import { generateDemoTenant } from '../../../dev/tenant/generate-tenant.ts';
import type { DemoTenant, GraphEvent, GraphMessage, Mailbox } from '../../../dev/tenant/tenant-types.ts';

const DANA = 'dana.reyes@housing.cascadia.gov';
const JESS = 'jess.morgan@housing.cascadia.gov';
const TOKEN = 'good-token';
const PREFER = 'odata.maxpagesize=1000';
const WINDOW = 'startDateTime=2026-05-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z';

type Item = Record<string, unknown> & { id: string };
interface Page {
  value: Item[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

let tenant: DemoTenant;
let server: GraphServer;
let client: Client;

function mailboxOf(upn: string): Mailbox {
  return tenant.mailboxes[tenant.users.find((user) => user.mail === upn)!.id]!;
}
function folderId(upn: string, name: string): string {
  return mailboxOf(upn).folders.find((folder) => folder.wellKnownName === name || folder.displayName === name)!.id;
}

/** A whole delta round (following nextLinks) from a URL; returns its items and the deltaLink. */
async function readRound(url: string): Promise<{ items: Item[]; deltaLink: string }> {
  let page = (await client.api(url).header('Prefer', PREFER).get()) as Page;
  const items = [...page.value];
  while (page['@odata.nextLink']) {
    page = (await client.api(page['@odata.nextLink']).header('Prefer', PREFER).get()) as Page;
    items.push(...page.value);
  }
  return { items, deltaLink: page['@odata.deltaLink']! };
}

beforeAll(async () => {
  tenant = generateDemoTenant({ scale: 0.1, userFolders: true });
  const { key, cert } = await ensureLocalCertificate();
  server = await startGraphServer({ tenant, tls: { key, cert }, acceptToken: (token) => token === TOKEN });
  client = Client.init({ baseUrl: `${new URL(server.baseUrl).origin}/`, defaultVersion: 'v1.0', customHosts: new Set(['127.0.0.1']), authProvider: (done) => done(null, TOKEN) });
});

afterAll(async () => {
  await server.close();
});

describe('Graph stand-in: message changes in delta', () => {
  it('returns an updated message (same id, new subject and isRead) in the next round', async () => {
    const inbox = await readRound(`/users/${DANA}/mailFolders/inbox/messages/delta?$select=subject,isRead,internetMessageId`);
    const target = inbox.items.find((item) => item['isRead'] === false) ?? inbox.items[0]!;
    const updated = server.updateMessage(DANA, target.id, { subject: 'Renamed by the test', isRead: true });
    expect(updated.id).toBe(target.id);

    const next = await readRound(inbox.deltaLink);
    expect(next.items).toEqual([
      expect.objectContaining({ id: target.id, subject: 'Renamed by the test', isRead: true, internetMessageId: target['internetMessageId'] }),
    ]);
    expect((await readRound(next.deltaLink)).items).toEqual([]);
    expect(() => server.updateMessage(DANA, 'no-such-message', { isRead: true })).toThrow();
  });

  it('moves a message: @removed in the old folder, a new id in the new folder with the same internetMessageId (or the same id with keepId)', async () => {
    const inbox = await readRound(`/users/${DANA}/mailFolders/inbox/messages/delta?$select=subject,internetMessageId,parentFolderId`);
    const archive = await readRound(`/users/${DANA}/mailFolders/archive/messages/delta?$select=subject,internetMessageId,parentFolderId`);
    const [first, second] = inbox.items.slice(-2) as [Item, Item];

    const moved = server.moveMessage(DANA, first.id, 'archive');
    const kept = server.moveMessage(DANA, second.id, 'archive', { keepId: true });
    expect(moved.id).not.toBe(first.id);
    expect(kept.id).toBe(second.id);

    const inboxChanges = await readRound(inbox.deltaLink);
    expect(inboxChanges.items).toEqual([
      { '@odata.type': '#microsoft.graph.message', id: first.id, '@removed': { reason: 'deleted' } },
      { '@odata.type': '#microsoft.graph.message', id: second.id, '@removed': { reason: 'deleted' } },
    ]);
    const archiveChanges = await readRound(archive.deltaLink);
    expect(archiveChanges.items).toEqual([
      expect.objectContaining({ id: moved.id, internetMessageId: first['internetMessageId'], parentFolderId: folderId(DANA, 'archive') }),
      expect.objectContaining({ id: second.id, internetMessageId: second['internetMessageId'], parentFolderId: folderId(DANA, 'archive') }),
    ]);
  });

  it('reports a deleted message as @removed', async () => {
    const sent = await readRound(`/users/${JESS}/mailFolders/sentitems/messages/delta?$select=subject`);
    const target = sent.items[0]!;
    server.removeMessage(JESS, target.id);
    expect((await readRound(sent.deltaLink)).items).toEqual([{ '@odata.type': '#microsoft.graph.message', id: target.id, '@removed': { reason: 'deleted' } }]);
  });
});

describe('Graph stand-in: meeting changes in calendarView delta', () => {
  it('returns rescheduled, cancelled and re-attended meetings as changed instances, and removed ones as @removed', async () => {
    const round = await readRound(`/users/${JESS}/calendarView/delta?${WINDOW}`);
    const events = round.items.filter((item) => item['type'] === 'occurrence' && String((item['start'] as { dateTime: string }).dateTime) > '2026-07-01');
    const [moved, cancelled, attended, removed, leaving] = events as [Item, Item, Item, Item, Item];
    const original = mailboxOf(JESS).events.find((event) => event.id === moved.id)!;

    const newStart = '2026-09-09T17:00:00.0000000';
    server.updateEvent(JESS, moved.id, { start: { dateTime: newStart, timeZone: 'UTC' }, end: { dateTime: '2026-09-09T18:00:00.0000000', timeZone: 'UTC' } });
    server.updateEvent(JESS, cancelled.id, { isCancelled: true, subject: `Canceled: ${String(cancelled['subject'])}` });
    const newcomer: GraphEvent['attendees'][number] = {
      type: 'optional',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: 'Renee Castillo', address: 'rcastillo@kestrelcounty-cascadia.gov' },
    };
    server.updateEvent(JESS, attended.id, { attendees: [...(attended['attendees'] as GraphEvent['attendees']).slice(1), newcomer] });
    server.removeEvent(JESS, removed.id);
    server.updateEvent(JESS, leaving.id, { start: { dateTime: '2027-02-01T17:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2027-02-01T18:00:00.0000000', timeZone: 'UTC' } });

    const changes = await readRound(round.deltaLink);
    const byId = new Map(changes.items.map((item) => [item.id, item]));
    expect(changes.items).toHaveLength(5);
    expect(byId.get(moved.id)).toMatchObject({ type: 'exception', start: { dateTime: newStart, timeZone: 'UTC' }, iCalUId: moved['iCalUId'], seriesMasterId: moved['seriesMasterId'] });
    expect(byId.get(cancelled.id)).toMatchObject({ isCancelled: true, type: 'exception', subject: expect.stringMatching(/^Canceled: /) });
    const newAttendees = (byId.get(attended.id)!['attendees'] as GraphEvent['attendees']).map((attendee) => attendee.emailAddress.address);
    expect(newAttendees).toContain('rcastillo@kestrelcounty-cascadia.gov');
    expect(newAttendees).not.toContain((attended['attendees'] as GraphEvent['attendees'])[0]!.emailAddress.address);
    expect(byId.get(removed.id)).toEqual({ '@odata.type': '#microsoft.graph.event', id: removed.id, '@removed': { reason: 'deleted' } });
    // Rescheduled out of the window: gone from this calendar view.
    expect(byId.get(leaving.id)).toEqual({ '@odata.type': '#microsoft.graph.event', id: leaving.id, '@removed': { reason: 'deleted' } });
    expect(Date.parse(String(byId.get(moved.id)!['lastModifiedDateTime']))).toBeGreaterThan(Date.parse(original.lastModifiedDateTime));
    expect((await readRound(changes.deltaLink)).items).toEqual([]);
  });
});

describe('Graph stand-in: user folders', () => {
  it('lists top-level folders with childFolderCount, pages them, and lists child folders', async () => {
    const top = (await client.api(`/users/${JESS}/mailFolders`).get()) as Page;
    expect(top.value.map((folder) => folder['displayName'])).toEqual(['Inbox', 'Sent Items', 'Archive', 'Deleted Items', 'Projects']);
    const projects = top.value.find((folder) => folder['displayName'] === 'Projects')!;
    expect(projects['childFolderCount']).toBe(1);
    expect(top.value.find((folder) => folder['displayName'] === 'Inbox')!['childFolderCount']).toBe(0);
    expect(projects['totalItemCount']).toBe(mailboxOf(JESS).messages[projects.id]!.length);

    const firstPage = (await client.api(`/users/${JESS}/mailFolders`).top(2).get()) as Page;
    expect(firstPage.value).toHaveLength(2);
    const secondPage = (await client.api(firstPage['@odata.nextLink']!).get()) as Page;
    expect(secondPage.value.map((folder) => folder['displayName'])).toEqual(['Archive', 'Deleted Items']);

    const children = (await client.api(`/users/${JESS}/mailFolders/${projects.id}/childFolders`).get()) as Page;
    expect(children.value).toEqual([expect.objectContaining({ displayName: 'Shelter Network', parentFolderId: projects.id, childFolderCount: 0 })]);
    const child = (await client.api(`/users/${JESS}/mailFolders/${projects.id}/childFolders/${children.value[0]!.id}`).get()) as Item;
    expect(child['displayName']).toBe('Shelter Network');
    expect(((await client.api(`/users/${JESS}/mailFolders/inbox/childFolders`).get()) as Page).value).toEqual([]);
    await expect(client.api(`/users/${JESS}/mailFolders/inbox/childFolders/${children.value[0]!.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('runs messages/delta on a user folder and a child folder; filed mail is not also in the inbox', async () => {
    const shelters = folderId(JESS, 'Shelter Network');
    const projects = folderId(JESS, 'Projects');
    const inShelters = await readRound(`/users/${JESS}/mailFolders/${shelters}/messages/delta?$select=internetMessageId,subject,parentFolderId`);
    const viaChild = await readRound(`/users/${JESS}/mailFolders/${projects}/childFolders/${shelters}/messages/delta?$select=internetMessageId`);
    expect(inShelters.items.length).toBe(mailboxOf(JESS).messages[shelters]!.length);
    expect(inShelters.items.length).toBeGreaterThan(0);
    expect(viaChild.items.map((item) => item.id)).toEqual(inShelters.items.map((item) => item.id));
    expect(inShelters.items.every((item) => item['parentFolderId'] === shelters && /shelter/i.test(String(item['subject'])))).toBe(true);

    const inbox = await readRound(`/users/${JESS}/mailFolders/inbox/messages/delta?$select=internetMessageId`);
    const inboxIds = new Set(inbox.items.map((item) => item['internetMessageId']));
    expect(inShelters.items.filter((item) => inboxIds.has(item['internetMessageId']))).toEqual([]);

    // A message filed later into the child folder shows up in its delta.
    const message: GraphMessage = { ...mailboxOf(JESS).messages[folderId(JESS, 'inbox')]!.at(-1)! };
    server.moveMessage(JESS, message.id, shelters);
    expect((await readRound(inShelters.deltaLink)).items).toEqual([expect.objectContaining({ internetMessageId: message.internetMessageId })]);
  });
});
