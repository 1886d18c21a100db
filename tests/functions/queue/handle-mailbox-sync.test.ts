// One mailbox's queued sync: its state moves with the outcome, the error bucket decides whether
// the queue retries, and the last failed attempt is recorded as parked.
import { GraphRequestError } from '../../../functions/src/graph/read-graph-page.ts';
import { handleMailboxSync } from '../../../functions/src/queue/handle-mailbox-sync.ts';
import type { QueueSyncServices } from '../../../functions/src/queue/queue-sync-services.ts';
import type { MailboxSyncState, SyncStatusRepository } from '../../../functions/src/store/sync-state-repository.ts';
import { syncMailbox } from '../../../functions/src/sync/sync-mailbox.ts';

vi.mock('../../../functions/src/sync/sync-mailbox.ts', () => ({ syncMailbox: vi.fn() }));
const sync = vi.mocked(syncMailbox);

const message = { tenantId: 't1', ownerEmail: 'pat@example.gov', userId: 'u1', reason: 'schedule' as const };
const first = { dequeueCount: 1, maxDequeueCount: 5 };
const last = { dequeueCount: 5, maxDequeueCount: 5 };
const graphError = (kind: 'temporary' | 'auth') =>
  new GraphRequestError({ kind, status: kind === 'auth' ? 401 : 503, retryAfterSeconds: null, message: 'no' }, { cause: null });

function createServices(initial: Partial<MailboxSyncState> | null = null) {
  let state: MailboxSyncState | null = initial && ({ ...initial, id: 'm', docType: 'mailbox' } as MailboxSyncState);
  const enrichRequests: unknown[] = [];
  const syncRequests: unknown[] = [];
  const services = {
    repositories: { organizations: { listAll: async () => [] } },
    now: () => new Date('2026-03-01T00:00:00Z'),
    clock: () => new Date('2026-03-02T00:00:00Z'),
    syncStatus: {
      readMailbox: async () => state,
      updateMailbox: async (_tenantId: string, _ownerEmail: string, change: (current: MailboxSyncState | null) => Omit<MailboxSyncState, 'id' | 'docType'> | null) => {
        const next = change(state);
        if (next) state = { ...next, id: 'm', docType: 'mailbox' };
        return next ?? state;
      },
    } as unknown as SyncStatusRepository,
    queue: {
      enqueueMailboxSync: async (m: unknown) => void syncRequests.push(m),
      enqueueTenantEnrich: async (m: unknown) => void enrichRequests.push(m),
    },
  } as unknown as QueueSyncServices;
  return { services, state: () => state, enrichRequests, syncRequests };
}

beforeEach(() => {
  sync.mockReset();
});

it('syncs a pending mailbox to idle and asks for a tenant enrichment', async () => {
  sync.mockResolvedValue([{ resource: 'mail:inbox', pages: 1, items: 7, removed: 0, fullResyncs: 0 }]);
  const { services, state, enrichRequests } = createServices({ stage: 'pending', failureCount: 2, lastError: { message: 'x', at: 'y', kind: 'temporary' } });
  expect(await handleMailboxSync(services, message, first)).toEqual({ outcome: 'synced', ownerEmail: 'pat@example.gov', items: 7 });
  expect(state()).toMatchObject({ stage: 'idle', failureCount: 0, lastError: null, lastSuccessAt: '2026-03-02T00:00:00.000Z', userId: 'u1' });
  expect(enrichRequests).toEqual([{ tenantId: 't1', requestedAt: '2026-03-02T00:00:00.000Z' }]);
});

it('sends the mailbox once more when a notification asked for a rerun while it ran', async () => {
  sync.mockResolvedValue([{ resource: 'mail:inbox', pages: 1, items: 1, removed: 0, fullResyncs: 0 }]);
  const { services, state, syncRequests } = createServices({ stage: 'pending', failureCount: 0 });
  sync.mockImplementationOnce(async () => {
    // What the webhook records for a notification arriving mid-run.
    expect(state()).toMatchObject({ stage: 'running' });
    await services.syncStatus.updateMailbox('t1', 'pat@example.gov', (current) => current && { ...current, rerun: true });
    return [];
  });
  await handleMailboxSync(services, message, first);
  expect(state()).toMatchObject({ stage: 'pending', rerun: false, lastSuccessAt: '2026-03-02T00:00:00.000Z' });
  expect(syncRequests).toEqual([{ tenantId: 't1', ownerEmail: 'pat@example.gov', userId: 'u1', reason: 'notification' }]);
  // The follow-up runs and, with no further notification, ends idle without another message.
  await handleMailboxSync(services, { ...message, reason: 'notification' }, first);
  expect(state()).toMatchObject({ stage: 'idle', rerun: false });
  expect(syncRequests).toHaveLength(1);
});

it('rethrows a temporary failure for the queue to retry, and records it as parked on the last attempt', async () => {
  sync.mockRejectedValue(graphError('temporary'));
  const { services, state } = createServices({ stage: 'pending', failureCount: 0, parkedAt: null });
  await expect(handleMailboxSync(services, message, first)).rejects.toBeInstanceOf(GraphRequestError);
  expect(state()).toMatchObject({ stage: 'failed', failureCount: 1, parkedAt: null, lastError: { kind: 'temporary' } });
  await expect(handleMailboxSync(services, message, last)).rejects.toBeInstanceOf(GraphRequestError);
  expect(state()).toMatchObject({ stage: 'failed', failureCount: 2, parkedAt: '2026-03-02T00:00:00.000Z', lastParkedError: { kind: 'temporary' } });
});

it('does not rethrow an auth failure: the mailbox waits in needs-reconnect, and later messages are dropped', async () => {
  sync.mockRejectedValue(graphError('auth'));
  const { services, state } = createServices();
  expect(await handleMailboxSync(services, message, first)).toEqual({ outcome: 'needs-reconnect', ownerEmail: 'pat@example.gov' });
  expect(state()).toMatchObject({ stage: 'needs-reconnect', failureCount: 1, lastError: { kind: 'auth', message: expect.stringContaining('401') } });
  expect(await handleMailboxSync(services, { ...message, reason: 'notification' }, first)).toEqual({ outcome: 'skipped', ownerEmail: 'pat@example.gov' });
  expect(sync).toHaveBeenCalledTimes(1);
});

it('records a failure that is not Graph\'s as unknown, and retries it', async () => {
  sync.mockRejectedValue(new Error('Cosmos said 503'));
  const { services, state } = createServices();
  await expect(handleMailboxSync(services, message, first)).rejects.toThrow('Cosmos said 503');
  expect(state()).toMatchObject({ stage: 'failed', lastError: { kind: 'unknown', message: 'Cosmos said 503' } });
});

it('rejects a message without an owner before touching any state', async () => {
  const { services, state } = createServices();
  await expect(handleMailboxSync(services, { tenantId: 't1', userId: 'u1', reason: 'schedule' }, first)).rejects.toThrow(/mailbox-sync message is invalid: ownerEmail/);
  expect(state()).toBeNull();
});
