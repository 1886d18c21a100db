// Change notifications on the Graph stand-in: Graph's validation handshake, notifications for
// messages and events changed through the server's helpers, renewal, expiry and lifecycle events,
// delivered to a loopback webhook like the one the Functions host will serve.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@microsoft/microsoft-graph-client';
import { ensureLocalCertificate } from '../../../dev/local-ca.ts';
import { startGraphServer, type GraphServer } from '../../../dev/graph-server/graph-server.ts';
import type { GraphSubscription } from '../../../dev/graph-server/subscriptions.ts';
import { generateDemoTenant } from '../../../dev/tenant/generate-tenant.ts';
import type { DemoTenant, GraphMessage } from '../../../dev/tenant/tenant-types.ts';

const DANA = 'dana.reyes@housing.cascadia.gov';
const JESS = 'jess.morgan@housing.cascadia.gov';
const TOKEN = 'good-token';

interface Received {
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
}

/** A loopback webhook whose answer to each request the test decides. */
interface Webhook {
  url: string;
  received: Received[];
  /** Notification bodies (handshakes left out), parsed. */
  notifications(): { value: Record<string, unknown>[] }[];
  answer: (request: Received, response: ServerResponse) => void;
  close(): Promise<void>;
}

/** Echoes the validation token the way Graph requires (200, text/plain, decoded token) and accepts notifications with 202. */
function answerLikeAWebhook(request: Received, response: ServerResponse): void {
  const token = request.query.get('validationToken');
  if (token !== null) {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end(token);
    return;
  }
  response.writeHead(202);
  response.end();
}

async function startWebhook(): Promise<Webhook> {
  const received: Received[] = [];
  const webhook: Webhook = {
    url: '',
    received,
    notifications: () => received.filter((entry) => !entry.query.has('validationToken')).map((entry) => JSON.parse(entry.body) as { value: Record<string, unknown>[] }),
    answer: answerLikeAWebhook,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const entry = { path: url.pathname, query: url.searchParams, contentType: incoming.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      webhook.answer(entry, outgoing);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graph/notifications`;
  return webhook;
}

let tenant: DemoTenant;
let server: GraphServer;
let client: Client;
let webhook: Webhook;
let lifecycle: Webhook;
let clockOffsetMs = 0;

const inMinutes = (minutes: number): string => new Date(Date.now() + clockOffsetMs + minutes * 60_000).toISOString();

function newMessage(id: string, subject: string): GraphMessage {
  const time = '2026-11-20T16:59:00Z';
  const jess = { emailAddress: { name: 'Morgan, Jess (HOUSING)', address: JESS } };
  return {
    id, internetMessageId: `<${id}@housing.cascadia.gov>`, conversationId: `AAQkAGI2T${id}`, subject, bodyPreview: '', body: { contentType: 'text', content: '' },
    from: jess, sender: jess, toRecipients: [{ emailAddress: { name: 'Reyes, Dana (HOUSING)', address: DANA } }], ccRecipients: [], bccRecipients: [], replyTo: [],
    sentDateTime: time, receivedDateTime: time, createdDateTime: time, lastModifiedDateTime: time, isDraft: false, isRead: false, hasAttachments: false, importance: 'normal', parentFolderId: '',
  };
}

async function subscribe(body: Record<string, unknown>): Promise<GraphSubscription> {
  return (await client.api('/subscriptions').post({
    changeType: 'created,updated,deleted',
    notificationUrl: webhook.url,
    resource: `users/${DANA}/mailFolders('inbox')/messages`,
    expirationDateTime: inMinutes(60),
    clientState: 'secret-client-state',
    ...body,
  })) as GraphSubscription;
}

async function postRaw(path: string, body: unknown, method = 'POST'): Promise<{ status: number; json: { error?: { code: string; message: string } } & Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

beforeAll(async () => {
  tenant = generateDemoTenant({ scale: 0.05 });
  const { key, cert } = await ensureLocalCertificate();
  server = await startGraphServer({
    tenant,
    tls: { key, cert },
    acceptToken: (token) => token === TOKEN,
    now: () => Date.now() + clockOffsetMs,
    validationTimeoutMs: 400,
    notificationRetryDelayMs: 20,
  });
  client = Client.init({ baseUrl: `${new URL(server.baseUrl).origin}/`, defaultVersion: 'v1.0', customHosts: new Set(['127.0.0.1']), authProvider: (done) => done(null, TOKEN) });
  webhook = await startWebhook();
  lifecycle = await startWebhook();
});

afterAll(async () => {
  await server.close();
  await webhook.close();
  await lifecycle.close();
});

afterEach(async () => {
  for (const subscription of server.listSubscriptions()) await client.api(`/subscriptions/${subscription.id}`).delete();
  await server.whenNotificationsDelivered();
  webhook.received.length = 0;
  lifecycle.received.length = 0;
  webhook.answer = answerLikeAWebhook;
  lifecycle.answer = answerLikeAWebhook;
  clockOffsetMs = 0;
});

describe('Graph stand-in: subscriptions and the validation handshake', () => {
  it('validates the notification URL with a text/plain token echo, then creates and lists the subscription', async () => {
    const subscription = await subscribe({});
    expect(subscription).toMatchObject({
      id: expect.any(String),
      resource: `users/${DANA}/mailFolders('inbox')/messages`,
      changeType: 'created,updated,deleted',
      notificationUrl: webhook.url,
      clientState: 'secret-client-state',
      lifecycleNotificationUrl: null,
    });
    expect(Date.parse(subscription.expirationDateTime)).toBeGreaterThan(Date.now() + 59 * 60_000);
    const handshake = webhook.received[0]!;
    expect(webhook.received).toHaveLength(1);
    expect(handshake.query.get('validationToken')).toMatch(/^Validation: Testing client application reachability for subscription Request-Id: /);
    expect(handshake.contentType).toMatch(/^text\/plain/);
    expect(server.notificationLog.at(-1)).toMatchObject({ kind: 'validation', ok: true, status: 200 });

    const listed = (await client.api('/subscriptions').get()) as { value: GraphSubscription[] };
    expect(listed.value.map((entry) => entry.id)).toEqual([subscription.id]);
    expect(((await client.api(`/subscriptions/${subscription.id}`).get()) as GraphSubscription).id).toBe(subscription.id);
  });

  it('refuses the subscription with 400 ValidationError when the endpoint answers wrongly, not at all, or too late', async () => {
    const answers: ((request: Received, response: ServerResponse) => void)[] = [
      (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end('not-the-token');
      },
      (request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(request.query.get('validationToken')));
      },
      (_request, response) => {
        response.writeHead(500);
        response.end();
      },
      (request, response) => {
        setTimeout(() => answerLikeAWebhook(request, response), 1_000); // beyond validationTimeoutMs (400 ms here; Graph: 10 s)
      },
    ];
    for (const answer of answers) {
      webhook.answer = answer;
      const refused = await postRaw('/subscriptions', {
        changeType: 'created', notificationUrl: webhook.url, resource: `users/${DANA}/messages`, expirationDateTime: inMinutes(60), clientState: 'x',
      });
      expect(refused.status).toBe(400);
      expect(refused.json.error?.code).toBe('ValidationError');
    }
    expect(server.listSubscriptions()).toEqual([]);
  });

  it('validates the lifecycle URL too, and rejects non-loopback URLs, bad resources and lifetimes beyond 4230 minutes without creating anything', async () => {
    lifecycle.answer = (_request, response) => {
      response.writeHead(404);
      response.end();
    };
    const lifecycleRefused = await postRaw('/subscriptions', {
      changeType: 'created', notificationUrl: webhook.url, lifecycleNotificationUrl: lifecycle.url, resource: `users/${DANA}/messages`, expirationDateTime: inMinutes(60),
    });
    expect(lifecycleRefused.status).toBe(400);
    expect(lifecycleRefused.json.error?.code).toBe('ValidationError');
    webhook.received.length = 0;

    const base = { changeType: 'created', notificationUrl: webhook.url, resource: `users/${DANA}/messages`, expirationDateTime: inMinutes(60) };
    const cases: Record<string, unknown>[] = [
      { notificationUrl: 'https://webhook.example.com/api/notify' },
      { notificationUrl: 'http://10.0.0.5/notify' },
      { lifecycleNotificationUrl: 'https://example.org/lifecycle' },
      { expirationDateTime: inMinutes(4231) },
      { expirationDateTime: inMinutes(-1) },
      { expirationDateTime: 'tomorrow' },
      { changeType: 'created,renamed' },
      { resource: 'groups/abc/conversations' },
      { resource: 'users/nobody@cascadia.gov/messages' },
    ];
    for (const overrides of cases) {
      const refused = await postRaw('/subscriptions', { ...base, ...overrides });
      expect(refused.status, JSON.stringify(overrides)).toBeGreaterThanOrEqual(400);
      expect(refused.status, JSON.stringify(overrides)).toBeLessThan(500);
    }
    expect(webhook.received).toEqual([]);
    expect(server.listSubscriptions()).toEqual([]);
    const longest = await subscribe({ expirationDateTime: inMinutes(4229) });
    expect(longest.id).toBeTruthy();
  });
});

describe('Graph stand-in: change notifications', () => {
  it('notifies created, updated and deleted inbox messages with the subscription’s clientState, and nothing for other folders', async () => {
    const subscription = await subscribe({});
    const dana = tenant.users.find((user) => user.mail === DANA)!;
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TwebhookOneAAA', 'Shelter beds tonight'));
    server.addMessage(DANA, 'sentitems', newMessage('AAMkAGI2TwebhookSentAAA', 'Not in the inbox'));
    await server.whenNotificationsDelivered();
    server.updateMessage(DANA, 'AAMkAGI2TwebhookOneAAA', { isRead: true });
    await server.whenNotificationsDelivered();
    server.removeMessage(DANA, 'AAMkAGI2TwebhookOneAAA');
    await server.whenNotificationsDelivered();

    const notifications = webhook.notifications().flatMap((batch) => batch.value);
    expect(notifications.map((entry) => entry['changeType'])).toEqual(['created', 'updated', 'deleted']);
    expect(notifications[0]).toEqual({
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: subscription.expirationDateTime,
      changeType: 'created',
      resource: `Users/${dana.id}/Messages/AAMkAGI2TwebhookOneAAA`,
      resourceData: {
        '@odata.type': '#Microsoft.Graph.Message',
        '@odata.id': `Users/${dana.id}/Messages/AAMkAGI2TwebhookOneAAA`,
        '@odata.etag': expect.stringMatching(/^W\/"/),
        id: 'AAMkAGI2TwebhookOneAAA',
      },
      clientState: 'secret-client-state',
      tenantId: tenant.tenantId,
    });
    expect(webhook.received.filter((entry) => !entry.query.has('validationToken')).every((entry) => entry.contentType.startsWith('application/json'))).toBe(true);
    const deliveries = server.notificationLog.filter((entry) => entry.kind === 'change');
    expect(deliveries.slice(-3).every((entry) => entry.ok && entry.attempts === 1 && entry.status === 202)).toBe(true);
  });

  it('batches changes made together, moves included (deleted under the old id, created under the new one)', async () => {
    await subscribe({ resource: `users/${DANA}/messages` });
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TbatchOneAAA', 'One'));
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TbatchTwoAAA', 'Two'));
    const moved = server.moveMessage(DANA, 'AAMkAGI2TbatchTwoAAA', 'archive');
    await server.whenNotificationsDelivered();
    const batches = webhook.notifications();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.value.map((entry) => `${entry['changeType']} ${(entry['resourceData'] as { id: string }).id}`)).toEqual([
      'created AAMkAGI2TbatchOneAAA',
      'created AAMkAGI2TbatchTwoAAA',
      'deleted AAMkAGI2TbatchTwoAAA',
      `created ${moved.id}`,
    ]);
  });

  it('notifies calendar changes to an events subscription, filtered by changeType', async () => {
    await subscribe({ resource: `users/${JESS}/events`, changeType: 'updated' });
    const jess = tenant.users.find((user) => user.mail === JESS)!;
    const event = tenant.mailboxes[jess.id]!.events.at(-1)!;
    server.updateEvent(JESS, event.id, { isCancelled: true });
    server.removeEvent(JESS, event.id);
    await server.whenNotificationsDelivered();
    const notifications = webhook.notifications().flatMap((batch) => batch.value);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ changeType: 'updated', resource: `Users/${jess.id}/Events/${event.id}`, resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: event.id } });
  });

  it('retries a failed delivery and records every attempt', async () => {
    await subscribe({});
    let failures = 2;
    webhook.answer = (request, response) => {
      if (!request.query.has('validationToken') && failures-- > 0) {
        response.writeHead(503);
        response.end();
        return;
      }
      answerLikeAWebhook(request, response);
    };
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TretriedAAA', 'Retried'));
    await server.whenNotificationsDelivered();
    expect(server.notificationLog.at(-1)).toMatchObject({ kind: 'change', ok: true, attempts: 3, status: 202 });
    expect(webhook.notifications()).toHaveLength(3);

    failures = 10;
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TgivenUpAAA', 'Given up'));
    await server.whenNotificationsDelivered();
    expect(server.notificationLog.at(-1)).toMatchObject({ kind: 'change', ok: false, attempts: 3, status: 503 });
  });
});

describe('Graph stand-in: renewal, expiry and lifecycle notifications', () => {
  it('renews with PATCH (within the limit) and stops notifying after DELETE', async () => {
    const subscription = await subscribe({});
    const renewedTo = inMinutes(4000);
    const renewed = (await client.api(`/subscriptions/${subscription.id}`).patch({ expirationDateTime: renewedTo })) as GraphSubscription;
    expect(Date.parse(renewed.expirationDateTime)).toBe(Date.parse(renewedTo));
    expect(server.listSubscriptions()[0]!.expirationDateTime).toBe(renewed.expirationDateTime);
    const tooLong = await postRaw(`/subscriptions/${subscription.id}`, { expirationDateTime: inMinutes(5000) }, 'PATCH');
    expect(tooLong.status).toBe(400);

    await client.api(`/subscriptions/${subscription.id}`).delete();
    await expect(client.api(`/subscriptions/${subscription.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TafterDeleteAAA', 'After delete'));
    await server.whenNotificationsDelivered();
    expect(webhook.notifications()).toEqual([]);
  });

  it('stops delivering once a subscription has expired, and forgets it', async () => {
    const subscription = await subscribe({ expirationDateTime: inMinutes(30) });
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TbeforeExpiryAAA', 'Before expiry'));
    await server.whenNotificationsDelivered();
    expect(webhook.notifications()).toHaveLength(1);

    clockOffsetMs = 31 * 60_000;
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TafterExpiryAAA', 'After expiry'));
    await server.whenNotificationsDelivered();
    expect(webhook.notifications()).toHaveLength(1);
    expect(server.listSubscriptions()).toEqual([]);
    expect((await postRaw(`/subscriptions/${subscription.id}`, { expirationDateTime: inMinutes(60) }, 'PATCH')).status).toBe(404);
  });

  it('posts lifecycle notifications to the lifecycle URL: reauthorizationRequired (then reauthorize), missed, subscriptionRemoved', async () => {
    const subscription = await subscribe({ lifecycleNotificationUrl: lifecycle.url });
    expect(lifecycle.received).toHaveLength(1);
    expect(lifecycle.received[0]!.query.has('validationToken')).toBe(true);

    const delivery = await server.sendLifecycleNotification(subscription.id, 'reauthorizationRequired');
    expect(delivery).toMatchObject({ kind: 'lifecycle', ok: true, subscriptionIds: [subscription.id] });
    expect(lifecycle.notifications()[0]).toEqual({
      value: [
        {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: subscription.expirationDateTime,
          tenantId: tenant.tenantId,
          clientState: 'secret-client-state',
          lifecycleEvent: 'reauthorizationRequired',
          resource: subscription.resource,
        },
      ],
    });
    const reauthorized = await fetch(`${server.baseUrl}/subscriptions/${subscription.id}/reauthorize`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(reauthorized.status).toBe(204);

    await server.sendLifecycleNotification(subscription.id, 'missed');
    await server.sendLifecycleNotification(subscription.id, 'subscriptionRemoved');
    expect(lifecycle.notifications().map((batch) => batch.value[0]!['lifecycleEvent'])).toEqual(['reauthorizationRequired', 'missed', 'subscriptionRemoved']);
    expect(server.listSubscriptions()).toEqual([]);
    expect(webhook.notifications()).toEqual([]);
    await expect(server.sendLifecycleNotification('no-such-subscription', 'missed')).rejects.toThrow();
  });

  it('loses notifications on demand (counted), then sends missed and notifies again', async () => {
    const subscription = await subscribe({ lifecycleNotificationUrl: lifecycle.url });
    const lost = server.missNotifications(subscription.id);
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TmissedOneAAA', 'Lost one'));
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TmissedTwoAAA', 'Lost two'));
    await server.whenNotificationsDelivered();
    expect(webhook.notifications()).toEqual([]);
    expect(lost.dropped()).toBe(2);

    await server.sendLifecycleNotification(subscription.id, 'missed');
    expect(lifecycle.notifications().at(-1)?.value[0]).toMatchObject({ subscriptionId: subscription.id, lifecycleEvent: 'missed', clientState: 'secret-client-state' });
    server.addMessage(DANA, 'inbox', newMessage('AAMkAGI2TafterMissedAAA', 'Heard again'));
    await server.whenNotificationsDelivered();
    expect(webhook.notifications().flatMap((batch) => batch.value).map((entry) => (entry['resourceData'] as { id: string }).id)).toEqual(['AAMkAGI2TafterMissedAAA']);
  });
});
