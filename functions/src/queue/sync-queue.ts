// The sync queues as the app uses them: send a mailbox sync or a tenant enrichment, and read
// what was parked in the poison queue. The only code importing @azure/storage-queue besides
// the local worker; the same connection string names azurite locally and a storage account
// in Azure (the CROSSWALK_QUEUE_CONNECTION app setting, also used by the queue triggers).
import { QueueServiceClient } from '@azure/storage-queue';
import {
  decodeQueueMessage,
  encodeQueueMessage,
  MAILBOX_SYNC_QUEUE,
  poisonQueueOf,
  TENANT_ENRICH_QUEUE,
  type MailboxSyncMessage,
  type TenantEnrichMessage,
} from './sync-messages.ts';

export interface ParkedMessage {
  messageId: string;
  insertedOn: string | null;
  /** The message as sent (decoded), or its raw text when it was not JSON. */
  body: unknown;
}

export interface SyncQueue {
  /** Creates the queues if missing (the runtime creates them too, but a first send needs them). */
  ensureQueues(): Promise<void>;
  enqueueMailboxSync(message: MailboxSyncMessage): Promise<void>;
  enqueueTenantEnrich(message: TenantEnrichMessage, options?: { delaySeconds?: number }): Promise<void>;
  /** The oldest parked mailbox-sync messages: a peek sees at most 32 (the service's limit). */
  peekParkedMailboxSyncs(): Promise<ParkedMessage[]>;
}

const PEEK_MAX = 32;

export function createSyncQueue(connectionString: string): SyncQueue {
  const service = QueueServiceClient.fromConnectionString(connectionString);
  const mailboxSync = service.getQueueClient(MAILBOX_SYNC_QUEUE);
  const tenantEnrich = service.getQueueClient(TENANT_ENRICH_QUEUE);
  const mailboxPoison = service.getQueueClient(poisonQueueOf(MAILBOX_SYNC_QUEUE));
  return {
    async ensureQueues() {
      for (const queue of [mailboxSync, tenantEnrich, mailboxPoison, service.getQueueClient(poisonQueueOf(TENANT_ENRICH_QUEUE))]) {
        await queue.createIfNotExists();
      }
    },
    async enqueueMailboxSync(message) {
      await mailboxSync.sendMessage(encodeQueueMessage(message));
    },
    async enqueueTenantEnrich(message, options = {}) {
      await tenantEnrich.sendMessage(encodeQueueMessage(message), { visibilityTimeout: options.delaySeconds ?? 0 });
    },
    async peekParkedMailboxSyncs() {
      const { peekedMessageItems } = await mailboxPoison.peekMessages({ numberOfMessages: PEEK_MAX });
      return peekedMessageItems.map((item) => ({
        messageId: item.messageId,
        insertedOn: item.insertedOn?.toISOString() ?? null,
        body: decodeQueueMessage(item.messageText),
      }));
    },
  };
}
