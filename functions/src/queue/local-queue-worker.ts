// The local stand-in for the Functions runtime's queue triggers: receives from azurite and
// calls the very handlers the app.storageQueue registrations call, with the runtime's rules.
// A message is invisible while it is handled; success deletes it; a failure makes it visible
// again, and the attempt that reaches maxDequeueCount moves it to `<queue>-poison` instead
// (the same text, as the runtime does), so one bad mailbox never blocks the others.
import { QueueServiceClient, type DequeuedMessageItem, type QueueClient } from '@azure/storage-queue';
import { decodeQueueMessage, MAX_DEQUEUE_COUNT, poisonQueueOf } from './sync-messages.ts';

export interface QueueDelivery {
  /** 1 on the first attempt; the runtime's triggerMetadata.dequeueCount. */
  dequeueCount: number;
  maxDequeueCount: number;
}

export interface QueueBinding {
  queueName: string;
  /** Gets the message as the Functions runtime passes it: parsed JSON, or the text. */
  handle(message: unknown, delivery: QueueDelivery): Promise<unknown>;
}

export type QueueSettlement =
  | { queueName: string; message: unknown; outcome: 'completed'; result: unknown }
  | { queueName: string; message: unknown; outcome: 'retrying' | 'poisoned'; dequeueCount: number; error: unknown };

export interface LocalQueueWorkerOptions {
  connectionString: string;
  bindings: readonly QueueBinding[];
  maxDequeueCount?: number;
  /** How long a received message stays hidden; host.json's functionTimeout, so no message is handled twice at once. */
  visibilityTimeoutSeconds?: number;
  /** How long a failed message waits before its next attempt (host.json queues.visibilityTimeout, default 0). */
  retryDelaySeconds?: number;
  /** Messages handled at once; the runtime's batchSize. */
  batchSize?: number;
  /** Wait between polls of empty queues. */
  pollIntervalMs?: number;
  onSettled?: (settlement: QueueSettlement) => void;
}

export interface LocalQueueWorker {
  /** Resolves once every bound queue is empty (visible or not) and nothing is being handled. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function startLocalQueueWorker(options: LocalQueueWorkerOptions): Promise<LocalQueueWorker> {
  const service = QueueServiceClient.fromConnectionString(options.connectionString);
  const maxDequeueCount = options.maxDequeueCount ?? MAX_DEQUEUE_COUNT;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const bound = options.bindings.map((binding) => ({
    binding,
    queue: service.getQueueClient(binding.queueName),
    poison: service.getQueueClient(poisonQueueOf(binding.queueName)),
  }));
  for (const { queue, poison } of bound) {
    await queue.createIfNotExists();
    await poison.createIfNotExists();
  }

  let stopping = false;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  async function settle(entry: (typeof bound)[number], item: DequeuedMessageItem): Promise<void> {
    const message = decodeQueueMessage(item.messageText);
    const queueName = entry.binding.queueName;
    try {
      const result = await entry.binding.handle(message, { dequeueCount: item.dequeueCount, maxDequeueCount });
      await entry.queue.deleteMessage(item.messageId, item.popReceipt);
      options.onSettled?.({ queueName, message, outcome: 'completed', result });
    } catch (error) {
      if (item.dequeueCount >= maxDequeueCount) {
        await entry.poison.sendMessage(item.messageText);
        await entry.queue.deleteMessage(item.messageId, item.popReceipt);
        options.onSettled?.({ queueName, message, outcome: 'poisoned', dequeueCount: item.dequeueCount, error });
      } else {
        await entry.queue.updateMessage(item.messageId, item.popReceipt, undefined, options.retryDelaySeconds ?? 0);
        options.onSettled?.({ queueName, message, outcome: 'retrying', dequeueCount: item.dequeueCount, error });
      }
    }
  }

  async function pollOnce(): Promise<number> {
    let received = 0;
    for (const entry of bound) {
      if (stopping) break;
      const { receivedMessageItems } = await entry.queue.receiveMessages({
        numberOfMessages: options.batchSize ?? 1,
        visibilityTimeout: options.visibilityTimeoutSeconds ?? 600,
      });
      received += receivedMessageItems.length;
      inFlight += receivedMessageItems.length;
      await Promise.all(
        receivedMessageItems.map((item) =>
          settle(entry, item)
            .catch((error: unknown) => console.error(`[queue] ${entry.binding.queueName}: could not settle a message:`, error))
            .finally(() => {
              inFlight -= 1;
            }),
        ),
      );
    }
    return received;
  }

  const loop = (async () => {
    while (!stopping) {
      let received = 0;
      try {
        received = await pollOnce();
      } catch (error) {
        if (!stopping) console.error('[queue] polling failed:', error instanceof Error ? error.message : error);
      }
      if (received === 0 && !stopping) await sleep(pollIntervalMs);
    }
  })();

  async function isIdle(queue: QueueClient): Promise<boolean> {
    // Counts invisible messages too: a message waiting for its retry is not done.
    const { approximateMessagesCount } = await queue.getProperties();
    return (approximateMessagesCount ?? 0) === 0;
  }

  return {
    async drain() {
      for (;;) {
        if (inFlight === 0) {
          const idle = await Promise.all(bound.map(({ queue }) => isIdle(queue)));
          // Checked again after the counts: a handler may have enqueued while they were read.
          if (idle.every(Boolean) && inFlight === 0) return;
        }
        await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      }
    },
    async close() {
      stopping = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
