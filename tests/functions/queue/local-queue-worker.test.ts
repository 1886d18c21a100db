// The local queue worker against real azurite: the Functions runtime's rules for a failing
// message (retried, then parked in the poison queue after maxDequeueCount attempts) while
// another message flows.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import { startAzurite, type Azurite } from '../../../dev/azurite.ts';
import { startLocalQueueWorker, type QueueSettlement } from '../../../functions/src/queue/local-queue-worker.ts';
import { createSyncQueue } from '../../../functions/src/queue/sync-queue.ts';
import { decodeQueueMessage, MAILBOX_SYNC_QUEUE, MAX_DEQUEUE_COUNT, poisonQueueOf, type MailboxSyncMessage } from '../../../functions/src/queue/sync-messages.ts';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite({ port: 0, inMemory: true });
});
afterAll(() => azurite?.close());

const message = (ownerEmail: string): MailboxSyncMessage => ({ tenantId: 't1', ownerEmail, userId: `id-${ownerEmail}`, reason: 'schedule' });

it('parks a message that keeps failing after 5 attempts, with its attempts counted, while another succeeds', async () => {
  const queue = createSyncQueue(azurite.connectionString);
  await queue.ensureQueues();
  const attempts = new Map<string, number[]>();
  const settlements: QueueSettlement[] = [];
  const worker = await startLocalQueueWorker({
    connectionString: azurite.connectionString,
    pollIntervalMs: 20,
    bindings: [
      {
        queueName: MAILBOX_SYNC_QUEUE,
        handle: async (received, delivery) => {
          const { ownerEmail } = received as MailboxSyncMessage;
          attempts.set(ownerEmail, [...(attempts.get(ownerEmail) ?? []), delivery.dequeueCount]);
          if (ownerEmail === 'broken@example.gov') throw new Error(`Graph said no (attempt ${delivery.dequeueCount})`);
          return 'done';
        },
      },
    ],
    onSettled: (settlement) => settlements.push(settlement),
  });
  try {
    await queue.enqueueMailboxSync(message('broken@example.gov'));
    await queue.enqueueMailboxSync(message('fine@example.gov'));
    await worker.drain();
  } finally {
    await worker.close();
  }

  expect(attempts.get('broken@example.gov')).toEqual([1, 2, 3, 4, 5]);
  expect(attempts.get('fine@example.gov')).toEqual([1]);
  expect(MAX_DEQUEUE_COUNT).toBe(5);
  const outcomes = settlements.map((s) => [(s.message as MailboxSyncMessage).ownerEmail, s.outcome]);
  expect(outcomes).toContainEqual(['fine@example.gov', 'completed']);
  expect(outcomes.filter(([, outcome]) => outcome === 'retrying')).toHaveLength(4);
  const poisoned = settlements.find((s) => s.outcome === 'poisoned');
  expect(poisoned).toMatchObject({ dequeueCount: 5, error: expect.objectContaining({ message: 'Graph said no (attempt 5)' }) });

  // The parked message is the one sent, as the runtime leaves it; the main queue is empty.
  const service = QueueServiceClient.fromConnectionString(azurite.connectionString);
  const { peekedMessageItems } = await service.getQueueClient(poisonQueueOf(MAILBOX_SYNC_QUEUE)).peekMessages({ numberOfMessages: 32 });
  expect(peekedMessageItems.map((item) => decodeQueueMessage(item.messageText))).toEqual([message('broken@example.gov')]);
  expect((await service.getQueueClient(MAILBOX_SYNC_QUEUE).getProperties()).approximateMessagesCount).toBe(0);
});

it('hands the handler the parsed JSON like the Functions runtime, and non-JSON as text', async () => {
  const service = QueueServiceClient.fromConnectionString(azurite.connectionString);
  const queueName = 'shapes';
  await service.getQueueClient(queueName).createIfNotExists();
  const received: unknown[] = [];
  const worker = await startLocalQueueWorker({
    connectionString: azurite.connectionString,
    pollIntervalMs: 20,
    bindings: [{ queueName, handle: async (value) => received.push(value) }],
  });
  try {
    await service.getQueueClient(queueName).sendMessage(Buffer.from('{"a":1}').toString('base64'));
    await worker.drain();
    await service.getQueueClient(queueName).sendMessage(Buffer.from('plain words').toString('base64'));
    await worker.drain();
  } finally {
    await worker.close();
  }
  expect(received).toEqual([{ a: 1 }, 'plain words']);
});

describe('the azurite stand-in', () => {
  it('listens on loopback only, with telemetry off', () => {
    expect(new URL(azurite.queueEndpoint).hostname).toBe('127.0.0.1');
    const { AzuriteTelemetryClient } = createRequire(import.meta.url)('azurite/dist/src/common/Telemetry.js') as {
      AzuriteTelemetryClient: { enableTelemetry: boolean; initialized: boolean };
    };
    expect(AzuriteTelemetryClient.enableTelemetry).toBe(false);
    expect(AzuriteTelemetryClient.initialized).toBe(false);
  });

  it('keeps queued messages across a restart when given a location (npm start uses .data/azurite)', async () => {
    const location = mkdtempSync(join(tmpdir(), 'crosswalk-azurite-'));
    try {
      const first = await startAzurite({ port: 0, location });
      const queue = createSyncQueue(first.connectionString);
      await queue.ensureQueues();
      await queue.enqueueMailboxSync(message('kept@example.gov'));
      await first.close();

      const second = await startAzurite({ port: 0, location });
      try {
        const client = QueueServiceClient.fromConnectionString(second.connectionString).getQueueClient(MAILBOX_SYNC_QUEUE);
        const { peekedMessageItems } = await client.peekMessages();
        expect(peekedMessageItems.map((item) => JSON.parse(Buffer.from(item.messageText, 'base64').toString('utf8')))).toEqual([message('kept@example.gov')]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(location, { recursive: true, force: true });
    }
  });
});
