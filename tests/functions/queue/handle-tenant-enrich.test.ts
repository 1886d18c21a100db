// Tenant enrichment is debounced without ever being skipped wrongly: a request is dropped only
// when an enrichment that started after it has finished.
import { handleTenantEnrich } from '../../../functions/src/queue/handle-tenant-enrich.ts';
import type { QueueSyncServices } from '../../../functions/src/queue/queue-sync-services.ts';
import type { SyncStatusRepository, TenantSyncState } from '../../../functions/src/store/sync-state-repository.ts';
import { enrichTenant } from '../../../functions/src/sync/enrich-tenant.ts';

vi.mock('../../../functions/src/sync/enrich-tenant.ts', () => ({ enrichTenant: vi.fn() }));
const enrich = vi.mocked(enrichTenant);

function createServices(times: string[]) {
  let tenant: TenantSyncState | null = null;
  const clock = () => new Date(times.shift() ?? '2030-01-01T00:00:00.000Z');
  const syncStatus = {
    readTenant: async () => tenant,
    saveTenant: async (state: Omit<TenantSyncState, 'id' | 'docType'>) => {
      tenant = { ...state, id: 't', docType: 'tenant' };
    },
  } as unknown as SyncStatusRepository;
  const services = {
    repositories: { organizations: { listAll: async () => [] } },
    syncStatus,
    clock,
  } as unknown as QueueSyncServices;
  return { services, tenant: () => tenant };
}

beforeEach(() => {
  enrich.mockReset();
  enrich.mockResolvedValue({ inferredGroups: 2, inferredMemberships: 5 });
});

it('enriches for a request newer than the last finished enrichment, and drops requests it covered', async () => {
  const { services, tenant } = createServices(['2026-03-01T10:00:05.000Z', '2026-03-01T10:00:09.000Z']);
  const first = await handleTenantEnrich(services, { tenantId: 't1', requestedAt: '2026-03-01T10:00:00.000Z' });
  expect(first).toEqual({ outcome: 'enriched', inferredGroups: 2 });
  expect(tenant()).toMatchObject({ enrichedThrough: '2026-03-01T10:00:05.000Z', lastEnrichedAt: '2026-03-01T10:00:09.000Z' });

  // Finished mailboxes that asked before the enrichment started: already covered.
  expect(await handleTenantEnrich(services, { tenantId: 't1', requestedAt: '2026-03-01T10:00:04.999Z' })).toEqual({ outcome: 'already-covered' });
  // Asked in the very millisecond it started, or after: not covered.
  expect(await handleTenantEnrich(services, { tenantId: 't1', requestedAt: '2026-03-01T10:00:05.000Z' })).toMatchObject({ outcome: 'enriched' });
  expect(enrich).toHaveBeenCalledTimes(2);
});

it('marks nothing when enrichment fails, so the retried message enriches', async () => {
  const { services, tenant } = createServices(['2026-03-01T10:00:05.000Z']);
  enrich.mockRejectedValueOnce(new Error('Cosmos unavailable'));
  await expect(handleTenantEnrich(services, { tenantId: 't1', requestedAt: '2026-03-01T10:00:00.000Z' })).rejects.toThrow('Cosmos unavailable');
  expect(tenant()).toBeNull();
  expect(await handleTenantEnrich(services, { tenantId: 't1', requestedAt: '2026-03-01T10:00:00.000Z' })).toMatchObject({ outcome: 'enriched' });
});

it('rejects a malformed message, naming the field', async () => {
  const { services } = createServices([]);
  await expect(handleTenantEnrich(services, { tenantId: 't1', requestedAt: 'yesterday' })).rejects.toThrow(/tenant-enrich message is invalid: requestedAt/);
  await expect(handleTenantEnrich(services, 'not json')).rejects.toThrow(/not JSON/);
});
