// The queue-triggered tenant-wide enrichment (inferred groups, organizations), for both hosts.
// Every synced mailbox asks for one; an enrichment that started after the request and finished
// already read that mailbox's data, so the request is dropped. Many mailboxes finishing within
// the message's delay thus cost one enrichment, and none is ever missed: a failed enrichment
// records nothing, and its message is retried.
import { enrichTenant } from '../sync/enrich-tenant.ts';
import { readClock, type QueueSyncServices } from './queue-sync-services.ts';
import { parseQueueMessage, TENANT_ENRICH_QUEUE, tenantEnrichMessageSchema } from './sync-messages.ts';

export type TenantEnrichOutcome = { outcome: 'enriched'; inferredGroups: number } | { outcome: 'already-covered' };

export async function handleTenantEnrich(services: QueueSyncServices, rawMessage: unknown): Promise<TenantEnrichOutcome> {
  const message = parseQueueMessage(tenantEnrichMessageSchema, TENANT_ENRICH_QUEUE, rawMessage);
  const clock = readClock(services);
  const before = await services.syncStatus.readTenant(message.tenantId);
  // Strictly later: an enrichment that started in the same millisecond may not have seen the data.
  if (before?.enrichedThrough && before.enrichedThrough > message.requestedAt) return { outcome: 'already-covered' };
  const startedAt = clock().toISOString();
  const directory = await services.repositories.organizations.listAll(message.tenantId);
  const { inferredGroups } = await enrichTenant(services, message.tenantId, directory);
  const finishedAt = clock().toISOString();
  // Another host may have finished a later enrichment meanwhile; never move the mark back.
  const latest = await services.syncStatus.readTenant(message.tenantId);
  const enrichedThrough = latest?.enrichedThrough && latest.enrichedThrough > startedAt ? latest.enrichedThrough : startedAt;
  await services.syncStatus.saveTenant({ tenantId: message.tenantId, enrichedThrough, lastEnrichedAt: finishedAt, updatedAt: finishedAt });
  return { outcome: 'enriched', inferredGroups };
}
