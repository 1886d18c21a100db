// Transport faults of the Graph stand-in, as a client sees them: a dropped connection, a
// truncated JSON body, a page served twice, a slow answer, a request held until released, and a
// client killed mid-page.
import { Client } from '@microsoft/microsoft-graph-client';
import { ensureLocalCertificate } from '../../../dev/local-ca.ts';
import { startGraphServer, type GraphServer } from '../../../dev/graph-server/graph-server.ts';
import { generateDemoTenant } from '../../../dev/tenant/generate-tenant.ts';
import type { DemoTenant } from '../../../dev/tenant/tenant-types.ts';

const DANA = 'dana.reyes@housing.cascadia.gov';
const TOKEN = 'good-token';
const HEADERS = { Authorization: `Bearer ${TOKEN}`, Prefer: 'odata.maxpagesize=40' };

interface Page {
  value: { id: string }[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

let tenant: DemoTenant;
let server: GraphServer;
let client: Client;
let inboxUrl: string;

function inboxSize(): number {
  const dana = tenant.users.find((user) => user.mail === DANA)!;
  const mailbox = tenant.mailboxes[dana.id]!;
  return mailbox.messages[mailbox.folders.find((folder) => folder.wellKnownName === 'inbox')!.id]!.length;
}

/** Follows a delta round with the real SDK, returning every page's ids. */
async function readRound(): Promise<{ pages: string[][]; deltaLink: string }> {
  const pages: string[][] = [];
  let page = (await client.api(inboxUrl).header('Prefer', 'odata.maxpagesize=40').get()) as Page;
  pages.push(page.value.map((item) => item.id));
  while (page['@odata.nextLink']) {
    page = (await client.api(page['@odata.nextLink']).header('Prefer', 'odata.maxpagesize=40').get()) as Page;
    pages.push(page.value.map((item) => item.id));
  }
  return { pages, deltaLink: page['@odata.deltaLink']! };
}

beforeAll(async () => {
  tenant = generateDemoTenant({ scale: 0.05 });
  const { key, cert } = await ensureLocalCertificate();
  server = await startGraphServer({ tenant, tls: { key, cert }, acceptToken: (token) => token === TOKEN });
  client = Client.init({ baseUrl: `${new URL(server.baseUrl).origin}/`, defaultVersion: 'v1.0', customHosts: new Set(['127.0.0.1']), authProvider: (done) => done(null, TOKEN) });
  inboxUrl = `/users/${DANA}/mailFolders/inbox/messages/delta?$select=subject,from`;
  expect(inboxSize()).toBeGreaterThan(80);
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.faults.clear();
});

describe('Graph stand-in: transport faults', () => {
  it('drops the connection without a response, once, only for matching paths', async () => {
    server.faults.failNext({ kind: 'drop-connection', pathIncludes: '/messages/delta' });
    expect((await fetch(`${server.baseUrl}/users/${DANA}`, { headers: HEADERS })).status).toBe(200);
    const dropped = await fetch(`${server.baseUrl}${inboxUrl}`, { headers: HEADERS }).then(
      () => 'answered',
      (error: unknown) => error,
    );
    expect(dropped).toBeInstanceOf(TypeError); // undici: "fetch failed" (other side closed)
    expect(server.faults.pending()).toBe(0);
    expect((await fetch(`${server.baseUrl}${inboxUrl}`, { headers: HEADERS })).status).toBe(200);

    server.faults.failNext({ kind: 'drop-connection', pathIncludes: '/messages/delta' });
    await expect(client.api(inboxUrl).get()).rejects.toThrow();
  });

  it('answers 200 with a truncated JSON body that fails to parse', async () => {
    const whole = await (await fetch(`${server.baseUrl}${inboxUrl}`, { headers: HEADERS })).text();
    server.faults.failNext({ kind: 'malformed-json', pathIncludes: 'mailFolders/inbox' });
    const response = await fetch(`${server.baseUrl}${inboxUrl}`, { headers: HEADERS });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(whole.length);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    // Same content up to the cut (request ids aside, the first page is the same page).
    expect(whole.slice(0, 60)).toBe(text.slice(0, 60));

    server.faults.failNext({ kind: 'malformed-json', pathIncludes: 'mailFolders/inbox' });
    await expect(client.api(inboxUrl).get()).rejects.toThrow();
    expect((await client.api(inboxUrl).get()) as Page).toHaveProperty('value');
  });

  it('serves a page whose nextLink points back to itself once, so the SDK replays that page', async () => {
    const clean = await readRound();
    expect(clean.pages.length).toBeGreaterThan(2);

    // Second page of the round: it is requested with a $skiptoken.
    server.faults.failNext({ kind: 'duplicate-page', pathIncludes: '$skiptoken' });
    const replayed = await readRound();
    expect(replayed.pages).toHaveLength(clean.pages.length + 1);
    expect(replayed.pages[1]).toEqual(clean.pages[1]);
    expect(replayed.pages[2]).toEqual(clean.pages[1]);
    expect(replayed.pages.slice(2)).toEqual(clean.pages.slice(1));
    expect(new Set(replayed.pages.flat())).toEqual(new Set(clean.pages.flat()));
    expect(server.faults.pending()).toBe(0);

    // On the last page of a round the deltaLink gives way to the self link, once.
    const lastPageUrl = server.requestLog.filter((entry) => entry.url.includes('$skiptoken')).at(-1)!.url;
    server.faults.failNext({ kind: 'duplicate-page', pathIncludes: new URL(lastPageUrl).search.slice(-40) });
    const last = (await (await fetch(lastPageUrl, { headers: HEADERS })).json()) as Page;
    expect(last['@odata.deltaLink']).toBeUndefined();
    expect(last['@odata.nextLink']).toBe(lastPageUrl);
    const again = (await (await fetch(lastPageUrl, { headers: HEADERS })).json()) as Page;
    expect(again['@odata.deltaLink']).toBeDefined();
    expect(again.value).toEqual(last.value);
  });

  it('leaves a duplicate-page fault planned until a collection page comes by', async () => {
    server.faults.failNext({ kind: 'duplicate-page' });
    expect((await fetch(`${server.baseUrl}/users/${DANA}`, { headers: HEADERS })).status).toBe(200);
    expect(server.faults.pending()).toBe(1);
    const page = (await (await fetch(`${server.baseUrl}/users/${DANA}/mailFolders`, { headers: HEADERS })).json()) as Page;
    expect(page['@odata.nextLink']).toBe(`${server.baseUrl}/users/${DANA}/mailFolders`);
    expect(server.faults.pending()).toBe(0);
  });

  it('keeps status faults working with kind "status" or without a kind, and never applies transport faults inside $batch', async () => {
    server.faults.failNext({ kind: 'status', status: 503, retryAfterSeconds: 3, pathIncludes: 'sentitems' });
    const unavailable = await fetch(`${server.baseUrl}/users/${DANA}/mailFolders/sentitems`, { headers: HEADERS });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('3');

    server.faults.failNext({ kind: 'drop-connection', pathIncludes: '/mailFolders/archive' });
    const batch = (await client.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: `/users/${DANA}/mailFolders/archive` }] })) as { responses: { status: number }[] };
    expect(batch.responses[0]!.status).toBe(200);
    expect(server.faults.pending()).toBe(1);
  });

  it('delays the next matching requests', async () => {
    server.faults.delayNext({ ms: 300, count: 2, pathIncludes: '/users/' });
    const started = performance.now();
    await Promise.all([1, 2].map(() => fetch(`${server.baseUrl}/users/${DANA}`, { headers: HEADERS })));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(server.faults.pending()).toBe(0);
    const quick = performance.now();
    await fetch(`${server.baseUrl}/users/${DANA}`, { headers: HEADERS });
    expect(performance.now() - quick).toBeLessThan(250);
  });

  it('holds the next matching request until the test releases it; other requests pass', async () => {
    const hold = server.faults.holdNext({ pathIncludes: '/mailFolders/inbox' });
    let answered = false;
    const held = fetch(`${server.baseUrl}/users/${DANA}/mailFolders/inbox`, { headers: HEADERS }).then((response) => {
      answered = true;
      return response;
    });
    await hold.reached;
    expect((await fetch(`${server.baseUrl}/users/${DANA}`, { headers: HEADERS })).status).toBe(200);
    expect(answered).toBe(false);
    hold.release();
    expect((await held).status).toBe(200);
    expect(server.faults.pending()).toBe(0);
  });

  it('is unharmed by a client killed mid-page: the same page is served again, identically', async () => {
    const first = (await (await fetch(`${server.baseUrl}${inboxUrl}`, { headers: HEADERS })).json()) as Page;
    const nextLink = first['@odata.nextLink']!;
    const reference = (await (await fetch(nextLink, { headers: HEADERS })).json()) as Page;

    server.faults.delayNext({ ms: 2_000, pathIncludes: '$skiptoken' });
    const killed = new AbortController();
    const pending = fetch(nextLink, { headers: HEADERS, signal: killed.signal });
    setTimeout(() => killed.abort(), 100);
    await expect(pending).rejects.toThrow();
    expect(server.faults.pending()).toBe(0);

    const resumed = (await (await fetch(nextLink, { headers: HEADERS })).json()) as Page;
    expect(resumed).toEqual(reference);
    const deltaAfter = (await (await fetch(`${server.baseUrl}${inboxUrl}`, { headers: HEADERS })).json()) as Page;
    expect(deltaAfter.value).toEqual(first.value);
  });
});
