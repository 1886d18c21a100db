// The sync queues as the app uses them: send a mailbox sync or a tenant enrichment, and take
// what was parked in the poison queue (archive-parked-messages.ts moves it into the store,
// where it can be listed page by page: a queue shows at most 32 messages at a time). The only code importing @azure/storage-queue besides
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
  /** When it was parked (put in the poison queue). */
  insertedOn: string | null;
  /** The message as sent (decoded), or its raw text when it was not JSON. */
  body: unknown;
  /** Settles a received message: delete it, or make it visible again. */
  popReceipt: string;
}

export interface SyncQueue {
  /** Creates the queues if missing (the runtime creates them too, but a first send needs them). */
  ensureQueues(): Promise<void>;
  enqueueMailboxSync(message: MailboxSyncMessage): Promise<void>;
  enqueueTenantEnrich(message: TenantEnrichMessage, options?: { delaySeconds?: number }): Promise<void>;
  /**
   * Receives up to 32 parked mailbox-sync messages (the service's limit per call), hidden from
   * other readers for `hideForSeconds`; each is then deleted or released.
   */
  receiveParkedMailboxSyncs(options: { hideForSeconds: number }): Promise<ParkedMessage[]>;
  deleteParkedMailboxSync(message: Pick<ParkedMessage, 'messageId' | 'popReceipt'>): Promise<void>;
  /** Makes a received parked message visible again, as it was. */
  releaseParkedMailboxSync(message: Pick<ParkedMessage, 'messageId' | 'popReceipt'>): Promise<void>;
}

const RECEIVE_MAX = 32;

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
    async receiveParkedMailboxSyncs({ hideForSeconds }) {
      const { receivedMessageItems } = await mailboxPoison.receiveMessages({ numberOfMessages: RECEIVE_MAX, visibilityTimeout: hideForSeconds });
      return receivedMessageItems.map((item) => ({
        messageId: item.messageId,
        popReceipt: item.popReceipt,
        insertedOn: item.insertedOn?.toISOString() ?? null,
        body: decodeQueueMessage(item.messageText),
      }));
    },
    async deleteParkedMailboxSync({ messageId, popReceipt }) {
      await mailboxPoison.deleteMessage(messageId, popReceipt);
    },
    async releaseParkedMailboxSync({ messageId, popReceipt }) {
      await mailboxPoison.updateMessage(messageId, popReceipt, undefined, 0);
    },
  };
}
