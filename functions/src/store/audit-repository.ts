// The audit trail: append-only. This repository can add entries and read them; it has no way to
// change or delete one, and no route reaches the container otherwise. Partitioned by tenant,
// like everything a tenant's users read together.
import { randomUUID } from 'node:crypto';
import type { JSONObject } from '@azure/cosmos';
import type { AuditAction, AuditEntry } from '../../../shared/domain/group.ts';
import { AppError } from '../errors/app-error.ts';
import type { CosmosStore } from './cosmos-store.ts';
import { queryAll } from './container-operations.ts';
import { recordStoreOperation } from './store-metrics.ts';

export interface AuditDocument extends AuditEntry {
  tenantId: string;
  docType: 'audit';
  /** `at` plus the entry's place in its batch: entries of one change (a person created, then
   * their membership) keep their order though they share a timestamp. */
  sortKey: string;
}

/** What a caller records; the id and tenant are filled in here. */
export interface AuditRecord {
  at: string;
  actor: { email: string; name: string | null };
  action: AuditAction;
  targetType: AuditEntry['targetType'];
  targetId: string;
  groupId?: string | null;
  personId?: string | null;
  teamId?: string | null;
  summary: string;
  before: object | null;
  after: object | null;
}

export interface AuditRepository {
  append(tenantId: string, records: readonly AuditRecord[]): Promise<void>;
  /** Newest first. */
  listForGroup(tenantId: string, groupId: string, options: { limit: number }): Promise<AuditDocument[]>;
  /** Newest first. */
  listForPerson(tenantId: string, personId: string, options: { limit: number }): Promise<AuditDocument[]>;
}

const CHUNK = 100;

/** Drops Cosmos's system fields from a before/after snapshot: they are storage, not history. */
function snapshot(value: object | null): Record<string, unknown> | null {
  if (!value) return null;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('_')));
}

export function createAuditRepository(store: Pick<CosmosStore, 'audit'>): AuditRepository {
  const container = store.audit;
  const list = (tenantId: string, field: 'groupId' | 'personId', value: string, limit: number) =>
    queryAll<AuditDocument>(
      container,
      `SELECT TOP @limit * FROM c WHERE c.tenantId = @tenantId AND c.docType = 'audit' AND c.${field} = @value ORDER BY c.sortKey DESC`,
      { tenantId, value, limit },
      { partitionKey: tenantId },
    );
  return {
    async append(tenantId, records) {
      for (let start = 0; start < records.length; start += CHUNK) {
        const chunk = records.slice(start, start + CHUNK);
        const documents: AuditDocument[] = chunk.map((record, index) => ({
          id: randomUUID(),
          sortKey: `${record.at}|${String(start + index).padStart(6, '0')}`,
          tenantId,
          docType: 'audit',
          at: record.at,
          actor: record.actor,
          action: record.action,
          targetType: record.targetType,
          targetId: record.targetId,
          groupId: record.groupId ?? null,
          personId: record.personId ?? null,
          teamId: record.teamId ?? null,
          summary: record.summary,
          before: snapshot(record.before),
          after: snapshot(record.after),
        }));
        // Create, never upsert: an entry, once written, is never overwritten.
        const results = await container.items.bulk(
          documents.map((document) => ({ operationType: 'Create' as const, partitionKey: tenantId, resourceBody: document as unknown as JSONObject })),
        );
        recordStoreOperation('writes', chunk.length, results.reduce((sum, result) => sum + (result.requestCharge ?? 0), 0));
        const failed = results.find((result) => result.statusCode >= 300);
        if (failed) throw new AppError('unavailable', `Writing the audit trail failed with status ${failed.statusCode}`);
      }
    },
    listForGroup: (tenantId, groupId, options) => list(tenantId, 'groupId', groupId, options.limit),
    listForPerson: (tenantId, personId, options) => list(tenantId, 'personId', personId, options.limit),
  };
}
