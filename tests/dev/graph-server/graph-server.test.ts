// The Graph stand-in must be indistinguishable from Graph for the real SDK: paging, delta
// rounds, $select, errors and throttling, over HTTPS with the local certificate.
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { ensureLocalCertificate } from '../../../dev/local-ca.ts';
import { startGraphServer, type GraphServer } from '../../../dev/graph-server/graph-server.ts';
import { generateDemoTenant } from '../../../dev/tenant/generate-tenant.ts';
import type { DemoTenant, GraphMessage } from '../../../dev/tenant/tenant-types.ts';

const DANA = 'dana.reyes@housing.cascadia.gov';
const JESS = 'jess.morgan@housing.cascadia.gov';
const GOOD_TOKEN = 'good-token';

interface DeltaPage {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

let tenant: DemoTenant;
let tls: { key: string; cert: string };
let server: GraphServer;
let client: Client;

function createClient(token: string): Client {
  return Client.init({
    baseUrl: `${new URL(server.baseUrl).origin}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set(['127.0.0.1']),
    authProvider: (done) => done(null, token),
  });
}

function folderMessages(upn: string, wellKnownName: string): GraphMessage[] {
  const user = tenant.users.find((candidate) => candidate.userPrincipalName === upn)!;
  const mailbox = tenant.mailboxes[user.id]!;
  const folder = mailbox.folders.find((candidate) => candidate.wellKnownName === wellKnownName)!;
  return mailbox.messages[folder.id]!;
}

/** Follows nextLinks to the end of a delta round, as a sync would. */
async function readDeltaRound(first: DeltaPage, prefer: string): Promise<{ items: Record<string, unknown>[]; pages: number; deltaLink: string }> {
  const items = [...first.value];
  let page = first;
  let pages = 1;
  while (page['@odata.nextLink']) {
    page = (await client.api(page['@odata.nextLink']).header('Prefer', prefer).get()) as DeltaPage;
    items.push(...page.value);
    pages++;
  }
  expect(page['@odata.deltaLink']).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/.*\$deltatoken=/);
  return { items, pages, deltaLink: page['@odata.deltaLink']! };
}

function createNewMessage(): GraphMessage {
  const time = '2026-11-20T16:59:00Z';
  const jess = { emailAddress: { name: 'Morgan, Jess (HOUSING)', address: JESS } };
  return {
    id: 'AAMkAGI2TnewMessageForDeltaTestAAA',
    internetMessageId: '<new-message-for-delta-test@housing.cascadia.gov>',
    conversationId: 'AAQkAGI2TnewConversation',
    subject: 'RE: Point-in-Time count volunteer schedule',
    bodyPreview: 'Confirmed.',
    body: { contentType: 'text', content: 'Confirmed.' },
    from: jess,
    sender: jess,
    toRecipients: [{ emailAddress: { name: 'Reyes, Dana (HOUSING)', address: DANA } }],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    sentDateTime: time,
    receivedDateTime: time,
    createdDateTime: time,
    lastModifiedDateTime: time,
    isDraft: false,
    isRead: false,
    hasAttachments: false,
    importance: 'normal',
    parentFolderId: '',
  };
}

beforeAll(async () => {
  tenant = generateDemoTenant({ scale: 0.1 });
  const certificate = await ensureLocalCertificate();
  tls = { key: certificate.key, cert: certificate.cert };
  server = await startGraphServer({ tenant, tls, acceptToken: (token) => token === GOOD_TOKEN });
  client = createClient(GOOD_TOKEN);
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.faults.clear();
});

describe('Graph stand-in: message delta with the real Graph SDK', () => {
  it('pages a whole inbox with $select and maxpagesize, never sending bodies, then returns only what changed', async () => {
    const prefer = 'odata.maxpagesize=50';
    const first = (await client.api(`/users/${DANA}/mailFolders/inbox/messages/delta`).select(['subject', 'from']).header('Prefer', prefer).get()) as DeltaPage;
    const round = await readDeltaRound(first, prefer);

    const expected = folderMessages(DANA, 'inbox');
    expect(expected.length).toBeGreaterThan(50);
    expect(round.pages).toBe(Math.ceil(expected.length / 50));
    expect(round.items).toHaveLength(expected.length);
    expect(new Set(round.items.map((item) => item['id']))).toEqual(new Set(expected.map((message) => message.id)));
    for (const item of round.items) {
      expect(Object.keys(item).sort()).toEqual(['@odata.etag', '@odata.type', 'from', 'id', 'subject']);
    }
    expect(JSON.stringify(round.items)).not.toContain('"body"');

    const nothingNew = (await client.api(round.deltaLink).get()) as DeltaPage;
    expect(nothingNew.value).toEqual([]);

    server.addMessage(DANA, 'inbox', createNewMessage());
    const changes = (await client.api(round.deltaLink).header('Prefer', prefer).get()) as DeltaPage;
    expect(changes.value).toEqual([
      expect.objectContaining({ id: 'AAMkAGI2TnewMessageForDeltaTestAAA', subject: 'RE: Point-in-Time count volunteer schedule', from: createNewMessage().from }),
    ]);
    expect(changes.value[0]).not.toHaveProperty('body');
    expect(changes['@odata.deltaLink']).toBeDefined();

    server.removeMessage(DANA, 'AAMkAGI2TnewMessageForDeltaTestAAA');
    const removal = (await client.api(changes['@odata.deltaLink']!).get()) as DeltaPage;
    expect(removal.value).toEqual([{ '@odata.type': '#microsoft.graph.message', id: 'AAMkAGI2TnewMessageForDeltaTestAAA', '@removed': { reason: 'deleted' } }]);
  });

  it('answers Prefer with Preference-Applied and defaults to small pages', async () => {
    const url = `${server.baseUrl}/users/${DANA}/mailFolders/sentitems/messages/delta?$select=subject`;
    const preferred = await fetch(url, { headers: { Authorization: `Bearer ${GOOD_TOKEN}`, Prefer: 'odata.maxpagesize=7' } });
    expect(preferred.status).toBe(200);
    expect(preferred.headers.get('preference-applied')).toBe('odata.maxpagesize=7');
    expect(((await preferred.json()) as DeltaPage).value).toHaveLength(7);
    const plain = await fetch(url, { headers: { Authorization: `Bearer ${GOOD_TOKEN}` } });
    expect(((await plain.json()) as DeltaPage).value).toHaveLength(10);
  });

  it('keeps delta tokens valid after a restart with the same tenant', async () => {
    const first = (await client.api(`/users/${JESS}/mailFolders/archive/messages/delta`).select('subject').header('Prefer', 'odata.maxpagesize=1000').get()) as DeltaPage;
    const deltaLink = first['@odata.deltaLink']!;
    expect(first.value.length).toBe(folderMessages(JESS, 'archive').length);
    const restarted = await startGraphServer({ tenant, tls });
    try {
      const relocated = deltaLink.replace(new URL(server.baseUrl).origin, new URL(restarted.baseUrl).origin);
      const response = await fetch(relocated, { headers: { Authorization: 'Bearer any' } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as DeltaPage).value).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});

describe('Graph stand-in: calendarView delta', () => {
  it('returns the working-group occurrences in Jess’s calendar, with the cancelled one marked', async () => {
    const start = '2026-05-01T00:00:00Z';
    const end = '2026-12-31T00:00:00Z';
    const first = (await client
      .api(`/users/${JESS}/calendarView/delta?startDateTime=${start}&endDateTime=${end}`)
      .header('Prefer', 'odata.maxpagesize=25')
      .get()) as DeltaPage;
    const round = await readDeltaRound(first, 'odata.maxpagesize=25');
    expect(round.deltaLink).not.toContain('startDateTime');

    const jess = tenant.users.find((user) => user.userPrincipalName === JESS)!;
    expect(round.items).toHaveLength(tenant.mailboxes[jess.id]!.events.length);
    const workingGroup = round.items.filter((event) => String(event['subject']).endsWith('State–County–Local Homelessness Working Group'));
    expect(workingGroup.length).toBeGreaterThanOrEqual(10);
    for (const event of workingGroup) {
      expect(['occurrence', 'exception']).toContain(event['type']);
      expect(event['isOrganizer']).toBe(false);
      expect((event['organizer'] as { emailAddress: { address: string } }).emailAddress.address).not.toBe(JESS);
      expect(event['seriesMasterId']).toBe(workingGroup[0]!['seriesMasterId']);
    }
    expect(workingGroup.filter((event) => event['isCancelled'] === true)).toHaveLength(1);

    const later = (await client.api(round.deltaLink).get()) as DeltaPage;
    expect(later.value).toEqual([]);
  });

  it('honours $select on calendarView delta and requires a window on the first call', async () => {
    const page = (await client
      .api(`/users/${JESS}/calendarView/delta?startDateTime=2026-06-01T00:00:00&endDateTime=2026-07-01T00:00:00`)
      .select(['subject', 'start', 'iCalUId'])
      .get()) as DeltaPage;
    expect(page.value.length).toBeGreaterThan(0);
    for (const event of page.value) expect(Object.keys(event).sort()).toEqual(['@odata.etag', '@odata.type', 'iCalUId', 'id', 'start', 'subject']);
    await expect(client.api(`/users/${JESS}/calendarView/delta`).get()).rejects.toMatchObject({ statusCode: 400, code: 'ErrorInvalidParameter' });
  });
});

describe('Graph stand-in: users, errors, auth and faults', () => {
  it('lists users in pages with $top and $select, and finds one by UPN', async () => {
    let page = (await client.api('/users').top(5).select(['displayName', 'jobTitle', 'companyName']).get()) as DeltaPage;
    const users = [...page.value];
    while (page['@odata.nextLink']) {
      page = (await client.api(page['@odata.nextLink']).get()) as DeltaPage;
      users.push(...page.value);
    }
    expect(users).toHaveLength(tenant.users.length);
    expect(users.find((user) => user['displayName'] === 'Morgan, Jess (HOUSING)')).toEqual({
      displayName: 'Morgan, Jess (HOUSING)',
      jobTitle: 'Homelessness Programs Manager',
      companyName: 'Cascadia Department of Housing',
      id: expect.any(String),
    });
    const dana = (await client.api(`/users/${DANA}`).get()) as Record<string, unknown>;
    expect(dana['mail']).toBe(DANA);
    const folders = (await client.api(`/users/${DANA}/mailFolders`).get()) as DeltaPage;
    expect(folders.value.map((folder) => folder['displayName'])).toEqual(['Inbox', 'Sent Items', 'Archive', 'Deleted Items']);
  });

  it('answers unknown users and routes with Graph errors', async () => {
    await expect(client.api('/users/nobody@cascadia.gov').get()).rejects.toMatchObject({ statusCode: 404, code: 'Request_ResourceNotFound' });
    await expect(client.api('/users/nobody@cascadia.gov/mailFolders/inbox/messages/delta').get()).rejects.toMatchObject({ statusCode: 404 });
    await expect(client.api(`/users/${DANA}/mailFolders/nosuchfolder/messages/delta`).get()).rejects.toMatchObject({ statusCode: 404, code: 'ErrorItemNotFound' });
    await expect(client.api('/groups').get()).rejects.toMatchObject({ statusCode: 400 });
    await expect(client.api(`/users/${DANA}/mailFolders/inbox/messages/delta`).select('nosuchproperty').get()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('rejects requests without a token or with a token acceptToken refuses', async () => {
    const anonymous = await fetch(`${server.baseUrl}/users`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    const rejected = createClient('stolen-token');
    const error = await rejected.api('/users').get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
  });

  it('throttles on demand with 429 and Retry-After, then serves again', async () => {
    server.faults.failNext({ status: 429, retryAfterSeconds: 7, pathIncludes: '/mailFolders' });
    const headers = { Authorization: `Bearer ${GOOD_TOKEN}` };
    const unaffected = await fetch(`${server.baseUrl}/users/${DANA}`, { headers });
    expect(unaffected.status).toBe(200);
    const throttled = await fetch(`${server.baseUrl}/users/${DANA}/mailFolders`, { headers });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect(server.faults.pending()).toBe(0);
    expect((await fetch(`${server.baseUrl}/users/${DANA}/mailFolders`, { headers })).status).toBe(200);
  });

  it('lets the SDK’s retry handler ride out a 429', async () => {
    server.faults.failNext({ status: 429, retryAfterSeconds: 1, pathIncludes: '/mailFolders/inbox' });
    const before = server.requestLog.length;
    const folder = (await client.api(`/users/${DANA}/mailFolders/inbox`).get()) as Record<string, unknown>;
    expect(folder['displayName']).toBe('Inbox');
    expect(server.requestLog.slice(before).filter((entry) => entry.url.includes('/mailFolders/inbox'))).toHaveLength(2);
  });

  it('ends a delta sync with 410 and a restart Location when asked to', async () => {
    const first = (await client.api(`/users/${DANA}/mailFolders/deleteditems/messages/delta`).select('subject').header('Prefer', 'odata.maxpagesize=1000').get()) as DeltaPage;
    server.faults.failNext({ status: 410, pathIncludes: '$deltatoken' });
    const gone = await fetch(first['@odata.deltaLink']!, { headers: { Authorization: `Bearer ${GOOD_TOKEN}` } });
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('syncStateNotFound');
    expect(gone.headers.get('location')).toMatch(/\/mailFolders\/[^/]+\/messages\/delta\?\$select=subject$/);
  });

  it('serves JSON $batch requests, including per-request failures', async () => {
    server.faults.failNext({ status: 503, retryAfterSeconds: 2, pathIncludes: 'sentitems' });
    const response = (await client.api('/$batch').post({
      requests: [
        { id: '1', method: 'GET', url: `/users/${DANA}` },
        { id: '2', method: 'GET', url: `/users/${DANA}/mailFolders/sentitems` },
        { id: '3', method: 'GET', url: `/users/${DANA}/mailFolders/inbox`, dependsOn: ['2'] },
      ],
    })) as { responses: { id: string; status: number; headers: Record<string, string>; body: Record<string, unknown> }[] };
    const byId = new Map(response.responses.map((entry) => [entry.id, entry]));
    expect(byId.get('1')?.status).toBe(200);
    expect(byId.get('1')?.body['mail']).toBe(DANA);
    expect(byId.get('2')?.status).toBe(503);
    expect(byId.get('2')?.headers['Retry-After']).toBe('2');
    expect(byId.get('3')?.status).toBe(424);
  });
});
