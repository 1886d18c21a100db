// What privacy requests store and read: mailbox opt-outs and the tenant's do-not-track list (in
// the settings container, beside the exclusion lists), plus the few cross-cutting reads and
// deletes they need (a person's edges as a contact, an owner's whole ledger partition).
import type { EdgeDocument } from '../enrichment/build-edges.ts';
import { makeStableId } from '../ids/make-stable-id.ts';
import { normalizeEmail } from '../../../shared/domain/email-address.ts';
import type { CosmosStore } from '../store/cosmos-store.ts';
import { bulkDelete, queryAll } from '../store/container-operations.ts';
import { recordStoreOperation } from '../store/store-metrics.ts';
import type { InteractionBucket } from '../store/interaction-buckets.ts';

export interface OptOutRecord {
  ownerEmail: string;
  /** When the owner opted out. */
  at: string;
}

export interface DoNotTrackEntry {
  email: string;
  reason: string;
  at: string;
  /** Who recorded it (the person themselves, or the admin acting on their request). */
  by: string;
}

interface OptOutDocument extends OptOutRecord {
  id: string;
  tenantId: string;
  docType: 'privacy-opt-out';
}

interface DoNotTrackDocument {
  id: string;
  tenantId: string;
  docType: 'privacy-do-not-track';
  entries: DoNotTrackEntry[];
}

export interface PrivacyRepository {
  readOptOut(tenantId: string, ownerEmail: string): Promise<OptOutRecord | null>;
  saveOptOut(tenantId: string, record: OptOutRecord): Promise<void>;
  removeOptOut(tenantId: string, ownerEmail: string): Promise<void>;
  listDoNotTrack(tenantId: string): Promise<DoNotTrackEntry[]>;
  /** Adds (or replaces, by address) an entry. */
  addDoNotTrack(tenantId: string, entry: DoNotTrackEntry): Promise<void>;
  /** Edges of every owner where `email` is the contact: the team's aggregates about that person. */
  listEdgesAsContact(tenantId: string, email: string): Promise<EdgeDocument[]>;
  /** Deletes an owner's whole ledger partition; returns how many interactions it held. */
  removeLedger(tenantId: string, ownerKey: string): Promise<number>;
}

const MAX_ATTEMPTS = 5;

const optOutId = (tenantId: string, ownerEmail: string) => makeStableId(tenantId, 'privacy-opt-out', normalizeEmail(ownerEmail));
const doNotTrackId = (tenantId: string) => makeStableId(tenantId, 'privacy-do-not-track');

function isStatus(error: unknown, ...codes: number[]): boolean {
  return codes.includes((error as { code?: number }).code ?? 0);
}

export function createPrivacyRepository(store: Pick<CosmosStore, 'settings' | 'edges' | 'interactions'>): PrivacyRepository {
  const settings = store.settings;
  return {
    async readOptOut(tenantId, ownerEmail) {
      const { resource, requestCharge } = await settings.item(optOutId(tenantId, ownerEmail), tenantId).read<OptOutDocument>();
      recordStoreOperation('reads', 1, requestCharge);
      return resource ? { ownerEmail: resource.ownerEmail, at: resource.at } : null;
    },
    async saveOptOut(tenantId, record) {
      const ownerEmail = normalizeEmail(record.ownerEmail);
      const document: OptOutDocument = { id: optOutId(tenantId, ownerEmail), tenantId, docType: 'privacy-opt-out', ownerEmail, at: record.at };
      const { requestCharge } = await settings.items.upsert(document);
      recordStoreOperation('writes', 1, requestCharge);
    },
    async removeOptOut(tenantId, ownerEmail) {
      try {
        const { requestCharge } = await settings.item(optOutId(tenantId, ownerEmail), tenantId).delete();
        recordStoreOperation('writes', 1, requestCharge);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    },
    async listDoNotTrack(tenantId) {
      const { resource, requestCharge } = await settings.item(doNotTrackId(tenantId), tenantId).read<DoNotTrackDocument>();
      recordStoreOperation('reads', 1, requestCharge);
      return resource?.entries ?? [];
    },
    async addDoNotTrack(tenantId, entry) {
      const email = normalizeEmail(entry.email);
      // Read, change, write on the ETag: two admins recording requests at once both land.
      for (let attempt = 1; ; attempt += 1) {
        const { resource, etag } = await settings.item(doNotTrackId(tenantId), tenantId).read<DoNotTrackDocument>();
        const entries = [...(resource?.entries ?? []).filter((existing) => existing.email !== email), { ...entry, email }];
        const document: DoNotTrackDocument = { id: doNotTrackId(tenantId), tenantId, docType: 'privacy-do-not-track', entries };
        try {
          const response = resource
            ? await settings.item(document.id, tenantId).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } })
            : await settings.items.create(document);
          recordStoreOperation('writes', 1, response.requestCharge);
          return;
        } catch (error) {
          if (!isStatus(error, 409, 412) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    },
    listEdgesAsContact(tenantId, email) {
      return queryAll<EdgeDocument>(
        store.edges,
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.contactEmail = @email',
        { tenantId, email: normalizeEmail(email) },
        { partitionKey: tenantId },
      );
    },
    async removeLedger(tenantId, ownerKey) {
      const buckets = await queryAll<Pick<InteractionBucket, 'id' | 'items'>>(
        store.interactions,
        'SELECT c.id, c.items FROM c WHERE c.tenantId = @tenantId AND c.ownerKey = @ownerKey',
        { tenantId, ownerKey },
        { partitionKey: ownerKey },
      );
      await bulkDelete(store.interactions, buckets.map((bucket) => ({ id: bucket.id, partitionKey: ownerKey })));
      return buckets.reduce((sum, bucket) => sum + Object.keys(bucket.items ?? {}).length, 0);
    },
  };
}
