// The Graph change-notification subscriptions Crosswalk holds, one per mailbox and resource,
// with the secret (clientState) every notification must carry.
import { makeStableId } from '../ids/make-stable-id.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { queryAll } from './container-operations.ts';
import { recordStoreOperation } from './store-metrics.ts';

export interface SubscriptionDocument {
  id: string;
  tenantId: string;
  docType: 'subscription';
  ownerEmail: string;
  userId: string;
  /** e.g. users/{id}/messages */
  resource: string;
  subscriptionId: string;
  clientState: string;
  expiresAt: string;
  /** Graph asked for reauthorization: renew at the next chance. */
  needsRenewal: boolean;
}

export interface SubscriptionsRepository {
  findBySubscriptionId(tenantId: string, subscriptionId: string): Promise<SubscriptionDocument | null>;
  listForMailbox(tenantId: string, ownerEmail: string): Promise<SubscriptionDocument[]>;
  save(subscription: Omit<SubscriptionDocument, 'id' | 'docType'>): Promise<void>;
  remove(tenantId: string, ownerEmail: string, resource: string): Promise<void>;
}

export function makeSubscriptionDocId(tenantId: string, ownerEmail: string, resource: string): string {
  return makeStableId(tenantId, 'subscription', ownerEmail, resource);
}

export function createSubscriptionsRepository(store: Pick<CosmosStore, 'syncState'>): SubscriptionsRepository {
  const container = store.syncState;
  return {
    async findBySubscriptionId(tenantId, subscriptionId) {
      const [found] = await queryAll<SubscriptionDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'subscription' AND c.subscriptionId = @subscriptionId",
        { tenantId, subscriptionId },
        { partitionKey: tenantId },
      );
      return found ?? null;
    },
    listForMailbox(tenantId, ownerEmail) {
      return queryAll<SubscriptionDocument>(
        container,
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'subscription' AND c.ownerEmail = @ownerEmail",
        { tenantId, ownerEmail },
        { partitionKey: tenantId },
      );
    },
    async save(subscription) {
      const { requestCharge } = await container.items.upsert({
        ...subscription,
        id: makeSubscriptionDocId(subscription.tenantId, subscription.ownerEmail, subscription.resource),
        docType: 'subscription',
      });
      recordStoreOperation('writes', 1, requestCharge);
    },
    async remove(tenantId, ownerEmail, resource) {
      try {
        await container.item(makeSubscriptionDocId(tenantId, ownerEmail, resource), tenantId).delete();
        recordStoreOperation('writes', 1);
      } catch (error) {
        if ((error as { code?: number }).code !== 404) throw error;
      }
    },
  };
}
