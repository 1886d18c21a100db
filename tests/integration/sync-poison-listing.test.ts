// The admin listing of parked mailbox syncs beyond what a queue can show (a peek sees at most
// 32 messages): 75 parked messages of this tenant, among another tenant's and one that names
// no mailbox, listed page by page through GET /api/manage/sync/poison on real azurite, Cosmos
// stand-in, token issuer and local host. The messages are parked the way the Functions runtime
// parks them: the message text, as sent, in mailbox-sync-poison.
import { QueueServiceClient } from '@azure/storage-queue';
import { startAzurite, type Azurite } from '../../dev/azurite.ts';
import { startCosmosStandIn, type CosmosStandIn } from '../../dev/cosmos-server.ts';
import { ensureLocalCertificate } from '../../dev/local-ca.ts';
import { DEFAULT_API_AUDIENCE, startTokenIssuer, type TokenIssuer } from '../../dev/token-issuer.ts';
import { createAccessTokenVerifier } from '../../functions/src/auth/verify-access-token.ts';
import { startLocalHost, type LocalHost } from '../../functions/src/http/local-host.ts';
import { createSyncQueue } from '../../functions/src/queue/sync-queue.ts';
import { encodeQueueMessage, MAILBOX_SYNC_QUEUE, poisonQueueOf, type MailboxSyncMessage } from '../../functions/src/queue/sync-messages.ts';
import { openCosmosStore, type CosmosStore } from '../../functions/src/store/cosmos-store.ts';
import { createRepositories } from '../../functions/src/store/repositories.ts';
import { createSyncStatusRepository } from '../../functions/src/store/sync-state-repository.ts';
import { recordMailboxEvent } from '../../functions/src/sync/mailbox-sync-state.ts';

const TENANT = '0b5e7d2a-1c3f-4e6a-9d8b-7a6c5e4d3f2a';
const OTHER_TENANT = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const ADMIN = 'admin@poison-a.example.gov';
const PARKED = 75;

let azurite: Azurite;
let cosmos: CosmosStandIn;
let store: CosmosStore;
let issuer: TokenIssuer;
let host: LocalHost;
let service: QueueServiceClient;

interface PoisonPage {
  messages: { messageId: string; insertedOn: string | null; ownerEmail: string; reason: string; error: { kind: string; message: string } | null; stage: string | null }[];
  nextCursor: string | null;
}

const owner = (n: number) => `owner${String(n).padStart(2, '0')}@poison-a.example.gov`;
const parked = (tenantId: string, ownerEmail: string): MailboxSyncMessage => ({ tenantId, ownerEmail, userId: `id-${ownerEmail}`, reason: 'schedule' });

beforeAll(async () => {
  const tls = await ensureLocalCertificate();
  [azurite, cosmos, issuer] = await Promise.all([startAzurite({ port: 0, inMemory: true }), startCosmosStandIn({ port: 0, tls }), startTokenIssuer({ port: 0 })]);
  store = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId: 'poison-test' });
  const syncStatus = createSyncStatusRepository(store);
  const queue = createSyncQueue(azurite.connectionString);
  await queue.ensureQueues();
  host = await startLocalHost({
    port: 0,
    services: {
      repositories: createRepositories(store),
      verifyAccessToken: createAccessTokenVerifier({ jwksUri: issuer.jwksUri, issuerTemplate: `${issuer.baseUrl}/{tenantid}/v2.0`, audience: DEFAULT_API_AUDIENCE }),
      syncAdmin: { syncStatus, queue },
    },
  });
  // Each mailbox failed for good: its state carries the error its last attempt recorded.
  const now = new Date('2026-03-02T10:00:00Z');
  for (let n = 0; n < PARKED; n += 1) {
    const mailbox = { tenantId: TENANT, ownerEmail: owner(n), userId: `id-${owner(n)}` };
    await recordMailboxEvent(syncStatus, mailbox, { type: 'started' }, { now });
    const error = { message: `Graph answered 503 for mailbox ${n}`, at: now.toISOString(), kind: 'temporary' as const };
    await recordMailboxEvent(syncStatus, mailbox, { type: 'failed', kind: 'temporary' }, { now, error, parked: true });
  }
  service = QueueServiceClient.fromConnectionString(azurite.connectionString);
  const poison = service.getQueueClient(poisonQueueOf(MAILBOX_SYNC_QUEUE));
  for (let n = 0; n < PARKED; n += 1) {
    await poison.sendMessage(encodeQueueMessage(parked(TENANT, owner(n))));
    if (n % 10 === 0) await poison.sendMessage(encodeQueueMessage(parked(OTHER_TENANT, `someone${n}@poison-b.example.gov`)));
  }
  await poison.sendMessage(Buffer.from('not a mailbox sync', 'utf8').toString('base64'));
});

afterAll(async () => {
  await host?.close();
  store?.close();
  await Promise.all([cosmos?.close(), azurite?.close(), issuer?.close()]);
});

async function getPoison(query: string, tenantId = TENANT): Promise<{ status: number; body: PoisonPage & { error?: { code: string; message: string } } }> {
  const token = await issuer.issueToken({ user: ADMIN, tenantId, roles: ['Crosswalk.Admin'] });
  const response = await fetch(`${host.url}/manage/sync/poison${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as PoisonPage & { error?: { code: string; message: string } } };
}

async function listAll(limit: number): Promise<{ pages: number; messages: PoisonPage['messages'] }> {
  const messages: PoisonPage['messages'] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { status, body } = await getPoison(`?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(status).toBe(200);
    expect(body.messages.length).toBeLessThanOrEqual(limit);
    messages.push(...body.messages);
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor !== null);
  return { pages, messages };
}

it('lists every one of 75 parked syncs, each once, oldest first, page by page, with its mailbox error and stage', async () => {
  const { pages, messages } = await listAll(20);
  expect(pages).toBe(4);
  expect(messages.map((m) => m.ownerEmail).sort()).toEqual(Array.from({ length: PARKED }, (_, n) => owner(n)));
  expect(new Set(messages.map((m) => m.messageId)).size).toBe(PARKED);
  const order = messages.map((m) => `${m.insertedOn}|${m.messageId}`);
  expect(order).toEqual([...order].sort());
  expect(messages[7]).toEqual({
    messageId: expect.any(String),
    insertedOn: expect.any(String),
    ownerEmail: expect.stringMatching(/^owner\d\d@poison-a\.example\.gov$/),
    reason: 'schedule',
    error: expect.objectContaining({ kind: 'temporary', message: expect.stringMatching(/^Graph answered 503 for mailbox \d+$/) }),
    stage: 'failed',
  });
  for (const message of messages) expect(message.error?.message).toBe(`Graph answered 503 for mailbox ${Number(message.ownerEmail.slice(5, 7))}`);
});

it('lists the same again (a second admin, a refresh): the first page is the same, and the default page is 100', async () => {
  const first = await listAll(20);
  const again = await getPoison('');
  expect(again.status).toBe(200);
  expect(again.body.nextCursor).toBeNull();
  expect(again.body.messages).toEqual(first.messages);
});

async function peekPoisonQueue(): Promise<string[]> {
  const { peekedMessageItems } = await service.getQueueClient(poisonQueueOf(MAILBOX_SYNC_QUEUE)).peekMessages({ numberOfMessages: 32 });
  return peekedMessageItems.map((item) => Buffer.from(item.messageText, 'base64').toString('utf8'));
}

it("touches only the caller's tenant: another tenant's parked syncs wait in the poison queue for that tenant's admin", async () => {
  const waiting = await peekPoisonQueue();
  expect(waiting).toHaveLength(9);
  expect(waiting.filter((text) => text.includes(OTHER_TENANT))).toHaveLength(8);
  const { status, body } = await getPoison('', OTHER_TENANT);
  expect(status).toBe(200);
  expect(body.messages.map((m) => m.ownerEmail).sort()).toEqual([0, 10, 20, 30, 40, 50, 60, 70].map((n) => `someone${n}@poison-b.example.gov`).sort());
  expect(body.messages.every((m) => m.error === null && m.stage === null)).toBe(true);
});

it('leaves a message that names no mailbox in the poison queue, visible to storage tools', async () => {
  expect(await peekPoisonQueue()).toEqual(['not a mailbox sync']);
});

it.each([
  ['?limit=0', /^limit: must be at least 1/],
  ['?limit=501', /^limit: must be at most 500/],
  ['?limit=ten', /^limit: must be a whole number/],
  ['?cursor=bm90LWEtY3Vyc29y', /^cursor: is not one this API gave out/],
])('refuses %s with 400 naming the field', async (query, message) => {
  const { status, body } = await getPoison(query);
  expect(status).toBe(400);
  expect(body.error).toMatchObject({ code: 'bad-request', message: expect.stringMatching(message) });
});
